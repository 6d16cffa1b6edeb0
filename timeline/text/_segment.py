"""Sentences, tokens and clauses, each with exact character offsets.

The first stage of the pipeline (see DESIGN.md, "Events and constraints")::

    split_sentences(text)              -> [Sentence]
    tag_tokens(text, sentence)         -> [Token]   words with a coarse part of speech
    tag_words(text, sentence)          -> [TaggedWord]  the same as named tuples (faster)
    split_clauses(text, sentence)      -> [Clause]

Everything is rule based and linear in the length of the text. Language
knowledge (abbreviations, auxiliaries, closed-class words, verb forms, clause
cues) lives in the TOML tables under ``grammars/events/``; this module holds
only the mechanics. Offsets are into the text given, so ``text[s.start:s.end]
== s.text`` for every sentence, token and clause.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from timeline._data import load_table as load_grammar_table
from timeline._errors import DataTableError

__all__ = [
    "MAX_SENTENCE_CHARS",
    "Clause",
    "Lexicon",
    "Sentence",
    "Tag",
    "TaggedWord",
    "Token",
    "TokenLike",
    "lexicon",
    "load_table",
    "split_clauses",
    "split_sentences",
    "tag_tokens",
    "tag_words",
    "tokenize",
]

# --------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------

_TABLE_FOLDER = "events"


@functools.cache
def load_table(name: str) -> Mapping[str, Any]:
    """Load the TOML table ``grammars/events/<name>`` once.

    Raises:
        DataTableError: the file is missing or is not valid TOML; the message
            names the file and the line.
    """
    return load_grammar_table(f"{_TABLE_FOLDER}/{name}")


def _section(table: Mapping[str, Any], name: str, section: str) -> Mapping[str, Any]:
    value = table.get(section)
    if not isinstance(value, dict):
        raise DataTableError(f"{name}: section [{section}] is missing or is not a table")
    return value


def _fold(word: str) -> str:
    return word.casefold().replace("\u2019", "'")


def word_list(name: str, section: str, key: str = "words") -> frozenset[str]:
    """The casefolded strings of ``[section] key = [...]`` in table *name*.

    Raises:
        DataTableError: the list is missing, holds a non-string or empty
            string, or repeats an entry; the message names file, section and row.
    """
    table = load_table(name)
    values = _section(table, name, section).get(key)
    if not isinstance(values, list):
        raise DataTableError(f"{name}: [{section}] {key} is missing or is not a list")
    seen: set[str] = set()
    for row, value in enumerate(values, 1):
        if not isinstance(value, str) or not value.strip():
            raise DataTableError(f"{name}: [{section}] {key} row {row}: {value!r} is not a word")
        folded = _fold(value.strip())
        if folded in seen:
            raise DataTableError(f"{name}: [{section}] {key} row {row}: {value!r} is repeated")
        seen.add(folded)
    return frozenset(seen)


def string_map(name: str, section: str, allowed: Iterable[str] | None = None) -> dict[str, str]:
    """The ``key = "VALUE"`` rows of ``[section]`` in *name*, keys casefolded.

    Raises:
        DataTableError: a value is not a string or not one of *allowed*.
    """
    table = _section(load_table(name), name, section)
    allowed_set = frozenset(allowed) if allowed is not None else None
    out: dict[str, str] = {}
    for row, (key, value) in enumerate(table.items(), 1):
        if not isinstance(value, str) or (allowed_set is not None and value not in allowed_set):
            raise DataTableError(
                f"{name}: [{section}] row {row} ({key!r}): {value!r} is not one of "
                f"{sorted(allowed_set) if allowed_set else 'strings'}"
            )
        folded = _fold(key)
        if folded in out:
            raise DataTableError(f"{name}: [{section}] row {row}: {key!r} is repeated")
        out[folded] = value
    return out


# --------------------------------------------------------------------------
# Verb morphology (regular rules; irregular forms come from verbs.toml)
# --------------------------------------------------------------------------

_VOWELS = frozenset("aeiou")


def _cvc(lemma: str) -> bool:
    """Whether the lemma ends consonant-vowel-consonant (stop -> stopped)."""
    return (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS
        and lemma[-1] not in "wxy"
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    )


def third_person(lemma: str) -> str:
    """The -s form of a verb lemma by rule (go -> goes, carry -> carries)."""
    if lemma.endswith(("s", "x", "z", "ch", "sh")) or (
        lemma.endswith("o") and not lemma.endswith("oo")
    ):
        return lemma + "es"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def past_forms(lemma: str) -> list[str]:
    """The regular -ed forms of a lemma (both spellings where doubling varies)."""
    if lemma.endswith("e"):
        return [lemma + "d"]
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return [lemma[:-1] + "ied"]
    forms = [lemma + "ed"]
    if _cvc(lemma):
        forms.append(lemma + lemma[-1] + "ed")
    if lemma.endswith("c"):
        forms.append(lemma + "ked")
    return forms


def ing_forms(lemma: str) -> list[str]:
    """The regular -ing forms of a lemma (both spellings where doubling varies)."""
    if lemma.endswith("ie"):
        return [lemma[:-2] + "ying"]
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return [lemma[:-1] + "ing"]
    forms = [lemma + "ing"]
    if _cvc(lemma):
        forms.append(lemma + lemma[-1] + "ing")
    if lemma.endswith("c"):
        forms.append(lemma + "king")
    return forms


# --------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------

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

    def __attrs_post_init__(self) -> None:
        # the class is frozen: set the derived fields the way attrs documents
        object.__setattr__(self, "closed_tags", _closed_tags(self))
        object.__setattr__(self, "cue_lengths", _lengths_by_first_word(self.cues, 1))
        # a one-word "not cue" never applied (_not_cue_at matches two words or more)
        object.__setattr__(self, "not_cue_lengths", _lengths_by_first_word(self.not_cues, 2))


def _lengths_by_first_word(
    phrases: Iterable[tuple[str, ...]], shortest: int
) -> dict[str, tuple[int, ...]]:
    """First word -> lengths (at least *shortest*) of the phrases starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if len(phrase) >= shortest:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(ls, reverse=True)) for word, ls in lengths.items()}


_ALNUM_RE = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*")


