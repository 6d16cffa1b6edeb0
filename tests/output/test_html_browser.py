"""The HTML view in a real browser: Debian's headless Chromium, driven by Playwright.

Each dated event must have its bar where the axis puts its bounds, clicking one
must show its evidence, and the page must log no error and ask the network
for nothing.  The test saves a screenshot in its temporary folder, or where
TIMELINE_SCREENSHOT names (``TIMELINE_SCREENSHOT=docs/timeline.png`` renews the
README's picture: a test run never changes the checkout).  It skips when
chromium or Playwright is missing (.ci/install-browser installs chromium;
Playwright comes with the test extra and never downloads a browser here).
Every sentence here was written for these tests.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeline
from timeline.output._html import to_html
from timeline.output._json import timeline_json

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("chromium is not installed (run .ci/install-browser)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
VIEWPORT = {"width": 1440, "height": 860}

HARBOUR = (
    "The harbour strike entered its third week on Monday. Dock workers walked out on "
    "4 January. The festival ran from 6 January to 15 January despite the strike. "
    "A crane collapsed at 3:15 p.m. today. The ministry announced an inquiry on Friday, "
    "two days after the protest. Workers will vote on the offer on Wednesday. "
    "Supported by tugboats, the ferry left on Monday."
)
PORT = (
    "The port authority said on Tuesday that ships had been diverted to Kessa since the "
    "walkout. Talks between the union and the port broke down in December."
)


def _timeline() -> timeline.Timeline:
    return timeline.extract_many([
        timeline.Source(HARBOUR, dt.date(2016, 1, 25), "harbour.txt"),
        timeline.Source(PORT, dt.date(2016, 1, 27), "port.txt"),
    ])  # fmt: skip


def _ms(moment: object) -> float | None:
    """A bound as JavaScript's milliseconds since 1970 (naive times read as UTC);
    by day numbers, so that FarDates (753 BC) count too."""
    if moment is None:
        return None
    days = moment.toordinal() - dt.date(1970, 1, 1).toordinal()  # type: ignore[attr-defined]
    clock = moment.hour * 60 + moment.minute if isinstance(moment, dt.datetime) else 0
    return (days * 1440 + clock) * 60_000


@pytest.fixture(scope="module")
def tl() -> timeline.Timeline:
    found = _timeline()
    kinds = {"dated": 0, "undated": 0, "point": 0}
    for e in found.events:
        bounds = (e.earliest_start, e.latest_start, e.earliest_end, e.latest_end)
        kinds["undated" if all(b is None for b in bounds) else "dated"] += 1
        kinds["point"] += e.text.startswith("A crane collapsed")
    assert all(kinds.values()) and found.conflicts, (kinds, found.conflicts)  # what is tested
    return found


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport=VIEWPORT, device_scale_factor=1,
        )  # fmt: skip
        try:
            yield context
        finally:
            context.close()


class Opened:
    """A page opened from a file, with what it logged and asked for."""

    def __init__(self, context: object, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()  # type: ignore[attr-defined]
        self.page.set_default_timeout(15_000)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        url = path.as_uri()

        def route(r: object) -> None:
            if r.request.url == url:  # type: ignore[attr-defined]
                r.continue_()  # type: ignore[attr-defined]
            else:
                self.requests.append(r.request.url)  # type: ignore[attr-defined]
                r.abort()  # type: ignore[attr-defined]

        self.page.route("**/*", route)
        self.page.goto(url)
        self.page.wait_for_selector("html[data-ready=true]")

    def geometry(self) -> dict:
        """The axis window, the item panel and every event's bar and row, in pixels."""
        return self.page.evaluate("""() => {
            const box = (el) => { const r = el.getBoundingClientRect();
                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
            const w = window.timelineView.axis.getWindow();
            const out = {start: w.start.valueOf(), end: w.end.valueOf(),
                         panel: box(document.querySelector('.vis-panel.vis-center')),
                         items: {}, rows: {}, docs: []};
            for (const s of document.querySelectorAll('.vis-item [data-event]')) {
                const item = s.closest('.vis-item');
                const dot = item.querySelector('.vis-dot');
                out.items[s.dataset.event] = {box: box(item), dot: dot ? box(dot) : null,
                                              classes: item.className};
            }
            for (const s of document.querySelectorAll('.vis-label [data-row]')) {
                out.rows[s.dataset.row] = box(s.closest('.vis-label'));
            }
            for (const s of document.querySelectorAll('.vis-label .doc-label')) {
                out.docs.push([s.textContent, box(s.closest('.vis-label')).top]);
            }
            return out;
        }""")

    def check_quiet(self) -> None:
        assert self.errors == [], self.errors
        assert self.requests == [], self.requests


