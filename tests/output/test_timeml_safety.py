"""TimeML safety and growth: output that always parses, input refused safely,
and TLINKs (count and work) linear in the text."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.cli._main import main
from timeline.expressions._dateline import find_publication_date
from timeline.output._timeml_links import entailed_event_relation
from timeline.output._timeml_read import MAX_TIMEML_DEPTH
from timeline.output._timeml_write import _choose_spans
from timeline.solver._solver import Solution

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DAY = dt.date(2016, 5, 10)
# Clauses that each carry a date, so that many pairs of events are ordered
# (past, Monday, before future, Friday): the shape that made TLINKs quadratic.
CLAUSES = ("rebels seized the port on Monday", "troops will leave the city on Friday",
           "medics reported deaths on Sunday", "talks will open on Thursday")  # fmt: skip


def _long_sentence(clauses: int) -> str:
    parts = [CLAUSES[i % len(CLAUSES)] for i in range(clauses)]
    text = ", ".join(parts[:-1]) + ", and " + parts[-1] + "."
    return text[0].upper() + text[1:]


def _links(xml: str) -> list[ET.Element]:
    return ET.fromstring(xml).findall("TLINK")


# --- output always parses ---------------------------------------------------

BAD_NAME = "wire\x01story\udcff.txt"  # a control character and an undecodable byte


def test_name_and_text_xml_cannot_carry_still_parse():
    text = "Troops seized the town on Sunday.\udcff They\x0b left on Monday."
    src = timeline.Source(text, dt.date(2016, 1, 25), BAD_NAME)
    xml = timeline.to_timeml(timeline.extract_many([src]), BAD_NAME, text=text)
    xml.encode("utf-8")  # no lone surrogate left
    root = ET.fromstring(xml)
    assert root.findtext("DOCID") == "wire\ufffdstory\ufffd.txt"
    assert "".join(root.find("TEXT").itertext()) == text.replace("\udcff", " ").replace("\x0b", " ")
    assert "document name were written as U+FFFD" in xml


@pytest.mark.skipif(os.name != "posix", reason="needs byte file names")
def test_cli_file_name_xml_cannot_carry(tmp_path, capsys):
    path = tmp_path / BAD_NAME
    path.write_text("Published 2016-01-25. Troops left on Sunday.\n", encoding="utf-8")
    assert main([str(path), "--format", "timeml"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")
    docid = ET.fromstring(out).findtext("DOCID")
    # The CLI may spell the undecodable byte out itself; either way it parses.
    assert "wire\ufffdstory" in docid and docid.endswith(".txt")


# --- input refused safely ---------------------------------------------------

BODY = '<DCT><TIMEX3 value="2016-05-10" functionInDocument="CREATION_TIME"/></DCT>'


@pytest.mark.parametrize(
    "doctype",
    [
        # Entity expansion ("billion laughs", here small) and an external entity.
        '<!DOCTYPE TimeML [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>',
        '<!DOCTYPE TimeML [<!ENTITY file SYSTEM "file:///etc/hostname">]>',
        '<!DOCTYPE TimeML SYSTEM "http://example.org/TimeML.dtd">',
        "<!DOCTYPE TimeML>",
    ],
)
def test_doctype_and_entities_refused(doctype):
    doc = f'<?xml version="1.0"?>\n{doctype}\n<TimeML>{BODY}<TEXT>On &b; day.</TEXT></TimeML>'
    with pytest.raises(timeline.InputError, match="DOCTYPE is refused") as raised:
        timeline.read_timeml(doc)
    assert "\n" not in str(raised.value)


def test_cli_refuses_doctype_in_one_line(tmp_path, capsys):
    tml = tmp_path / "evil.tml"
    tml.write_text(f'<!DOCTYPE T [<!ENTITY a "x">]><TimeML>{BODY}<TEXT>&a;</TEXT></TimeML>')
    assert main([str(tml)]) == 1
    err = capsys.readouterr().err
    assert "evil.tml: TimeML with a DOCTYPE is refused" in err and len(err.splitlines()) == 1


def test_lone_surrogate_in_input_refused():
    with pytest.raises(timeline.InputError, match="offset 23 is not text"):
        timeline.read_timeml(f"<TimeML>{BODY[:15]}\udcff</TimeML>")


def test_nesting_up_to_the_limit_reads():
    inner = MAX_TIMEML_DEPTH - 2  # TimeML and TEXT are two levels
    doc = f"<TimeML>{BODY}<TEXT>{'<s>' * inner}Sunday{'</s>' * inner}</TEXT></TimeML>"
    assert timeline.read_timeml(doc) == ("Sunday", DAY)


def test_deep_nesting_refused_without_building_it():
    doc = "<TimeML><TEXT>" + "<s>" * 500_000  # 1.5 MB of opening tags
    tracemalloc.start()
    try:
        with pytest.raises(timeline.InputError, match=f"more than {MAX_TIMEML_DEPTH} elements"):
            timeline.read_timeml(doc)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # a tree of 500,000 elements would take far more


# --- TLINKs: linear, bounded, still entailed --------------------------------


def test_tlinks_linear_in_a_long_sentence():
    counts = []
    for clauses in (40, 80, 160):
        text = _long_sentence(clauses)
        tl = timeline.extract(text, DAY)
        links = _links(timeline.to_timeml(tl, text=text))
        events = len(tl.events)
        between = sum(1 for link in links if link.get("relatedToEventInstance"))
        # DCT, 4 nearest TIMEX3 each side, 4 anchors, 6 next events: 19 per event.
        assert len(links) <= 19 * events
        assert between <= 6 * events
        counts.append(len(links))
    assert counts[0] > 40  # the sentence does give links
    assert counts[2] <= 4.4 * counts[0]  # double the text, double the links


def test_to_timeml_makes_no_unbounded_search(monkeypatch):
    text = _long_sentence(30)
    tl = timeline.extract(text, DAY)
    expected = timeline.to_timeml(tl, text=text)

    def refuse(*_args, **_kwargs):
        raise AssertionError("a search of the whole network")

    monkeypatch.setattr(Solution, "distance", refuse)
    monkeypatch.setattr(Solution, "relation", refuse)
    again = timeline.extract(text, DAY)
    assert timeline.to_timeml(again, text=text) == expected


def _exact_event_links(tl: timeline.Timeline, xml: str) -> set[tuple[str, str, str]]:
    """The event-event links of the same neighbour pairs, decided by exact searches."""
    root = ET.fromstring(xml)
    written = {i.get("eventID") for i in root.findall("MAKEINSTANCE")}
    events = sorted(
        (e for e in tl.events if e.id in written), key=lambda e: (e.trigger_start, e.id)
    )
    sol = tl._solution

    def gap(u, v):
        hi, back = sol.distance(u, v), sol.distance(v, u)
        return (None if back is None else -back, hi)

    found = set()
    for i, a in enumerate(events):
        for b in events[i + 1 : i + 7]:
            if b.sentence - a.sentence > 1:
                break
            relation = tl.relation(a, b, entailed_only=True)
            gaps = [(None, None)] * 2
            if relation == "overlap":
                gaps = [gap(f"{a.id}.{p}", f"{b.id}.{p}") for p in ("start", "end")]
            rel = entailed_event_relation(relation, *gaps)
            if rel:
                found.add((rel, "ei" + a.id[1:], "ei" + b.id[1:]))
    return found


@pytest.mark.parametrize(
    "name", [p.name for p in sorted(EXAMPLES.glob("*.txt"))] + ["long sentence"]
)
def test_bounded_queries_find_what_exact_ones_do(name):
    if name == "long sentence":
        text, published = _long_sentence(60), DAY
    else:
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        published = find_publication_date(text)[0]
    tl = timeline.extract(text, published)
    xml = timeline.to_timeml(tl, text=text, tlinks="entailed")
    written = {(link.get("relType"), link.get("eventInstanceID"),
                link.get("relatedToEventInstance"))
               for link in _links(xml) if link.get("relatedToEventInstance")}  # fmt: skip
    assert written == _exact_event_links(tl, xml)
    assert written


def test_links_only_to_times_written():
    text = "Troops seized the town on Sunday, officials said."
    tl = timeline.extract(text, dt.date(2016, 1, 25))
    sunday = next(x for x in tl.expressions[""] if x.text == "Sunday")
    # A second expression on the same words clashes with the first and is left out.
    twin = attrs.evolve(sunday, tid="t99")
    tl = attrs.evolve(tl, expressions={"": (*tl.expressions[""], twin)})
    xml = timeline.to_timeml(tl, text=text)
    assert "TIMEX3 t99" in xml and "not written" in xml
    times = {link.get("relatedToTime") for link in _links(xml)}
    assert sunday.tid in times and "t99" not in times


# --- span choice: one sweep, same result as checking every kept span ------


def _choose_spans_slowly(expressions, events):
    """The rule written plainly: TIMEX3 first, then EVENT, each in text order;
    an overlap with any kept span leaves it out, naming the kept span that
    starts last before it, else the first one starting at or after it."""
    kept, left_out = [], []
    candidates = sorted(((x.start, x.end, x) for x in expressions), key=lambda c: c[:2])
    candidates += sorted(((e.trigger_start, e.trigger_end, e) for e in events),
                         key=lambda c: c[:2])  # fmt: skip
    for a, b, item in candidates:
        if a >= b:
            left_out.append((item, None))
            continue
        clashes = [k for k in kept if k[0] < b and a < k[1]]
        if clashes:
            before = [k for k in clashes if k[0] < a]
            clash = max(before, key=lambda k: k[0]) if before else min(clashes, key=lambda k: k[0])
            left_out.append((item, clash[2]))
            continue
        kept.append((a, b, item))
    return sorted(kept, key=lambda k: k[0]), left_out


_BASE = timeline.extract("Troops seized the town on Sunday.", dt.date(2016, 1, 25))
_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=12)


@given(times=_SPANS, triggers=_SPANS)
def test_span_choice_matches_the_plain_rule(times, triggers):
    (x0,), (e0,) = _BASE.expressions[""], _BASE.events
    expressions = [attrs.evolve(x0, tid=f"t{i}", start=a, end=a + n)
                   for i, (a, n) in enumerate(times)]  # fmt: skip
    events = [attrs.evolve(e0, id=f"e{i}", trigger_start=a, trigger_end=a + n)
              for i, (a, n) in enumerate(triggers)]  # fmt: skip
    kept, notes = _choose_spans(expressions, events)
    slow_kept, slow_out = _choose_spans_slowly(expressions, events)
    assert [k[2] for k in kept] == [k[2] for k in slow_kept]
    assert len(notes) == len(slow_out)
    for note, (item, clash) in zip(notes, slow_out, strict=True):
        assert note.split(" ")[1] == getattr(item, "tid", None) or getattr(item, "id", None)
        if clash is not None:
            other = getattr(clash, "tid", None) or clash.id
            assert note.split("overlaps ")[1].split(" ")[1] == other