def _verb_forms(
    name: str = "verbs.toml",
) -> tuple[dict[str, tuple[tuple[str, str], ...]], set[str]]:
    table = load_table(name)
    forms: dict[str, set[tuple[str, str]]] = {}

    def add(form: str, tag: str, lemma: str) -> None:
        forms.setdefault(form, set()).add((tag, lemma))

    irregular = _section(table, name, "irregular")
    lemmas: set[str] = set()
    for row, (lemma, value) in enumerate(irregular.items(), 1):
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise DataTableError(
                f"{name}: [irregular] row {row} ({lemma!r}): expected [past, participle]"
            )
        lemma_f = _fold(lemma)
        if not _ALNUM_RE.fullmatch(lemma_f):
            raise DataTableError(f"{name}: [irregular] row {row}: {lemma!r} is not a word")
        lemmas.add(lemma_f)
        for tag, cell in zip(("VBD", "VBN"), value, strict=True):
            for alt in cell.split("|"):
                alt_f = _fold(alt.strip())
                if not _ALNUM_RE.fullmatch(alt_f):
                    raise DataTableError(
                        f"{name}: [irregular] row {row} ({lemma!r}): {alt!r} is not a word"
                    )
                add(alt_f, tag, lemma_f)
        add(lemma_f, "VB", lemma_f)
        add(third_person(lemma_f), "VBZ", lemma_f)
        for ing in ing_forms(lemma_f):
            add(ing, "VBG", lemma_f)
    regular = set(word_list(name, "regular", "lemmas"))
    classes = _section(table, name, "class")
    for cls in classes:
        regular |= word_list(name, "class", cls)
    for lemma in regular - lemmas:
        add(lemma, "VB", lemma)
        add(third_person(lemma), "VBZ", lemma)
        for past in past_forms(lemma):
            add(past, "VBD", lemma)
            add(past, "VBN", lemma)
        for ing in ing_forms(lemma):
            add(ing, "VBG", lemma)
    return {k: tuple(sorted(v)) for k, v in forms.items()}, regular | lemmas


