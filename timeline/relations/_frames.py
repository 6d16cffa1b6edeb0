"""Narrative time: the time a sentence is set in (``sentence_frame``) and whether
it lies in the past (``past_frame``).

A sentence's own frame is its first calendar time of a year or finer ("In
1994, ...", "on Sunday"); a sentence without one stays in the frame of the
sentence before it while they share a paragraph and no present or future main
verb returns the text to the present.  In a past frame, "now", "current" and
"still" are the frame's time (the time-anchor rule reads ``frame_for_present``)
and a report is not dated to the publication day (the reporting-day rule).
"""

from __future__ import annotations

from timeline.events import Event, Pos, Status, Tense
from timeline.expressions import TimeExpression
from timeline.relations._dating_table import dating_table
from timeline.relations._document import Document
from timeline.relations._tables import connectives
from timeline.relations._units import MINUTES_PER_DAY, to_minutes

__all__ = ["frame_for_present", "past_frame", "sentence_frame"]

_PRESENT_REF = "PRESENT_REF"


def _own_frame(expr: TimeExpression) -> bool:
    if expr.value == _PRESENT_REF or expr.anchor == "publication" and expr.value is None:
        return False
    lo, hi = to_minutes(expr.earliest), to_minutes(expr.latest)
    return lo is not None and hi is not None and hi - lo <= 366 * MINUTES_PER_DAY


def _present_main(e: Event) -> bool:
    return (e.pos is Pos.VERB and e.governor is None and e.status is Status.ASSERTED
            and e.tense in (Tense.PRESENT, Tense.FUTURE))  # fmt: skip


def _returns_to_present(doc: Document, sentence: int) -> bool:
    return any(_present_main(e) for e in doc.events_in(sentence))


def _new_paragraph(doc: Document, sentence: int) -> bool:
    gap = doc.text[doc.sentences[sentence - 1].end : doc.sentences[sentence].start]
    return gap.count("\n") >= 2


def _frames(doc: Document) -> list[TimeExpression | None]:
    def compute() -> list[TimeExpression | None]:
        own: dict[int, TimeExpression] = {}
        time_signals = connectives()["time"]
        present = {e.sentence for e in doc.events if _present_main(e)}
        for expr in doc.expressions:
            # Not a start ("has been independent since 1901") nor a sentence
            # told in the present: neither is set in that time.
            signal = (expr.signal or "").casefold()
            within = time_signals.get(signal, "within") == "within"  # type: ignore[union-attr]
            sentence = doc.sentence_of(expr.start)
            if _own_frame(expr) and within and sentence not in present:
                own.setdefault(sentence, expr)
        frames: list[TimeExpression | None] = []
        for i in range(len(doc.sentences)):
            if i in own:
                frames.append(own[i])
            elif i > 0 and frames[-1] is not None and not _new_paragraph(doc, i) \
                    and not _returns_to_present(doc, i):
                frames.append(frames[-1])
            else:
                frames.append(None)
        return frames
    return doc.memo("frames", compute)


def sentence_frame(doc: Document, sentence: int) -> TimeExpression | None:
    """The time a sentence is set in, its own or carried from its paragraph, or None."""
    frames = _frames(doc)
    return frames[sentence] if 0 <= sentence < len(frames) else None


def past_frame(doc: Document, sentence: int) -> TimeExpression | None:
    """The sentence's frame when that time ended well before the publication
    day (``past_frame_days`` of ``grammars/dating.toml``), else None."""
    expr = sentence_frame(doc, sentence)
    days = dating_table()["present_context"]["past_frame_days"]
    hi = None if expr is None else to_minutes(expr.latest)
    if expr is None or type(days) is not int or hi is None:
        return None
    return expr if hi <= doc.publication_start - days * MINUTES_PER_DAY else None


def frame_for_present(doc: Document, expr: TimeExpression) -> TimeExpression | None:
    """For "now", "current", "still" (PRESENT_REF) in a past frame, that frame."""
    if expr.value != _PRESENT_REF:
        return None
    return past_frame(doc, doc.sentence_of(expr.start))
