"""Reading a parse tree's children for the meaning builder.

Takes the children Lark hands a Transformer callback (tokens and already
built meanings); gives the words, directions and numbers they hold.
"""

from __future__ import annotations

import calendar
from fractions import Fraction
from typing import Any

from lark import Token

from timeline.expressions._calendar import duration_value
from timeline.expressions._meaning_model import Reject

UNIT_NAMES = {
    "SECOND": "second", "MINUTE": "minute", "HOUR": "hour", "DAY": "day", "WEEK": "week",
    "FORTNIGHT": "fortnight", "MONTH_UNIT": "month", "QUARTER": "quarter", "YEAR": "year",
    "DECADE": "decade", "CENTURY": "century", "MILLENNIUM": "millennium", "WEEKEND": "weekend",
}  # fmt: skip
DIRECTION_WORDS = {
    "LAST": "last", "PAST": "last", "PREVIOUS": "previous", "NEXT": "next",
    "COMING": "next", "FOLLOWING": "following", "THIS": "this", "CURRENT": "this",
    "SAME": "same", "THAT": "that",
}  # fmt: skip

# How far a direction word moves from its base: "last week" -1, "the next day" +1.
DIRECTION_OFFSET = {"last": -1, "previous": -1, "next": 1, "following": 1}


def tokens_of(children: list[Any]) -> list[Token]:
    return [c for c in children if isinstance(c, Token)]


def token_types(children: list[Any]) -> set[str]:
    return {c.type for c in children if isinstance(c, Token)}


def first_of(children: list[Any], kind: type) -> Any:
    for c in children:
        if isinstance(c, kind):
            return c
    return None


def direction_of(children: list[Any]) -> str | None:
    for c in children:
        if isinstance(c, Token) and c.type in DIRECTION_WORDS:
            return DIRECTION_WORDS[c.type]
    return None


def word_of(token: Token) -> str:
    return str(token).casefold().rstrip(".")


def year_token(children: list[Any]) -> int | None:
    """The four-digit year among the children, if any."""
    for c in children:
        if isinstance(c, Token) and c.type == "NUM4":
            return int(c)
    return None


def check_day(year: int | None, month: int, day: int) -> str | None:
    """None if the day exists; else why not (for 'February 30')."""
    if not 1 <= day <= 31:
        raise Reject(f"day {day}")
    longest = calendar.monthrange(year if year and 1 <= year <= 9999 else 2000, month)[1]
    if day > longest:
        name = calendar.month_name[month]
        return f"{name} has {longest} days" + (f" in {year}" if year else "")
    return None


def period_value(n: Fraction, unit: str) -> str:
    """The TIMEX3 duration value of n units ("P2W")."""
    return duration_value(n, unit)
