"""Find candidate spans of temporal expressions in running text.

Recognition is linear in the text: a C-level regex jumps to the words that
can begin an expression (the terminals the LALR start state accepts, read
from Lark's parse table); from each such word, a small table-driven LALR
recognizer reads the following words and records every prefix the grammar
accepts.  Lark then builds a tree for the accepted prefix only.  No substring
is tried twice and a window never exceeds ``MAX_TOKENS`` words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lark import Lark, Token, Tree
from lark.parsers.lalr_analysis import Shift

from timeline._data import load_table, prefix_trie
from timeline._errors import DataTableError
from timeline.expressions._grammar import build_parser

# The longest expression we know of ("the first quarter of the coming year")
# has ten words; the bound keeps the work per start position constant.
MAX_TOKENS = 14

_TOKEN = re.compile(
    r"""
    [^\S\n]*(?:\n[^\S\n]*)?      # whitespace (no-break spaces too), at most one line break
    (?:
      (?P<abbr>[^\W\d_]\.(?:[^\W\d_]\.)+)   # a.m., p.m., b.c.
    | (?P<oclock>o['’]clock)
    | (?P<clock>\d{1,2}:\d\d(?![\w:]))       # 15:00
    | (?P<clockampm>\d{1,2}[ap]m\b)          # 3pm
    | (?P<numsep>\d+(?:[.,]\d+)+(?![\w]))   # 1,000 or 3.5: a count, never a date part
    | (?P<num>\d+(?:st|nd|rd|th|s)?(?![\w]))
    | (?P<word>[^\W\d_]+)
    | (?P<punct>['’]s\b|[^\s\w])
    )
    """,
    re.VERBOSE,
)


# The token just before a position, with the spaces after it (one line break
# at most): the same token shapes as _TOKEN, read backwards.
_TOKEN_BEFORE = re.compile(
    r"((?<![\w.,:])(?:[^\W\d_]\.(?:[^\W\d_]\.)+|\d+(?:[.,:]\d+)+|\d+(?:st|nd|rd|th|s)?|[^\W\d_]+)"
    r"|['’]s|[^\s\w])"
    r"[^\S\n]*(?:\n[^\S\n]*)?$"
)

# Characters that make the following word part of something else ($2015, #1990).
_NOT_AFTER = frozenset("$£€¥#@")


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
        self._terminals = terminals
        self._word_class: dict[str, str | None] = {}
        self._literal_class, self._pattern_class, self._pattern_class_re = _split_classes(terminals)
        table = scan_table()
        self._first = frozenset(self._states[self._start_state])
        self._modifiers = frozenset(table["modifiers"])
        self._max_modifiers = int(table["max_modifiers"])
        anchors = [t for t in terminals if t.name not in self._modifiers]
        # Case-sensitive search over lowercased text: a leading \b lets the
        # regex engine skip to word starts quickly, and the anchor words are
        # laid out as a trie (sre tries alternatives one by one, so shared
        # prefixes are tested once); an assertion before the word (no "$"
        # before a year) is checked in Python on the few matches.
        self._anchors = r"\b(?:" + _anchor_alternatives(anchors) + r")(?![\w%])"
        self._anchor_re = re.compile(self._anchors)

    # Compiled on first use: only a word or a text that is not plain ASCII
    # needs them, and compiling both is some 10 ms of a command's start-up.
    @functools.cached_property
    def _classify_re(self) -> re.Pattern[str]:
        return re.compile(
            "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in self._terminals)
        )

    @functools.cached_property
    def _anchor_re_any_case(self) -> re.Pattern[str]:
        return re.compile(self._anchors, re.IGNORECASE)

    def classify(self, word: str) -> str | None:
        """The terminal a whole token belongs to, or None."""
        key = word.casefold()
        try:
            return self._word_class[key]
        except KeyError:
            pass
        if key.isascii():
            name = self._classify_ascii(key)
        else:
            match = self._classify_re.fullmatch(key)
            name = match.lastgroup if match else None
        if len(self._word_class) > 50_000:  # bounded: memory never grows with input
            self._word_class.clear()
        self._word_class[key] = name
        return name

    def _classify_ascii(self, key: str) -> str | None:
        """``_classify_re``'s answer for an ASCII word: the first terminal, in
        the same order, among its word lists (one look-up) and its patterns
        (one regex of a dozen alternatives, not of all 128)."""
        literal = self._literal_class.get(key)
        match = self._pattern_class_re.fullmatch(key)
        if match is None:
            return literal[1] if literal else None
        name = match.lastgroup
        if literal is None or self._pattern_class[name] < literal[0]:  # type: ignore[index]
            return name
        return literal[1]

    def _next_token(self, text: str, pos: int) -> tuple[str, str, int, int] | None:
        """The classified token at pos: (terminal, text, start, end), or None."""
        match = _TOKEN.match(text, pos)
        if match is None or match.lastgroup is None:
            return None
        kind = match.lastgroup
        value = match.group(kind)
        name = self.classify(value)
        if name is None:
            return None
        return name, value, match.start(kind), match.end()

    def longest(self, text: str, pos: int) -> tuple[list[tuple[str, str, int, int]], list[int]]:
        """Tokens read from pos and the lengths of the prefixes the grammar accepts.

        Reading stops at the first token the parser cannot take, so a start
        word that leads nowhere ("the" before a noun) costs one token.
        """
        stack = [self._start_state]
        tokens: list[tuple[str, str, int, int]] = []
        lengths: list[int] = []
        while len(tokens) < MAX_TOKENS:
            token = self._next_token(text, pos)
            if token is None or not self._feed(stack, token[0]):
                break
            tokens.append(token)
            pos = token[3]
            if self._accepts_end(stack):
                lengths.append(len(tokens))
        return tokens, lengths

    def _feed(self, stack: list[int], terminal: str) -> bool:
        """Shift one terminal onto the LALR stack (reducing first); False if refused."""
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
            stack.append(states[stack[-1]][arg.origin.name][1])

    def _accepts_end(self, stack: list[int]) -> bool:
        """Whether the tokens fed so far form a complete expression."""
        states = self._states
        stack = list(stack)
        while True:
            action = states[stack[-1]].get("$END")
            if action is None or action[0] is Shift:
                return False
            rule = action[1]
            size = len(rule.expansion)
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][rule.origin.name][1])
            if stack[-1] == self._end_state:
                return True

    def parse(self, key: tuple[tuple[str, str], ...]) -> Tree:
        """Lark's tree for a token sequence given as (terminal, text) pairs."""
        interactive = self.parser.parse_interactive()
        for name, value in key:
            interactive.feed_token(Token(name, value))
        return interactive.feed_eof()

    def anchors(self, text: str) -> Iterator[int]:
        """Offsets of the anchor words (every expression contains one)."""
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self._anchor_re.finditer(lowered)
        else:  # a few characters change length when lowercased: search the text itself
            matches = self._anchor_re_any_case.finditer(text)
        for match in matches:
            yield match.start()

    def starts(self, text: str, anchor: int, floor: int) -> list[int]:
        """Where an expression holding the anchor word can begin, leftmost first:
        the modifier words just before it ("the past three [years]"), then the
        anchor itself; none before floor (the end of the last expression)."""
        out = [anchor]
        pos = anchor
        for _ in range(self._max_modifiers):
            match = _token_before(text, max(floor, pos - 24), pos)
            if match is None:
                break
            name = self.classify(match.group(1))
            if name is None or name not in self._modifiers:
                break
            pos = match.start(1)
            if name in self._first:
                out.append(pos)
        out.reverse()
        return [s for s in out if _free_before(text, s)]


def _token_before(text: str, lo: int, pos: int) -> re.Match[str] | None:
    """``_TOKEN_BEFORE.search(text, lo, pos)``, searched from the start of the
    last run of non-space characters only: the token holds no white space,
    so no match starts before that run (the regex tries each start in turn)."""
    window = text[lo:pos].rstrip()
    if not window:
        return None
    run = window.rsplit(None, 1)[-1]
    return _TOKEN_BEFORE.search(text, lo + len(window) - len(run), pos)


def _split_classes(
    terminals: list,  # type: ignore[type-arg]
) -> tuple[dict[str, tuple[int, str]], dict[str, int], re.Pattern[str]]:
    """The terminals, in order, split into ASCII word lists (each word: the
    place and name of the first list that holds it) and the rest (a regex,
    and each one's place); ASCII literals match an ASCII word exactly as the
    case-insensitive regex does."""
    literal_class: dict[str, tuple[int, str]] = {}
    pattern_class: dict[str, int] = {}
    patterns: list[str] = []
    for place, terminal in enumerate(terminals):
        literal = _literals(terminal.pattern)
        if literal is not None and all(word.isascii() for word in literal):
            for word in literal:
                literal_class.setdefault(word, (place, terminal.name))
        else:
            pattern_class[terminal.name] = place
            patterns.append(f"(?P<{terminal.name}>{terminal.pattern.to_regexp()})")
    return literal_class, pattern_class, re.compile("|".join(patterns) or "(?!)")


_CASELESS_LITERAL = re.compile(r"\(\?i:((?:[^()\\]|\\.)*)\)")


def _literals(pattern: object) -> list[str] | None:
    """The words a terminal matches, when it is a list of case-insensitive strings."""
    if pattern.type == "str":  # type: ignore[attr-defined]
        return [pattern.value.lower()]  # type: ignore[attr-defined]
    value = pattern.value  # type: ignore[attr-defined]
    parts = _CASELESS_LITERAL.findall(value)
    joined = "(?:" + "|".join(f"(?i:{p})" for p in parts) + ")"
    if not parts or value not in (joined, f"(?i:{parts[0]})"):
        return None
    return [re.sub(r"\\(.)", r"\1", p).lower() for p in parts]


def _anchor_alternatives(terminals: list) -> str:  # type: ignore[type-arg]
    """Lowercase regex alternatives for the anchor terminals: word lists as one trie."""
    words: list[str] = []
    others: list[list[str]] = []  # runs of patterns, in order; a run of number patterns apart
    for terminal in terminals:
        literal = _literals(terminal.pattern)
        if literal is not None:
            words.extend(literal)
            continue
        regexp = terminal.pattern.to_regexp().replace("(?i:", "(?:")
        number = _digit_first(regexp)
        if not others or number != _digit_first(others[-1][0]):
            others.append([])
        others[-1].append(regexp)
    # sre tries every alternative at every word start: a look-ahead for a
    # digit spares the words the number patterns (same matches, same order)
    runs = [
        f"(?=[0-9])(?:{'|'.join(run)})" if _digit_first(run[0]) else "|".join(run) for run in others
    ]
    return "|".join([prefix_trie(sorted(set(words)))] + runs)


def _digit_first(regexp: str) -> bool:
    """Whether every match of ``regexp`` begins with a digit: it opens with a
    digit class (or a group that does) and no alternative other than the
    first can begin elsewhere ("[0-9]+|x" and "(?:[0-9]|x)y" may not)."""
    prefix = next((p for p in _DIGIT_FIRST if regexp.startswith(p)), None)
    if prefix is None or regexp[len(prefix) :].startswith(("*", "?", "{0", "{,")):
        return False  # no digit class first, or one that may match nothing ("[0-9]*x")
    # the alternation levels that could offer another first element: the top,
    # and inside the opening group while it is open
    guarded = 1 if regexp.startswith("(") else 0
    depth, escaped, in_class = 0, False, False
    for char in regexp:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                guarded = 0  # the opening group closed: only the top level is left
        elif char == "|" and depth <= guarded:
            return False
    return True


_DIGIT_FIRST = ("[0-9]", "(?:[0-9]", r"\d", r"(?:\d")


def _free_before(text: str, start: int) -> bool:
    """No '$' before a year, no decimal point before digits ("3.5 years")."""
    before = text[start - 1] if start else ""
    if before in _NOT_AFTER:
        return False
    # "3.5 years" (the digits after a decimal point), "555-1234" (a phone number)
    return not (before in ".,-/" and start > 1 and text[start - 2].isdigit()
                and text[start].isdigit())  # fmt: skip


@functools.cache
def scan_table() -> dict[str, object]:
    table = load_table("scan.toml")
    if "modifiers" not in table or "max_modifiers" not in table:
        raise DataTableError("scan.toml: needs 'modifiers' and 'max_modifiers'")
    return table