@pytest.fixture
def opened(browser: object, tl: timeline.Timeline, tmp_path: Path) -> Iterator[Opened]:
    path = tmp_path / "timeline.html"
    path.write_text(to_html(tl), encoding="ascii")
    page = Opened(browser, path)
    yield page
    page.check_quiet()
    page.page.close()


def _x(geo: dict, ms: float) -> float:
    """Where the axis puts a time, in page pixels."""
    panel = geo["panel"]
    return panel["left"] + (ms - geo["start"]) / (geo["end"] - geo["start"]) * (
        panel["right"] - panel["left"]
    )


def test_every_dated_event_has_a_bar_where_its_bounds_are(opened: Opened, tl: timeline.Timeline):
    geo = opened.geometry()
    dated = [e for e in tl.events if any(b is not None for b in
             (e.earliest_start, e.latest_start, e.earliest_end, e.latest_end))]  # fmt: skip
    assert sorted(geo["items"]) == sorted(e.id for e in dated)
    for e in dated:
        item = geo["items"][e.id]
        es, le = _ms(e.earliest_start), _ms(e.latest_end)
        if "point" in item["classes"]:
            dot = item["dot"]
            assert abs((dot["left"] + dot["right"]) / 2 - _x(geo, es)) <= 2, e
            continue
        bar = item["box"]
        # A known outer bound is the bar's end; an open one runs past every known bound.
        known = [_x(geo, m) for m in map(_ms, (e.earliest_start, e.latest_start,
                 e.earliest_end, e.latest_end)) if m is not None]  # fmt: skip
        if es is not None:
            assert abs(bar["left"] - _x(geo, es)) <= 1.5, (e, bar, _x(geo, es))
        else:
            assert bar["left"] < min(known) - 5, e
        if le is not None and _x(geo, le) - _x(geo, es or le) > 4:  # wider than the minimum
            assert abs(bar["right"] - _x(geo, le)) <= 1.5, (e, bar, _x(geo, le))
        elif le is None:
            assert bar["right"] > max(known) + 5, e
        # In its own row, under its own document.
        row = geo["rows"][e.id]
        assert row["top"] <= (bar["top"] + bar["bottom"]) / 2 <= row["bottom"], e
    docs = sorted(geo["docs"], key=lambda d: d[1])
    assert [d[0] for d in docs] == ["harbour.txt", "port.txt"]
    for e in dated:
        top = geo["rows"][e.id]["top"]
        mine = next(y for name, y in docs if name == e.source)
        assert top > mine and all(not (mine < y < top) for _n, y in docs), e


def _opacity_at(gradient: str, fraction: float) -> float:
    """The opacity a computed 'linear-gradient(to right, rgba(...) 0%, ...)' has at a point."""
    stops = [(float(alpha) if alpha else 1.0, float(pct) / 100)
             for alpha, pct in re.findall(r"rgba?\([^,]+,[^,]+,[^,)]+(?:,\s*([\d.]+))?\)\s+([\d.]+)%",
                                          gradient)]  # fmt: skip
    assert stops, gradient
    for (a0, p0), (a1, p1) in zip(stops, stops[1:], strict=False):
        if p0 <= fraction <= p1:
            return a0 if p1 == p0 else a0 + (a1 - a0) * (fraction - p0) / (p1 - p0)
    return stops[-1][0] if fraction > stops[-1][1] else stops[0][0]


