"""Temporal expressions: ``(text, published)`` -> ``TimeExpression``s.

A regex of anchor words finds candidate spans (``_scan``), the Lark grammar in
``grammars/`` parses the longest one (``_grammar``), a Transformer turns the tree
into a meaning object (``_meaning``, its rules by family in ``_meaning_*``, the
objects in ``_meaning_model``), and pure functions resolve it against its
anchor into a TIMEX3 value and an uncertainty interval (``_resolve``, by family
in ``_resolve_*``, over ``_calendar``). ``tag`` runs them in order over a text,
choosing the side of publication of a date without a year from the tense of
the clause that governs it (``_side``).
"""

from timeline.expressions._calendar import DayBound, add_days, day_from_ordinal
from timeline.expressions._dateline import find_publication_date
from timeline.expressions._model import Bound, FarDate, TimeExpression, TimexType, iso_year
from timeline.expressions._tag import MAX_TEXT_CHARS, publication_day, tag

__all__ = [
    "MAX_TEXT_CHARS",
    "Bound",
    "DayBound",
    "FarDate",
    "TimeExpression",
    "TimexType",
    "add_days",
    "day_from_ordinal",
    "find_publication_date",
    "iso_year",
    "publication_day",
    "tag",
]
