"""End to end: dated articles in examples/ to ordered, explained timelines."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import timeline
from timeline.cli._main import main
from timeline.expressions._dateline import find_publication_date
from timeline.output._render import to_json
from timeline.solver._extract import Source, extract_many

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCHEMA = Path(timeline.__file__).parent / "schema" / "timeline-1.schema.json"  # to_json
CLI_SCHEMA = SCHEMA.with_name("timeline-2.schema.json")  # what the command prints
D = dt.date.fromisoformat


def _article(name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    published, _words = find_publication_date(text)
    return timeline.extract(text, published), published


def _by_text(tl, *words):
    for e in tl.events:
        if all(w in e.text for w in words):
            return e
    raise AssertionError(f"no event with {words}: {[e.text for e in tl.events]}")


@pytest.fixture(scope="module")
def offensive():
    return _article("coastal_offensive.txt")


def test_offensive_publication_date_from_dateline(offensive):
    assert offensive[1] == D("2019-03-14")


def test_offensive_timeline(offensive):
    tl, _pub = offensive
    strikes = _by_text(tl, "started striking")
    advance = _by_text(tl, "advanced steadily")
    villages = _by_text(tl, "lost ground")
    orsa = _by_text(tl, "fell earlier this month")
    deaths = _by_text(tl, "in recent days", "died")
    varno = _by_text(tl, "captured the hill town")
    opening = _by_text(tl, "scheduled to open today")
    postponed = [e for e in tl.events if e.trigger == "postponed"][0]
    due = _by_text(tl, "due to open")
    # aircraft started striking in October 2018; the advance runs from then to publication
    assert (strikes.earliest_start, strikes.latest_end) == (D("2018-10-01"), D("2018-11-01"))
    assert advance.earliest_start == D("2018-10-01")
    assert advance.earliest_end == D("2019-03-14")
    # recent weeks, earlier this month, recent days, Tuesday
    assert villages.earliest_start == D("2019-01-17") and villages.latest_end == D("2019-03-15")
    assert (orsa.earliest_start, orsa.latest_end) == (D("2019-03-01"), D("2019-03-14"))
    assert (deaths.earliest_start, deaths.latest_end) == (D("2019-02-28"), D("2019-03-15"))
    assert (varno.earliest_start, varno.latest_end) == (D("2019-03-12"), D("2019-03-13"))
    # scheduled for publication day, postponed by then, due to open after publication
    assert (opening.earliest_start, opening.latest_end) == (D("2019-03-14"), D("2019-03-15"))
    assert opening.status == "PLANNED"
    assert postponed.latest_end == D("2019-03-15")
    assert due.earliest_start >= D("2019-03-14")
    # order: the strikes come first; the capture of Varno before the planned opening
    assert tl.events[0] is strikes
    assert tl.relation(strikes, varno) == "before"
    assert tl.relation(varno, due) == "before"
    assert tl.relation(orsa, villages) == "unknown"  # nothing orders them: say so


def test_killing_after_days_of_shelling(offensive):
    tl, _pub = offensive
    killed = [e for e in tl.events if e.trigger == "killed" and "victims" in e.text][0]
    shelling = [e for e in tl.events if e.trigger == "shelling"][0]
    assert tl.relation(shelling, killed) == "before"
    reasons = " ".join(tl.explain(shelling))
    assert "duration" in reasons and "four days" in reasons


def test_every_bound_is_explained(offensive):
    tl, _pub = offensive
    for event in tl.events:
        lines = tl.explain(event)
        bounds = [event.earliest_start, event.latest_start, event.earliest_end, event.latest_end]
        assert len(lines) == sum(b is not None for b in bounds)
        assert all(":" in line and line.split(":", 1)[1].strip() for line in lines)


@pytest.mark.parametrize(
    ("name", "trigger", "when"),
    [
        ("harbour_strike.txt", "voted", (D("2019-06-11"), D("2019-06-12"))),
        ("river_flood.txt", "sent", (D("2021-03-03"), D("2021-03-04"))),
        ("election_count.txt", "certified", (D("2019-12-03"), D("2019-12-04"))),
    ],
)
def test_other_examples(name, trigger, when):
    tl, _pub = _article(name)
    e = [e for e in tl.events if e.trigger == trigger][0]
    assert (e.earliest_start, e.latest_end) == when


def test_events_are_in_timeline_order(offensive):
    tl, _pub = offensive
    keys = [e.order for e in tl.events]
    assert keys == sorted(keys)


def test_merged_documents_keep_their_own_publication_dates():
    a = Source("The mayor resigned on Monday.", D("2016-01-27"), "a.txt")
    b = Source("The council met on Monday.", D("2016-02-03"), "b.txt")
    tl = extract_many([a, b])
    resigned = [e for e in tl.events if e.trigger == "resigned"][0]
    met = [e for e in tl.events if e.trigger == "met"][0]
    assert resigned.earliest_start == D("2016-01-25") and met.earliest_start == D("2016-02-01")
    assert tl.relation(resigned, met) == "before"
    assert {resigned.id.split(".")[0], met.id.split(".")[0]} == {"d1", "d2"}


def test_json_matches_the_schema(offensive):
    tl, _pub = offensive
    doc = to_json(tl)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    assert doc["version"] == "timeline/1"
    assert len(doc["events"]) == len(tl.events)


def test_schema_rejects_a_wrong_document(offensive):
    tl, _pub = offensive
    doc = to_json(tl)
    doc["events"][0]["earliest_start"] = "yesterday"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_cli_prints_an_ordered_timeline(capsys):
    assert main([str(EXAMPLES / "coastal_offensive.txt")]) == 0
    out = capsys.readouterr().out
    assert 'read from the dateline "Thursday 14 March 2019"' in out
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "started striking" in line)
    later = next(i for i, line in enumerate(lines) if "captured the hill town" in line)
    assert first < later
    assert lines[first].startswith("2018-10")


def test_cli_explain_and_json(capsys):
    assert main([str(EXAMPLES / "coastal_offensive.txt"), "--explain"]) == 0
    assert "time-within" in capsys.readouterr().out
    assert main([str(EXAMPLES / "coastal_offensive.txt"), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == "timeline/2"
    jsonschema.validate(doc, json.loads(CLI_SCHEMA.read_text(encoding="utf-8")))


def test_cli_without_dateline_asks_for_published(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("Rebels seized the town on Sunday.\n", encoding="utf-8")
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "--published" in err and len(err.strip().splitlines()) == 1
    assert main([str(path), "--published", "2016-01-25"]) == 0
    assert "2016-01-24" in capsys.readouterr().out


def test_cli_reads_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "-", "--published", "2016-01-25"],
        input=b"Rebels seized the town on Sunday.", capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"2016-01-24" in result.stdout


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", "Caf\xe9".encode("latin-1")])
def test_cli_bad_or_empty_input(tmp_path, capsys, content):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    code = main([str(path), "--published", "2016-01-25"])
    err = capsys.readouterr().err
    if content:
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    else:
        assert code == 0


def test_an_event_spanning_publication_reads_as_ongoing():
    from timeline.output._render import event_when

    tl = timeline.extract("The rebels control the northern road.", D("2016-01-25"))
    control = [e for e in tl.events if e.trigger == "control"][0]
    assert event_when(control, D("2016-01-25")) == "ongoing 2016-01-25"


@pytest.mark.parametrize(("nominals", "expected"), [("none", False), ("all", True)])
def test_nominal_events_can_be_chosen(tmp_path, capsys, nominals, expected):
    text = "The capture of the bridge surprised observers."
    tl = timeline.extract(text, D("2016-01-25"), nominals=nominals)
    assert any(e.trigger == "capture" for e in tl.events) is expected
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    args = [str(path), "--published", "2016-01-25", "--nominals", nominals, "--format", "json"]
    assert main(args) == 0
    triggers = [e["trigger"] for e in json.loads(capsys.readouterr().out)["events"]]
    assert ("capture" in triggers) is expected


def test_relations_of_reads_only_the_nearest_events_of_a_run_on_sentence():
    from timeline.solver._timeline import NEIGHBOURS

    clauses = ", ".join(f"the crowd cheered and the band played song {n}" for n in range(40))
    tl = timeline.extract(f"On Friday {clauses}.", dt.date(2016, 1, 25))
    longest = max({e.sentence for e in tl.events},
                  key=lambda n: sum(e.sentence == n for e in tl.events))  # fmt: skip
    order = sorted((e for e in tl.events if e.sentence == longest), key=lambda e: e.trigger_start)
    assert len(order) > 2 * NEIGHBOURS + 1
    middle = order[len(order) // 2]
    related = [other for other, _relation in tl.relations_of(middle)]
    # at most the NEIGHBOURS nearest on each side: a sentence of n events is
    # not n queries per event (n squared for the document)
    assert 0 < len(related) <= 2 * NEIGHBOURS
    at = order.index(middle)
    near = {e.id for e in order[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1]}
    assert {e.id for e in related} <= near


STORY = (
    "The storm reached the coast on Tuesday and flooded the harbour. Fishermen "
    "moved their boats before the wind rose, and the mayor said the town would "
    "rebuild. On Wednesday crews cleared the roads while residents waited.\n\n"
)


def _search_steps_per_event(text):
    # Points settled by every search that relations_of makes, per event.
    from timeline.solver import _search

    tl = timeline.extract(text, dt.date(2016, 1, 25))
    steps = 0
    real = _search.heapq.heappop

    def counting(heap):
        nonlocal steps
        steps += 1
        return real(heap)

    _search.heapq.heappop = counting
    try:
        for e in tl.events:
            tl.relations_of(e)
    finally:
        _search.heapq.heappop = real
    return steps / len(tl.events)


def test_relations_of_costs_the_same_per_event_however_long_the_text():
    # Each event's questions search near it (one shared search per point, not
    # through the publication day or a date that many events share), so a
    # text four times as long costs about four times as much, not sixteen.
    short, long = _search_steps_per_event(STORY * 6), _search_steps_per_event(STORY * 24)
    assert long <= 1.25 * short + 5, (short, long)