def test_the_sure_part_is_solid_and_the_uncertain_ends_faded(opened: Opened, tl: timeline.Timeline):
    festival = next(e for e in tl.events if e.text.startswith("The festival ran"))
    es, ls, ee, le = map(_ms, (festival.earliest_start, festival.latest_start,
                               festival.earliest_end, festival.latest_end))  # fmt: skip
    assert es < ls < ee < le  # it surely ran from its latest start to its earliest end
    gradient = opened.page.evaluate(
        """(id) => getComputedStyle(document.querySelector(`.vis-item [data-event="${id}"]`)
                       .closest('.vis-item')).backgroundImage""",
        festival.id,
    )

    def at(ms: float) -> float:
        return _opacity_at(gradient, (ms - es) / (le - es))

    assert at((ls + ee) / 2) == 1.0
    assert at((es + ls) / 2) < 0.5 and at((ee + le) / 2) < 0.5
    # An open end fades out: the protest has no earliest start.
    protest = next(e for e in tl.events if e.text == "the protest")
    assert protest.earliest_start is None and protest.latest_start is not None
    open_left = opened.page.evaluate(
        """(id) => getComputedStyle(document.querySelector(`.vis-item [data-event="${id}"]`)
                       .closest('.vis-item')).backgroundImage""",
        protest.id,
    )
    assert _opacity_at(open_left, 0.0) == 0.0 and _opacity_at(open_left, 0.999) > 0


def test_clicking_an_event_shows_its_sentence_bounds_evidence_and_conflicts(
    opened: Opened, tl: timeline.Timeline, tmp_path: Path
):
    event = next(e for e in tl.events if e.text.startswith("The ministry announced"))
    touched = [k for k in tl.conflicts
               if any(str(p).rsplit(".", 1)[0] == event.id for c in k.cycle for p in (c.a, c.b))]  # fmt: skip
    assert touched, "the test article must give this event a conflict"
    opened.page.click(f'.vis-item:has([data-event="{event.id}"])')
    details = opened.page.locator(f'#details[data-event="{event.id}"]')
    sentence = details.locator(".sentence")
    text = tl.texts["harbour.txt"]
    said = "The ministry announced an inquiry on Friday, two days after the protest."
    assert sentence.inner_text() == said
    assert details.locator("mark.trigger").all_inner_texts() == [
        text[event.trigger_start : event.trigger_end]
    ]
    assert details.locator("mark.timex").all_inner_texts() == ["Friday", "two days"]
    words = details.inner_text()
    for line in tl.explain(event):
        bound, reasons = line.split(": ", 1)
        assert bound.split(" ", 1)[1] in words, bound
        for reason in reasons.split("; "):
            assert reason in words, reason
    for k in touched:
        assert k.reason in words and k.dropped.evidence.rule in words
    assert details.locator("dl.bounds dt").count() == 4
    # Every constraint on the event is listed, with the words it read.
    mine = [c for c in tl.constraints if {str(c.a).rsplit(".", 1)[0], str(c.b).rsplit(".", 1)[0]}
            & {event.id}]  # fmt: skip
    listed = details.locator("ul.constraints > li").all_inner_texts()
    assert len(listed) == len(mine)
    for c, shown in zip(mine, listed, strict=True):
        assert shown.startswith(f'{c.evidence.rule} "{c.evidence.text}"'), (c, shown)
    target = Path(os.environ.get("TIMELINE_SCREENSHOT") or tmp_path / "timeline.png")
    target.parent.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(target))
    assert target.read_bytes().startswith(b"\x89PNG")


