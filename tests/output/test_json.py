"""JSON timeline/2: the schema, sentence numbers, full clause text, structured evidence
per bound, one shape for tag and timeline, JSON Lines.  Sentences written for these tests."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

import timeline
from timeline.cli._main import main
from timeline.output._json import iter_jsonl, tag_json, timeline_json
from timeline.output._text import format_text
from timeline.solver._extract import Source, extract_many

SCHEMA = json.loads((Path(timeline.__file__).parent / "schema" / "timeline-2.schema.json")
                    .read_text("utf-8"))  # fmt: skip
PUBLISHED = dt.date(2019, 6, 12)
ARTICLE = ("A spokesman said the talks were useful. The plant closed on 3 March 2014, "
           "after two weeks of failed negotiations over night-shift pay and a long dispute "
           "about the pensions of its oldest workers. The two sides will meet on Friday at "
           "10 a.m.")  # fmt: skip


@pytest.fixture(scope="module")
def tl():
    return timeline.extract(ARTICLE, PUBLISHED)


@pytest.fixture(scope="module")
def doc(tl):
    return json.loads(json.dumps(timeline_json(tl, {"": "given"})))


def test_valid_against_the_shipped_schema(doc):
    jsonschema.validate(doc, SCHEMA)
    assert doc["version"] == "timeline/2" and doc["stage"] == "timeline"


def test_several_sources_and_tag_are_valid_too():
    tl = extract_many([Source(ARTICLE, PUBLISHED, "a"), Source("Rebels seized the town on "
                       "Sunday.", PUBLISHED, "b")])  # fmt: skip
    jsonschema.validate(json.loads(json.dumps(timeline_json(tl))), SCHEMA)
    tagged = tag_json("a", PUBLISHED, timeline.tag(ARTICLE, PUBLISHED))
    jsonschema.validate(json.loads(json.dumps(tagged)), SCHEMA)


def test_tag_and_timeline_share_the_top_level_shape(doc):
    tagged = tag_json("", PUBLISHED, timeline.tag(ARTICLE, PUBLISHED))
    assert list(tagged) == list(doc)
    assert tagged["documents"][0].keys() == doc["documents"][0].keys()
    assert tagged["documents"][0]["expressions"] == doc["documents"][0]["expressions"]


def test_sentences_count_from_one_as_in_the_text_output(tl, doc):
    text = format_text(tl)
    for event in doc["events"]:
        if event["when"] is not None and event["section"] != "undated":
            assert f"[s{event['sentence']}]" in text
    closed = next(e for e in doc["events"] if e["trigger"] == "closed")
    assert closed["sentence"] == 2


def test_full_clause_text_and_display_text(doc):
    closed = next(e for e in doc["events"] if e["trigger"] == "closed")
    assert "\u2026" not in closed["text"]
    assert closed["text"] == " ".join(ARTICLE[closed["start"] : closed["end"]].split())
    assert closed["display"]


def test_each_bound_has_structured_evidence(doc):
    constraints = doc["constraints"]
    closed = next(e for e in doc["events"] if e["trigger"] == "closed")
    start = closed["bounds"]["earliest_start"]
    assert (start["value"], start["grain"], start["assumption"]) == ("2014-03-03", "day", False)
    assert "time-within" in start["rules"] and start["strength"] == 80
    for cid in start["constraints"]:
        assert constraints[cid]["id"] == cid
    for word in start["words"]:
        assert ARTICLE[word["start"] : word["end"]] == word["text"]
    assert any(w["text"] == "on 3 March 2014" for w in start["words"])


def test_a_clock_bound_keeps_its_minutes(doc):
    meet = next(e for e in doc["events"] if e["trigger"] == "meet")
    assert meet["bounds"]["earliest_start"] == {**meet["bounds"]["earliest_start"],
                                                "value": "2019-06-14T10:00", "grain": "minute"}


def test_the_reporting_day_default_is_marked_as_an_assumption(doc):
    said = next(e for e in doc["events"] if e["trigger"] == "said")
    assert said["section"] == "publication"
    assert said["bounds"]["earliest_start"]["assumption"] is True
    assert any(c["rule"] == "reporting-day" and c["assumption"] for c in doc["constraints"])


def test_relations_are_filled_when_the_timeline_gives_them(tl, doc):
    for event in doc["events"]:
        if hasattr(tl, "relations_of"):
            assert isinstance(event["relations"], list)
            ids = {e["id"] for e in doc["events"]}
            assert all(r["event"] in ids for r in event["relations"])
        else:
            assert event["relations"] is None


def test_jsonl_is_one_valid_compact_line_per_timeline(tl):
    lines = list(iter_jsonl([(tl, {}), (timeline.extract("Rebels seized the town on Sunday.",
                                                         PUBLISHED), {})]))  # fmt: skip
    assert len(lines) == 2 and all(line.endswith("\n") and line.count("\n") == 1
                                   for line in lines)  # fmt: skip
    for line in lines:
        jsonschema.validate(json.loads(line), SCHEMA)


def test_cli_json_and_jsonl_are_timeline_2(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("Rebels seized the town on Sunday.", encoding="utf-8")
    assert main([str(a), str(b), "--published", "2019-06-12", "--format", "json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    jsonschema.validate(whole, SCHEMA)
    assert [d["source"] for d in whole["documents"]] == [str(a), str(b)]
    assert main([str(a), str(b), "--published", "2019-06-12", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line, name in zip(lines, (a, b), strict=True):
        one = json.loads(line)
        jsonschema.validate(one, SCHEMA)
        assert [d["source"] for d in one["documents"]] == [str(name)]
    assert main(["tag", str(a), "--published", "2019-06-12", "--format", "json"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), SCHEMA)


def test_cli_jsonl_writes_the_good_files_before_a_bad_one(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("Rebels seized the town on Sunday.", encoding="utf-8")
    assert main([str(a), str(tmp_path / "missing.txt"), "--published", "2019-06-12",
                 "--format", "jsonl"]) == 1  # fmt: skip
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "missing.txt: no such file" in captured.err and len(captured.err.splitlines()) == 1
