"""The solver: constraints -> a solved ``Timeline``.

A simple temporal network (``_solver``: ``solve``, over ``_network``,
``_search`` and ``_solution``) gives the tightest bounds of every point, an
explanation for each bound, and the conflicts found with the weakest evidence
dropped; ``Relation`` (``_relation``) is an answer about two events with its
confidence and evidence; ``extract`` (``_extract``) runs the whole pipeline into a
``Timeline``.
"""

from timeline.solver._extract import Source, extract, extract_many
from timeline.solver._relation import Relation
from timeline.solver._solution import Conflict, Solution
from timeline.solver._solver import solve
from timeline.solver._timeline import Moment, Timeline, TimelineEvent

__all__ = [
    "Conflict",
    "Moment",
    "Relation",
    "Solution",
    "Source",
    "Timeline",
    "TimelineEvent",
    "extract",
    "extract_many",
    "solve",
]
