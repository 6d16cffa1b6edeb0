"""The lexicon: every word class the text stage reads, built once from the tables.

Takes the ``grammars/events`` tables (abbreviations, auxiliaries, function
words, verbs, clause cues); gives one frozen ``Lexicon`` (``lexicon()``, cached)
with the word classes and the indexes built from them.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from timeline._cache import cache_dir, cache_key, read_blob, write_blob
from timeline._data import resource_path
from timeline._errors import DataTableError
from timeline.text._tables import fold, string_map, word_list
from timeline.text._tagset import Tag
from timeline.text._verb_forms import VerbForms, read_verb_forms

__all__ = ["TENSE_WORDS", "Lexicon", "lexicon"]

TENSE_WORDS = ("PRESENT", "PAST", "NONE", "FUTURE")


@attrs.frozen
class Lexicon:
    """Word classes loaded from the ``grammars/events`` tables.

    Attributes:
        title_abbrevs: abbreviations that never end a sentence ("mr", "gen").
        month_abbrevs: month abbreviations ("feb"), no break before a number.
        other_abbrevs: abbreviations that end a sentence only before a starter.
        capital_abbrevs: like ``other_abbrevs`` but only when capitalised ("ill").
        sentence_starters: frequent sentence-initial words.
        be: form of "be" -> tense word (PRESENT, PAST, NONE).
        have: form of "have" -> tense word.
        do: form of "do" -> tense word.
        modals: modal -> tense word (FUTURE or NONE).
        modal_names: clipped modal host -> the modal shown ("wo" -> "will").
        hypothetical_modals: modals whose events are only possible.
        negation: negators ("not", "n't", "never").
        clitics: contraction suffixes split off their host ("n't", "'s").
        clitic_verb_hosts: hosts after which "'s" is a verb, not a possessive.
        fused: words written as one that are two tokens -> length of the
            first ("cannot" -> 3).
        determiners, possessives, subject_pronouns, object_pronouns,
        prepositions, infinitive, adverbs, coordinators, numbers, time_words:
            closed word classes.
        adjective_suffixes: endings read as adjectives ("ous", "ive").
        verb_forms: word form -> tuple of (form tag, lemma), form tag in
            VB, VBZ, VBD, VBN, VBG.
        not_verbs: words that look like verb forms but are not.
        negative_prefixes: prefixes of unknown -ed words that make them
            adjectives ("un": "unchanged").
        adjectives: participles read as adjectives after "be".
        adjectival: -ing forms read as adjectives before a noun even after a
            preposition ("amid rising tides"; but "by sharing information").
        reporting: reporting verb lemmas (a complement clause follows them).
        complement_verbs: lemmas that take a bare complement clause (reporting
            and belief verbs: "said the town fell", "fear they are losing").
        hard_separators: punctuation that always ends a clause.
        soft_separators: punctuation that ends a clause unless a piece is verbless.
        cues: clause cue phrases (tuples of words) -> cue kind
            (coordinator, subordinator, relative).
        max_cue_length: number of words of the longest cue phrase.
        relatives: single-word relative cues ("which", "who", "that").
        subordinators: single-word subordinating cues ("when", "because").
        cues_single: all single-word clause cues.
        not_cues: fixed phrases in which a cue word opens no clause ("as many as").
        max_not_cue_length: number of words of the longest such phrase.
        closed_tags: derived, not passed in: closed-class word -> its Tag (the
            first class that lists it, in the order of ``_CLOSED_CLASSES``).
        cue_lengths: derived: first word of a cue phrase -> the lengths of the
            cues starting with it, longest first.
        not_cue_lengths: derived: the same for ``not_cues`` of two words or more.
        separators: derived: ``hard_separators | soft_separators``.
        stretch_stops: derived: ``separators | cues_single`` (the words that
            end the tagger's look-ahead for a finite verb).
        finite_auxiliaries: derived: modals and the present and past forms of
            "be", "have" and "do" (an unmistakable finite verb).
        complement_forms: derived: the verb forms of a ``complement_verbs`` lemma.
        reporting_forms: derived: the verb forms of a ``reporting`` lemma.
    """

    title_abbrevs: frozenset[str]
    month_abbrevs: frozenset[str]
    other_abbrevs: frozenset[str]
    capital_abbrevs: frozenset[str] = attrs.field(kw_only=True)
    sentence_starters: frozenset[str] = attrs.field(kw_only=True)
    be: Mapping[str, str] = attrs.field(kw_only=True)
    have: Mapping[str, str] = attrs.field(kw_only=True)
    do: Mapping[str, str] = attrs.field(kw_only=True)
    modals: Mapping[str, str] = attrs.field(kw_only=True)
    modal_names: Mapping[str, str] = attrs.field(kw_only=True)
    hypothetical_modals: frozenset[str] = attrs.field(kw_only=True)
    negation: frozenset[str] = attrs.field(kw_only=True)
    clitics: tuple[str, ...] = attrs.field(kw_only=True)
    clitic_verb_hosts: frozenset[str] = attrs.field(kw_only=True)
    fused: Mapping[str, int] = attrs.field(kw_only=True)
    determiners: frozenset[str] = attrs.field(kw_only=True)
    possessives: frozenset[str] = attrs.field(kw_only=True)
    subject_pronouns: frozenset[str] = attrs.field(kw_only=True)
    object_pronouns: frozenset[str] = attrs.field(kw_only=True)
    prepositions: frozenset[str] = attrs.field(kw_only=True)
    infinitive: frozenset[str] = attrs.field(kw_only=True)
    adverbs: frozenset[str] = attrs.field(kw_only=True)
    coordinators: frozenset[str] = attrs.field(kw_only=True)
    numbers: frozenset[str] = attrs.field(kw_only=True)
    time_words: frozenset[str] = attrs.field(kw_only=True)
    adjective_suffixes: tuple[str, ...] = attrs.field(kw_only=True)
    verb_forms: Mapping[str, tuple[tuple[str, str], ...]] = attrs.field(kw_only=True)
    not_verbs: frozenset[str] = attrs.field(kw_only=True)
    negative_prefixes: tuple[str, ...] = attrs.field(kw_only=True)
    adjectives: frozenset[str] = attrs.field(kw_only=True)
    adjectival: frozenset[str] = attrs.field(kw_only=True)
    reporting: frozenset[str] = attrs.field(kw_only=True)
    complement_verbs: frozenset[str] = attrs.field(kw_only=True)
    hard_separators: frozenset[str] = attrs.field(kw_only=True)
    soft_separators: frozenset[str] = attrs.field(kw_only=True)
    cues: Mapping[tuple[str, ...], str] = attrs.field(kw_only=True)
    max_cue_length: int = attrs.field(kw_only=True)
    relatives: frozenset[str] = attrs.field(kw_only=True)
    subordinators: frozenset[str] = attrs.field(kw_only=True)
    cues_single: frozenset[str] = attrs.field(kw_only=True)
    not_cues: frozenset[tuple[str, ...]] = attrs.field(kw_only=True)
    max_not_cue_length: int = attrs.field(kw_only=True)
    # Indexes built from the fields above: one dictionary look-up per token
    # instead of a test against every word list or every phrase length.
    closed_tags: Mapping[str, Tag] = attrs.field(init=False, eq=False, repr=False)
    cue_lengths: Mapping[str, tuple[int, ...]] = attrs.field(init=False, eq=False, repr=False)
    not_cue_lengths: Mapping[str, tuple[int, ...]] = attrs.field(init=False, eq=False, repr=False)
    separators: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    stretch_stops: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    finite_auxiliaries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    complement_forms: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    reporting_forms: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # the class is frozen: set the derived fields the way attrs documents
        object.__setattr__(self, "closed_tags", _closed_tags(self))
        object.__setattr__(self, "cue_lengths", _lengths_by_first_word(self.cues, 1))
        # a one-word "not cue" never applied (_not_cue_at matches two words or more)
        object.__setattr__(self, "not_cue_lengths", _lengths_by_first_word(self.not_cues, 2))
        separators = self.hard_separators | self.soft_separators
        object.__setattr__(self, "separators", separators)
        object.__setattr__(self, "stretch_stops", separators | self.cues_single)
        object.__setattr__(self, "finite_auxiliaries", _finite_auxiliaries(self))
        object.__setattr__(self, "complement_forms", _forms_of(self, self.complement_verbs))
        object.__setattr__(self, "reporting_forms", _forms_of(self, self.reporting))


def _finite_auxiliaries(lex: Lexicon) -> frozenset[str]:
    """Modals, and the forms of "be", "have" and "do" with a tense."""
    finite = set(lex.modals)
    for table in (lex.be, lex.have, lex.do):
        finite.update(word for word, tense in table.items() if tense in ("PRESENT", "PAST"))
    return frozenset(finite)


def _forms_of(lex: Lexicon, lemmas: frozenset[str]) -> frozenset[str]:
    """The verb forms that have a reading with a lemma among *lemmas*."""
    return frozenset(
        form
        for form, readings in lex.verb_forms.items()
        if any(lemma in lemmas for _, lemma in readings)
    )


def _lengths_by_first_word(
    phrases: Iterable[tuple[str, ...]], shortest: int
) -> dict[str, tuple[int, ...]]:
    """First word -> lengths (at least *shortest*) of the phrases starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if len(phrase) >= shortest:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(ls, reverse=True)) for word, ls in lengths.items()}


