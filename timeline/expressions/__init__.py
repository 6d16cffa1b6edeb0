"""Temporal expressions: ``(text, published)`` -> ``TimeExpression``s.

A regex of anchor words finds candidate spans (``_scan``), the Lark grammar in
``grammars/`` parses the longest one (``_grammar``), a Transformer turns the tree
into a meaning object (``_meaning``), and pure functions resolve it against its
anchor into a TIMEX3 value and an uncertainty interval (``_resolve``,
``_calendar``). ``tag`` runs them in order over a text.
"""
