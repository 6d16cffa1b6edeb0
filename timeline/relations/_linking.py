"""Which event a phrase belongs to.

Takes a ``Document`` and an offset (a time phrase, a connective, the words
after "of"); gives the event it attaches to: the governing verb of its clause
(``governing_event``), the next event (``next_event``), the event heading a
phrase (``_event_in_phrase``), the verb that carries a complement's time
(``_finite``), the verb just before a time (``verb_just_before``) or the
past verb sharing an untensed verb's time (``past_verb_sharing``), the
complements sharing an intention's time (``complements_sharing``), the event
noun a verb of occurring has as subject (``occurring_subject``) or a
when-clause's verb (``when_clause_event``).  Each is a bisection in the
sentence's event index.
"""

from __future__ import annotations

import re

from timeline.events import Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document
from timeline.relations._tables import _word_patterns
from timeline.text import lexicon


def governing_event(doc: Document, offset: int, end_offset: int) -> Event | None:
    """The event a phrase at [offset, end_offset) belongs to.

    In its clause, the nearest verb before it, else the nearest verb after
    it; failing that, the nearest verb in its sentence; nouns only when the
    sentence has no verb.
    """
    index = doc.sentence_events(doc.sentence_of(offset))
    for pool in (index.clause_verbs(offset), index.verbs, index.all):
        event = pool.nearest(offset, end_offset)
        if event is not None:
            return event
    return None


def next_event(doc: Document, offset: int) -> Event | None:
    """The first event whose trigger starts at or after offset, in the same sentence."""
    return doc.sentence_events(doc.sentence_of(offset)).all.first_starting_from(offset)


# At most two words (adjectives) between "of" and the event noun, no punctuation.
_PHRASE_GAP = re.compile(r"(?:[\w-]+\s+){0,2}")


def _event_in_phrase(doc: Document, offset: int) -> Event | None:
    """The event heading the phrase at offset ("of [intense] bombing"), or None
    when the phrase has none the detector knows ("ten years of boom, they're
    talking": not "talking")."""
    event = next_event(doc, offset)
    if event is None:
        return None
    gap = _PHRASE_GAP.match(doc.text, offset)
    return event if gap is not None and gap.end() >= event.trigger_start else None


def _finite(doc: Document, event: Event) -> Event:
    """The verb that carries tense and time for a complement: "began" for
    "began bombing", "scheduled" is not one (a plan has its own time)."""
    if event.governor is None:
        return event
    governor = doc.event_by_id(event.governor)
    if governor is not None and str(governor.event_class) == "ASPECTUAL":
        return governor
    return event


def past_verb_sharing(doc: Document, event: Event | None) -> Event | None:
    """A past verb that shares the time of the untensed verb a time reached:
    the action governing its infinitive ("were invited to join NATO in July
    1997", "were trying to cross six weeks ago"; not a state of mind:
    "planned to apply today"), or the verb right before a bare participle
    ("the car was found abandoned at the airport in December"), or the past
    action a purpose infinitive serves ("staged a parade to mark it on Friday")."""
    if event is None or event.pos is not Pos.VERB or event.tense is not Tense.NONE:
        return None
    if event.governor is not None and event.modality is None:  # "declined to comment"
        governor = doc.event_by_id(event.governor)
        if (governor is not None and governor.tense_label is Tense.PAST and governor.pos is Pos.VERB
                and str(governor.event_class) in ("I_ACTION", "ASPECTUAL")):  # fmt: skip
            return governor
    if event.governor is None and event.modality is None and _INFINITIVE.match(event.verb_group):
        return _purpose_governor(doc, event)
    if event.verb_group != event.trigger or event.modality is not None:
        return None
    verbs = doc.sentence_events(event.sentence).clause_verbs(event.trigger_start)
    finite = verbs.last_ending_by(event.trigger_start, skip=lambda e: e.tense is Tense.NONE)
    # A past verb right before the participle ("found abandoned", "practiced
    # forming"): "who is charged with gunning down a doctor in 1998" is not then.
    if finite is None or finite.tense_label is not Tense.PAST:
        return None
    return None if doc.text[finite.trigger_end : event.trigger_start].strip() else finite


def complements_sharing(doc: Document, event: Event | None) -> list[Event]:
    """The infinitive or -ing complements that share the time of the
    intention or action verb governing them: "On Friday, the government
    planned to pay the claims", "scheduled a news conference Thursday to
    announce it" (not what "began": the aspectual rule places only its start;
    not a report's complement: its own time)."""
    if event is None or event.pos is not Pos.VERB or str(event.event_class) not in _SHARING_CLASSES:
        return []
    found = doc.memo("complements", lambda: _complements(doc)).get(event.id, ())
    return [e for e in found if e.pos is Pos.VERB and e.tense is Tense.NONE and e.modality is None]


_SHARING_CLASSES = ("I_ACTION", "I_STATE")


def _complements(doc: Document) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for event in doc.events:
        if event.governor is not None:
            out.setdefault(event.governor, []).append(event)
    return out


_INFINITIVE = re.compile(r"to\s", re.IGNORECASE)
_PURPOSE_REACH = 120
# Words that end the main clause before a purpose infinitive.
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|``|''|\b(?:that|which|who|when|while|because|after|before)\b",
                           re.IGNORECASE)


