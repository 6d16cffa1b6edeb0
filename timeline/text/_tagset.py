"""The coarse parts of speech (``Tag``) and the sets of them several rules test.

Takes nothing; gives ``Tag`` and frozen sets of tags and Penn-style forms,
built once: enum members are looked up through ``EnumType.__getattr__`` in
Python 3.11, which is slow in per-token code.
"""

from __future__ import annotations

import enum

__all__ = [
    "ADJ",
    "ADV",
    "BE",
    "CONJ",
    "DET",
    "DO",
    "HAVE",
    "MODAL",
    "NEG",
    "NOUN",
    "NUM",
    "OBJ",
    "POSS",
    "PREP",
    "PRON",
    "PROPN",
    "PUNCT",
    "REL",
    "SUB",
    "TO",
    "VERB",
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


# Each member as a module constant, for the per-word code: in Python 3.11 an
# attribute of an enum class (``Tag.VERB``) is looked up through the slow path
# EnumType.__getattr__ opens (about 0.2 us, ten times a global's look-up).
PUNCT = Tag.PUNCT
NUM = Tag.NUM
DET = Tag.DET
POSS = Tag.POSS
PRON = Tag.PRON
OBJ = Tag.OBJ
PREP = Tag.PREP
TO = Tag.TO
CONJ = Tag.CONJ
SUB = Tag.SUB
REL = Tag.REL
ADV = Tag.ADV
NEG = Tag.NEG
MODAL = Tag.MODAL
BE = Tag.BE
HAVE = Tag.HAVE
DO = Tag.DO
PROPN = Tag.PROPN
NOUN = Tag.NOUN
ADJ = Tag.ADJ
VERB = Tag.VERB


NOUN_TAGS = frozenset({Tag.NOUN, Tag.PROPN})
CLAUSE_CUE_TAGS = frozenset({Tag.CONJ, Tag.SUB, Tag.REL})
FINITE_TAGS = frozenset({Tag.BE, Tag.HAVE, Tag.VERB})  # finite with a finite form
ALWAYS_FINITE_TAGS = frozenset({Tag.MODAL, Tag.DO})
FINITE_FORMS = frozenset({"VBD", "VBZ", "VBP"})
