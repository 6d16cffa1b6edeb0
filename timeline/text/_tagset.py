"""The coarse parts of speech (``Tag``) and the sets of them several rules test.

Takes nothing; gives ``Tag`` and frozen sets of tags and Penn-style forms,
built once: enum members are looked up through ``EnumType.__getattr__`` in
Python 3.11, which is slow in per-token code.
"""

from __future__ import annotations

import enum

__all__ = [
    "ALWAYS_FINITE_TAGS",
    "CLAUSE_CUE_TAGS",
    "FINITE_FORMS",
    "FINITE_TAGS",
    "NOUN_TAGS",
    "Tag",
]


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


NOUN_TAGS = frozenset({Tag.NOUN, Tag.PROPN})
CLAUSE_CUE_TAGS = frozenset({Tag.CONJ, Tag.SUB, Tag.REL})
FINITE_TAGS = frozenset({Tag.BE, Tag.HAVE, Tag.VERB})  # finite with a finite form
ALWAYS_FINITE_TAGS = frozenset({Tag.MODAL, Tag.DO})
FINITE_FORMS = frozenset({"VBD", "VBZ", "VBP"})