def _purpose_governor(doc: Document, event: Event) -> Event | None:
    """The past action a purpose infinitive serves, in the same clause: "resigned
    last year to seek a seat", "staged celebrations to mark the entry on
    Friday" (not a state of mind: "wanted to leave on Friday")."""
    verbs = doc.sentence_events(event.sentence).verbs
    finite = verbs.last_ending_by(event.trigger_start, skip=lambda e: e.tense is Tense.NONE)
    if (finite is None or finite.tense_label is not Tense.PAST or finite.modality is not None
            or str(finite.event_class) in ("I_STATE", "STATE", "REPORTING")
            or finite.status not in (Status.ASSERTED, Status.REPORTED)):  # fmt: skip
        return None
    if event.trigger_start - finite.trigger_end > _PURPOSE_REACH:
        return None  # far apart: another clause's (and the slice stays short)
    between = doc.text[finite.trigger_end : event.trigger_start]
    return None if _CLAUSE_BREAK.search(between) else finite


def purpose_infinitive(doc: Document, event: Event) -> Event | None:
    """The infinitive of purpose after an action in its clause, which shares
    its time: "will fly to Oslo on March 12 to sign the accord", "plans to
    hold a rally to launch the campaign"
    (not after a state of mind or a report: "wanted to leave", "said to be")."""
    if event.pos is not Pos.VERB or str(event.event_class) in ("I_STATE", "STATE", "REPORTING"):
        return None
    verbs = doc.sentence_events(event.sentence).verbs
    purpose = verbs.first_starting_from(event.trigger_end)
    if (purpose is None or purpose.tense is not Tense.NONE or purpose.governor is not None
            or purpose.modality is not None or not _INFINITIVE.match(purpose.verb_group)
            or not _base_form(purpose.trigger)):  # fmt: skip
        return None  # "paid tribute to bombing victims": a preposition's noun
    if purpose.trigger_start - event.trigger_end > _PURPOSE_REACH:
        return None
    return None if _CLAUSE_BREAK.search(doc.text, event.trigger_end, purpose.trigger_start) else purpose


def _base_form(word: str) -> bool:
    """A verb's base form by the lexicon ("submit"; not "bombing")."""
    return any(tag in ("VB", "VBP") for tag, _lemma in lexicon().verb_forms.get(word.casefold(), ()))


def verb_just_before(doc: Document, expr: TimeExpression) -> Event | None:
    """'Detectives said Friday they recovered a pistol': a time right after a
    verb belongs to it, even where the clause split puts the time at the head
    of the next clause (the complement's verb is not the one it dates)."""
    if expr.signal is None and _ATTRIBUTIVE_TIME.match(doc.text, expr.end) and (
            "-" in expr.text or not doc.text[expr.end].isspace()):
        return None  # "reported third-quarter profit", "said Friday's focus": a noun's
    begin = expr.signal_start if expr.signal_start is not None else expr.start
    verbs = doc.sentence_events(doc.sentence_of(begin)).verbs
    verb = verbs.last_ending_by(begin)
    if verb is None or verb.end > begin or doc.text[verb.trigger_end : begin].strip():
        return None
    return verb


# A time followed at once by a word of its noun phrase: "third-quarter profit", "Friday's".
_ATTRIBUTIVE_TIME = re.compile(r"(?:['’]s\b|[^\S\n]+[a-z])")


def when_clause_event(doc: Document, expr: TimeExpression) -> Event | None:
    """'since August, when they traded at $10': the when-clause happened then."""
    match = _word_patterns()["when_clause"].match(doc.text, expr.end)
    if match is None:
        return None
    # The clause's first verb: its subject may hold event nouns ("Thursday,
    # when two leaders and 133 other people were arrested").
    event = doc.sentence_events(doc.sentence_of(expr.start)).verbs.first_starting_from(match.end())
    if event is None or event.trigger_start - match.end() > _WHEN_REACH:
        return None
    return None if _WHEN_BREAK.search(doc.text, match.end(), event.trigger_start) else event


_WHEN_REACH = 80
_WHEN_BREAK = re.compile(r"[,;:()\"“”]|``|''")


def occurring_subject(doc: Document, event: Event | None) -> Event | None:
    """The event noun a verb of occurring has as subject, dated with it: "The
    bombings occurred on Friday", "the ceremony was held Friday" (the noun
    right before the verb, only auxiliaries between)."""
    table = dating_table()["occurrence"]
    if event is None or event.pos is not Pos.VERB or event.lemma.casefold() not in table["verbs"]:  # type: ignore[operator]
        return None
    follow = table["follow"].get(event.lemma.casefold())  # type: ignore[attr-defined]
    if follow is not None and not re.match(rf"\s+{re.escape(follow)}\b", doc.text[event.trigger_end :][:20], re.I):
        return None  # "took the town": not "took place"
    nouns = doc.sentence_events(event.sentence).nouns
    noun = nouns.last_ending_by(event.trigger_start)
    if noun is None or not _AUXILIARIES.fullmatch(doc.text, noun.trigger_end, event.trigger_start):
        return None
    return noun


# Only auxiliaries (and adverbs in -ly) between a subject noun and its verb.
_AUXILIARIES = re.compile(r"(?:\s+(?:was|were|is|are|be|been|being|will|would|had|has|have|also|[a-z]+ly))*\s+",
                          re.IGNORECASE)
