"""English verb morphology by regular rule: lemma -> -s, -ed and -ing forms, and back.

Takes a lemma (or an inflected form); gives its regular forms (or a guessed
lemma). Irregular forms are data (``grammars/events/verbs.toml``), not rules.
"""

from __future__ import annotations

__all__ = ["guess_lemma", "ing_forms", "past_forms", "third_person"]

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


def guess_lemma(norm: str, suffix: str) -> str:
    """The lemma of an unknown word ending in *suffix* ("ed", "ing"): "stopped" -> "stop"."""
    stem = norm[: -len(suffix)]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    if suffix == "ed" and stem.endswith("i"):
        return stem[:-1] + "y"
    return stem
