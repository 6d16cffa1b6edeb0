"""Meaning builder rules for clock times: "3 p.m.", "10:30", "noon", "half past eight".

Takes hours, minutes and am/pm; gives ``Clock``.  A clock with a part of day
("7 this evening") takes the hour that falls in the part (19:00, not 07:00).
"""

from __future__ import annotations

from typing import Any

import attrs
from lark import Token

from timeline.expressions._meaning_model import Amount, Clock, PartOfDay, Reject
from timeline.expressions._meaning_tree import word_of
from timeline.expressions._tables import calendar_words

# Minutes in the units a "past"/"to" clock counts ("ten minutes to", "a quarter past").
_UNIT_MINUTES = {"minute": 1, "quarter": 15}


def hour_in_part(hour: int, part: str) -> int:
    """The reading of a 12-hour clock hour that falls in a part of day:
    7 in the evening is 19, 6 in the morning is 6, 12 at night is 0."""
    lo, hi = calendar_words()["part_of_day"][part]["hours"]
    for candidate in (hour % 12, hour % 12 + 12, hour % 12 + 24):
        if lo <= candidate < hi:
            return candidate % 24
    return hour


class ClockRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    numbers: dict[str, int]

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
        hour = int(c[0]) if c[0].type == "NUM2" else self.numbers[word_of(c[0])]
        if not 1 <= hour <= 12:
            raise Reject("hour")
        return Clock(hour, 0)

    def noon(self, c: list[Token]) -> Clock:
        return Clock(12, 0)

    def midnight(self, c: list[Token]) -> Clock:
        # TimeML: "midnight Friday" ends Friday (T24:00); alone it stays 00:00
        return Clock(24, 0)

    # "half past eight", "quarter to nine", "ten minutes to midnight"
    def clock_hour(self, c: list[Token]) -> int:
        token = c[0]
        if token.type == "NOON":
            return 12
        if token.type == "MIDNIGHT":
            return 24  # "ten minutes to midnight" counts back from the day's end
        hour = int(token) if token.type == "NUM2" else self.numbers[word_of(token)]
        if not 1 <= hour <= 12:
            raise Reject("hour")
        return hour

    def _offset_clock(self, hour: int, minutes: int, sign: int) -> Clock:
        total = hour * 60 + sign * minutes
        if sign < 0 and hour == 24:
            total = 24 * 60 - minutes
        elif hour == 24:
            total = minutes  # "a quarter past midnight": 00:15
        elif sign < 0 and total < 60:
            total += 12 * 60  # "ten to one" in a 12-hour reading stays after noon's hour
        return Clock((total // 60) % 24, total % 60)

    def half_past(self, c: list[Any]) -> Clock:
        return self._offset_clock(c[-1], 30, 1)

    def quarter_clock(self, c: list[Any]) -> Clock:
        return self._offset_clock(c[-1], 15, 1 if c[1].type == "PAST" else -1)

    def minutes_clock(self, c: list[Any]) -> Clock:
        amount, unit = c[0]
        value = amount.value if isinstance(amount, Amount) else None
        per = _UNIT_MINUTES.get(unit.name)
        if per is None or value is None or amount.mod or value.denominator != 1:
            raise Reject("not a clock")
        minutes = int(value) * per
        if not 1 <= minutes <= 59:
            raise Reject("minutes")
        return self._offset_clock(c[-1], minutes, 1 if c[1].type == "PAST" else -1)

    def clock_with_day(self, c: list[Any]) -> Clock:
        return self._with_day(c[0], c[-1])

    def day_clock(self, c: list[Any]) -> Clock:
        # "Sun 9am": the weekday first.
        return self._with_day(c[-1], self.weekday_ref([c[0]]))  # type: ignore[attr-defined]

    def bare_hour_with_day(self, c: list[Any]) -> Clock:
        # "at 7 this evening", "at 9 tomorrow": a 12-hour clock hour.
        hour = int(c[0])
        if not 1 <= hour <= 12:
            raise Reject("hour")
        return self._with_day(Clock(hour, 0), c[-1])

    def bare_hour_in_part(self, c: list[Any]) -> Clock:
        # "at 4 in the morning": the hour in the part, on the narrative's day.
        hour = int(c[0])
        if not 1 <= hour <= 12:
            raise Reject("hour")
        return Clock(hour_in_part(hour, word_of(c[-1])), 0)

    def _with_day(self, clock: Clock, day: Any) -> Clock:
        if isinstance(day, PartOfDay):
            clock = attrs.evolve(clock, hour=hour_in_part(clock.hour, day.part))
        return attrs.evolve(clock, day=day)
