"""The event stage's word tables (``grammars/events/``), loaded once.

Takes ``verbs.toml`` ([class], [cues], [governors], [prep_participles]),
``nominal_events.toml`` and ``clauses.toml``; gives ``event_lexicon()``, an
``EventLexicon`` of verb classes, status cues, event nouns, signals and the
phrases that make clauses reported or conditional.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

from timeline.events._model import EventClass, Status
from timeline.text import load_table, string_map, third_person, word_list

__all__ = ["EventLexicon", "event_lexicon"]

_STATUS_WORDS = tuple(s.value for s in Status)


@attrs.frozen
class EventLexicon:
    """Tables used by event detection.

    Attributes:
        verb_class: verb lemma -> TimeML class (others are OCCURRENCE).
        cues: planning / possibility cue (tuple of words) -> status word.
        max_cue: length in words of the longest cue.
        planned_governors: intensional verbs whose complement is planned.
        nouns: event noun form (singular or plural) -> (lemma, class).
        signals: words that, before a noun phrase, mark its head as an event.
        predicates: verb lemmas whose subject names an event.
        conditionals: clause openers that make events hypothetical.
        reported_phrases: phrases that attribute a sentence ("according to").
        reporting_phrases: phrases whose first word is itself a REPORTING
            event (TimeML: "according" in "according to").
        prep_participles: bare participles used as prepositions ("based on").
        complement_nouns: noun form -> status of its "that" clause
            ("claims that ..." REPORTED, "fears that ..." HYPOTHETICAL).
    """

    verb_class: Mapping[str, EventClass]
    cues: Mapping[tuple[str, ...], Status]
    max_cue: int
    planned_governors: frozenset[str] = attrs.field(kw_only=True)
    nouns: Mapping[str, tuple[str, EventClass]] = attrs.field(kw_only=True)
    signals: frozenset[str] = attrs.field(kw_only=True)
    predicates: frozenset[str] = attrs.field(kw_only=True)
    conditionals: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    reported_phrases: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    reporting_phrases: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    complement_nouns: Mapping[str, Status] = attrs.field(kw_only=True)
    prep_participles: frozenset[str] = attrs.field(kw_only=True)


def _plural(noun: str) -> str:
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun  # already plural: "talks", "hostilities"
    return third_person(noun)  # the verb -s spelling rules: "loss" -> "losses"


@functools.cache
def event_lexicon() -> EventLexicon:
    verbs, nominal, clauses = "verbs.toml", "nominal_events.toml", "clauses.toml"
    verb_class: dict[str, EventClass] = {}
    for cls in EventClass:
        if cls is EventClass.OCCURRENCE:
            continue
        section = load_table(verbs).get("class", {})
        if cls.value in section:
            for lemma in word_list(verbs, "class", cls.value):
                verb_class[lemma] = cls
    cues = {
        tuple(phrase.split()): Status(value)
        for phrase, value in string_map(verbs, "cues", _STATUS_WORDS).items()
    }
    nouns: dict[str, tuple[str, EventClass]] = {}
    for cls in EventClass:
        if cls.value not in load_table(nominal):
            continue
        for noun in sorted(word_list(nominal, cls.value)):  # sorted: no hash-seed dependence
            for form in (noun, _plural(noun)):
                nouns.setdefault(form, (noun, cls))
    return EventLexicon(
        verb_class,
        cues,
        max((len(k) for k in cues), default=1),
        planned_governors=word_list(verbs, "governors", "planned"),
        nouns=nouns,
        signals=word_list(nominal, "signals", "before_phrase"),
        predicates=word_list(nominal, "predicates", "lemmas"),
        conditionals=frozenset(tuple(p.split()) for p in word_list(clauses, "conditional")),
        reported_phrases=frozenset(
            tuple(p.split()) for p in word_list(clauses, "reported", "phrases")
        ),
        reporting_phrases=frozenset(
            tuple(p.split()) for p in word_list(clauses, "reported", "events")
        ),
        prep_participles=word_list(verbs, "prep_participles"),
        complement_nouns=_complement_nouns(nominal),
    )


def _complement_nouns(name: str) -> dict[str, Status]:
    out: dict[str, Status] = {}
    for status in (Status.REPORTED, Status.HYPOTHETICAL):
        for noun in word_list(name, "complement_nouns", status.value):
            for form in (noun, _plural(noun)):
                out.setdefault(form, status)
    return out
