"""The solver: constraints -> a solved ``Timeline``.

A simple temporal network (``_solver``) gives the tightest bounds of every
point, an explanation for each bound, and the conflicts found with the weakest
evidence dropped; ``extract`` runs the whole pipeline into a ``Timeline``.
"""
