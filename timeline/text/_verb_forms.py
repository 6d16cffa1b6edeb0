"""The verb forms of the lexicon: word form -> its (form tag, lemma) readings, packed.

A read-only mapping kept as two strings (the forms, and their readings in the
same order) and an index from each form to its packed readings, which are
unpacked when looked up.  Loading the lexicon from its cache is then two
strings and one index built in C, not some twenty thousand small tuples: on
a first ``tag()`` in a new process that load was most of the text stage's
set-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from timeline._errors import DataTableError

__all__ = ["VerbForms"]

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