def test_undated_events_are_listed_beside_the_axis(opened: Opened, tl: timeline.Timeline):
    undated = [e for e in tl.events if e.earliest_start is None and e.latest_start is None
               and e.earliest_end is None and e.latest_end is None]  # fmt: skip
    # listed as the JSON document lists them, each by its display text
    shown = [row for row in timeline_json(tl)["events"] if row["id"] in {e.id for e in undated}]
    links = opened.page.locator("#undated [data-goto]")
    assert links.all_inner_texts() == [row["display"] for row in shown]
    undated.sort(key=lambda e: [row["id"] for row in shown].index(e.id))
    links.first.click()
    details = opened.page.locator(f'#details[data-event="{undated[0].id}"]')
    assert details.locator("dl.bounds dt.open").count() == 4
    assert "no evidence bounds it" in details.inner_text()


def _set_window(page: Opened, start: float, end: float) -> None:
    """Move the axis and wait for vis to redraw it (it draws on a later frame; a
    window it refuses, past the zoom limits, may not redraw: two seconds at most)."""
    page.page.evaluate("""([a, b]) => new Promise((done) => {
        const axis = window.timelineView.axis;
        const drawn = () => { axis.off('changed', drawn); done(); };
        axis.on('changed', drawn);
        setTimeout(drawn, 2000);
        axis.setWindow(a, b, {animation: false});
    })""", [start, end])  # fmt: skip


def test_the_axis_zooms_from_centuries_to_hours(browser: object, tmp_path: Path):
    text = ("Rome was founded in 753 BC. A crane collapsed at 3:15 p.m. today. "
            "The ferry left on Monday.")  # fmt: skip
    tl = timeline.extract(text, dt.date(2016, 1, 25))
    path = tmp_path / "far.html"
    path.write_text(to_html(tl), encoding="ascii")
    page = Opened(browser, path)
    rome = next(e for e in tl.events if e.text.startswith("Rome"))
    crane = next(e for e in tl.events if e.text.startswith("A crane"))
    geo = page.geometry()
    assert abs(geo["items"][rome.id]["box"]["left"] - _x(geo, _ms(rome.earliest_start))) <= 1.5
    # Zoomed in to the hour of the crane: its mark at 15:15.
    hour = _ms(dt.datetime(2016, 1, 25, 15, 0))
    _set_window(page, hour, hour + 3_600_000)
    geo = page.geometry()
    assert geo["end"] - geo["start"] == pytest.approx(3_600_000, rel=0.01)
    dot = geo["items"][crane.id]["dot"]
    assert abs((dot["left"] + dot["right"]) / 2 - _x(geo, _ms(crane.earliest_start))) <= 2
    labels = page.page.locator(".vis-time-axis .vis-text.vis-minor").all_inner_texts()
    assert {"15:00", "15:30"} <= {t.strip() for t in labels}, labels  # minutes on the axis
    # And no closer than an hour, however far it is asked to zoom.
    _set_window(page, hour, hour + 60_000)
    geo = page.geometry()
    assert geo["end"] - geo["start"] >= 3_600_000 - 1
    page.check_quiet()
    page.page.close()


def test_text_and_names_are_shown_as_text_never_run_as_markup(browser: object, tmp_path: Path):
    name = '<img src=x onerror="window.ran=1">.txt'
    text = ('Police said on Monday that <img src=x onerror="window.ran=1"> was posted. '
            "</script><script>window.ran=1</script> The talks began on Friday.")  # fmt: skip
    tl = timeline.extract_many([timeline.Source(text, dt.date(2016, 1, 25), name)])
    path = tmp_path / "markup.html"
    path.write_text(to_html(tl), encoding="ascii")
    page = Opened(browser, path)
    assert page.page.evaluate("() => window.ran === undefined && !document.querySelector('img')")
    assert name in page.page.locator("#documents").inner_text()
    police = next(e for e in tl.events if e.text.startswith("Police said"))
    page.page.click(f'.vis-item:has([data-event="{police.id}"])')
    shown = page.page.locator(f'#details[data-event="{police.id}"] .sentence').inner_text()
    assert '<img src=x onerror="window.ran=1">' in shown
    page.check_quiet()
    page.page.close()
