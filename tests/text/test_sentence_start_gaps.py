"""sentence_around judges only the gaps after the last sentence end before the offset."""

from __future__ import annotations

from timeline.text import _sentences, sentence_around, split_sentences


def test_only_the_last_gaps_are_judged(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    judged: list[int] = []
    real = _sentences._boundary

    def counting(text, m, lo, hi, floor):  # type: ignore[no-untyped-def]
        judged.append(m.start())
        return real(text, m, lo, hi, floor)

    monkeypatch.setattr(_sentences, "_boundary", counting)
    text = "It rained. " * 20 + "Mr. Smith left on Friday. Then it stopped."
    offset = text.index("Friday")
    found = sentence_around(text, offset)
    assert found is not None
    assert found.text == "Mr. Smith left on Friday."
    assert [s.text for s in split_sentences(text) if s.start <= offset < s.end] == [found.text]
    # "Mr." and the gap before it going back, "Friday." going on: not the 20 before
    assert len(judged) <= 3
