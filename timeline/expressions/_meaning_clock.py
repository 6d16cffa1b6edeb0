"""Meaning builder rules for clock times: "3 p.m.", "10:30", "noon".

Takes hours, minutes and am/pm; gives ``Clock``.
"""

from __future__ import annotations

from typing import Any

import attrs
from lark import Token

from timeline.expressions._meaning_model import Clock, Reject
from timeline.expressions._meaning_tree import word_of


class ClockRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    def _clock(self, hour: int, minute: int, ampm: Token | None) -> Clock:
        if ampm is not None:
            if not 1 <= hour <= 12:
                raise Reject("hour")
            pm = word_of(ampm).startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        if not (0 <= hour <= 24 and 0 <= minute <= 59) or (hour == 24 and minute):
            raise Reject("clock")
        return Clock(hour % 24, minute)

    def hour_ampm(self, c: list[Token]) -> Clock:
        return self._clock(int(c[0]), 0, c[1])

    def hour_minute(self, c: list[Token]) -> Clock:
        ampm = next((t for t in c if t.type == "AMPM"), None)
        hour, _sep, minute = str(c[0]).replace(".", ":").partition(":")
        if len(minute) != 2 or "," in hour:
            raise Reject("minutes")
        return self._clock(int(hour), int(minute), ampm)

    def hour_ampm_joined(self, c: list[Token]) -> Clock:
        text = str(c[0])
        return self._clock(int(text[:-2]), 0, Token("AMPM", text[-2:]))

    def hour_oclock(self, c: list[Token]) -> Clock:
        hour = int(c[0])
        if not 1 <= hour <= 12:
            raise Reject("hour")
        return Clock(hour, 0)

    def noon(self, c: list[Token]) -> Clock:
        return Clock(12, 0)

    def midnight(self, c: list[Token]) -> Clock:
        return Clock(0, 0)

    def clock_with_day(self, c: list[Any]) -> Clock:
        return attrs.evolve(c[0], day=c[-1])
