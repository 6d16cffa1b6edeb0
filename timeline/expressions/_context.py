"""Clues around an expression: its signal word and its clause's tense.

Word lists come from grammars/context_cues.toml.
"""

from __future__ import annotations

import functools
import re

from timeline._data import prefix_trie
from timeline.expressions._tables import context_cues

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|['’]ll")
_SENTENCE_END = re.compile(r"[.!?;\n]")
_NO_SENTENCE_END = re.compile(r"[^.!?;\n]*")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
_POSSESSIVE = re.compile(r"['’]s\b")
# How far to look for the sentence around an expression (keeps the work per
# expression constant on text without punctuation).
_REACH = 240


def signal_before(text: str, start: int) -> tuple[str, int, int] | None:
    """The signal word just before an extent ("on" in "on Sunday"), with offsets."""
    floor = max(0, start - 24)
    last = _plain_word_before(text, floor, start)
    before = _plain_word_before(text, floor, last[0]) if last is not None else None
    if before is None:
        return _signal_scanned(text, start)
    cues = context_cues()
    pair = text[before[0] : last[1]]  # type: ignore[index]
    if pair.casefold() in cues.signals:
        return pair, before[0], last[1]  # type: ignore[index]
    word = text[last[0] : last[1]]  # type: ignore[index]
    return (word, last[0], last[1]) if word.casefold() in cues.signals else None  # type: ignore[index]


def word_before(text: str, start: int) -> str | None:
    """The word just before start (casefolded), if only spaces separate them."""
    last = _plain_word_before(text, max(0, start - 24), start)
    return text[last[0] : last[1]].casefold() if last is not None else _word_scanned(text, start)


def _plain_word_before(text: str, floor: int, start: int) -> tuple[int, int] | None:
    """The span of the word before ``start`` in the usual shape, ASCII letters
    and one space ("on Friday"), with a space (or ``floor``) before the word;
    None for any other shape, which the regex scan reads.

    There the scan finds that word alone: its matches hold only letters and
    apostrophes, and none crosses the space (scanning the window for every
    expression cost more than the rest of reading its context)."""
    if start - 1 <= floor or text[start - 1] != " ":
        return None
    lo = max(text.rfind(" ", floor, start - 1) + 1, floor)
    word = text[lo : start - 1]
    return (lo, start - 1) if word.isalpha() and word.isascii() else None


def _signal_scanned(text: str, start: int) -> tuple[str, int, int] | None:
    """``signal_before`` in any shape: the window's words scanned by regex."""
    cues = context_cues()
    words = list(_WORD.finditer(text, max(0, start - 24), start))
    if not words or text[words[-1].end() : start].strip():
        return None
    last = words[-1]
    if len(words) >= 2 and not text[words[-2].end() : last.start()].strip(" "):
        pair = f"{words[-2].group().casefold()} {last.group().casefold()}"
        if pair in cues.signals:
            return text[words[-2].start() : last.end()], words[-2].start(), last.end()
    if last.group().casefold() in cues.signals:
        return last.group(), last.start(), last.end()
    return None


def _word_scanned(text: str, start: int) -> str | None:
    """``word_before`` in any shape: the window's words scanned by regex."""
    words = list(_WORD.finditer(text, max(0, start - 24), start))
    if not words or text[words[-1].end() : start].strip():
        return None
    return words[-1].group().casefold().replace("’", "'")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The cue sentence around text[start:end]: from just after the last of
    ``_SENTENCE_END`` in the ``_REACH`` before it (read backwards by one regex:
    no match object per sentence end) to the first in the ``_REACH`` after it."""
    lo = max(0, start - _REACH)
    s_start = start - _NO_SENTENCE_END.match(text[lo:start][::-1]).end()  # type: ignore[union-attr]
    hi = min(len(text), end + _REACH)
    match = _SENTENCE_END.search(text, end, hi)
    return s_start, match.start() if match else hi


@functools.cache
def _cue_pattern() -> re.Pattern[str]:
    """One regex for every tense cue and any other '-ed' word, the cues laid out
    as a prefix trie, so a sentence is scanned in C rather than word by word."""
    cues = context_cues()
    words = sorted({w.replace("’", "'") for w in cues.future | cues.past})
    return re.compile(r"(?:\b|(?='))(?:" + prefix_trie(words) + r"|[^\W\d_]{3,}ed)\b")


def possessive_after(text: str, end: int) -> bool:
    """"Wednesday's ruling": a time owning an event already reported (the past side)."""
    return _POSSESSIVE.match(text, end) is not None


def tense_direction(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' from the nearest tense cue in the sentence, else None."""
    cues = context_cues()
    s_start, s_end = sentence_bounds(text, start, end)
    if possessive_after(text, end):
        return "past"
    best: tuple[int, str] | None = None
    lowered = text[s_start:s_end].lower().replace("’", "'")
    if len(lowered) != s_end - s_start:  # a character changed length when lowercased
        lowered = text[s_start:s_end].replace("’", "'")
    for match in _cue_pattern().finditer(lowered):
        match_start, match_end = s_start + match.start(), s_start + match.end()
        if start <= match_start < end:
            continue
        cue = match.group().casefold()
        if cue in cues.future:
            side = "future"
        elif cue in cues.past or cue not in cues.not_past:
            before = _LAST_WORD.search(lowered, 0, match.start())
            if before and before.group(1) in cues.nonfinite_be:
                continue  # "will be held": a passive participle, the modal decides
            side = "past"  # a listed past form, or another word in -ed
        else:
            continue
        # Verbs usually govern the time phrase that follows them: a cue on the
        # left counts at its distance, one on the right at twice it.
        if match_end <= start:
            distance = start - match_end
        else:
            distance = 2 * (match_start - end)
        if best is None or distance < best[0]:
            best = (distance, side)
    return best[1] if best else None
