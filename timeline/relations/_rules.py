"""The rules in run order (``RULES``) and running them (``constraints_for``).

Takes a ``Document``; gives every rule's constraints, or the named rules'
only (the baselines of benchmarks/tlinks.py run "event-interval" and "tense").

Run order, one family after another, from what the text states to what it
leaves to convention (as Chrono's ``configuration.ts`` lists its parsers):

1. event-interval (``_time_anchors``): definitional, HARD, never dropped:
   every event takes at least a minute, which makes it an interval.
2. time-anchor, duration (``_time_anchors``): a time expression and its
   signal place an event ("seized on Sunday", "for two weeks"); STRONG
   (MEDIUM for a vague time or a duration), the firmest evidence a text gives;
   then clause-time, coordinate-time, adjunct-time, relative-time,
   document-time, stamp-time (``_carrying``; adjunct-time ``_adjuncts``):
   MEDIUM, a time carried to the temporal clause, the verb joined by "and",
   a participle told with a dated verb (and back), the relative clause of a
   dated noun, the report from a dated document, the entry under a time
   stamp.
3. aspectual, event-signal (``_connectives``): words relating two events
   ("began bombing" STRONG, "after the vote" MEDIUM); then the ordering
   rules (``_ordering``: reported-event ... narrative-default), one measured
   decision per pair of neighbouring events, after the words that name an
   order: a reported past event is firm (MEDIUM), the others are likely
   (assumptions, kept out of the firm network and of the dates).
4. tense, since-continues, untensed-past, intended-ahead, modal-ahead,
   reporting-day, tense-result (``_tense``): each event against the
   publication day, from its tense, a "since", a bare participle in a
   sentence told in the past, a present intention or modal (what they govern
   is to come), the news convention that a report was made that day, or a
   completed present perfect ("has been indicted": WEAK, an assumption, over
   before the publication day); then reported-before and
   mention-time (``_carrying``): WEAK, a past happening told by a dated report
   was over before the report's day (an assumption), and a later mention of a
   dated happening ("the killing") is within its time.
5. story-time, narrative-order (``_narrative``): WEAK defaults of
   storytelling, last, as they only fill what the rules above leave open.

The order does not change the solution: the solver sorts constraints
canonically and lets strength decide what a conflict drops.  It is the order
of ``Timeline.constraints`` (and so of the JSON output and of explanations),
and the TimeML writer takes an event's anchoring times in it.  The rules
share what they read through ``Document.memo`` (time-anchor and story-time
share the expression-event links), so none depends on another having run.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline._errors import InputError
from timeline.relations._adjuncts import adjunct_time
from timeline.relations._carrying import (
    clause_time,
    coordinate_time,
    document_time,
    mention_time,
    relative_time,
    reported_before,
    stamp_time,
)
from timeline.relations._connectives import aspectual, event_signal
from timeline.relations._constraint import Constraint
from timeline.relations._document import Document, Rule
from timeline.relations._narrative import narrative_order, story_time
from timeline.relations._ordering import ORDERING_RULES
from timeline.relations._tense import (
    continues_since,
    intended_ahead,
    modal_ahead,
    perfect_result,
    reporting_day,
    tense,
    untensed_past,
)
from timeline.relations._time_anchors import duration_of, event_interval, time_anchor

RULES: Sequence[tuple[str, Rule]] = (
    ("event-interval", event_interval),
    ("time-anchor", time_anchor),
    ("duration", duration_of),
    ("clause-time", clause_time),
    ("coordinate-time", coordinate_time),
    ("adjunct-time", adjunct_time),
    ("relative-time", relative_time),
    ("document-time", document_time),
    ("stamp-time", stamp_time),
    ("aspectual", aspectual),
    ("event-signal", event_signal),
    # Ordering between events (_ordering: reported events, clauses, tense pairs,
    # connectives, the narrative default), one decision per pair.
    *ORDERING_RULES,
    ("tense", tense),
    ("since-continues", continues_since),
    ("untensed-past", untensed_past),
    ("intended-ahead", intended_ahead),
    ("modal-ahead", modal_ahead),
    ("reporting-day", reporting_day),
    ("tense-result", perfect_result),
    ("reported-before", reported_before),
    ("mention-time", mention_time),
    ("story-time", story_time),
    ("narrative-order", narrative_order),
)


RULE_NAMES = tuple(name for name, _rule in RULES)


def constraints_for(doc: Document, rules: Sequence[str] | None = None) -> list[Constraint]:
    """The constraints of every rule, or of the named ones only (for baselines)."""
    if isinstance(rules, str):
        raise InputError(f"rules must be a list of rule names, not the string {rules!r}")
    if rules is not None:
        unknown = sorted(set(rules) - set(RULE_NAMES))
        if unknown:
            raise InputError(f"unknown rule {', '.join(map(repr, unknown))}; "
                             f"known rules: {', '.join(RULE_NAMES)}")  # fmt: skip
    out: list[Constraint] = []
    for name, rule in RULES:
        if rules is None or name in rules:
            out.extend(rule(doc))
    return out