def _fused(name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row, (word, host) in enumerate(string_map(name, "fused").items(), 1):
        if not word.startswith(_fold(host)) or len(host) >= len(word):
            raise DataTableError(f"{name}: [fused] row {row}: {host!r} does not start {word!r}")
        out[word] = len(host)
    return out


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon built from the tables (loaded once, then shared)."""
    ab, aux, fw, verbs, cl = (
        "abbreviations.toml",
        "auxiliaries.toml",
        "function_words.toml",
        "verbs.toml",
        "clauses.toml",
    )
    verb_forms, _ = _verb_forms(verbs)
    cues: dict[tuple[str, ...], str] = {}
    for kind, key in (
        ("coordinator", "coordinators"),
        ("subordinator", "subordinators"),
        ("relative", "relatives"),
    ):
        for phrase in word_list(cl, "cues", key):
            words = tuple(phrase.split())
            cues.setdefault(words, kind)
    clitics = tuple(sorted(word_list(aux, "clitics", "suffixes"), key=lambda s: (-len(s), s)))
    not_cues = frozenset(tuple(p.split()) for p in word_list(cl, "not_cues", "phrases"))
    return Lexicon(
        word_list(ab, "title"),
        word_list(ab, "month"),
        word_list(ab, "other"),
        capital_abbrevs=word_list(ab, "capitalized"),
        sentence_starters=word_list(ab, "sentence_starters"),
        be=string_map(aux, "be", TENSE_WORDS),
        have=string_map(aux, "have", TENSE_WORDS),
        do=string_map(aux, "do", TENSE_WORDS),
        modals=string_map(aux, "modals", TENSE_WORDS),
        modal_names=string_map(aux, "modal_names"),
        hypothetical_modals=word_list(aux, "hypothetical"),
        negation=word_list(aux, "negation"),
        clitics=clitics,
        clitic_verb_hosts=word_list(aux, "clitics", "verb_hosts"),
        fused=_fused(aux),
        determiners=word_list(fw, "determiners"),
        possessives=word_list(fw, "possessives"),
        subject_pronouns=word_list(fw, "subject_pronouns"),
        object_pronouns=word_list(fw, "object_pronouns"),
        prepositions=word_list(fw, "prepositions"),
        infinitive=word_list(fw, "infinitive"),
        adverbs=word_list(fw, "adverbs"),
        coordinators=word_list(fw, "coordinators"),
        numbers=word_list(fw, "numbers"),
        time_words=word_list(fw, "time_words"),
        adjective_suffixes=tuple(sorted(word_list(fw, "adjective_suffixes"))),
        verb_forms=verb_forms,
        not_verbs=word_list(verbs, "not_verbs"),
        negative_prefixes=tuple(sorted(word_list(verbs, "not_verbs", "negative_prefixes"))),
        adjectives=word_list(verbs, "adjectives"),
        adjectival=word_list(verbs, "adjectives", "before_nouns"),
        reporting=word_list(verbs, "class", "REPORTING"),
        complement_verbs=word_list(verbs, "class", "REPORTING")
        | word_list(verbs, "class", "I_STATE"),
        hard_separators=word_list(cl, "separators", "hard"),
        soft_separators=word_list(cl, "separators", "soft"),
        cues=cues,
        max_cue_length=max((len(k) for k in cues), default=1),
        relatives=frozenset(k[0] for k, v in cues.items() if v == "relative" and len(k) == 1),
        subordinators=frozenset(
            k[0] for k, v in cues.items() if v == "subordinator" and len(k) == 1
        ),
        cues_single=frozenset(k[0] for k in cues if len(k) == 1),
        not_cues=not_cues,
        max_not_cue_length=max((len(k) for k in not_cues), default=1),
    )


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


@attrs.frozen
class Sentence:
    """A sentence of the text.

    Attributes:
        index: position of the sentence in the text, from 0.
        start: offset of its first character.
        end: offset just past its last character.
        text: ``text[start:end]``, with no surrounding whitespace.
    """

    index: int = attrs.field(validator=attrs.validators.ge(0))
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=attrs.validators.ge(0))
    text: str = attrs.field(kw_only=True)


_CHUNK_RE = re.compile(r"\S+")
_CLOSERS = "\"'\u201d\u2019)]}\u00bb"
_OPENERS = "\"'\u201c\u2018([{\u00ab`"
_ENDERS = ".!?\u2026"
_ACRONYM_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_PARAGRAPH_SEPARATORS = ("\u2029", "\u2028")
# A sentence can end only in a gap (whitespace run) after a chunk ending in
# sentence punctuation or a closer ("said.", "it?'"), or in a gap holding a
# line or paragraph break. This pattern finds those places and starts with a
# character class, which the regex engine scans for quickly; the splitter then
# judges each such gap instead of every gap of the text.
_BREAKS = "\n" + "".join(_PARAGRAPH_SEPARATORS)
_CANDIDATE_RE = re.compile(rf"(?P<punct>[{re.escape(_ENDERS + _CLOSERS)}])(?=\s)|[{_BREAKS}]")
_SPACE_RE = re.compile(r"\s*")


def _first_word(chunk: str) -> str:
    match = _ALNUM_RE.search(chunk)
    return match.group(0).casefold() if match else ""


def _ends_sentence(chunk: str, nxt: str, lex: Lexicon) -> bool:
    """Whether *chunk* (a whitespace-free run) ends a sentence before *nxt*."""
    core = chunk.rstrip(_CLOSERS)
    stripped = core.rstrip(_ENDERS)
    punct = core[len(stripped) :]
    if not punct:
        return False
    follower = nxt.lstrip(_OPENERS)
    first = follower[:1]
    if first.islower():
        return False
    if "!" in punct or "?" in punct or len(punct) > 1 or punct == "\u2026":
        return True
    word = stripped.lstrip(_OPENERS)
    folded = _fold(word)
    capital = word[:1].isupper()
    if folded in lex.title_abbrevs and capital:
        return False
    if folded in lex.month_abbrevs and capital and first.isdigit():
        return False
    abbreviation = (
        folded in lex.other_abbrevs
        or (capital and folded in lex.capital_abbrevs)
        or (capital and folded in lex.month_abbrevs)
        or _ACRONYM_RE.fullmatch(word) is not None
        or (len(word) == 1 and word.isalpha())
    )
    if not abbreviation:
        return True
    if first.isdigit():
        return False
    return _first_word(follower) in lex.sentence_starters


def _paragraph_break(gap: str) -> bool:
    return gap.count("\n") >= 2 or any(sep in gap for sep in _PARAGRAPH_SEPARATORS)


# A longer sentence is cut into pieces of at most this many characters (and at
# least half as many), at the last clause boundary of each window. The news
# sentences we know stay well under it (the longest in the TimeML corpus has
# about 600); it bounds what every later stage does per sentence (clause
# rules, events per sentence, the constraint rules that scan a sentence's
# events), so run-on input of any size stays linear.
MAX_SENTENCE_CHARS = 1_000
# Where to cut, best first: after ";", after a soft separator (or before "("),
# at a space, at a word edge; each followed or preceded by whitespace where
# that keeps tokens whole ("1,000" is not cut).
_CUTS = (
    re.compile(r";(?=\s)"),
    re.compile(r"(?:[,:)\u2013\u2014]|--)(?=\s)|(?<=\s)(?=\()"),
    re.compile(r"(?<=\S)\s"),
    re.compile(r"\b"),
)


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece that starts at *start* of an over-long sentence ending at *end*.

    The offset returned is in ``(start + MAX_SENTENCE_CHARS // 2, start +
    MAX_SENTENCE_CHARS]``, so each piece is long and each search is bounded:
    splitting is linear in the sentence.
    """
    lo, hi = start + MAX_SENTENCE_CHARS // 2 + 1, min(end, start + MAX_SENTENCE_CHARS)
    for cut in _CUTS:
        last = None
        for match in cut.finditer(text, lo, hi):
            last = match
        if last is not None:
            return last.end() if cut is _CUTS[0] or last.group() else last.start()
    return hi  # no boundary at all (one long word): cut it


def _bounded(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` as one sentence, or cut in pieces if it is over-long."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start, end)
        stop = len(text[start:cut].rstrip()) + start
        sentences.append(Sentence(len(sentences), start, stop, text=text[start:stop]))
        start = _SPACE_RE.match(text, cut).end()
    sentences.append(Sentence(len(sentences), start, end, text=text[start:end]))


def split_sentences(text: str) -> list[Sentence]:
    """Split *text* into sentences with exact offsets.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (after any closing
    quotes or brackets) when the next word does not start in lower case and
    the period does not close an abbreviation ("Feb. 5", "Mr. Smith", "U.S.
    officials"); a blank line always ends one, so headlines without final
    punctuation stand alone. Decimals ("3.5") are never split. A run-on
    sentence longer than ``MAX_SENTENCE_CHARS`` is cut into pieces at clause
    boundaries (";", ",", ":", dashes, brackets; else a space), each of at
    least half that length. Linear time.
    """
    lex = lexicon()
    sentences: list[Sentence] = []
    n = len(text)
    # runs are found backwards (where a gap or chunk starts) by matching forwards here
    backwards = text[::-1]
    first = _SPACE_RE.match(text).end()  # where the current sentence starts
    judged = 0  # gaps before this offset are judged already
    for m in _CANDIDATE_RE.finditer(text):
        if m.start() < judged:
            continue  # another line break in a gap judged already
        punct = m["punct"] is not None
        # the gap is text[end:nstart], between the chunks before and after it
        end = m.end() if punct else n - _SPACE_RE.match(backwards, n - m.start()).end()
        nstart = _SPACE_RE.match(text, end).end()
        judged = nstart
        if end == 0 or nstart == n:
            continue  # whitespace before the first chunk or after the last
        if (
            _paragraph_break(text[end:nstart])
            or (
                punct  # else the chunk does not end in punctuation: no sentence end
                and _ends_sentence(
                    text[n - _CHUNK_RE.match(backwards, n - end).end() : end],
                    text[nstart : _CHUNK_RE.match(text, nstart).end()],
                    lex,
                )
            )
        ):
            _bounded(sentences, text, first, end)
            first = nstart
    if first < n:
        _bounded(sentences, text, first, len(text.rstrip()))
    return sentences


# --------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------


class Tag(enum.StrEnum):
    """Coarse part of speech of a token (rule based, no statistical tagger)."""

    PUNCT = "PUNCT"
    NUM = "NUM"
    DET = "DET"
    POSS = "POSS"
    PRON = "PRON"
    OBJ = "OBJ"
    PREP = "PREP"
    TO = "TO"
    CONJ = "CONJ"
    SUB = "SUB"
    REL = "REL"
    ADV = "ADV"
    NEG = "NEG"
    MODAL = "MODAL"
    BE = "BE"
    HAVE = "HAVE"
    DO = "DO"
    PROPN = "PROPN"
    NOUN = "NOUN"
    ADJ = "ADJ"
    VERB = "VERB"


@attrs.frozen
class Token:
    """A word or punctuation mark.

    Attributes:
        start: offset of its first character.
        end: offset just past its last character.
        text: ``text[start:end]``.
        norm: casefolded text with the typographic apostrophe folded to "'".
        tag: coarse part of speech, or None before tagging.
        form: for verbs and auxiliaries the Penn-style form: VB (base, after
            "to", a modal or "do"), VBP (finite present, not third person),
            VBZ (finite present, third person), VBD (past), VBN (participle),
            VBG (-ing); "" otherwise. A noun with a verb reading keeps it
            ("attacks": NOUN, VBZ); a gerund used as a noun is NOUN, VBG.
        lemma: dictionary form for verbs ("taken" -> "take"); else ``norm``.
    """

    start: int
    end: int
    text: str
    norm: str = attrs.field(kw_only=True)
    tag: Tag | None = attrs.field(default=None, kw_only=True)
    form: str = attrs.field(default="", kw_only=True)
    lemma: str = attrs.field(default="", kw_only=True)


_TOKEN_RE = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}                # dotted acronyms: U.S. a.m.
    | \d+(?:[.,:/]\d+)*                 # numbers: 3.5 1,000 10:30
    | [^\W_]+(?:[-'\u2019][^\W_]+)*     # words, hyphenated words, contractions
    | ``|''|--|\.{2,}                   # multi-character punctuation
    | \S                                # any other character
    """,
    re.VERBOSE,
)


def _split_clitic(word: str, norm: str, clitics: tuple[str, ...], fused: Mapping[str, int]) -> int:
    """Length of the host when *word* ends in a contraction suffix, else 0."""
    if norm in fused:
        return fused[norm]  # "cannot" -> "can" + "not"
    if "'" not in norm:
        return 0
    for suffix in clitics:
        if norm.endswith(suffix) and len(norm) > len(suffix):
            return len(word) - len(suffix)
    return 0


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into untagged tokens with offsets into *text*.

    Contractions are split off their host ("don't" -> "do" + "n't"; "it's" ->
    "it" + "'s"), as in the Penn Treebank convention.
    """
    end = len(text) if end is None else end
    return [Token(w.start, w.end, w.text, norm=w.norm) for w in _words(text, start, end)]


class _Word(NamedTuple):
    """A token before tagging: what the tagger reads (a Token is built once, tagged)."""

    start: int
    end: int
    text: str
    norm: str


def _words(text: str, start: int, end: int) -> list[_Word]:
    """The words of ``text[start:end]``, as ``tokenize`` splits them."""
    lex = lexicon()
    clitics, fused = lex.clitics, lex.fused
    # Folding works character by character and never deletes one, so when it
    # keeps the length of the whole span every word's norm is a slice of it.
    span = text[start:end]
    folded = _fold(span)
    aligned = len(folded) == len(span)
    words: list[_Word] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        word = m.group()
        first, last = m.span()
        norm = folded[first - start : last - start] if aligned else _fold(word)
        # only a word with an apostrophe or a fused form ("cannot") can split
        host = _split_clitic(word, norm, clitics, fused) if "'" in norm or norm in fused else 0
        if host:
            words.append(_Word(first, first + host, word[:host], norm[:host]))
            words.append(_Word(first + host, last, word[host:], norm[host:]))
        else:
            words.append(_Word(first, last, word, norm))
    return words


# --------------------------------------------------------------------------
# Tagging
# --------------------------------------------------------------------------

# Enum members are looked up through EnumType.__getattr__ in Python 3.11, which
# is slow in per-token code: the sets of tags the rules test are built once, here.
_MODIFIERS = frozenset({Tag.DET, Tag.POSS, Tag.ADJ})
_DETERMINERS = frozenset({Tag.DET, Tag.POSS})
_DETERMINERS_NUM = _DETERMINERS | {Tag.NUM}
_PHRASE_OPENERS = _DETERMINERS_NUM | {Tag.PREP}
_NOUN_TAGS = frozenset({Tag.NOUN, Tag.PROPN})
_NOMINAL_MODIFIERS = _NOUN_TAGS | {Tag.ADJ}
_ADJ_PROPN = frozenset({Tag.ADJ, Tag.PROPN})
_PRON_REL = frozenset({Tag.PRON, Tag.REL})
_BASE_FORM_AFTER = frozenset({Tag.MODAL, Tag.DO, Tag.TO})
_NOT_NAMES = frozenset({Tag.MODAL, Tag.NUM})  # closed classes a name does not take
_REPORTED_OBJECT_STARTS = _DETERMINERS_NUM | {Tag.REL}
_CLAUSE_CUE_TAGS = frozenset({Tag.CONJ, Tag.SUB, Tag.REL})
_FINITE_TAGS = frozenset({Tag.BE, Tag.HAVE, Tag.VERB})  # finite with a finite form
_ALWAYS_FINITE_TAGS = frozenset({Tag.MODAL, Tag.DO})
_AUX_LEMMAS = {Tag.BE: "be", Tag.HAVE: "have", Tag.DO: "do"}
_PARTICIPLE_FORMS = frozenset({"VBG", "VBN", "VBD"})
_NOUN_FORMS = frozenset({"VB", "VBZ"})
# contractions that are words although they do not start with a letter
_CONTRACTIONS = frozenset({"'s", "'d", "'m", "'re", "'ve", "'ll", "n't"})
_GROUP_INNER = frozenset({Tag.ADV, Tag.NEG})
_FINITE_FORMS = frozenset({"VBD", "VBZ", "VBP"})
_OPEN_QUOTES = frozenset(
    {'"', "``", "\u201c", "'", "\u2018", "(", "[", ":", "--", "\u2014", "\u2013"}
)


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


def _guess_lemma(norm: str, suffix: str) -> str:
    stem = norm[: -len(suffix)]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    if suffix == "ed" and stem.endswith("i"):
        return stem[:-1] + "y"
    return stem


def _lexical_forms(norm: str, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """Possible (form, lemma) readings of an open-class word."""
    if norm in lex.not_verbs:
        return ()
    known = lex.verb_forms.get(norm)
    if known:
        return known
    word = norm.rsplit("-", 1)[-1] if "-" in norm else norm
    if "-" in norm:
        # "rebel-held", "war-torn": compounds are adjectives, not verb forms
        return ()
    if not word.isalpha():
        return ()
    if len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"):
        if word.startswith(lex.negative_prefixes):
            return ()  # "unchanged", "unharmed": adjectives unless the lexicon knows the verb
        lemma = _guess_lemma(word, "ed")
        return (("VBD", lemma), ("VBN", lemma))
    if len(word) >= 6 and word.endswith("ing"):
        return (("VBG", _guess_lemma(word, "ing")),)
    return ()


def _is_capitalized(token: _Word) -> bool:
    return token.text[:1].isupper()


def _title_case(tokens: list[_Word]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps * 10 >= len(words) * 7


def _adjective_shape(norm: str, lex: Lexicon) -> bool:
    return len(norm) > 4 and norm.endswith(lex.adjective_suffixes)


def _noun_like(norm: str, text: str, lex: Lexicon) -> bool:
    """Whether a following lower-case word can head the noun phrase a participle modifies."""
    if not text[:1].islower() or norm in lex.closed_tags:
        return False
    if len(norm) > 4 and norm.endswith("ly"):
        return False  # "talking warmly"
    forms = {f for f, _ in _lexical_forms(norm, lex)}
    return not forms or forms <= {"VB", "VBZ"}


def tag_tokens(text: str, sentence: Sentence) -> list[Token]:
    """Tokenize the sentence and give each token a coarse part of speech.

    Rules, left to right: closed-class words from the tables; capitalised
    words inside a sentence are names; a verb form after a modal, "to" or
    "do" is a base form, after "have" a participle, after "be" a participle
    or -ing form; after a determiner, possessive or adjective it is a noun or
    adjective; a participle before a noun is an adjective ("the flagging
    regime"); an -ing form after singular modifiers is a gerund ("of intense
    bombing"). An ambiguous past form ("killed") is a participle before
    "by", at the start of a sentence, or when a finite verb precedes or
    follows it in its stretch ("civilians killed in raids", "the dividend
    paid on the stock will ..."); otherwise it is a past tense.
    A noun/verb ambiguous word ("attacks", "follow") is a verb when a subject
    pronoun precedes it, or when it is the first word of its stretch (before
    any finite verb) with a subject that agrees with it ("the attacks follow",
    not "the junk market") and is not itself followed by the verb of which
    it is the subject ("Telerate shares fell").
    """
    return [
        Token(t.start, t.end, t.text, norm=t.norm, tag=t.tag, form=t.form, lemma=t.lemma)
        for t in tag_words(text, sentence)
    ]


class TaggedWord(NamedTuple):
    """A tagged token as a named tuple: the fields of Token, for the library's own use.

    ``find_events`` and ``split_clauses`` read only these fields, and a
    frozen attrs Token costs about three times as much to build, so the
    pipeline works on these; ``tag_tokens`` returns them as Tokens.
    """

    start: int
    end: int
    text: str
    norm: str
    tag: Tag
    form: str
    lemma: str


# What split_clauses and the event rules accept: tag_tokens or tag_words output.
TokenLike = Token | TaggedWord


def tag_words(text: str, sentence: Sentence) -> list[TaggedWord]:
    """``tag_tokens(text, sentence)`` as TaggedWords (same fields, same values)."""
    lex = lexicon()
    raw = _words(text, sentence.start, sentence.end)
    caps_informative = not _title_case(raw)
    tags: list[Tag] = []
    forms: list[str] = []
    lemmas: list[str] = []
    candidates: list[bool] = []  # noun/verb ambiguous words eligible for promotion
    for i, tok in enumerate(raw):
        tag, form, lemma, candidate = _tag_one(i, raw, tags, forms, lex, caps_informative)
        tags.append(tag)
        forms.append(form)
        lemmas.append(lemma or tok.norm)
        candidates.append(candidate)
    _promote_candidates(raw, tags, forms, candidates, lex)
    return [
        TaggedWord(tok.start, tok.end, tok.text, tok.norm, tag, form, lemma)
        for tok, tag, form, lemma in zip(raw, tags, forms, lemmas, strict=True)
    ]


def _previous(i: int, tags: list[Tag]) -> int:
    """Index of the previous token that is not an adverb or negator, or -1."""
    j = i - 1
    steps = 0
    while j >= 0 and tags[j] in _GROUP_INNER and steps < 4:
        j -= 1
        steps += 1
    return j


def _takes_complement(norm: str, lex: Lexicon) -> bool:
    """Whether a verb form belongs to a verb taking a bare complement ("said")."""
    return any(lemma in lex.complement_verbs for _, lemma in lex.verb_forms.get(norm, ()))


def _finite_before(
    i: int, tags: list[Tag], forms: list[str], raw: list[_Word], lex: Lexicon
) -> bool:
    """Whether a finite verb occurs earlier in the same stretch (bounded look-back).

    A finite verb inside a relative clause ("officials who monitor the area
    said") does not count, nor does a verb that takes a bare complement
    ("said net income gained"): the word after it starts a new clause.
    """
    j = i - 1
    steps = 0
    found = False
    while j >= 0 and steps < 12:
        tag = tags[j]
        if tag is Tag.REL:
            return False  # the finite verb seen belongs to the relative clause
        if _stretch_break(raw, tags, j, lex):
            return found
        finite = tag in _ALWAYS_FINITE_TAGS or (tag in _FINITE_TAGS and forms[j] in _FINITE_FORMS)
        if finite and not found:
            if tag is Tag.VERB and _takes_complement(raw[j].norm, lex):
                return False
            found = True
        j -= 1
        steps += 1
    return found


def _finite_ahead(i: int, raw: list[_Word], lex: Lexicon) -> bool:
    """Whether an unmistakable finite verb follows in the same stretch (bounded).

    "The dividend paid on the stock will apply": "paid" is a participle.
    """
    for j in range(i + 1, min(len(raw), i + 10)):
        norm = raw[j].norm
        if norm in lex.cues_single or _separator(norm, lex):
            return False
        if norm in lex.modals:
            return True
        for table in (lex.be, lex.have, lex.do):
            if table.get(norm) in ("PRESENT", "PAST"):
                return True
    return False


def _aux_form(tag: Tag, norm: str, lex: Lexicon) -> str:
    if tag is Tag.BE:
        table = lex.be
    elif tag is Tag.HAVE:
        table = lex.have
    elif tag is Tag.DO:
        table = lex.do
    else:
        return ""
    tense = table.get(norm, "NONE")
    if tense == "PAST":
        return "VBD"
    if tense == "PRESENT":
        return "VBP"
    if norm.endswith("ing"):
        return "VBG"
    if norm.endswith("en"):
        return "VBN"
    return "VB"


def _after_modifiers(p: int, raw: list[_Word], tags: list[Tag], forms: list[str]) -> bool:
    """Whether ``raw[p]`` ends a run of singular modifiers opened by a determiner
    or preposition ("of intense", "in national over-the-counter")."""
    steps = 0
    while p >= 0 and steps < 4:
        tag = tags[p]
        if tag in _PHRASE_OPENERS:
            return steps > 0
        norm = raw[p].norm
        if tag not in _NOMINAL_MODIFIERS or forms[p]:
            return False
        if tag is not Tag.PROPN and norm.endswith("s") and not norm.endswith("ss"):
            return False  # a plural head: "groups fighting", "raids targeting"
        p -= 1
        steps += 1
    return False


def _tag_one(
    i: int,
    raw: list[_Word],
    tags: list[Tag],
    forms: list[str],
    lex: Lexicon,
    caps_informative: bool,
) -> tuple[Tag, str, str, bool]:
    tok = raw[i]
    norm = tok.norm
    initial = norm[:1]
    if (
        norm == "'"
        and i > 0
        and raw[i - 1].end == tok.start
        and raw[i - 1].norm.endswith("s")
        and i + 1 < len(raw)
        and raw[i + 1].norm[:1].isalpha()
    ):
        return Tag.POSS, "", "", False  # "the relatives' appeal"
    if not initial.isalnum() and norm not in _CONTRACTIONS:
        return Tag.PUNCT, "", "", False
    if initial.isdigit():
        return Tag.NUM, "", "", False
    nxt = raw[i + 1] if i + 1 < len(raw) else None
    # contractions whose reading depends on the neighbours
    if norm == "'s":
        host = raw[i - 1].norm if i > 0 else ""
        if host not in lex.clitic_verb_hosts:
            return Tag.POSS, "", "", False
        nxt_forms = {f for f, _ in _lexical_forms(nxt.norm, lex)} if nxt else set()
        if nxt is not None and (
            nxt.norm == "been" or ("VBN" in nxt_forms and "VBD" not in nxt_forms)
        ):
            return Tag.HAVE, "VBP", "have", False
        return Tag.BE, "VBP", "be", False
    if norm == "'d":
        nxt_forms = {f for f, _ in _lexical_forms(nxt.norm, lex)} if nxt else set()
        if nxt is not None and (
            nxt.norm == "been" or ("VBN" in nxt_forms and "VB" not in nxt_forms)
        ):
            return Tag.HAVE, "VBD", "have", False
        return Tag.MODAL, "", "would", False
    sentence_initial = i == 0 or raw[i - 1].norm in _OPEN_QUOTES
    capitalized = tok.text[:1].isupper()
    proper = caps_informative and capitalized and not sentence_initial and norm != "i"
    closed = lex.closed_tags.get(norm)
    if closed is not None and not (proper and closed in _NOT_NAMES):
        if closed in _AUX_LEMMAS:
            return closed, _aux_form(closed, norm, lex), _AUX_LEMMAS[closed], False
        if closed is Tag.MODAL:
            return closed, "", lex.modal_names.get(norm, norm), False
        if closed is Tag.REL and i > 0 and tags[i - 1] is Tag.PREP:
            return Tag.DET, "", "", False
        return closed, "", "", False
    if proper:
        return Tag.PROPN, "", "", False
    readings = _lexical_forms(norm, lex)
    if not readings:
        if caps_informative and capitalized:
            return Tag.PROPN, "", "", False
        if norm.endswith("ly") and len(norm) > 4:
            return Tag.ADV, "", "", False
        if _adjective_shape(norm, lex):
            return Tag.ADJ, "", "", False
        return Tag.NOUN, "", "", False
    by_form: dict[str, str] = {}
    for form, lemma in readings:
        by_form.setdefault(form, lemma)
    p = _previous(i, tags)
    ptag = tags[p] if p >= 0 else None
    # after a modal, "do" or infinitival "to": base form
    if ptag in _BASE_FORM_AFTER and "VB" in by_form:
        return Tag.VERB, "VB", by_form["VB"], False
    if ptag is Tag.HAVE and "VBN" in by_form:
        return Tag.VERB, "VBN", by_form["VBN"], False
    if ptag is Tag.BE:
        if norm in lex.adjectives:
            return Tag.ADJ, "", "", False
        if "VBG" in by_form:
            return Tag.VERB, "VBG", by_form["VBG"], False
        if "VBN" in by_form:
            return Tag.VERB, "VBN", by_form["VBN"], False
    noun_next = nxt is not None and _noun_like(nxt.norm, nxt.text, lex)
    participle = not _PARTICIPLE_FORMS.isdisjoint(by_form)
    # a participle between a modifier and a noun is an adjective: "the flagging regime"
    if (
        participle
        and noun_next
        and (
            ptag in _DETERMINERS_NUM
            or (ptag is Tag.PREP and ("VBG" not in by_form or norm in lex.adjectival))
            or (ptag in _ADJ_PROPN and "VBG" in by_form)
            or (ptag is Tag.ADJ and not _takes_complement(norm, lex))
            or (
                ptag is Tag.NOUN
                and "VBG" in by_form
                and not forms[p]
                and not raw[p].norm.endswith("s")
            )
        )
    ):
        # "convertible subordinated debentures", "chief operating officer"
        return Tag.ADJ, "", "", False
    if (
        "VBG" in by_form
        and _after_modifiers(p, raw, tags, forms)
        and not (nxt is not None and lex.closed_tags.get(nxt.norm) in _OBJECT_STARTS)
    ):
        # "of intense bombing", "in London trading": singular modifiers, then a gerund
        return Tag.NOUN, "VBG", by_form["VBG"], False
    if ptag in _MODIFIERS or ptag is Tag.NUM:
        if "VBG" in by_form:
            return Tag.NOUN, "VBG", by_form["VBG"], False
        if by_form.keys() <= _NOUN_FORMS:
            return Tag.NOUN, "", next(iter(by_form.values())), False
        if ptag in _DETERMINERS:
            return Tag.ADJ, "", "", False
    if ptag is Tag.PREP:
        if "VBG" in by_form:
            return Tag.VERB, "VBG", by_form["VBG"], False
        return Tag.NOUN, "", "", False
    if ptag in _PRON_REL:
        for form in ("VBD", "VBZ", "VB"):
            if form in by_form:
                return Tag.VERB, "VBP" if form == "VB" else form, by_form[form], False
    if "VBG" in by_form:
        return Tag.VERB, "VBG", by_form["VBG"], False
    if "VBD" in by_form or "VBN" in by_form:
        if "VBD" not in by_form:
            return Tag.VERB, "VBN", by_form["VBN"], False
        if "VBN" not in by_form:
            return Tag.VERB, "VBD", by_form["VBD"], False
        if nxt is not None and (
            nxt.norm in ("by", "as")
            or (i + 2 < len(raw) and raw[i + 2].norm == "by" and nxt.norm in lex.prepositions)
        ):
            return Tag.VERB, "VBN", by_form["VBN"], False  # "cut off by the water"
        if by_form["VBD"] in lex.reporting:
            return Tag.VERB, "VBD", by_form["VBD"], False  # "..., a spokesman said."
        if (
            nxt is not None
            and ptag in _NOUN_TAGS
            and lex.closed_tags.get(nxt.norm) is Tag.PREP
            and _finite_ahead(i, raw, lex)
        ):
            return Tag.VERB, "VBN", by_form["VBN"], False  # reduced relative
        if p < 0:
            # sentence-initial participle: "Backed by Russian airstrikes, ..."
            return Tag.VERB, "VBN", by_form["VBN"], False
        if _finite_before(i, tags, forms, raw, lex):
            return Tag.VERB, "VBN", by_form["VBN"], False
        return Tag.VERB, "VBD", by_form["VBD"], False
    # noun/verb ambiguous base or -s form: a noun unless its neighbours or a
    # later pass (_promote_candidates) say otherwise
    lemma = by_form.get("VBZ") or by_form.get("VB") or ""
    form = "VBZ" if "VBZ" in by_form else "VBP"
    if ptag is Tag.CONJ and p >= 1 and tags[p - 1] is Tag.VERB:
        # coordinated with the verb before: "wait and see", "impede or delay"
        before = forms[p - 1]
        if before == "VB" and "VB" in by_form:
            return Tag.VERB, "VB", by_form["VB"], False
        if before in ("VBZ", "VBP") and (form == before or (before == "VBP" and "VB" in by_form)):
            return Tag.VERB, form if form == before else "VBP", lemma, False
    if ptag in _NOUN_TAGS and not forms[p] and nxt is not None:
        ntag = lex.closed_tags.get(nxt.norm)
        if ntag is Tag.PRON and nxt.norm != "one":
            return Tag.VERB, form, lemma, False  # "Clinton says he ..."
        if lemma in lex.reporting and (ntag in _REPORTED_OBJECT_STARTS or _is_capitalized(nxt)):
            return Tag.VERB, form, lemma, False  # "the spokesman says the ..."
    return Tag.NOUN, "VBZ" if "VBZ" in by_form else "VB", lemma, True


def _promote_candidates(
    raw: list[_Word],
    tags: list[Tag],
    forms: list[str],
    candidates: list[bool],
    lex: Lexicon,
) -> None:
    """In each stretch, read the first eligible candidate before any finite verb as one.

    A stretch runs between punctuation, clause cues and the verbs that take a
    bare complement ("said its unit continues"). "The attacks follow claims":
    "attacks" follows a determiner, so "follow" is the verb.
    """
    if True not in candidates:
        return
    last_candidate = len(candidates) - 1 - candidates[::-1].index(True)
    start = 0
    for k in range(1, len(raw) + 1):
        if start > last_candidate:
            return  # no candidate left to promote
        if k < len(raw) and not (
            _stretch_break(raw, tags, k, lex)
            or (tags[k - 1] is Tag.VERB and _takes_complement(raw[k - 1].norm, lex))
        ):
            continue
        if True not in candidates[start:k]:
            start = k
            continue
        stop = start
        while stop < k and not (
            tags[stop] in _ALWAYS_FINITE_TAGS
            or (tags[stop] in _FINITE_TAGS and forms[stop] in _FINITE_FORMS)
        ):
            stop += 1
        j = _eligible_candidate(raw, tags, forms, candidates, start, stop, k, lex)
        if j >= 0:
            forms[j] = "VBZ" if forms[j] == "VBZ" else "VBP"
            tags[j] = Tag.VERB
        start = k


_QUOTE_MARKS = frozenset({'"', "``", "''", "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_STRETCH_OPENERS = frozenset({Tag.PUNCT, Tag.CONJ, Tag.SUB, Tag.REL, Tag.ADV})
_OBJECT_STARTS = frozenset({Tag.DET, Tag.POSS, Tag.PRON, Tag.OBJ, Tag.NUM})


_NON_THIRD_PERSON = frozenset({"i", "you", "we", "they"})


def _plural_subject(tok: _Word, tag: Tag) -> bool:
    """Whether a subject word takes the base form of a verb ("groups say", "they say")."""
    if tag is Tag.PRON:
        return tok.norm in _NON_THIRD_PERSON
    norm = tok.norm
    return tag in _NOUN_TAGS and norm.endswith("s") and not norm.endswith("ss")


_SUBJECT_INNER = frozenset(
    {Tag.PREP, Tag.DET, Tag.POSS, Tag.NOUN, Tag.PROPN, Tag.ADJ, Tag.NUM, Tag.ADV}
)


def _subject_of_later_verb(tags: list[Tag], forms: list[str], j: int, end: int) -> bool:
    """Whether only noun-phrase words separate token *j* from a finite verb after it."""
    for k in range(j + 1, min(end, j + 8)):
        tag = tags[k]
        if tag in _ALWAYS_FINITE_TAGS or (tag in _FINITE_TAGS and forms[k] in _FINITE_FORMS):
            return True
        if tag not in _SUBJECT_INNER:
            return False
    return False


def _eligible_candidate(
    raw: list[_Word],
    tags: list[Tag],
    forms: list[str],
    candidates: list[bool],
    start: int,
    stop: int,
    end: int,
    lex: Lexicon,
) -> int:
    """The candidate in ``[start, stop)`` to read as the finite verb of ``[start, end)``, or -1.

    A candidate needs a subject just before it that agrees with it ("groups
    say", "the town falls", not "the junk market"), or, opening its stretch,
    an object right after it ("..., allows troops to push"). It never ends
    its stretch in the -s form ("common shares.") unless it reports ("the
    company says.") or a subordinator opens the stretch ("if the levee breaks,"). A stretch that opens with a preposition is usually a
    phrase, not a clause ("and on routes towards the border"): there a
    candidate also needs an object after it.
    """
    first = start
    in_phrase = False
    clause_cue = False  # opened by "if", "when", "which": surely a clause
    while first < end and (tags[first] in _STRETCH_OPENERS or raw[first].norm in lex.cues_single):
        in_phrase = in_phrase or tags[first] is Tag.PREP  # "as", "after" + phrase
        clause_cue = clause_cue or tags[first] in (Tag.SUB, Tag.REL)
        first += 1
    in_phrase = in_phrase or (first < end and tags[first] in (Tag.PREP, Tag.TO))
    for j in range(start, stop):
        if not candidates[j]:
            continue
        nxt_tag = tags[j + 1] if j + 1 < len(raw) else Tag.PUNCT
        final = j + 1 >= end
        reports = any(lemma in lex.reporting for _, lemma in lex.verb_forms.get(raw[j].norm, ()))
        if final and forms[j] == "VBZ" and not (reports or clause_cue):
            continue
        object_follows = nxt_tag in _OBJECT_STARTS or nxt_tag in (Tag.PROPN, Tag.TO)
        if j == first or in_phrase:
            # no subject in the stretch: only an -s form with an object reads as
            # a verb ("..., allows trucks to pass"); a bare base form would be
            # an imperative, rare in news ("Storm Aurel: ...")
            # (this once also read the form of the untagged word j + 1, always
            # empty; forms[j + 1] may have been meant, but would change output)
            bare_object = nxt_tag is Tag.NOUN and not candidates[j + 1]
            if forms[j] == "VBZ" and (object_follows or bare_object) and not final:
                return j
            continue
        p = j - 1
        while p > start and (tags[p] is Tag.ADV or raw[p].norm in _QUOTE_MARKS):
            p -= 1
        if tags[p] not in (Tag.NOUN, Tag.PROPN, Tag.PRON, Tag.NUM):
            continue
        if (forms[j] == "VBZ") == _plural_subject(raw[p], tags[p]):
            continue  # no agreement: "the groups plans", "the junk market"
        if (
            j + 1 < stop
            # "Rescue services say", "the new rules apply"; but after a plural
            # head the word is the verb: "the attacks follow claims"
            and (candidates[p] or not _plural_subject(raw[p], tags[p]))
            and candidates[j + 1]
            and (forms[j + 1] == "VBZ") != _plural_subject(raw[j], Tag.NOUN)
        ):
            continue  # the next word is the verb, this one its subject: "rescue services say"
        if not _takes_complement(raw[j].norm, lex) and _subject_of_later_verb(tags, forms, j, end):
            continue  # "Telerate shares fell", "exiles in Miami will proceed"
        return j
    return -1


def _separator(norm: str, lex: Lexicon) -> bool:
    return norm in lex.hard_separators or norm in lex.soft_separators or norm in _ENDERS


def _stretch_break(raw: list[_Word], tags: list[Tag], k: int, lex: Lexicon) -> bool:
    norm = raw[k].norm
    return (
        tags[k] in _CLAUSE_CUE_TAGS
        or norm in lex.cues_single
        or (tags[k] is Tag.PUNCT and _separator(norm, lex))
    )


# --------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------


@attrs.frozen
class Clause:
    """A clause (or clause-like stretch) of a sentence.

    Attributes:
        sentence_index: index of the sentence it belongs to.
        index: position of the clause in its sentence, from 0.
        start: offset of its first character in the whole text.
        end: offset just past its last character.
        text: ``text[start:end]``: no surrounding whitespace or separating
            punctuation.
    """

    sentence_index: int = attrs.field(validator=attrs.validators.ge(0))
    index: int = attrs.field(validator=attrs.validators.ge(0))
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(kw_only=True, validator=attrs.validators.ge(0))
    text: str = attrs.field(kw_only=True)


# tag sets built once (see _MODIFIERS)
_AUX_TAGS = frozenset({Tag.MODAL, Tag.BE, Tag.HAVE, Tag.DO})
_VERBAL_TAGS = _AUX_TAGS | {Tag.VERB}  # a piece with one of these is a clause
_SKIPPED_BEFORE_VERB = frozenset({Tag.ADV, Tag.NEG, Tag.PUNCT})
_FINITE_AUX_TAGS = frozenset({Tag.BE, Tag.HAVE, Tag.MODAL})
_COMPLEMENT_STARTS = frozenset({Tag.DET, Tag.POSS, Tag.PRON, Tag.NUM, Tag.NOUN, Tag.PROPN, Tag.ADJ})


def _starts_with_verb(tokens: Sequence[TokenLike], lo: int, hi: int) -> bool:
    for k in range(lo, min(hi, lo + 4)):
        tag = tokens[k].tag
        if tag in _SKIPPED_BEFORE_VERB:
            continue
        return tag in _AUX_TAGS or (tag is Tag.VERB and tokens[k].form in _FINITE_FORMS)
    return False


def _cue_at(tokens: Sequence[TokenLike], norms: list[str], k: int, lex: Lexicon) -> int:
    """Length in tokens of the clause cue starting at *k*, or 0.

    *norms* are the tokens' ``norm``; only the lengths of the cues that start
    with word *k* are tried, longest first.
    """
    lengths = lex.cue_lengths.get(norms[k])
    if lengths is None or tokens[k].tag is Tag.DET:  # "over which groups": no relative clause
        return 0
    for length in lengths:
        if k + length <= len(norms) and tuple(norms[k : k + length]) in lex.cues:
            return length
    return 0


def _not_cue_at(norms: list[str], k: int, lex: Lexicon) -> int:
    """Length in tokens of a fixed non-cue phrase ("as many as") starting at *k*, or 0."""
    for length in lex.not_cue_lengths.get(norms[k], ()):
        if k + length <= len(norms) and tuple(norms[k : k + length]) in lex.not_cues:
            return length
    return 0


def _reporting_split(tokens: Sequence[TokenLike], k: int, lex: Lexicon) -> bool:
    """Whether a complement clause starts right after token *k* (a reporting verb)."""
    tok = tokens[k]
    if tok.tag is not Tag.VERB or tok.lemma not in lex.reporting or k + 1 >= len(tokens):
        return False
    return tokens[k + 1].tag in _COMPLEMENT_STARTS


def _second_finite_split(tokens: Sequence[TokenLike], k: int, piece_has_finite: bool) -> bool:
    """A finite auxiliary after a noun when the piece already has a finite verb.

    "raids that have bolstered the regime are claimed": the relative clause
    ends before "are".
    """
    tok = tokens[k]
    if not piece_has_finite or tok.tag not in _FINITE_AUX_TAGS:
        return False
    if tok.tag is not Tag.MODAL and tok.form not in _FINITE_FORMS:
        return False
    return k > 0 and tokens[k - 1].tag in _NOUN_TAGS


def split_clauses(
    text: str, sentence: Sentence, tokens: Sequence[TokenLike] | None = None
) -> list[Clause]:
    """Split a sentence into clauses with exact offsets into *text*.

    Cuts at hard separators (";"), soft separators (",", ":", dashes,
    brackets), before clause cues (coordinators, subordinators, relatives:
    "and", "after", "which" ... from ``clauses.toml``), after a reporting verb
    that takes a bare complement ("said the town fell"), and before a second
    finite auxiliary ("raids that have hit towns are claimed"). Pieces with
    no verb are then glued back: to the next piece when it starts with a verb
    (they are its subject), else to the previous one. Linear time.

    Args:
        text: the whole text the sentence came from.
        sentence: a sentence from ``split_sentences(text)``.
        tokens: ``tag_tokens(text, sentence)`` (or ``tag_words``) if already computed.
    """
    lex = lexicon()
    toks = tokens if tokens is not None else tag_words(text, sentence)
    n = len(toks)
    if n == 0:
        return []
    norms = [t.norm for t in toks]
    tags = [t.tag for t in toks]
    hard_separators, soft_separators = lex.hard_separators, lex.soft_separators
    cues_single = lex.cues_single
    cue_lengths, not_cue_lengths = lex.cue_lengths, lex.not_cue_lengths
    # 1. cut into pieces: (lo, hi, hard) token ranges; separators excluded
    pieces: list[tuple[int, int, bool]] = []
    lo = 0
    hard_before = False
    has_finite = False
    protected = 0  # no cut before this token index (inside "as many as")
    for k, tok in enumerate(toks):
        norm = norms[k]
        if norm in not_cue_lengths:
            protected = max(protected, k + _not_cue_at(norms, k, lex))
        if norm in hard_separators or norm in soft_separators:
            if k > lo:
                pieces.append((lo, k, hard_before))
            hard_before = norm in hard_separators
            lo = k + 1
            has_finite = False
            continue
        tag = tags[k]
        # (the membership tests only skip calls that would return 0 / False)
        cut_before = k > lo and (
            (k >= protected and norm in cue_lengths and _cue_at(toks, norms, k, lex) > 0)
            or (tag in _FINITE_AUX_TAGS and _second_finite_split(toks, k, has_finite))
        )
        if cut_before:
            pieces.append((lo, k, hard_before))
            hard_before = False
            lo = k
            has_finite = False
        if tag in _ALWAYS_FINITE_TAGS or (tag in _VERBAL_TAGS and tok.form in _FINITE_FORMS):
            has_finite = True
        elif norm in cues_single:
            has_finite = False  # "amid arguments over which groups are represented"
        if tag is Tag.VERB and _reporting_split(toks, k, lex):
            pieces.append((lo, k + 1, hard_before))
            hard_before = False
            lo = k + 1
            has_finite = False
    if lo < n:
        pieces.append((lo, n, hard_before))
    # 2. glue verbless pieces to a neighbour
    groups: list[list[int]] = []  # [lo, hi] token ranges
    pending: list[int] | None = None  # verbless run waiting for a home
    pending_pieces = 0
    for lo, hi, hard in pieces:
        verbal = not _VERBAL_TAGS.isdisjoint(tags[lo:hi])
        if hard and pending is not None:
            if groups and not _hard_between(norms, groups[-1][1], pending[0], lex):
                groups[-1][1] = pending[1]
            else:
                groups.append(pending)
            pending = None
        if not verbal:
            if pending is None:
                pending = [lo, hi]
                pending_pieces = 1
            else:
                pending[1] = hi
                pending_pieces += 1
            continue
        if pending is not None:
            prev_ok = groups and not _hard_between(norms, groups[-1][1], pending[0], lex)
            if _starts_with_verb(toks, lo, hi):
                lo = pending[0]
            elif prev_ok:
                groups[-1][1] = pending[1]
            elif norms[lo] in cues_single and pending_pieces > 1:
                # "To the west, the capture of X, along with Y" | "which was ..."; a
                # single phrase is the antecedent: "Storms that have flooded towns"
                groups.append(pending)
            else:
                lo = pending[0]
            pending = None
        groups.append([lo, hi])
    if pending is not None:
        if groups and not _hard_between(norms, groups[-1][1], pending[0], lex):
            groups[-1][1] = pending[1]
        else:
            groups.append(pending)
    clauses: list[Clause] = []
    for lo, hi in groups:
        while hi - lo > 1 and tags[hi - 1] is Tag.PUNCT and norms[hi - 1][:1] in _ENDERS:
            hi -= 1
        start, end = toks[lo].start, toks[hi - 1].end
        clauses.append(Clause(sentence.index, len(clauses), start, end=end, text=text[start:end]))
    return clauses


def _hard_between(norms: list[str], hi: int, lo: int, lex: Lexicon) -> bool:
    return not lex.hard_separators.isdisjoint(norms[hi:lo])


def clause_token_ranges(
    tokens: Sequence[TokenLike], clauses: list[Clause]
) -> list[tuple[int, int]]:
    """For each clause, the ``[lo, hi)`` range of *tokens* inside it (one sweep)."""
    ranges: list[tuple[int, int]] = []
    k = 0
    n = len(tokens)
    for clause in clauses:
        while k < n and tokens[k].start < clause.start:
            k += 1
        lo = k
        while k < n and tokens[k].end <= clause.end:
            k += 1
        ranges.append((lo, k))
    return ranges
