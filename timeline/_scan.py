"""Find candidate spans of temporal expressions in running text.

Recognition is linear in the text: a C-level regex jumps to the words that
can begin an expression (the terminals the LALR start state accepts, read
from Lark's parse table); from each such word, a small table-driven LALR
recognizer reads the following words and records every prefix the grammar
accepts.  Lark then builds a tree for the accepted prefix only.  No substring
is tried twice and a window never exceeds ``MAX_TOKENS`` words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lark import Lark, Token, Tree
from lark.parsers.lalr_analysis import Shift

from timeline._grammar import build_parser

# The longest expression we know of ("the first quarter of the coming year")
# has ten words; the bound keeps the work per start position constant.
MAX_TOKENS = 14

_TOKEN = re.compile(
    r"""
    [ \t\r\f\v]*(?:\n[ \t\r\f\v]*)?      # whitespace, at most one line break
    (?:
      (?P<abbr>[^\W\d_]\.(?:[^\W\d_]\.)+)   # a.m., p.m., b.c.
    | (?P<oclock>o['’]clock)
    | (?P<numsep>\d+(?:[.,]\d+)+(?![\w]))   # 1,000 or 3.5: not a date part
    | (?P<num>\d+(?:st|nd|rd|th|s)?(?![\w]))
    | (?P<word>[^\W\d_]+)
    | (?P<punct>['’]s\b|[^\s\w])
    )
    """,
    re.VERBOSE,
)


@attrs.frozen
class Candidate:
    """A span the grammar accepts, with its Lark tree.

    Attributes:
        start: offset of the first character.
        end: offset after the last character.
        tree: the parse tree of exactly these tokens.
    """

    start: int
    end: int
    tree: Tree


class Scanner:
    """Word classification, trigger search and longest-prefix recognition."""

    def __init__(self, parser: Lark | None = None) -> None:
        self.parser = parser or build_parser()
        table = self.parser.parser.parser.parser.parse_table
        self._states = table.states
        self._start_state = table.start_states["start"]
        self._end_state = table.end_states["start"]
        terminals = [t for t in self.parser.terminals if not t.name.startswith("__")]
        terminals.sort(key=lambda t: -t.priority)
        self._classify_re = re.compile(
            "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
        )
        self._word_class: dict[str, str | None] = {}
        starters = [
            t for t in terminals if t.name in self._states[self._start_state]
        ]
        # Word boundaries on both sides: "mar" never matches inside "market".
        self._trigger_re = re.compile(
            r"(?<![\w.$£€¥#@])(?:"
            + "|".join(t.pattern.to_regexp() for t in starters)
            + r")(?![\w%])"
        )

    def classify(self, word: str) -> str | None:
        """The terminal a whole token belongs to, or None."""
        key = word.casefold()
        try:
            return self._word_class[key]
        except KeyError:
            pass
        match = self._classify_re.fullmatch(key)
        name = match.lastgroup if match else None
        if len(self._word_class) > 50_000:  # bounded: memory never grows with input
            self._word_class.clear()
        self._word_class[key] = name
        return name

    def tokens_at(self, text: str, pos: int) -> list[Token]:
        """Up to MAX_TOKENS classified tokens from pos; stops at an unknown word."""
        tokens: list[Token] = []
        n = len(text)
        while pos < n and len(tokens) < MAX_TOKENS:
            match = _TOKEN.match(text, pos)
            if match is None or match.lastgroup is None or match.lastgroup == "numsep":
                break
            kind = match.lastgroup
            start = match.start(kind)
            value = match.group(kind)
            name = self.classify(value)
            if name is None:
                break
            tokens.append(Token(name, value, start_pos=start, end_pos=match.end()))
            pos = match.end()
        return tokens

    def accepted_prefixes(self, tokens: list[Token]) -> list[int]:
        """Lengths of the token prefixes that form a complete expression."""
        stack = [self._start_state]
        lengths = []
        for i, token in enumerate(tokens):
            if not self._feed(stack, token.type):
                break
            if self._accepts_end(stack):
                lengths.append(i + 1)
        return lengths

    def _feed(self, stack: list[int], terminal: str) -> bool:
        states = self._states
        while True:
            action = states[stack[-1]].get(terminal)
            if action is None:
                return False
            kind, arg = action
            if kind is Shift:
                stack.append(arg)
                return True
            size = len(arg.expansion)
            if size:
                del stack[-size:]
            goto = states[stack[-1]][arg.origin.name]
            stack.append(goto[1])

    def _accepts_end(self, stack: list[int]) -> bool:
        states = self._states
        stack = list(stack)
        while True:
            action = states[stack[-1]].get("$END")
            if action is None:
                return False
            kind, rule = action
            if kind is Shift:  # pragma: no cover - $END is never shifted in Lark tables
                return False
            size = len(rule.expansion)
            if size:
                del stack[-size:]
            goto = states[stack[-1]][rule.origin.name]
            stack.append(goto[1])
            if stack[-1] == self._end_state:
                return True

    def parse_tokens(self, tokens: list[Token]) -> Tree:
        interactive = self.parser.parse_interactive()
        for token in tokens:
            interactive.feed_token(token)
        return interactive.feed_eof(tokens[-1])

    def triggers(self, text: str) -> Iterator[re.Match[str]]:
        return self._trigger_re.finditer(text)

    def candidates(self, text: str, pos: int) -> Iterator[tuple[list[Token], int]]:
        """Token windows at pos with each accepted length, longest first."""
        tokens = self.tokens_at(text, pos)
        if not tokens:
            return
        for length in reversed(self.accepted_prefixes(tokens)):
            yield tokens, length
