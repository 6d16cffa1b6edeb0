"""The text timeline: the chronology, then what only publication places, then the undated.

One line per happening (``_lines``): when, what, and where in the text
("[s3]" = sentence 3, counted from 1 as in JSON timeline/2).  With
``explain`` each line is followed by the evidence of each bound, rules named
for a reader with their id in brackets, assumptions marked.
"""

from __future__ import annotations

import datetime as dt

from timeline.output._evidence import Bound, Placement, reader_rule
from timeline.output._lines import Line, from_clock, lines_of
from timeline.relations import Constraint
from timeline.solver._timeline import Timeline

__all__ = ["bound_words", "constraint_words", "format_text"]

_FLAGS = {"PLANNED": " (planned)", "NEGATED": " (negated)", "HYPOTHETICAL": " (possible)"}
_LABELS = {"earliest_start": ("start", "earliest"), "latest_start": ("start", "latest"),
           "earliest_end": ("end", "earliest"), "latest_end": ("end", "latest")}  # fmt: skip
_HEADINGS = {
    "publication": "Placed only against the publication day (by tense or the reporting day):",
    "undated": "Undated (no evidence places them):",
}


def _moment(b: Bound, last_day: bool) -> str:
    m = b.moment
    if b.grain == "minute" and isinstance(m, dt.datetime):
        return from_clock(m)
    if isinstance(m, dt.datetime):  # a clock time the grain does not show
        m = m.date()
    if last_day and m is not None:
        from timeline.expressions._calendar import add_days

        return add_days(m, -1).isoformat()  # type: ignore[arg-type]
    return m.isoformat() if m is not None else "?"


def bound_words(b: Bound) -> str:
    """'start on or after 2014-01-01', 'end by the end of 2014-12-31', 'start by 2019-06-14 10:00'."""
    point, which = _LABELS[b.field]
    if which == "earliest":
        return f"{point} on or after {_moment(b, False)}"
    if b.minutes % 1440 == 0:
        return f"{point} by the end of {_moment(b, True)}"
    if b.minutes % 60 == 1 and isinstance(b.moment, dt.datetime):
        # The minute of a clock time ("at 10 a.m." is 10:00 to 10:01): name the clock time.
        return f"{point} by the end of {from_clock(b.moment - dt.timedelta(minutes=1))}"
    return f"{point} by {_moment(b, False)}"


def constraint_words(c: Constraint, source: str | None = None) -> str:
    ev = c.evidence
    words = f' "{ev.text}"' if ev.text else ""
    where = f" ({source})" if source else ""
    assumed = " (assumed: the text does not say)" if getattr(ev, "assumption", False) else ""
    return f"{reader_rule(ev.rule)}{words}{where}{assumed}"


def _where(line: Line, several: bool) -> str:
    seen = []
    for e in line.events:
        w = f"{e.source + ':' if several else ''}s{e.sentence + 1}"
        if w not in seen:
            seen.append(w)
    return ", ".join(seen)


def _explain(placement: Placement, line: Line, several: bool) -> list[str]:
    out = []
    for b in line.bounds:
        steps = [c for c in b.chain if c.evidence.rule != "event-interval"] or list(b.chain)
        reasons = "; ".join(constraint_words(c, placement.source_of(c) if several else None)
                            for c in steps) or "given"  # fmt: skip
        out.append(f"{bound_words(b)}: {reasons}")
    if len(line.events) > 1:
        others = ", ".join(f'"{e.trigger}" ({e.id})' for e in line.events[1:])
        out.append(f"told as one with {others}")
    return out


def _conflicts(tl: Timeline, placement: Placement, several: bool) -> list[str]:
    lines = ["", "Conflicts resolved by dropping the weakest evidence:"]
    for conflict in tl.conflicts:
        dropped = conflict.dropped
        others = "; ".join(
            constraint_words(c, placement.source_of(c) if several else None)
            for c in conflict.cycle
            if c is not dropped and c.evidence.rule != "event-interval"
        )
        said = constraint_words(dropped, placement.source_of(dropped) if several else None)
        lines.append(f"  dropped {said} (contradicted {others}): {conflict.reason}")
    return lines


def format_text(tl: Timeline, explain: bool = False, sources: dict[str, str] | None = None) -> str:
    """The timeline in lines a person reads: chronology first, in an order that never
    goes back in time; then events only publication places; then the undated."""
    out = []
    for name, published in tl.published.items():
        how = (sources or {}).get(name, "")
        out.append(f"# {name or 'text'}: published {published.isoformat()}"
                   f"{' (' + how + ')' if how else ''}")  # fmt: skip
    several = len(tl.published) > 1
    placement = Placement(tl)
    lines = lines_of(tl, placement)
    width = max((len(ln.when) for ln in lines if ln.section != "undated"), default=0)
    section = "dated"
    for line in lines:
        if line.section != section:
            section = line.section
            out.extend(["", _HEADINGS[section]])
        text = line.text + _FLAGS.get(line.primary.status, "")
        where = _where(line, several)
        if section == "undated":
            out.append(f"  {text}  [{where}]")
            continue
        out.append(f"{line.when.ljust(width)}  {text}  [{where}]")
        if explain:
            out.extend(f"{'':{width}}    - {reason}" for reason in _explain(placement, line, several))
    if tl.conflicts:
        out.extend(_conflicts(tl, placement, several))
    return "\n".join(out)
