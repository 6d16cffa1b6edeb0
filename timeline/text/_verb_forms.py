"""The verb forms of the lexicon: word form -> its (form tag, lemma) readings.

``read_verb_forms`` builds them from ``verbs.toml``: the irregular forms from
its table, the regular ones by rule (``_morphology``). ``VerbForms`` keeps
them packed: a read-only mapping kept as two strings (the forms, and their readings in the
same order) and an index from each form to its packed readings, which are
unpacked when looked up.  Loading the lexicon from its cache is then two
strings and one index built in C, not some twenty thousand small tuples: on
a first ``tag()`` in a new process that load was most of the text stage's
set-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from timeline._errors import DataTableError
from timeline.text._morphology import ing_forms, past_forms, third_person
from timeline.text._tables import WORD_RE, fold, load_table, table_section, word_list

__all__ = ["VerbForms", "read_verb_forms"]

Readings = tuple[tuple[str, str], ...]

_FORM_SEP, _READING_SEP, _FIELD_SEP = "\n", "\x1f", "\x1e"


class VerbForms(Mapping[str, Readings]):
    """Word form -> its (form tag, lemma) readings, e.g. "began" -> (("VBD", "begin"),)."""

    __slots__ = ("_forms", "_packed", "_index")

    def __init__(self, forms: Mapping[str, Readings]) -> None:
        separators = (_FORM_SEP, _READING_SEP, _FIELD_SEP)
        for form, readings in forms.items():
            parts = [form, *(field for reading in readings for field in reading)]
            if any(sep in part for part in parts for sep in separators):
                raise DataTableError(f"verbs.toml: {form!r}: a control character in a verb form")
        self._forms = _FORM_SEP.join(forms)
        self._packed = _FORM_SEP.join(
            _READING_SEP.join(_FIELD_SEP.join(reading) for reading in readings)
            for readings in forms.values()
        )
        self._index = _index(self._forms, self._packed, len(forms))

    @classmethod
    def _unpickled(cls, forms: str, packed: str, size: int) -> VerbForms:
        new = cls.__new__(cls)
        new._forms, new._packed = forms, packed
        new._index = _index(forms, packed, size)
        return new

    def __reduce__(self) -> tuple[object, tuple[str, str, int]]:
        return VerbForms._unpickled, (self._forms, self._packed, len(self._index))

    def get(self, form: str, default: Readings | None = None) -> Readings | None:  # type: ignore[override]
        packed = self._index.get(form)
        return default if packed is None else _unpack(packed)

    def __getitem__(self, form: str) -> Readings:
        return _unpack(self._index[form])

    def __contains__(self, form: object) -> bool:
        return form in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _index(forms: str, packed: str, size: int) -> dict[str, str]:
    if size == 0:
        return {}
    return dict(zip(forms.split(_FORM_SEP), packed.split(_FORM_SEP), strict=True))


def _unpack(packed: str) -> Readings:
    return tuple(
        (tag, lemma)
        for tag, lemma in (reading.split(_FIELD_SEP) for reading in packed.split(_READING_SEP))
    )


# --------------------------------------------------------------------------
# Verb forms: irregular ones from the table, regular ones by rule
# --------------------------------------------------------------------------

_Forms = dict[str, set[tuple[str, str]]]


def _add(forms: _Forms, form: str, tag: str, lemma: str) -> None:
    forms.setdefault(form, set()).add((tag, lemma))


def _add_inflections(forms: _Forms, lemma: str) -> None:
    """The base, -s and -ing forms, by rule for every verb."""
    _add(forms, lemma, "VB", lemma)
    _add(forms, third_person(lemma), "VBZ", lemma)
    for ing in ing_forms(lemma):
        _add(forms, ing, "VBG", lemma)


def _irregular_row(name: str, row: int, lemma: str, value: object) -> str:
    """The casefolded lemma of an ``[irregular]`` row, once the row is checked."""
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise DataTableError(
            f"{name}: [irregular] row {row} ({lemma!r}): expected [past, participle]"
        )
    lemma_f = fold(lemma)
    if not WORD_RE.fullmatch(lemma_f):
        raise DataTableError(f"{name}: [irregular] row {row}: {lemma!r} is not a word")
    return lemma_f


def _add_irregular(forms: _Forms, table: Mapping[str, Any], name: str) -> set[str]:
    """Add the forms of the ``[irregular]`` verbs; gives their lemmas."""
    lemmas: set[str] = set()
    for row, (lemma, value) in enumerate(table_section(table, name, "irregular").items(), 1):
        lemma_f = _irregular_row(name, row, lemma, value)
        lemmas.add(lemma_f)
        for tag, cell in zip(("VBD", "VBN"), value, strict=True):
            for alt in cell.split("|"):
                alt_f = fold(alt.strip())
                if not WORD_RE.fullmatch(alt_f):
                    raise DataTableError(
                        f"{name}: [irregular] row {row} ({lemma!r}): {alt!r} is not a word"
                    )
                _add(forms, alt_f, tag, lemma_f)
        _add_inflections(forms, lemma_f)
    return lemmas


def read_verb_forms(
    name: str = "verbs.toml",
) -> tuple[dict[str, tuple[tuple[str, str], ...]], set[str]]:
    """Word form -> its (form tag, lemma) readings; and every verb lemma of the table."""
    table = load_table(name)
    forms: _Forms = {}
    lemmas = _add_irregular(forms, table, name)
    regular = set(word_list(name, "regular", "lemmas"))
    for cls in table_section(table, name, "class"):
        regular |= word_list(name, "class", cls)
    for lemma in regular - lemmas:
        _add_inflections(forms, lemma)
        for past in past_forms(lemma):
            _add(forms, past, "VBD", lemma)
            _add(forms, past, "VBN", lemma)
    return {k: tuple(sorted(v)) for k, v in forms.items()}, regular | lemmas
