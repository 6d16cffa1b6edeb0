"""to_timeml(tlinks=...): likely links by default (every event to the DCT, the
likely order of neighbouring events), entailed ones only on request."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import attrs
import pytest

import timeline
from timeline._errors import InputError
from timeline.output._timeml_links import likely_dct_relation

PUB = dt.date(2016, 1, 25)


def _links(xml: str) -> list[dict[str, str]]:
    return [link.attrib for link in ET.fromstring(xml).findall("TLINK")]


def _eiid(e: timeline.TimelineEvent) -> str:
    return "ei" + e.id[1:]


def _dct(xml: str) -> dict[str, str]:
    return {
        a["eventInstanceID"]: a["relType"] for a in _links(xml) if a.get("relatedToTime") == "t0"
    }


def test_every_tensed_event_gets_a_dct_link_by_default():
    text = "Rebels seized the town. Residents are waiting. Talks will resume. Troops had left."
    tl = timeline.extract(text, PUB)
    ev = {e.trigger: e for e in tl.events}
    dct = _dct(timeline.to_timeml(tl))
    assert dct[_eiid(ev["seized"])] == "BEFORE"
    assert dct[_eiid(ev["waiting"])] == "INCLUDES"
    assert dct[_eiid(ev["resume"])] == "AFTER"
    assert dct[_eiid(ev["left"])] == "BEFORE"
    # Only what the firm bounds entail with tlinks="entailed".
    firm = _dct(timeline.to_timeml(tl, tlinks="entailed"))
    assert _eiid(ev["waiting"]) not in firm
    assert set(firm.items()) <= set(dct.items())


def test_a_past_event_of_the_publication_day_is_before_the_dct():
    tl = timeline.extract("Officials said the road reopened today.", PUB)
    ev = {e.trigger: e for e in tl.events}
    assert _dct(timeline.to_timeml(tl))[_eiid(ev["reopened"])] == "BEFORE"
    assert _dct(timeline.to_timeml(tl, tlinks="entailed")).get(_eiid(ev["reopened"])) in (
        None, "IS_INCLUDED")  # fmt: skip


def test_likely_event_links_only_by_default():
    tl = timeline.extract("The crowd fled and the police arrived.", PUB)
    ev = {e.trigger: e for e in tl.events}
    wanted = {"relType": "BEFORE", "eventInstanceID": _eiid(ev["fled"]),
              "relatedToEventInstance": _eiid(ev["arrived"])}  # fmt: skip

    def event_links(xml: str) -> list[dict[str, str]]:
        return [{k: a[k] for k in wanted} for a in _links(xml) if "relatedToEventInstance" in a]

    assert wanted in event_links(timeline.to_timeml(tl))
    assert wanted not in event_links(timeline.to_timeml(tl, tlinks="entailed"))
    assert "firm evidence entails" in timeline.to_timeml(tl, tlinks="entailed")


def test_an_unknown_tlinks_choice_is_a_clear_error():
    tl = timeline.extract("Rebels seized the town.", PUB)
    with pytest.raises(InputError, match="tlinks must be one of all, entailed"):
        timeline.to_timeml(tl, tlinks="some")


@pytest.mark.parametrize(
    ("tense", "status", "entailed", "expected"),
    [
        ("PAST", "ASSERTED", "IS_INCLUDED", "BEFORE"),
        ("PRESENT", "ASSERTED", "IS_INCLUDED", "IS_INCLUDED"),
        ("PAST", "ASSERTED", None, "BEFORE"),
        ("PRESENT_PERFECT", "REPORTED", None, "BEFORE"),
        ("PRESENT", "ASSERTED", None, "INCLUDES"),
        ("FUTURE", "PLANNED", None, "AFTER"),
        ("NONE", "PLANNED", None, "AFTER"),
        ("NONE", "ASSERTED", None, None),
        ("PAST", "NEGATED", None, None),
        ("PAST", "ASSERTED", "AFTER", "AFTER"),
    ],
)
def test_likely_dct_relation(tense, status, entailed, expected):
    event = timeline.extract("Rebels seized the town.", PUB).events[0]
    event = attrs.evolve(event, tense=tense, status=status)
    assert likely_dct_relation(event, entailed) == expected

