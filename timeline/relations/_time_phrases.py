"""The events a time's phrase reaches besides the verb that governs it.

Takes a ``Document`` and one of its time expressions; gives the event noun
just before the time ("trading Friday", "the bombings on Aug. 7"), the noun
whose complement it follows ("a search of the wooded area Thursday"), the noun
it modifies ("the 1996 campaign", "Wednesday's ruling"), and the past verbs of
the sentence whose opening phrase it is ("On Sept. 2, police raided ...").
``_time_anchors`` links the time to them.
"""

from __future__ import annotations

import functools
import re

from timeline._data import load_table
from timeline.events import Aspect, Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._document import Document

# "April 24 and 25": a list of days, not one day after a noun.
LIST_AND = re.compile(r"[^\S\n]+and[^\S\n]+\d")


def noun_just_before(doc: Document, expr: TimeExpression) -> Event | None:
    """'his speech Wednesday night', 'trading Friday', 'the bombings on Aug. 7':
    an event noun right before a time (or its signal of placing within) is
    dated by it too."""
    if LIST_AND.match(doc.text, expr.end):
        return None  # "the summit on April 24 and 25": not one of the two days
    begin = expr.signal_start if expr.signal_start is not None else expr.start
    # One character between them (0 < begin - trigger_end <= 1), a space.
    gap = begin - 1
    noun = doc.sentence_events(doc.sentence_of(begin)).nouns.first_ending_from(gap)
    if noun is not None and noun.trigger_end == gap and not doc.text[gap:begin].strip():
        return noun
    return None


# An event noun's complement before a bare time: "a search of the wooded
# area Thursday", "meetings with Tony Blair 10 days ago", "a decline of 5%
# in the company's stock yesterday" (a possessive, not a quotation mark).
_COMPLEMENT = re.compile(r"[^\S\n]+(?:of|with|against|for|by|between)[^\S\n]+(?:[^,;:()\"“”`']|'s\b){1,60}?[^\S\n]+")
_COMPLEMENT_REACH = 70


def noun_of_complement(doc: Document, expr: TimeExpression) -> Event | None:
    """'a search of the wooded area Thursday', 'the bombings of two embassies
    last year': a bare time after an event noun's complement dates the noun
    (no other event between them)."""
    if expr.signal is not None or LIST_AND.match(doc.text, expr.end):
        return None
    index = doc.sentence_events(doc.sentence_of(expr.start))
    noun = index.nouns.last_ending_by(expr.start)
    if noun is None or expr.start - noun.trigger_end > _COMPLEMENT_REACH:
        return None
    if index.all.last_ending_by(expr.start) is not noun:
        return None  # another event between: the time is nearer to it
    return noun if _COMPLEMENT.fullmatch(doc.text, noun.trigger_end, expr.start) else None


_OPENING_COMMA = re.compile(r"[^\S\n]*,")
_CLAUSE_MARK = re.compile(r"[,;:()\"“”]|``|''")


def opening_time_events(doc: Document, expr: TimeExpression) -> list[Event]:
    """'On Sept. 2, police entered a warehouse and questioned the staff': a time
    in the phrase that opens its sentence ("But on April 8,", "In composite
    trading Friday,"), set off by a comma, dates every past-tense verb of the
    sentence, not only the nearest."""
    sentence = doc.sentences[doc.sentence_of(expr.start)] if doc.sentences else None
    begin = expr.signal_start if expr.signal_start is not None else expr.start
    if sentence is None or not _OPENING_COMMA.match(doc.text, expr.end):
        return []
    if _CLAUSE_MARK.search(doc.text, sentence.start, begin):
        return []
    before = doc.sentence_events(sentence.index).verbs.starting_in(sentence.start, begin - 1)
    if any(e.tense is not Tense.NONE or e.verb_group != e.trigger for e in before):
        return []  # a clause before it ("would leave as soon as Tuesday,"): not an opening
    return [e for e in doc.events_in(sentence.index)
            if e.pos is Pos.VERB and e.tense is Tense.PAST and e.aspect is Aspect.NONE
            and e.status in (Status.ASSERTED, Status.REPORTED)]  # fmt: skip


# A time used inside a noun phrase: "the 1996 campaign", "its 1990 invasion",
# "yesterday's announcement", "the January 1998 bombing" (up to two words
# between), or "the incidents of
# Aug. 7" (the noun just before "of").
_POSSESSIVE_GAP = re.compile(r"['’]s[^\S\n]+")
_ATTRIBUTIVE_GAP = re.compile(r"(?:['’]s)?,?(?:\s+[\w-]+){0,2}?\s+$")

# How far after the time the modified noun can start.
_ATTRIBUTIVE_REACH = 30


@functools.cache
def _phrase_breaks() -> frozenset[str]:
    """Words that end a noun phrase: "charged with arson Thursday in the
    burning" does not date the burning ("the 1998 depot fire" does)."""
    table = load_table("events/function_words.toml")
    return frozenset(w for key in ("prepositions", "determiners", "possessives")
                     for w in table[key]["words"])  # fmt: skip


def modified_noun(doc: Document, expr: TimeExpression) -> Event | None:
    """The event noun a time modifies inside its noun phrase, if any."""
    index = doc.sentence_events(doc.sentence_of(expr.start))
    nouns = index.nouns
    if (expr.signal or "").casefold() == "of":
        # The noun just before "of": 0 <= signal_start - trigger_end <= 1.
        at = expr.signal_start or 0
        noun = nouns.first_ending_from(at - 1)
        return noun if noun is not None and noun.trigger_end <= at else None
    if expr.signal is not None:
        return None
    event = possessive_event(doc, expr)
    if event is not None:
        return event
    # Nouns starting within reach after the time, in text order (found by
    # bisection before any slicing: stays linear).
    verb = index.verbs.first_starting_from(expr.end)
    for noun in nouns.starting_in(expr.end + 1, expr.end + _ATTRIBUTIVE_REACH):
        if _ATTRIBUTIVE_GAP.fullmatch(doc.text, expr.end, noun.trigger_start) and not (
                _phrase_breaks() & set(doc.text[expr.end : noun.trigger_start].casefold().split())):
            if verb is None or verb.trigger_start >= noun.trigger_start:  # no verb between
                return noun
    return None


def possessive_event(doc: Document, expr: TimeExpression) -> Event | None:
    """"Wednesday's ruling": the event right after a time's possessive,
    whatever the tagger made of it, and whatever preposition governs the
    phrase ("in Sunday's debate")."""
    possessive = _POSSESSIVE_GAP.match(doc.text, expr.end)
    if possessive is None:
        return None
    event = doc.sentence_events(doc.sentence_of(expr.start)).all.first_starting_from(possessive.end())
    return event if event is not None and event.trigger_start == possessive.end() else None
