"""Reading TimeML: gold documents of a corpus and inline-TIMEX3 system output.

Shared by the benchmarks. Nothing here is specific to one corpus; the corpus
files are read at run time and never copied into the project.

A gold document (TempEval-3 ``.tml``) looks like::

    <TimeML>
      <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" ...>19980108</TIMEX3></DCT>
      <TEXT>... <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> ...</TEXT>
    </TimeML>

The raw text a tagger sees is the character content of ``<TEXT>`` with every
tag removed and XML entities decoded (``&amp;`` -> ``&``), exactly what an XML
parser reports as text. Gold offsets are offsets into that raw text.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 with its extent in the raw text (``text[start:end]``)."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    rule: str = ""  # the system rule that produced it (empty for gold)


@dataclass
class Document:
    """A gold document: raw text, publication date and gold TIMEX3s (DCT excluded)."""

    name: str
    text: str
    dct: dt.date
    dct_value: str
    timexes: list[Timex] = field(default_factory=list)


def _walk(elem: ET.Element, parts: list[str], pos: list[int], found: list[Timex]) -> None:
    """Append the text content of ``elem`` to ``parts``; record TIMEX3 extents.

    ``pos`` is a one-item list holding the running character offset.
    """
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _walk(child, parts, pos, found)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if elem.tag == "TIMEX3" and pos[0] > start:  # empty (non-consuming) TIMEX3s have no extent
        found.append(Timex(start, pos[0], "", elem.get("type"), elem.get("value")))


def read_document(path: Path) -> Document:
    """Parse one ``.tml`` file into raw text, DCT and gold TIMEX3s."""
    return _document(ET.parse(path).getroot(), path)


def _document(root: ET.Element, path: Path) -> Document:
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is None or not dct_timex.get("value"):
        raise ValueError(f"{path}: no <DCT><TIMEX3 value=...>")
    dct_value = dct_timex.get("value", "")
    text_elem = root.find("TEXT")
    if text_elem is None:
        raise ValueError(f"{path}: no <TEXT>")
    parts: list[str] = []
    found: list[Timex] = []
    # Walk TEXT's content only (_walk leaves out its own tail, which lies
    # outside the document text).
    _walk(text_elem, parts, [0], found)
    text = "".join(parts)
    timexes = sorted(
        (Timex(t.start, t.end, text[t.start : t.end], t.type, t.value) for t in found),
        key=lambda t: (t.start, t.end),
    )
    return Document(
        name=path.stem,
        text=text,
        dct=dt.date.fromisoformat(dct_value[:10]),
        dct_value=dct_value,
        timexes=timexes,
    )


# The development corpus sits in shared/data beside the checkout (the
# repository's parent folder); every script also takes another path.
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "TBAQ-cleaned"


def iter_corpus(root: Path) -> Iterator[Path]:
    """Every ``*.tml`` under ``root``, recursively, in a stable order."""
    yield from sorted(root.rglob("*.tml"))


def corpus_documents(root: Path, limit: int | None, reader):  # type: ignore[no-untyped-def]
    """The first ``limit`` documents under ``root`` read with ``reader``, or None
    (with a message) when there is nothing to measure: benchmarks skip, not fail."""
    if not root.is_dir():
        print(f"corpus {root} not found; nothing to measure (skipped)")
        return None
    paths = list(iter_corpus(root))[:limit]
    docs = [reader(p) for p in paths]
    if not docs:
        print(f"no *.tml under {root}; nothing to measure (skipped)")
        return None
    return docs


# Inline TIMEX3 tags in system output (HeidelTime's TimeML does not escape
# the text between tags, so it is read with a pattern, not an XML parser).
_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


class InlineTimexes(NamedTuple):
    """System TIMEX3s mapped to raw-text offsets, and how cleanly that went."""

    timexes: list[Timex]
    aligned: bool  # the output minus its tags was exactly the raw text
    dropped: int  # expressions whose text could not be found in the raw text


def read_inline_timexes(tagged: str, raw: str) -> InlineTimexes:
    """Map the inline TIMEX3s of ``tagged`` (raw text plus tags) to offsets in ``raw``.

    Normally removing the tags from ``tagged`` gives back ``raw`` and offsets
    carry over directly. When the tool changed the text (whitespace,
    characters), each expression is looked up in ``raw`` near the position it
    had in the stripped output; expressions that cannot be found are dropped.
    The system type is also stored as ``rule`` (the tool reports no rule).
    """
    plain: list[str] = []
    pos = 0
    last = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    for m in _TIMEX_TAG.finditer(tagged):
        chunk = tagged[last : m.start()]
        plain.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m.group(0).startswith("</"):
            if stack:
                start, attrs = stack.pop()
                if pos > start:
                    spans.append((start, pos, attrs))
        else:
            stack.append((pos, dict(_ATTR.findall(m.group(1)))))
    plain.append(tagged[last:])
    stripped = "".join(plain)

    out: list[Timex] = []
    aligned = stripped == raw
    for start, end, attrs in sorted(spans, key=lambda s: (s[0], s[1])):
        piece = stripped[start:end]
        if not aligned:
            # Nearest occurrence of the same string in the raw text.
            candidates = [m.start() for m in re.finditer(re.escape(piece), raw)]
            if not candidates:
                continue
            offset = min(candidates, key=lambda c: abs(c - start))
            start, end = offset, offset + len(piece)
        out.append(
            Timex(
                start,
                end,
                raw[start:end],
                attrs.get("type"),
                attrs.get("value"),
                rule=attrs.get("type", ""),
            )
        )
    return InlineTimexes(out, aligned, len(spans) - len(out))


# --------------------------------------------------------------------------- events and links
#
# Gold EVENTs (``<EVENT eid=...>`` inside ``<TEXT>``), their instances
# (``<MAKEINSTANCE eventID="e1" eiid="ei1"/>``) and temporal links
# (``<TLINK relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>``: the
# source is ``eventInstanceID`` or ``timeID``, the target ``relatedToEventInstance``
# or ``relatedToTime``).


@dataclass(frozen=True)
class GoldEvent:
    """A gold EVENT: its extent in the raw text and its class."""

    eid: str
    start: int
    end: int
    text: str
    cls: str | None


@dataclass(frozen=True)
class GoldTime:
    """A gold TIMEX3 by id (the DCT too); empty extents for non-consuming ones."""

    tid: str
    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    mod: str | None = None
    is_dct: bool = False


@dataclass(frozen=True)
class TLink:
    """A gold TLINK as written: ``source relType target``.

    ``source_kind`` and ``target_kind`` are ``"event"`` (the id is an eiid)
    or ``"time"`` (a tid).
    """

    lid: str
    rel: str
    source_kind: str
    source: str
    target_kind: str
    target: str


@dataclass
class LinkedDocument(Document):
    """A gold document with its events, instances, times by id and TLINKs."""

    dct_tid: str = ""
    events: list[GoldEvent] = field(default_factory=list)
    instances: dict[str, str] = field(default_factory=dict)  # eiid -> eid
    times: dict[str, GoldTime] = field(default_factory=dict)  # tid -> time (DCT included)
    tlinks: list[TLink] = field(default_factory=list)


def _walk_elements(
    elem: ET.Element, pos: list[int], found: list[tuple[ET.Element, int, int]]
) -> None:
    """Record every element below ``elem`` with its extent in the running text."""
    start = pos[0]
    pos[0] += len(elem.text or "")
    for child in elem:
        _walk_elements(child, pos, found)
        pos[0] += len(child.tail or "")
    found.append((elem, start, pos[0]))


def _tlink(elem: ET.Element) -> TLink | None:
    """A TLINK element as a ``TLink``; None when it lacks a source or target."""
    if elem.get("eventInstanceID"):
        source_kind, source = "event", elem.get("eventInstanceID", "")
    elif elem.get("timeID"):
        source_kind, source = "time", elem.get("timeID", "")
    else:
        return None
    if elem.get("relatedToEventInstance"):
        target_kind, target = "event", elem.get("relatedToEventInstance", "")
    elif elem.get("relatedToTime"):
        target_kind, target = "time", elem.get("relatedToTime", "")
    else:
        return None
    rel = (elem.get("relType") or "").upper()
    return TLink(elem.get("lid", ""), rel, source_kind, source, target_kind, target)


def read_linked_document(path: Path) -> LinkedDocument:
    """Parse one ``.tml`` file: raw text, DCT, TIMEX3s, EVENTs, MAKEINSTANCEs and TLINKs.

    The raw text and offsets are those of ``read_document``.
    """
    return _linked_document(ET.parse(path).getroot(), path)  # parsed once for both readings


def read_linked_string(xml: str, name: str = "document") -> LinkedDocument:
    """``read_linked_document`` of a TimeML document held in a string (system output)."""
    return _linked_document(ET.fromstring(xml), Path(name))


def _linked_document(root: ET.Element, path: Path) -> LinkedDocument:
    base = _document(root, path)
    dct_timex = root.find("DCT/TIMEX3")
    assert dct_timex is not None  # read_document checked it
    dct_tid = dct_timex.get("tid", "t0")
    text_elem = root.find("TEXT")
    assert text_elem is not None
    found: list[tuple[ET.Element, int, int]] = []
    pos = [0]
    _walk_elements(text_elem, pos, found)  # TEXT itself is recorded too; its tag is skipped below
    if pos[0] != len(base.text):
        raise ValueError(f"{path}: EVENT offsets do not match the raw text")
    events = []
    times: dict[str, GoldTime] = {}
    for elem, start, end in found:
        if elem.tag == "EVENT" and elem.get("eid"):
            events.append(
                GoldEvent(elem.get("eid", ""), start, end, base.text[start:end], elem.get("class"))
            )
        elif elem.tag == "TIMEX3" and elem.get("tid"):
            times[elem.get("tid", "")] = GoldTime(
                elem.get("tid", ""),
                start,
                end,
                base.text[start:end],
                elem.get("type"),
                elem.get("value"),
                elem.get("mod"),
            )
    # TIMEX3s outside <TEXT> (the DCT, a title's) get an empty extent.
    for elem in root.iter("TIMEX3"):
        tid = elem.get("tid")
        if tid and tid not in times:
            times[tid] = GoldTime(
                tid,
                0,
                0,
                "".join(elem.itertext()),
                elem.get("type"),
                elem.get("value"),
                elem.get("mod"),
                is_dct=tid == dct_tid,
            )
    instances = {
        m.get("eiid", ""): m.get("eventID", "")
        for m in root.iter("MAKEINSTANCE")
        if m.get("eiid") and m.get("eventID")
    }
    tlinks = [link for link in map(_tlink, root.iter("TLINK")) if link is not None]
    return LinkedDocument(
        name=base.name,
        text=base.text,
        dct=base.dct,
        dct_value=base.dct_value,
        timexes=base.timexes,
        dct_tid=dct_tid,
        events=sorted(events, key=lambda e: (e.start, e.end)),
        instances=instances,
        times=times,
        tlinks=tlinks,
    )
