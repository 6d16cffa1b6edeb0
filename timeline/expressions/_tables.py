"""Language data tables kept beside the grammar (``grammars/*.toml``).

Loaded once, validated, frozen.  A malformed table raises DataTableError
naming the file and the row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from timeline._data import load_table
from timeline._errors import DataTableError

TIMEX_VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
TIMEX_MODS = {
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
}  # fmt: skip

_ISO_DURATION = re.compile(
    r"^(?P<sign>-)?P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?$"
)


def parse_offset(text: str, where: str) -> relativedelta | None:
    """'-P14D' -> relativedelta(days=-14); '' -> None (open)."""
    if text == "":
        return None
    match = _ISO_DURATION.match(text)
    if not match or text in ("P", "-P"):
        raise DataTableError(f"{where}: {text!r} is not an ISO 8601 duration like '-P14D'")
    sign = -1 if match["sign"] else 1
    num = {k: int(match[k] or 0) * sign for k in "YMWD"}
    return relativedelta(years=num["Y"], months=num["M"], weeks=num["W"], days=num["D"])




def _keyed_rows(name: str, table: str, fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for i, row in enumerate(load_table(name).get(table, []), start=1):
        where = f"{name}: [[{table}]] row {i}"
        missing = [f for f in fields if f not in row]
        if missing:
            raise DataTableError(f"{where}: missing {', '.join(missing)}")
        key = str(row["key"]).casefold()
        if key in rows:
            raise DataTableError(f"{where}: duplicate key {key!r}")
        rows[key] = row | {"where": where}
    return rows


@attrs.frozen
class VagueWindow:
    """A vague reference's TIMEX3 value and its window around publication.

    Attributes:
        key: the grammar alias ("recent_days").
        value: PRESENT_REF, PAST_REF or FUTURE_REF.
        start: offset of the window's start from the publication day, or None (open).
        end: offset of the window's end, or None (open).
        rationale: why this width.
    """

    key: str
    value: str
    start: relativedelta | None
    end: relativedelta | None
    rationale: str


@functools.cache
def vague_windows() -> dict[str, VagueWindow]:
    out = {}
    name = "vague_windows.toml"
    for key, row in _keyed_rows(name, "window", ("key", "value", "start", "end")).items():
        where = row["where"]
        if row["value"] not in TIMEX_VAGUE_VALUES:
            raise DataTableError(f"{where}: unknown TIMEX3 value {row['value']!r}")
        start = parse_offset(row["start"], where)
        end = parse_offset(row["end"], where)
        if start is not None and end is not None:
            probe = dt.date(2000, 1, 1)
            if probe + start >= probe + end:
                raise DataTableError(f"{where}: window start is not before its end")
        out[key] = VagueWindow(key, row["value"], start, end, row.get("rationale", ""))
    return out


@attrs.frozen
class PartWindow:
    """'early', 'mid', 'late'...: a fraction [lo, hi) of a period and its TimeML mod."""

    key: str
    mod: str
    lo: float
    hi: float


@functools.cache
def part_windows() -> dict[str, PartWindow]:
    out = {}
    name = "modifiers.toml"
    for key, row in _keyed_rows(name, "part", ("key", "mod", "from", "to")).items():
        where = row["where"]
        lo, hi = float(row["from"]), float(row["to"])
        if not (0.0 <= lo < hi <= 1.0):
            raise DataTableError(f"{where}: need 0 <= from < to <= 1, got {lo}, {hi}")
        if row["mod"] not in TIMEX_MODS:
            raise DataTableError(f"{where}: unknown TimeML mod {row['mod']!r}")
        out[key] = PartWindow(key, row["mod"], lo, hi)
    return out


@functools.cache
def approximator_mods() -> dict[str, str]:
    out = {}
    name = "modifiers.toml"
    for key, row in _keyed_rows(name, "approximator", ("key", "mod")).items():
        if row["mod"] not in TIMEX_MODS:
            raise DataTableError(f"{row['where']}: unknown TimeML mod {row['mod']!r}")
        out[key] = row["mod"]
    return out


@functools.cache
def calendar_words() -> dict[str, Any]:
    table = load_table("calendar_words.toml")
    for section in ("month", "weekday", "season", "part_of_day", "holiday", "number",
                    "ordinal", "frequency"):  # fmt: skip
        if section not in table:
            raise DataTableError(f"calendar_words.toml: missing [{section}]")
    return table


@attrs.frozen
class Formats:
    """Written formats and abbreviations (see formats.toml)."""

    weekday_abbreviations: dict[str, int]
    word_like_weekdays: frozenset[str]
    dotted_order: str
    two_digit_year_pivot: int


@functools.cache
def formats() -> Formats:
    name = "formats.toml"
    table = load_table(name)
    weekdays = calendar_words()["weekday"]
    try:
        abbreviations = {str(k).casefold(): weekdays[str(v).casefold()]
                         for k, v in table["weekday_abbreviation"].items()}  # fmt: skip
        rules = table["rules"]
        out = Formats(
            weekday_abbreviations=abbreviations,
            word_like_weekdays=frozenset(w.casefold() for w in rules["word_like_weekdays"]),
            dotted_order=str(rules["dotted_order"]),
            two_digit_year_pivot=int(rules["two_digit_year_pivot"]),
        )
    except KeyError as exc:
        raise DataTableError(f"{name}: missing or unknown {exc}") from exc
    if sorted(out.dotted_order) != ["d", "m", "y"]:
        raise DataTableError(f"{name}: dotted_order must order d, m and y, not {out.dotted_order!r}")
    if not out.word_like_weekdays <= set(abbreviations):
        raise DataTableError(f"{name}: word_like_weekdays must be abbreviations")
    return out


@attrs.frozen
class ContextCues:
    """Tense cues and signal words (see context_cues.toml)."""

    future: frozenset[str]
    past: frozenset[str]
    not_past: frozenset[str]
    signals: frozenset[str]
    verb_last_before: frozenset[str]
    function_words: frozenset[str]
    modal_months: frozenset[str]
    latent_frames: dict[str, tuple[str, str]]
    past_signals: frozenset[str]
    shift_signals: frozenset[str]
    nonfinite_be: frozenset[str]
    age_words: frozenset[str]
    past_words: frozenset[str]
    period_end_words: frozenset[str]
    rate_words: frozenset[str]
    fraction_units: frozenset[str]
    verb_seasons: frozenset[str]
    week_ending_editions: frozenset[int]
    conjunctions: frozenset[str]
    one_day_after: frozenset[str]
    unit_steps: dict[str, int]


@functools.cache
def context_cues() -> ContextCues:
    table = load_table("context_cues.toml")
    try:
        return ContextCues(
            future=frozenset(w.casefold() for w in table["future"]),
            past=frozenset(w.casefold() for w in table["past"]),
            not_past=frozenset(w.casefold() for w in table["not_past"]),
            signals=frozenset(w.casefold() for w in table["signals"]),
            verb_last_before=frozenset(w.casefold() for w in table["verb_last_before"]),
            function_words=frozenset(w.casefold() for w in table["function_words"]),
            modal_months=frozenset(w.casefold() for w in table["modal_months"]),
            latent_frames={k: (v[0].casefold(), v[1].casefold())
                           for k, v in table["latent_frames"].items()},  # fmt: skip
            past_signals=frozenset(w.casefold() for w in table["past_signals"]),
            shift_signals=frozenset(w.casefold() for w in table["shift_signals"]),
            nonfinite_be=frozenset(w.casefold() for w in table["nonfinite_be"]),
            age_words=frozenset(w.casefold() for w in table["age_words"]),
            past_words=frozenset(w.casefold() for w in table["past_words"]),
            period_end_words=frozenset(w.casefold() for w in table["period_end_words"]),
            rate_words=frozenset(w.casefold() for w in table["rate_words"]),
            fraction_units=frozenset(w.casefold() for w in table["fraction_units"]),
            verb_seasons=frozenset(w.casefold() for w in table["verb_seasons"]),
            week_ending_editions=frozenset(int(d) for d in table["week_ending_editions"]),
            conjunctions=frozenset(w.casefold() for w in table["conjunctions"]),
            one_day_after=frozenset(w.casefold() for w in table["one_day_after"]),
            unit_steps={str(k).casefold(): int(v) for k, v in table["unit_steps"].items()},
        )
    except KeyError as exc:
        raise DataTableError(f"context_cues.toml: missing list {exc}") from exc




@functools.cache
def within_signals() -> frozenset[str]:
    """Signals that put an event inside the time ("on", "in", "at"): the
    "within" rows of connectives.toml [time], which the relation rules read too."""
    table = load_table("connectives.toml")
    if "time" not in table:
        raise DataTableError("connectives.toml: missing [time]")
    return frozenset(str(k).casefold() for k, v in table["time"].items() if v == "within")
