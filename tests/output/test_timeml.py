"""TimeML out (to_timeml) and in (read_timeml), and the CLI options around them."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.cli._main import main
from timeline.expressions._dateline import find_publication_date
from timeline.output._timeml_links import (
    entailed_event_relation,
    entailed_time_relation,
    event_bounds,
    likely_dct_relation,
)
from timeline.output._timeml_write import timeml_tense_aspect
from timeline.relations import to_minutes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COASTAL = EXAMPLES / "coastal_offensive.txt"
DAY = 1440


def _article(path: Path) -> tuple[str, dt.date]:
    text = path.read_text(encoding="utf-8")
    found = find_publication_date(text)
    assert found is not None
    return text, found[0]


@pytest.fixture(scope="module")
def coastal():
    text, published = _article(COASTAL)
    tl = timeline.extract(text, published)
    return text, published, tl, timeline.to_timeml(tl, text=text)


def _inline(xml: str) -> tuple[str, list[tuple[str, dict[str, str], int, int]]]:
    """The raw text of <TEXT> and its tags as (tag, attributes, start, end)."""
    text_el = ET.fromstring(xml).find("TEXT")
    assert text_el is not None
    parts, tags = [text_el.text or ""], []
    pos = len(parts[0])
    for child in text_el:
        inner = "".join(child.itertext())
        tags.append((child.tag, dict(child.attrib), pos, pos + len(inner)))
        parts += [inner, child.tail or ""]
        pos += len(inner) + len(child.tail or "")
    return "".join(parts), tags


# --- relation decisions -----------------------------------------------------

T = (10 * DAY, 11 * DAY)  # a one-day time, [day 10, day 11)


@pytest.mark.parametrize(
    ("bounds", "exact", "expected"),
    [
        # BEFORE: the event has ended by the time's start.
        ((None, None, None, 10 * DAY), True, "BEFORE"),
        ((None, None, None, 10 * DAY + 1), True, None),
        ((None, None, None, 10 * DAY), False, "BEFORE"),
        # AFTER: the event starts once the time is over.
        ((11 * DAY, None, None, None), True, "AFTER"),
        ((11 * DAY - 1, None, None, None), True, None),
        ((11 * DAY, None, None, None), False, "AFTER"),
        # IS_INCLUDED: inside the time; never inside a mere window.
        ((10 * DAY, None, None, 11 * DAY), True, "IS_INCLUDED"),
        ((10 * DAY + 60, 10 * DAY + 60, 10 * DAY + 120, 10 * DAY + 120), True, "IS_INCLUDED"),
        ((10 * DAY - 1, None, None, 11 * DAY), True, None),
        ((10 * DAY, None, None, 11 * DAY + 1), True, None),
        ((10 * DAY, None, None, None), True, None),
        ((10 * DAY, None, None, 11 * DAY), False, None),
        # INCLUDES: started by the time's start, still going at its end.
        ((None, 10 * DAY, 11 * DAY, None), True, "INCLUDES"),
        ((None, 10 * DAY, 11 * DAY, None), False, "INCLUDES"),
        ((None, 10 * DAY + 1, 11 * DAY, None), True, None),
        ((None, 10 * DAY, 11 * DAY - 1, None), True, None),
        ((None, None, 11 * DAY, None), True, None),
        # SIMULTANEOUS: every bound pinned to the time's ends, and exact only.
        ((10 * DAY, 10 * DAY, 11 * DAY, 11 * DAY), True, "SIMULTANEOUS"),
        ((10 * DAY, 10 * DAY, 11 * DAY, 11 * DAY), False, "INCLUDES"),
        ((10 * DAY, 10 * DAY + 1, 11 * DAY, 11 * DAY), True, "IS_INCLUDED"),
        # Nothing known, nothing said.
        ((None, None, None, None), True, None),
        ((9 * DAY, 12 * DAY, 9 * DAY, 12 * DAY), True, None),
    ],
)
def test_entailed_time_relation(bounds, exact, expected):
    assert entailed_time_relation(bounds, T, exact=exact) == expected


@pytest.mark.parametrize(
    ("relation", "start_gap", "end_gap", "expected"),
    [
        ("before", (None, None), (None, None), "BEFORE"),
        ("after", (None, None), (None, None), "AFTER"),
        ("unknown", (0, 0), (0, 0), None),
        ("overlap", (None, None), (None, None), None),
        ("overlap", (0, 0), (0, 0), "SIMULTANEOUS"),
        # b starts no later and ends no earlier than a: a IS_INCLUDED in b.
        ("overlap", (None, 0), (0, None), "IS_INCLUDED"),
        ("overlap", (-60, -5), (5, 60), "IS_INCLUDED"),
        ("overlap", (None, 1), (0, None), None),
        ("overlap", (None, 0), (-1, None), None),
        # a starts no later and ends no earlier than b: a INCLUDES b.
        ("overlap", (0, None), (None, 0), "INCLUDES"),
        ("overlap", (5, 60), (-60, -5), "INCLUDES"),
        ("overlap", (-1, None), (None, 0), None),
        ("overlap", (0, None), (None, 1), None),
    ],
)
def test_entailed_event_relation(relation, start_gap, end_gap, expected):
    assert entailed_event_relation(relation, start_gap, end_gap) == expected


@pytest.mark.parametrize(
    ("tense", "aspect", "expected"),
    [
        ("PAST", "NONE", ("PAST", "NONE")),
        ("PRESENT_PERFECT", "PERFECTIVE", ("PRESENT", "PERFECTIVE")),
        ("PRESENT_PERFECT", "NONE", ("PRESENT", "PERFECTIVE")),
        ("PAST_PERFECT", "PERFECTIVE", ("PAST", "PERFECTIVE")),
        ("PAST_PERFECT", "PROGRESSIVE", ("PAST", "PERFECTIVE_PROGRESSIVE")),
        ("FUTURE", "PROGRESSIVE", ("FUTURE", "PROGRESSIVE")),
        ("NONE", "PERFECTIVE", ("NONE", "PERFECTIVE")),
        ("CONDITIONAL", "ODD", ("NONE", "NONE")),
    ],
)
def test_tense_aspect_mapping(tense, aspect, expected):
    assert timeml_tense_aspect(tense, aspect) == expected


# --- writer -----------------------------------------------------------------


def test_document_structure(coastal):
    text, published, tl, xml = coastal
    root = ET.fromstring(xml)
    assert root.tag == "TimeML"
    assert [c.tag for c in root][:3] == ["DOCID", "DCT", "TEXT"]
    assert root.findtext("DOCID") == "document"
    (dct,) = root.find("DCT")
    assert dct.tag == "TIMEX3" and dct.text == published.isoformat()
    assert dct.attrib == {
        "tid": "t0", "type": "DATE", "value": "2019-03-14",
        "temporalFunction": "false", "functionInDocument": "CREATION_TIME",
    }  # fmt: skip
    raw, tags = _inline(xml)
    assert raw == text
    timexes = {a["tid"]: (a, s, e) for t, a, s, e in tags if t == "TIMEX3"}
    events = {a["eid"]: (a, s, e) for t, a, s, e in tags if t == "EVENT"}
    assert {t for t, *_ in tags} == {"TIMEX3", "EVENT"}
    for x in tl.expressions[""]:
        attrib, s, e = timexes[x.tid]
        assert (s, e) == (x.start, x.end)
        assert attrib["type"] == str(x.type) and attrib["value"] == x.value
        assert attrib.get("mod") == x.mod
        assert attrib["functionInDocument"] == "NONE"
        assert attrib["temporalFunction"] == ("false" if x.anchor == "none" else "true")
        assert attrib.get("anchorTimeID") == (x.anchor_tid if x.anchor != "none" else None)
    assert timexes["t7"][0]["mod"] == "START"  # "earlier this month"
    assert timexes["t3"][0]["anchorTimeID"] == "t0"  # "Tuesday"
    for ev in tl.events:
        attrib, s, e = events[ev.id]
        assert (s, e) == (ev.trigger_start, ev.trigger_end)
        assert attrib == {"eid": ev.id, "class": ev.event_class}
    instances = root.findall("MAKEINSTANCE")
    assert sorted(i.get("eventID") for i in instances) == sorted(events)
    for inst in instances:
        ev = tl.event(inst.get("eventID"))
        assert inst.get("eiid") == "ei" + ev.id[1:]
        tense, aspect = timeml_tense_aspect(ev.tense, ev.aspect)
        assert (inst.get("tense"), inst.get("aspect")) == (tense, aspect)
        assert (inst.get("polarity"), inst.get("pos")) == (ev.polarity, ev.pos)
    died = next(i for i in instances if tl.event(i.get("eventID")).trigger == "died")
    assert (died.get("tense"), died.get("aspect")) == ("PRESENT", "PERFECTIVE")  # "have died"
    links = root.findall("TLINK")
    assert links and len({link.get("lid") for link in links}) == len(links)
    eiids = {i.get("eiid") for i in instances}
    for link in links:
        assert link.get("relType") in {"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED",
                                       "SIMULTANEOUS"}  # fmt: skip
        assert link.get("eventInstanceID") in eiids
        assert (link.get("relatedToTime") in {"t0", *timexes}) or (
            link.get("relatedToEventInstance") in eiids
        )
        assert (link.get("relatedToTime") is None) != (link.get("relatedToEventInstance") is None)


def _time_interval(tl, tid, published):
    if tid == "t0":
        start = to_minutes(published)
        return start, start + DAY
    x = next(x for x in tl.expressions[""] if x.tid == tid)
    return to_minutes(x.earliest), to_minutes(x.latest)


def _holds(rel, bounds, t0, t1):
    """Whether the bounds entail rel to [t0, t1) (written out again, independently)."""
    es, ls, ee, le = (float("nan") if b is None else b for b in bounds)
    return {
        "BEFORE": le <= t0,
        "AFTER": es >= t1,
        "IS_INCLUDED": es >= t0 and le <= t1,
        "INCLUDES": ls <= t0 and ee >= t1,
        "SIMULTANEOUS": es == ls == t0 and ee == le == t1,
    }[rel]


def _contradicted(rel, bounds, t0, t1):
    """Whether the bounds rule rel out: no placement within them satisfies it."""
    es, ls, ee, le = (float("nan") if b is None else b for b in bounds)
    return {
        "BEFORE": es >= t0 or ee > t0,
        "AFTER": le <= t1 or ls < t1,
        "IS_INCLUDED": ls < t0 or ee > t1,
        "INCLUDES": es > t0 or le < t1,
        "SIMULTANEOUS": es > t0 or ls < t0 or ee > t1 or le < t1,
    }[rel]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_tlinks_are_entailed(path):
    text, published = _article(path)
    tl = timeline.extract(text, published)
    root = ET.fromstring(timeline.to_timeml(tl, text=text, tlinks="entailed"))
    by_eiid = {"ei" + e.id[1:]: e for e in tl.events}
    kinds = set()

    def entailed(u, v):
        """Every solution has time(v) <= time(u)."""
        d = tl._solution.distance(u, v)
        return d is not None and d <= 0

    for link in root.findall("TLINK"):
        rel, a = link.get("relType"), by_eiid[link.get("eventInstanceID")]
        if link.get("relatedToTime"):
            t0, t1 = _time_interval(tl, link.get("relatedToTime"), published)
            assert _holds(rel, event_bounds(a), t0, t1), (rel, a, link.attrib)
            assert not _contradicted(rel, event_bounds(a), t0, t1)
            kinds.add(("time", rel))
            continue
        b = by_eiid[link.get("relatedToEventInstance")]
        assert abs(a.sentence - b.sentence) <= 1
        a_s, a_e, b_s, b_e = (f"{e.id}.{p}" for e in (a, b) for p in ("start", "end"))
        # The orderings each relType needs, as (u, v): time(v) <= time(u) always.
        needs = {
            "BEFORE": [(b_s, a_e)],
            "AFTER": [(a_s, b_e)],
            "IS_INCLUDED": [(a_s, b_s), (b_e, a_e)],
            "INCLUDES": [(b_s, a_s), (a_e, b_e)],
            "SIMULTANEOUS": [(a_s, b_s), (b_s, a_s), (a_e, b_e), (b_e, a_e)],
        }[rel]
        assert all(entailed(u, v) for u, v in needs), (rel, a, b)
        kinds.add(("event", rel))
    assert {("time", "BEFORE"), ("time", "AFTER"), ("event", "BEFORE")} <= kinds


def _dct_links(xml: str) -> set[tuple[str, str]]:
    return {(link.get("eventInstanceID"), link.get("relType"))
            for link in ET.fromstring(xml).findall("TLINK")
            if link.get("relatedToTime") == "t0"}  # fmt: skip


def test_event_dct_links_are_complete(coastal):
    """tlinks="entailed": every event-DCT relation the firm bounds entail is
    written, and only those; by default every event gets its likely link."""
    text, published, tl, xml = coastal
    dct = to_minutes(published)
    firm = tl._firm_solution
    expected = set()
    for e in tl.events:
        bounds = tuple(getattr(firm, w)(f"{e.id}.{p}") for p, w in
                       (("start", "earliest"), ("start", "latest"), ("end", "earliest"),
                        ("end", "latest")))  # fmt: skip
        rel = entailed_time_relation(bounds, (dct, dct + DAY))
        if rel:
            expected.add(("ei" + e.id[1:], rel))
    assert _dct_links(timeline.to_timeml(tl, text=text, tlinks="entailed")) == expected
    likely = set()
    for e in tl.events:
        rel = likely_dct_relation(e, entailed_time_relation(event_bounds(e), (dct, dct + DAY)))
        if rel:
            likely.add(("ei" + e.id[1:], rel))
    assert _dct_links(xml) == likely
    root = ET.fromstring(xml)
    captured = next(e for e in tl.events if e.trigger == "captured")
    tuesday = next(x for x in tl.expressions[""] if x.text == "Tuesday")
    assert (
        root.find(
            f"TLINK[@eventInstanceID='ei{captured.id[1:]}'][@relatedToTime='{tuesday.tid}']"
        ).get("relType")
        == "IS_INCLUDED"
    )


def test_vague_window_gives_no_inclusion():
    text = "Rebels shelled the town in recent days."
    tl = timeline.extract(text, dt.date(2016, 1, 25))
    (x,) = tl.expressions[""]
    assert x.value == "PAST_REF"
    root = ET.fromstring(timeline.to_timeml(tl, text=text))
    rels = {link.get("relType") for link in root.findall(f"TLINK[@relatedToTime='{x.tid}']")}
    assert "IS_INCLUDED" not in rels and "SIMULTANEOUS" not in rels


def test_event_overlapping_timex_is_left_out():
    text = "Troops seized the town on Sunday, officials said."
    tl = timeline.extract(text, dt.date(2016, 1, 25))
    sunday = next(x for x in tl.expressions[""] if x.text == "Sunday")
    victim = tl.events[0]
    # Move one trigger so that it crosses the TIMEX3 "Sunday".
    moved = attrs.evolve(victim, trigger="on Sun", trigger_start=sunday.start - 3,
                         trigger_end=sunday.start + 3)  # fmt: skip
    events = tuple(moved if e is victim else e for e in tl.events)
    xml = timeline.to_timeml(attrs.evolve(tl, events=events), text=text)
    root = ET.fromstring(xml)
    raw, tags = _inline(xml)
    assert raw == text
    assert victim.id not in {a.get("eid") for t, a, *_ in tags if t == "EVENT"}
    assert ("TIMEX3", sunday.start, sunday.end) in {(t, s, e) for t, _a, s, e in tags}
    eiid = "ei" + victim.id[1:]
    assert all(i.get("eiid") != eiid for i in root.findall("MAKEINSTANCE"))
    for link in root.findall("TLINK"):
        assert eiid not in (link.get("eventInstanceID"), link.get("relatedToEventInstance"))
    assert f"<!-- EVENT {victim.id} " in xml and f"overlaps TIMEX3 {sunday.tid}" in xml


def test_escaping_and_characters_xml_cannot_carry():
    text = "A & B <said> \"x\" 'y' ]]> -- on 3 May 2016.\r\nC\tD\x0cE."
    tl = timeline.extract(text, dt.date(2016, 5, 10))
    xml = timeline.to_timeml(tl, text=text)
    raw, dct = timeline.read_timeml(xml)
    assert raw == text.replace("\x0c", " ") and dct == dt.date(2016, 5, 10)
    assert "written as spaces" in xml


def test_several_sources():
    a = timeline.Source("Troops seized the town on Sunday.", dt.date(2016, 1, 25), "a.txt")
    b = timeline.Source("Talks opened in Geneva on Monday.", dt.date(2016, 2, 2), "b.txt")
    tl = timeline.extract_many([a, b])
    with pytest.raises(timeline.InputError, match="2 sources; pick one"):
        timeline.to_timeml(tl, text=a.text)
    with pytest.raises(timeline.InputError, match="no source 'c.txt'"):
        timeline.to_timeml(tl, "c.txt", text=a.text)
    root = ET.fromstring(timeline.to_timeml(tl, "b.txt", text=b.text))
    assert root.findtext("DOCID") == "b.txt"
    assert root.find("DCT/TIMEX3").get("value") == "2016-02-02"
    assert "".join(root.find("TEXT").itertext()) == b.text
    eids = [e.get("eid") for e in root.iter("EVENT")]
    assert eids and all(e.startswith("e") and "." not in e for e in eids)


def test_wrong_text_is_refused():
    text = "Troops seized the town on Sunday."
    tl = timeline.extract(text, dt.date(2016, 1, 25))
    with pytest.raises(timeline.InputError, match="does not match"):
        timeline.to_timeml(tl, text="Something else entirely, on no day at all.")


# --- reader -----------------------------------------------------------------

# Written for this test; the annotation is deliberately partial and odd.
SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DOCID>sample_01</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2011-07-04" temporalFunction="false"
 functionInDocument="CREATION_TIME">July 4, 2011</TIMEX3></DCT>
<TITLE>Ferry &amp; bridge</TITLE>
<TEXT>
The ferry <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> service <SIGNAL sid="s1">on</SIGNAL>
<TIMEX3 tid="t1" type="DATE" value="2011-07-03">Sunday</TIMEX3> &amp; the bridge &lt;A7&gt; <!-- note -->
<EVENT eid="e2" class="OCCURRENCE">reopens</EVENT> &quot;soon&quot;&#13;
</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""
SAMPLE_TEXT = '\nThe ferry resumed service on\nSunday & the bridge <A7> \nreopens "soon"\r\n'


def test_read_timeml_gives_text_and_dct():
    assert timeline.read_timeml(SAMPLE) == (SAMPLE_TEXT, dt.date(2011, 7, 4))


@pytest.mark.parametrize(
    ("dct", "expected"),
    [
        # functionInDocument anywhere in the document wins.
        ('<TIMEX3 tid="t9" type="DATE" value="1998-02-27T09:30:00" '
         'functionInDocument="CREATION_TIME"/>', dt.date(1998, 2, 27)),
        ('<DCT><TIMEX3 tid="t0" type="DATE" value="19980227">x</TIMEX3></DCT>',
         dt.date(1998, 2, 27)),
    ],
)  # fmt: skip
def test_dct_forms(dct, expected):
    doc = f"<TimeML>{dct}<TEXT>On Friday.</TEXT></TimeML>"
    assert timeline.read_timeml(doc) == ("On Friday.", expected)


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("<TimeML><TEXT>open", "not well-formed"),
        ("<TimeML><DCT><TIMEX3 value='2011-07-04'/></DCT></TimeML>", "no <TEXT>"),
        ("<TimeML><TEXT>a</TEXT><TEXT>b</TEXT></TimeML>", "2 <TEXT> elements"),
        ("<TimeML><TEXT>On Friday.</TEXT></TimeML>", "no creation time"),
        ("<TimeML><DCT><TIMEX3 value='2011-02-30'/></DCT><TEXT>a</TEXT></TimeML>",
         "not a calendar date"),
        ("<TimeML><DCT><TIMEX3 value='PRESENT_REF'/></DCT><TEXT>a</TEXT></TimeML>",
         "not a calendar date"),
        ("<TimeML><DCT><TIMEX3 value='2011-07-04'/></DCT><TEXT>&nbsp;</TEXT></TimeML>",
         "undefined entity"),
    ],
)  # fmt: skip
def test_read_timeml_errors(doc, message):
    with pytest.raises(timeline.InputError, match=message) as raised:
        timeline.read_timeml(doc)
    assert "\n" not in str(raised.value)


# --- round trip -------------------------------------------------------------


def _round_trip(text: str, published: dt.date) -> None:
    tl = timeline.extract(text, published)
    xml = timeline.to_timeml(tl, text=text)
    assert timeline.read_timeml(xml) == (text, published)
    again = timeline.tag(text, published)
    assert again == list(tl.expressions[""])
    # The inline TIMEX3 tags are those expressions, at their offsets.
    _raw, tags = _inline(xml)
    inline = [(a["tid"], s, e, a["value"]) for t, a, s, e in tags if t == "TIMEX3"]
    assert inline == [(x.tid, x.start, x.end, x.value or "") for x in again]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_round_trip_examples(path):
    _round_trip(*_article(path))


_PIECES = st.sampled_from([
    "on 3 May 2016", "last Tuesday", "two days later", "in March", "yesterday", "since 2014",
    "Rebels seized the town", "talks will open", "officials said", "the 1990s", "at 10 a.m.",
    "&", "<", ">", '"', "'", "&amp;", "<TEXT>", "]]>", "-->", "&#13;", "\r\n", "\r", "\n", "\t",
    " ", ". ", ", ", "é", "—",
])  # fmt: skip


@given(
    pieces=st.lists(st.one_of(_PIECES, st.text(alphabet="&<>\"' ab.\n", max_size=6)),
                    max_size=12),
    published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)  # fmt: skip
def test_round_trip_property(pieces, published):
    _round_trip(" ".join(pieces), published)


# --- command line -----------------------------------------------------------


def test_cli_format_timeml(capsys):
    assert main([str(COASTAL), "--format", "timeml"]) == 0
    out = capsys.readouterr().out
    root = ET.fromstring(out)
    assert root.findtext("DOCID") == str(COASTAL)
    assert root.find("DCT/TIMEX3").get("value") == "2019-03-14"
    assert "".join(root.find("TEXT").itertext()) == COASTAL.read_text(encoding="utf-8")


def test_cli_reads_tml(tmp_path, capsys):
    tml = tmp_path / "ferry.tml"
    tml.write_text(SAMPLE, encoding="utf-8")
    assert main([str(tml), "--format", "json"]) == 0
    assert '"2011-07-04"' in capsys.readouterr().out
    # The annotation is ignored; --published overrides the DCT.
    assert main([str(tml), "--format", "timeml", "--published", "2011-07-06"]) == 0
    out = capsys.readouterr().out
    assert timeline.read_timeml(out) == (SAMPLE_TEXT, dt.date(2011, 7, 6))
    assert main(["tag", str(tml), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"2011-07-03"' in out and '"published": "2011-07-04"' in out


def test_cli_input_option(tmp_path, capsys, monkeypatch):
    xml_file = tmp_path / "ferry.xml"
    xml_file.write_text(SAMPLE, encoding="utf-8")
    assert main(["tag", str(xml_file), "--input", "timeml"]) == 0
    assert "2011-07-03" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.encode())))
    assert main(["-", "--input", "timeml", "--format", "timeml"]) == 0
    assert timeline.read_timeml(capsys.readouterr().out) == (SAMPLE_TEXT, dt.date(2011, 7, 4))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["{article}", "{article}", "--format", "timeml"], 2, "one FILE"),
        (["{broken}"], 1, "broken.tml: not well-formed"),
        (["{nodct}", "--format", "timeml"], 1, "nodct.tml: not TimeML: no creation time"),
        (["tag", "{broken}"], 1, "broken.tml: not well-formed"),
        (["tag", "{article}"], 2, "--published"),
        (["{article}", "--input", "xml"], 2, "invalid choice"),
    ],
)
def test_cli_errors(tmp_path, capsys, args, code, message):
    files = {"article": tmp_path / "a.txt", "broken": tmp_path / "broken.tml",
             "nodct": tmp_path / "nodct.tml"}  # fmt: skip
    files["article"].write_text("Published 2016-01-25. Troops left on Sunday.\n")
    files["broken"].write_text("<TimeML><TEXT>On Sunday</TimeML>")
    files["nodct"].write_text("<TimeML><TEXT>On Sunday.</TEXT></TimeML>")
    args = [a.format(**files) for a in args]
    if code == 2:
        with pytest.raises(SystemExit) as raised:
            main(args)
        result = raised.value.code
    else:
        result = main(args)
    err = capsys.readouterr().err
    assert result == code
    assert message in err and len(err.strip().splitlines()) == 1
