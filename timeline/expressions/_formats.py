"""Written forms that look like times and are not: abbreviations that are
words ("the Sun"), rates ("$5 a year") and shares ("three-quarters of").

The abbreviations and their conditions are rows of formats.toml; the rate and
share words are lists of context_cues.toml.
"""

from __future__ import annotations

import re

from timeline.expressions._meaning_model import Duration
from timeline.expressions._tables import context_cues, formats


def abbreviation_is_latent(tokens: list[tuple[str, str, int, int]]) -> bool:
    """A weekday abbreviation needs a capital; one that is also a word ("Sun",
    "Sat") needs a clock or a date in the same expression (formats.toml)."""
    rules = formats()
    for i, (kind, word, _start, _end) in enumerate(tokens):
        key = word.casefold().rstrip(".")
        if kind != "WEEKDAY" or key not in rules.weekday_abbreviations:
            continue
        if word[0].islower():
            return True
        with_more = any(t[0] not in ("WEEKDAY", "THE", "LAST", "NEXT", "THIS", "DOT")
                        for t in tokens[i + 1 :])  # fmt: skip
        if key in rules.word_like_weekdays and not with_more:
            return True
    return False


_TOKEN_BEFORE = re.compile(r"([\w$£€%,.]+)[^\S\n]+$")


def is_rate_or_share(
    text: str, types: list[str], start: int, meaning: Duration, next_word: str | None
) -> bool:
    """'a year' after a number or a plural noun is a rate ("four flights a
    week"); a quarter followed by "of" is a share ("three-quarters of")."""
    cues = context_cues()
    if meaning.unit in cues.fraction_units and next_word == "of":
        counted = meaning.amount.value is not None or text[start - 1 : start] == "-"
        if counted:  # not "several quarters of losses"
            return True
    if len(types) != 2 or types[0] != "A":
        return False
    match = _TOKEN_BEFORE.search(text, max(0, start - 32), start)
    if match is None:
        return False
    word = match.group(1).rstrip(",.").casefold()
    plural_noun = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
    plural_noun = plural_noun and word not in cues.function_words and word.isalpha()
    return word in cues.rate_words or any(ch.isdigit() for ch in word) or plural_noun
