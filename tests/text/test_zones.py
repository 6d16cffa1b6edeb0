"""The zones of a news page (timeline.text._zones.find_zones).

Every line here was written for these tests.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.events import find_events
from timeline.expressions._dateline import find_publication_date
from timeline.text import read
from timeline.text._zones import FURNITURE, STORY, find_zones, zone_patterns

WIRE = (
    "Rebels clash with army in the north\n"
    "Fighting spreads to two more provinces as talks stall\n"
    "By Jane Okafor and Omar Haddad\n\n"
    "CAIRO, March 4 (Reuters) - Rebels seized the bridge at Tell Sabr on Saturday.\n\n"
    "A man walks on the rubble of a house in Tell Sabr, February 20, 2024. REUTERS/Ali Hassan\n\n"
    "The army said it would retake the town.\n\n"
    "Reporting by Omar Haddad; Editing by Mark Heinz\n"
)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(z.kind, text[z.start : z.end].strip()) for z in find_zones(text)]


def test_wire_story_zones() -> None:
    assert _kinds(WIRE) == [
        ("headline", "Rebels clash with army in the north"),
        ("deck", "Fighting spreads to two more provinces as talks stall"),
        ("byline", "By Jane Okafor and Omar Haddad"),
        ("dateline", "CAIRO, March 4 (Reuters) -"),
        ("story", "Rebels seized the bridge at Tell Sabr on Saturday."),
        ("caption", "A man walks on the rubble of a house in Tell Sabr, February 20, 2024. "
                    "REUTERS/Ali Hassan"),  # fmt: skip
        ("story", "The army said it would retake the town."),
        ("trailer", "Reporting by Omar Haddad; Editing by Mark Heinz"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Flood barriers hold as river peaks", "headline"),
        ("Published: 2023-11-16", "dateline"),
        ("Thursday 14 March 2019", "dateline"),
        ("By JANE SMITH, Reuters", "byline"),
        ("Staff reporter", "byline"),
        ("Rescuers carry a child from a flooded street. Photograph: Lee Chan/AP", "caption"),
        ("Rescuers carry a child from a flooded street - AFP", "caption"),
        ("Photo: Rescuers carry a child from a flooded street", "caption"),
        ("Rescuers reached the village on Monday.", "story"),
        ("The minister said: we will rebuild.", "story"),
        ("By then the bridge will not have been being repaired for long.", "story"),
        ("By Monday the river had fallen", "headline"),  # not a byline
    ],
)
def test_top_line_kind(line: str, kind: str) -> None:
    text = f"{line}\n\nRescue teams reached the village at dawn on Monday.\n"
    assert find_zones(text)[0].kind == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("14:32", "timestamp"),
        ("2.15pm", "timestamp"),
        ("10:05 GMT", "timestamp"),
        ("Updated 3:05 p.m. ET", "timestamp"),
        ("Additional reporting by Ana Ruiz in Lima", "trailer"),
        ("(Writing by Tom Lee; Editing by Ann Ford)", "trailer"),
        ("Copyright 2024 The Daily Post. All rights reserved.", "trailer"),
        ("Firefighters at the scene in Lyon. AFP via Getty Images", "caption"),
        ("A doctor treats a patient in Kano, Nigeria. REUTERS/Afolabi Sotunde", "caption"),
        ("The river burst its banks on Monday, police said.", "story"),
        ("Officials want to know why the levee failed", "story"),  # no timestamp above
    ],
)
def test_body_line_kind(line: str, kind: str) -> None:
    text = f"The storm hit the coast on Monday.\n\n{line}\n\nThe river rose overnight.\n"
    kinds = [z.kind for z in find_zones(text)]
    assert kinds == (["story"] if kind == "story" else ["story", kind, "story"]), kinds


def test_live_blog_entry_headline_under_a_time_stamp() -> None:
    text = ("Storm live: rivers rise across the north\n\n14:32 GMT\nVillage cut off\n"
            "Rescuers reached the village at noon.\n\n13:10 GMT\nThe river burst its banks.\n")  # fmt: skip
    assert [k for k, _ in _kinds(text)] == [
        "headline", "timestamp", "headline", "story", "timestamp", "story"]  # fmt: skip


def test_one_line_text_is_story() -> None:
    assert _kinds("Rebels seized the town on Sunday") == [
        ("story", "Rebels seized the town on Sunday")]  # fmt: skip


def test_zones_cover_the_text_in_order() -> None:
    zones = find_zones(WIRE)
    assert zones[0].start == 0 and zones[-1].end == len(WIRE)
    assert all(a.end == b.start for a, b in zip(zones, zones[1:], strict=False))
    assert read(WIRE).zones == zones


@given(st.text(alphabet="ab .\n-:()/1", max_size=200))
def test_zones_always_cover_any_text(text: str) -> None:
    zones = find_zones(text)
    assert zones[0].start == 0 and zones[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(zones, zones[1:], strict=False))
    assert all(z.kind == STORY or z.kind in FURNITURE for z in zones)


def test_furniture_gives_no_events_and_dateline_is_not_described() -> None:
    events = find_events(WIRE)
    assert [e.trigger for e in events] == ["seized", "said", "retake"]
    assert events[0].description.startswith("Rebels seized the bridge")
    assert all("Reuters" not in e.description for e in events)


def test_publication_date_from_dateline_not_caption() -> None:
    text = ("Rebels clash in north\n\nA man walks on the rubble, February 20, 2024. REUTERS/Ali Hassan\n\n"
            "CAIRO, March 4, 2024 (Reuters) - Rebels seized the bridge on Saturday.\n")  # fmt: skip
    assert find_publication_date(text) == (dt.date(2024, 3, 4), "March 4, 2024")


def test_caption_date_alone_gives_no_publication_date() -> None:
    text = ("A man walks on the rubble, February 20, 2024. REUTERS/Ali Hassan\n\n"
            "Rebels seized the bridge on Saturday.\n")  # fmt: skip
    assert find_publication_date(text) is None


def test_zones_are_linear() -> None:
    line = "Rebels seized the bridge on Saturday, the army said - REUTERS/Ali " * 20
    text = ("Headline here\n" + line + "\n") * 2000
    started = time.perf_counter()
    find_zones(text)
    assert time.perf_counter() - started < 2.0


_LONG_DESCRIPTION = ("Residents walk past the ruins of the old market hall, which burned down "
                     "in the night, as firefighters, volunteers and soldiers clear the debris "
                     "from the streets around it. ") * 2  # fmt: skip


@pytest.mark.parametrize(
    "credit",
    [
        "Photograph: Lee Chan/AP",
        "Photo by Maria Ortega Villanueva for The Daily Post",
        "Illustrations by: Jane Smith, Omar Ali, Ana Ruiz and the picture desk of The Daily Post",
        "Marta Kowalska-Brzezinska and Jean-Baptiste Okonkwo/Agence France-Presse",
        "AFP via Getty Images",
        "REUTERS/Afolabi Sotunde Olawale Adeyemi",
    ],
)
def test_a_credit_at_the_end_of_a_long_caption(credit: str) -> None:
    line = f"{_LONG_DESCRIPTION}{credit}"
    assert len(line) > 2 * zone_patterns().credit_chars
    text = f"The storm hit the coast on Monday.\n\n{line}\n\nThe river rose overnight.\n"
    assert [z.kind for z in find_zones(text)] == ["story", "caption", "story"]
    # searched in the line's tail only: the same answer as a search of the whole line
    assert any(p.search(line) for p in zone_patterns().caption_end)
