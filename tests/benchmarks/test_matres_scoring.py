"""The scoring of benchmarks/matres.py: reading pairs, answers, P/R/F1 with VAGUE."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import load_benchmark

m = load_benchmark("matres.py", "matres_benchmark")


def _pair(gold: str, n1: int = 1, n2: int = 2, doc: str = "d") -> object:
    return m.Pair("part", doc, "v1", "v2", f"ei{n1}", f"ei{n2}", gold)


# ------------------------------------------------------------------ reading


def test_read_pairs(tmp_path: Path) -> None:
    f = tmp_path / "tiny.txt"
    f.write_text("docA\tfell\trose\t3\t7\tBEFORE\n\ndocA\trose\tsaid\t7\t9\tVAGUE\n")
    assert m.read_pairs(f) == [
        m.Pair("tiny", "docA", "fell", "rose", "ei3", "ei7", "BEFORE"),
        m.Pair("tiny", "docA", "rose", "said", "ei7", "ei9", "VAGUE"),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("docA\tfell\trose\t3\tBEFORE\n", "tiny.txt:1: expected doc, verb1"),
        ("docA\tfell\trose\tx\t7\tBEFORE\n", "tiny.txt:1: expected doc, verb1"),
        ("docA\tfell\trose\t3\t7\tDURING\n", "tiny.txt:1: unknown relation 'DURING'"),
    ],
)
def test_read_pairs_refuses_another_format(tmp_path: Path, line: str, message: str) -> None:
    f = tmp_path / "tiny.txt"
    f.write_text(line)
    with pytest.raises(m.MatresError, match=message):
        m.read_pairs(f)


# ------------------------------------------------------------------ P / R / F1


def test_vague_costs_precision_only() -> None:
    t = m.Tally()
    t.add("BEFORE", "BEFORE")  # correct
    t.add("AFTER", "BEFORE")  # wrong
    t.add("EQUAL", None)  # missed: recall only
    t.add("VAGUE", "AFTER")  # answered a VAGUE pair: precision only
    t.add("VAGUE", None)  # no cost at all
    assert (t.pairs, t.gold, t.answered, t.correct) == (5, 3, 3, 1)
    assert t.precision == pytest.approx(1 / 3)
    assert t.recall == pytest.approx(1 / 3)
    assert t.f1 == pytest.approx(1 / 3)


def test_empty_tally_is_zero() -> None:
    t = m.Tally()
    assert (t.precision, t.recall, t.f1) == (0.0, 0.0, 0.0)


def test_every_pair_and_found_pairs() -> None:
    results = [
        m.Result(_pair("BEFORE"), True, {"system": m.Answer("BEFORE")}),
        m.Result(_pair("AFTER"), False, {"system": m.NO_ANSWER}),
    ]
    every, found = m.tally(results, "system"), m.tally(results, "system", found_only=True)
    assert (every.precision, every.recall) == (1.0, 0.5)
    assert (found.precision, found.recall) == (1.0, 1.0)


# ------------------------------------------------------------------ answers


@pytest.mark.parametrize(
    ("t1", "t2", "label"),
    [
        ("PAST_PERFECT", "PAST", "BEFORE"),
        ("PAST", "PAST_PERFECT", "AFTER"),
        ("PAST", "PRESENT", "BEFORE"),
        ("FUTURE", "PAST", "AFTER"),
        ("PAST_PERFECT", "FUTURE", "BEFORE"),
        ("PAST", "PAST", None),
        ("PRESENT", "FUTURE", None),
        ("PRESENT_PERFECT", "PAST", None),
        ("NONE", "PAST", None),
    ],
)
def test_tense_answer(t1: str, t2: str, label: str | None) -> None:
    assert m.tense_answer(t1, t2).label == label


class _Solution:
    """Start bounds by event id: {id: (earliest, latest)}."""

    def __init__(self, starts: dict[str, tuple[int | None, int | None]]) -> None:
        self.starts = starts

    def earliest(self, point: str) -> int | None:
        return self.starts[point.split(".")[0]][0]

    def latest(self, point: str) -> int | None:
        return self.starts[point.split(".")[0]][1]


def _derived_timeline(relation: str, firm: dict, full: dict) -> object:
    return SimpleNamespace(
        relation=lambda a, b: relation, _firm_solution=_Solution(firm), _solution=_Solution(full)
    )


def test_answer_from_relation() -> None:
    tl = _derived_timeline("after", {"a": (None, None), "b": (None, None)}, {})
    assert m.system_answer(tl, "a", "b") == m.Answer("AFTER", "relation")


def test_answer_from_firm_bounds_then_defaults() -> None:
    open_ = {"a": (None, None), "b": (None, None)}
    tl = _derived_timeline("overlap", {"a": (0, 10), "b": (11, None)}, open_)
    assert m.system_answer(tl, "a", "b") == m.Answer("BEFORE", "bounds (firm)")
    tl = _derived_timeline("unknown", open_, {"a": (20, 30), "b": (None, 19)})
    assert m.system_answer(tl, "a", "b") == m.Answer("AFTER", "bounds (defaults)")


def test_overlapping_or_touching_start_bounds_give_no_answer() -> None:
    tl = _derived_timeline("unknown", {"a": (0, 10), "b": (10, 20)}, {"a": (0, 10), "b": (5, 9)})
    assert m.system_answer(tl, "a", "b") == m.NO_ANSWER


@pytest.mark.parametrize(
    ("word", "label"),
    [("before", "BEFORE"), ("after", "AFTER"), ("same", "EQUAL"), ("unknown", None)],
)
def test_answer_from_start_relation(word: str, label: str | None) -> None:
    tl = SimpleNamespace(start_relation=lambda a, b: word)
    answer = m.system_answer(tl, "a", "b")
    assert answer.label == label
    assert answer.source == ("start_relation" if label else "")


def test_start_relation_answer_with_rules() -> None:
    result = SimpleNamespace(relation="before", rules=("tense", "narrative"))
    tl = SimpleNamespace(start_relation=lambda a, b: result)
    assert m.system_answer(tl, "a", "b") == m.Answer(
        "BEFORE", "start_relation", ("tense", "narrative")
    )


# ------------------------------------------------------------------ a document end to end

_DOC = (
    '<?xml version="1.0" ?>\n<TimeML>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2004-06-11" '
    'functionInDocument="CREATION_TIME">20040611</TIMEX3></DCT>\n'
    "<TEXT>The ferry "
    '<EVENT eid="e1" class="OCCURRENCE">sank</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="2004-06-07">Monday</TIMEX3>. Divers '
    '<EVENT eid="e2" class="OCCURRENCE">reached</EVENT> it on '
    '<TIMEX3 tid="t2" type="DATE" value="2004-06-09">Wednesday</TIMEX3>, and the '
    '<EVENT eid="e3" class="OCCURRENCE">inquiry</EVENT> will '
    '<EVENT eid="e4" class="OCCURRENCE">open</EVENT> next month.</TEXT>\n'
    '<MAKEINSTANCE eventID="e1" eiid="ei11"/>\n'
    '<MAKEINSTANCE eventID="e2" eiid="ei12"/>\n'
    '<MAKEINSTANCE eventID="e3" eiid="ei13"/>\n'
    '<MAKEINSTANCE eventID="e4" eiid="ei14"/>\n'
    "</TimeML>\n"
)


def _document(tmp_path: Path):
    path = tmp_path / "ferry.tml"
    path.write_text(_DOC)
    return path, sys.modules["_timeml"].read_linked_document(path)


def test_score_document(tmp_path: Path) -> None:
    timeline = pytest.importorskip("timeline")
    _path, doc = _document(tmp_path)
    tl = timeline.extract(doc.text, doc.dct)
    pairs = [
        m.Pair("p", "ferry", "sank", "reached", "ei11", "ei12", "BEFORE"),
        m.Pair("p", "ferry", "reached", "open", "ei12", "ei14", "BEFORE"),
        m.Pair("p", "ferry", "sank", "gone", "ei11", "ei99", "VAGUE"),  # no such instance
    ]
    run = m.Run()
    m.score_document(doc, pairs, tl, run)
    first, second, third = run.results
    # Monday before Wednesday: the dates order the starts.
    assert first.found and first.answers["system"].label == "BEFORE"
    assert first.triggers == ("sank", "reached")
    assert first.answers["text order"].label == "BEFORE"
    assert first.answers["tense"].label is None  # past and past
    assert second.found and second.answers["tense"].label == "BEFORE"  # past, future
    assert not third.found and third.answers["system"] == m.NO_ANSWER
    assert third.answers["text order"].label == "BEFORE"  # needs no events
    assert run.mentions["eiid not in the document"] == 1
    text = m.report(run, examples=3)
    assert "every pair (end to end)" in text and "confusion" in text
    if not run.start_relation:
        assert "system answers by rule: skipped" in text


def test_run_all_counts_a_missing_document_as_unanswered(tmp_path: Path) -> None:
    pytest.importorskip("timeline")
    path, _doc = _document(tmp_path)
    pairs = [
        m.Pair("p", "ferry", "sank", "reached", "ei11", "ei12", "BEFORE"),
        m.Pair("p", "elsewhere", "a", "b", "ei1", "ei2", "AFTER"),
    ]
    run = m.run_all({"ferry": path}, pairs, None)
    assert run.missing_documents == {"elsewhere"}
    assert [r.found for r in run.results] == [False, True]  # sorted by document name
    assert m.tally(run.results, "system").gold == 2


def test_main_skips_without_data(tmp_path: Path, capsys) -> None:
    assert m.main([str(tmp_path / "corpus"), str(tmp_path / "matres")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_main_refuses_a_malformed_file_in_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "matres").mkdir()
    (tmp_path / "matres" / "bad.txt").write_text("not a pair\n")
    (tmp_path / "corpus").mkdir()
    assert m.main([str(tmp_path / "corpus"), str(tmp_path / "matres")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.txt:1" in err


def test_main_on_a_tiny_corpus(tmp_path: Path, capsys) -> None:
    pytest.importorskip("timeline")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.tml").write_text(_DOC)
    (tmp_path / "matres").mkdir()
    (tmp_path / "matres" / "tiny.txt").write_text("ferry\tsank\treached\t11\t12\tBEFORE\n")
    assert m.main([str(corpus), str(tmp_path / "matres")]) == 0
    out = capsys.readouterr().out
    assert "1 pairs in 1 documents" in out
