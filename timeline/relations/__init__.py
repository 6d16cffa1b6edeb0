"""Relations: events and expressions -> ``Constraint``s between time points.

Each rule is a small named function that reads one kind of evidence (a time
anchoring an event, tense against publication, a connective, narrative order)
and gives difference constraints on event start/end points and times, each with
its rule, words and strength.  Time points are ``"<event id>.start"`` and
``"<event id>.end"``; a time's bounds are given from ``ORIGIN``, in minutes
since 0001-01-01 (``to_minutes``).

The modules, in the order they build on each other: ``_constraint`` (the
model the solver takes), ``_tables`` (``grammars/connectives.toml``),
``_units`` (minutes), ``_event_index`` and ``_document`` (what the rules
read), ``_linking`` (which event a phrase belongs to), the rule families
``_time_anchors``, ``_connectives``, ``_tense`` and ``_narrative``, and
``_rules`` (``RULES`` in run order, with why, and ``constraints_for``).
"""

from timeline.relations._constraint import (
    HARD,
    MEDIUM,
    ORIGIN,
    STRONG,
    WEAK,
    Constraint,
    Evidence,
    Point,
    Relation,
)
from timeline.relations._document import Document, Rule, end, start
from timeline.relations._rules import RULE_NAMES, RULES, constraints_for
from timeline.relations._tables import connectives
from timeline.relations._time_anchors import DATELINE_REACH, is_dateline
from timeline.relations._units import MINUTES_PER_DAY, duration_span, from_minutes, to_minutes

__all__ = [
    "DATELINE_REACH",
    "HARD",
    "MEDIUM",
    "MINUTES_PER_DAY",
    "ORIGIN",
    "RULES",
    "RULE_NAMES",
    "STRONG",
    "WEAK",
    "Constraint",
    "Document",
    "Evidence",
    "Point",
    "Relation",
    "Rule",
    "connectives",
    "constraints_for",
    "duration_span",
    "end",
    "from_minutes",
    "is_dateline",
    "start",
    "to_minutes",
]
