"""JSON timeline/2: the contract a program reads (schema: timeline/schema/timeline-2.schema.json).

One top-level shape for ``timeline --format json`` and ``timeline tag --format
json``: ``{"version", "stage", "documents": [{..., "expressions"}], "events",
"constraints", "conflicts"}`` (``tag`` has stage "tag" and no events).
Sentences count from 1, as the text output's "[s3]"; each event carries its
full clause text and its display text; each bound its value at the grain of
its evidence and the evidence itself (constraint ids, rules, words with
offsets, strength, assumption).  ``--format jsonl`` writes one such object per
document per line (``iter_jsonl``), so memory is one document's worth.

timeline/1 (``_render.to_json``) is superseded: every output (``--format
json``/``jsonl``, the batch records, the HTML view) uses this shape.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from timeline.expressions._model import TimeExpression
from timeline.output._evidence import BOUNDS, Bound, Placement, reader_rule
from timeline.output._lines import Line, lines_of
from timeline.relations import ORIGIN, Constraint
from timeline.solver._timeline import Moment, Timeline, TimelineEvent

__all__ = ["JSON_VERSION", "iter_jsonl", "tag_json", "timeline_json"]

JSON_VERSION = "timeline/2"


def _iso(m: Moment, grain: str = "minute") -> str | None:
    if m is None:
        return None
    if isinstance(m, dt.datetime):
        return m.date().isoformat() if grain == "day" else m.isoformat(timespec="minutes")
    return m.isoformat()


def _document(name: str, published: dt.date, how: str,
              expressions: Iterable[TimeExpression]) -> dict[str, Any]:  # fmt: skip
    return {"source": name, "published": published.isoformat(), "published_from": how,
            "expressions": [e.to_dict() for e in expressions]}  # fmt: skip


def tag_json(name: str, published: dt.date, expressions: Iterable[TimeExpression],
             how: str = "given") -> dict[str, Any]:  # fmt: skip
    """``timeline tag --format json``: the timeline/2 shape with the expressions only."""
    return {"version": JSON_VERSION, "stage": "tag",
            "documents": [_document(name, published, how, expressions)],
            "events": [], "constraints": [], "conflicts": []}  # fmt: skip


class _Writer:
    def __init__(self, tl: Timeline) -> None:
        self.tl = tl
        self.placement = Placement(tl)
        self.index = {id(c): i for i, c in enumerate(tl.constraints)}

    def words(self, c: Constraint, source: str | None) -> list[dict[str, Any]]:
        text = self.tl.texts.get(source) if source is not None else None
        return [{"text": text[lo:hi] if text is not None else None, "start": lo, "end": hi}
                for lo, hi in c.evidence.spans]  # fmt: skip

    def constraint(self, c: Constraint) -> dict[str, Any]:
        ev = c.evidence
        source = self.placement.source_of(c)
        return {
            "id": self.index[id(c)],
            "from": "origin" if c.a is ORIGIN else str(c.a),
            "to": "origin" if c.b is ORIGIN else str(c.b),
            "min_minutes": c.lo,
            "max_minutes": c.hi,
            "rule": ev.rule,
            "rule_words": reader_rule(ev.rule),
            "text": ev.text,
            "words": self.words(c, source),
            "source": source,
            "strength": c.strength,
            "assumption": bool(getattr(ev, "assumption", False)),
            "note": ev.description,
        }

    def bound(self, b: Bound) -> dict[str, Any]:
        steps = [c for c in b.chain if id(c) in self.index]
        return {
            "value": _iso(b.moment, b.grain),
            "grain": b.grain,
            "constraints": [self.index[id(c)] for c in steps],
            "rules": sorted({c.evidence.rule for c in steps}),
            "words": [w for c in steps if c.evidence.rule != "event-interval"
                      for w in self.words(c, self.placement.source_of(c))],  # fmt: skip
            "strength": min((c.strength for c in steps), default=None),
            "assumption": any(getattr(c.evidence, "assumption", False) for c in steps),
        }

    def event(self, e: TimelineEvent, line: Line) -> dict[str, Any]:
        bounds = {b.field: b for b in self.placement.bounds(e)}
        text = self.tl.texts.get(e.source)
        relations = getattr(self.tl, "relations_of", None)
        return {
            "id": e.id,
            "source": e.source,
            "sentence": e.sentence + 1,
            "text": " ".join(text[e.start : e.end].split()) if text is not None else e.text,
            "display": line.text if e is line.primary else e.text,
            "trigger": e.trigger,
            "start": e.start,
            "end": e.end,
            "trigger_start": e.trigger_start,
            "trigger_end": e.trigger_end,
            "tense": e.tense,
            "aspect": e.aspect,
            "status": e.status,
            "polarity": e.polarity,
            "event_class": e.event_class,
            "pos": e.pos,
            "section": line.section,
            "line": line.primary.id,
            "told_with": [o.id for o in line.events if o is not e],
            "when": line.when if e is line.primary else None,
            "bounds": {f: self.bound(bounds[f]) if f in bounds else None for f, _p, _w in BOUNDS},
            "relations": _relations(relations(e)) if callable(relations) else None,
        }


def _relations(found: Any) -> list[dict[str, Any]]:
    """``Timeline.relations_of``'s (other event, Relation) pairs as JSON."""
    return [{"event": other.id if hasattr(other, "id") else str(other), "relation": str(relation),
             "confidence": getattr(relation, "confidence", None),
             "rules": list(getattr(relation, "rules", ()))}
            for other, relation in found or ()]  # fmt: skip


def timeline_json(tl: Timeline, sources: dict[str, str] | None = None) -> dict[str, Any]:
    """The timeline as a JSON-ready timeline/2 dict; ``sources`` says how each
    document's publication date was found ("given" when absent)."""
    w = _Writer(tl)
    documents = [_document(name, published, (sources or {}).get(name, "given"),
                           tl.expressions.get(name, ()))
                 for name, published in tl.published.items()]  # fmt: skip
    events = []
    for line in lines_of(tl, w.placement):  # the order of the text timeline
        events.extend(w.event(e, line) for e in line.events)
    conflicts = []
    for k in tl.conflicts:
        names = {w.placement.source_of(c) for c in k.cycle}
        conflicts.append({
            "cycle": [w.index[id(c)] for c in k.cycle if id(c) in w.index],
            "dropped": w.index.get(id(k.dropped)),
            "reason": k.reason,
            "sources": sorted(n for n in names if n is not None),
        })  # fmt: skip
    return {"version": JSON_VERSION, "stage": "timeline", "documents": documents,
            "events": events, "constraints": [w.constraint(c) for c in tl.constraints],
            "conflicts": conflicts}  # fmt: skip


def iter_jsonl(timelines: Iterable[tuple[Timeline, dict[str, str]]]) -> Iterator[str]:
    """One compact timeline/2 line per timeline (a document each), built as it is asked for."""
    for tl, how in timelines:
        yield json.dumps(timeline_json(tl, how), ensure_ascii=False, separators=(",", ":")) + "\n"