# Closed word classes in order of precedence: a word listed in several takes
# the tag of the first ("that" is REL, not DET).
_CLOSED_CLASSES = (
    (Tag.NEG, "negation"),
    (Tag.MODAL, "modals"),
    (Tag.BE, "be"),
    (Tag.HAVE, "have"),
    (Tag.DO, "do"),
    (Tag.TO, "infinitive"),
    (Tag.REL, "relatives"),
    (Tag.DET, "determiners"),
    (Tag.POSS, "possessives"),
    (Tag.PRON, "subject_pronouns"),
    (Tag.OBJ, "object_pronouns"),
    (Tag.NUM, "numbers"),
    (Tag.PREP, "prepositions"),
    (Tag.SUB, "subordinators"),
    (Tag.CONJ, "coordinators"),
    (Tag.ADV, "adverbs"),
)


def _closed_tags(lex: Lexicon) -> dict[str, Tag]:
    """Closed-class word -> tag, for ``Lexicon.closed_tags``."""
    out: dict[str, Tag] = {}
    for tag, field in _CLOSED_CLASSES:
        for word in getattr(lex, field):
            out.setdefault(word, tag)
    return out


# --------------------------------------------------------------------------
# The lexicon, table by table
# --------------------------------------------------------------------------


def _fused(name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row, (word, host) in enumerate(string_map(name, "fused").items(), 1):
        if not word.startswith(fold(host)) or len(host) >= len(word):
            raise DataTableError(f"{name}: [fused] row {row}: {host!r} does not start {word!r}")
        out[word] = len(host)
    return out


def _abbreviation_fields(ab: str) -> dict[str, Any]:
    return {
        "title_abbrevs": word_list(ab, "title"),
        "month_abbrevs": word_list(ab, "month"),
        "other_abbrevs": word_list(ab, "other"),
        "capital_abbrevs": word_list(ab, "capitalized"),
        "sentence_starters": word_list(ab, "sentence_starters"),
    }


def _auxiliary_fields(aux: str) -> dict[str, Any]:
    clitics = tuple(sorted(word_list(aux, "clitics", "suffixes"), key=lambda s: (-len(s), s)))
    return {
        "be": string_map(aux, "be", TENSE_WORDS),
        "have": string_map(aux, "have", TENSE_WORDS),
        "do": string_map(aux, "do", TENSE_WORDS),
        "modals": string_map(aux, "modals", TENSE_WORDS),
        "modal_names": string_map(aux, "modal_names"),
        "hypothetical_modals": word_list(aux, "hypothetical"),
        "negation": word_list(aux, "negation"),
        "clitics": clitics,
        "clitic_verb_hosts": word_list(aux, "clitics", "verb_hosts"),
        "fused": _fused(aux),
    }


def _function_word_fields(fw: str) -> dict[str, Any]:
    return {
        "determiners": word_list(fw, "determiners"),
        "possessives": word_list(fw, "possessives"),
        "subject_pronouns": word_list(fw, "subject_pronouns"),
        "object_pronouns": word_list(fw, "object_pronouns"),
        "prepositions": word_list(fw, "prepositions"),
        "infinitive": word_list(fw, "infinitive"),
        "adverbs": word_list(fw, "adverbs"),
        "coordinators": word_list(fw, "coordinators"),
        "numbers": word_list(fw, "numbers"),
        "time_words": word_list(fw, "time_words"),
        "adjective_suffixes": tuple(sorted(word_list(fw, "adjective_suffixes"))),
    }


def _verb_fields(verbs: str) -> dict[str, Any]:
    verb_forms, _ = read_verb_forms(verbs)
    return {
        "verb_forms": VerbForms(verb_forms),
        "not_verbs": word_list(verbs, "not_verbs"),
        "negative_prefixes": tuple(sorted(word_list(verbs, "not_verbs", "negative_prefixes"))),
        "adjectives": word_list(verbs, "adjectives"),
        "adjectival": word_list(verbs, "adjectives", "before_nouns"),
        "reporting": word_list(verbs, "class", "REPORTING"),
        "complement_verbs": word_list(verbs, "class", "REPORTING")
        | word_list(verbs, "class", "I_STATE"),
    }


def _single_word_cues(cues: Mapping[tuple[str, ...], str], kind: str) -> frozenset[str]:
    return frozenset(k[0] for k, v in cues.items() if v == kind and len(k) == 1)


def _clause_fields(cl: str) -> dict[str, Any]:
    cues: dict[tuple[str, ...], str] = {}
    for kind, key in (
        ("coordinator", "coordinators"),
        ("subordinator", "subordinators"),
        ("relative", "relatives"),
    ):
        for phrase in word_list(cl, "cues", key):
            cues.setdefault(tuple(phrase.split()), kind)
    not_cues = frozenset(tuple(p.split()) for p in word_list(cl, "not_cues", "phrases"))
    return {
        "hard_separators": word_list(cl, "separators", "hard"),
        "soft_separators": word_list(cl, "separators", "soft"),
        "cues": cues,
        "max_cue_length": max((len(k) for k in cues), default=1),
        "relatives": _single_word_cues(cues, "relative"),
        "subordinators": _single_word_cues(cues, "subordinator"),
        "cues_single": frozenset(k[0] for k in cues if len(k) == 1),
        "not_cues": not_cues,
        "max_not_cue_length": max((len(k) for k in not_cues), default=1),
    }


_TABLES = (
    "abbreviations.toml",
    "auxiliaries.toml",
    "function_words.toml",
    "verbs.toml",
    "clauses.toml",
)
# The modules whose code shapes the lexicon built from the tables.
_BUILDERS = ("_lexicon.py", "_morphology.py", "_tables.py", "_tagset.py", "_verb_forms.py")
_CACHE_PREFIX = "lexicon-"


def _build_lexicon() -> Lexicon:
    ab, aux, fw, verbs, cl = _TABLES
    return Lexicon(
        **_abbreviation_fields(ab),
        **_auxiliary_fields(aux),
        **_function_word_fields(fw),
        **_verb_fields(verbs),
        **_clause_fields(cl),
    )


def _lexicon_key() -> str | None:
    """Hash of the tables and of the code that builds from them; None if unreadable."""
    here = Path(__file__).resolve().parent
    try:
        parts = [resource_path(f"events/{name}").read_text(encoding="utf-8") for name in _TABLES]
        parts += [(here / name).read_text(encoding="utf-8") for name in _BUILDERS]
    except OSError:
        return None
    return cache_key(("lexicon", *parts))


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon built from the tables (loaded once, then shared).

    Building it takes about as long as tagging a few articles, so a built
    lexicon is kept in the per-user cache (``timeline._cache``), keyed on the
    tables and the code that reads them.
    """
    directory, key = cache_dir(), _lexicon_key()
    if directory is None or key is None:
        return _build_lexicon()
    path = directory / f"{_CACHE_PREFIX}{key[:40]}.pickle"
    payload = read_blob(path, key)
    if payload is not None:
        try:
            cached = pickle.loads(payload)  # noqa: S301 - our own file (read_blob checks the owner)
        except Exception:  # noqa: BLE001 - any failure to load means: build instead
            cached = None
        if isinstance(cached, Lexicon):
            return cached
    built = _build_lexicon()
    write_blob(path, key, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL), _CACHE_PREFIX)
    return built
