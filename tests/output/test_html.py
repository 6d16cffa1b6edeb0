"""The HTML view as a file (no browser): self-contained, complete, escaped, linear.

tests/output/test_html_browser.py opens it in Chromium.  Every sentence here
was written for these tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources

import pytest

import timeline
from timeline.output._html import _ascii_js, to_html

PUB = dt.date(2016, 1, 25)
ARTICLE = (
    "Dock workers walked out on 4 January. The festival ran from 6 January to 15 January. "
    "A crane collapsed at 3:15 p.m. today. Supported by tugboats, the ferry left on Monday. "
    "The crew would welcome a pay rise."
)


class _Page(HTMLParser):
    """The tags of a page and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _data(page: str) -> dict:
    found = [text for attrs, text in _parse(page).scripts if attrs.get("id") == "timeline-data"]
    assert len(found) == 1
    return json.loads(found[0])


def test_page_is_one_file_that_fetches_nothing():
    page = to_html(timeline.extract(ARTICLE, PUB))
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags].count("html") == 1
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, (tag, attrs)  # scripts and images inline
        assert not (tag == "link" and "stylesheet" in (attrs.get("rel") or "")), attrs
        for name in ("href", "src", "action", "data"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), (tag, attrs)
    # Every script but the data is code, and the styles import nothing.
    kinds = [attrs.get("type") for attrs, _ in parsed.scripts]
    assert kinds == ["application/json", None, None]
    assert "@import" not in page and not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "sourceMappingURL" not in page  # no source map to ask for


def test_page_embeds_every_event_with_its_bounds():
    tl = timeline.extract(ARTICLE, PUB)
    data = _data(to_html(tl))
    assert sorted(e["id"] for e in data["timeline"]["events"]) == sorted(e.id for e in tl.events)
    by_id = {e["id"]: v for e, v in zip(data["timeline"]["events"], data["view"]["events"], strict=True)}
    assert data["timeline"]["version"] == "timeline/2"  # the JSON output's contract
    kinds = {e.text: by_id[e.id]["kind"] for e in tl.events}
    assert kinds["A crane collapsed at 3:15 p.m. today"] == "point"
    assert kinds["The festival ran from 6 January to 15 January"] == "range"
    assert kinds["The crew would welcome a pay rise"] == "undated"  # nothing dates a wish
    walked = next(by_id[e.id] for e in tl.events if e.text.startswith("Dock workers"))
    # Milliseconds since 1970 UTC, as JavaScript dates count.
    midnight = dt.datetime(2016, 1, 4, tzinfo=dt.UTC).timestamp() * 1000
    assert walked["ms"][0] == midnight and walked["ms"][3] == midnight + 86_400_000
    # One line of evidence per known bound, taken from Timeline.explain.
    event = next(e for e in tl.events if e.text.startswith("Dock workers"))
    lines = walked["explanation"]
    assert [lines[i] for i in walked["evidence"]] == tl.explain(event)
    doc = data["view"]["documents"][0]
    assert doc["text"] == ARTICLE and doc["sentences"][0] == [0, ARTICLE.index(" The festival")]


def test_open_bounds_and_far_dates_stay_within_javascript_dates():
    tl = timeline.extract("Rome was founded in 753 BC. The siege ended by Monday.", PUB)
    data = _data(to_html(tl))
    lo, hi = data["view"]["extent"]
    founded = next(v for e, v in zip(data["timeline"]["events"], data["view"]["events"], strict=True)
                   if e["text"].startswith("Rome"))  # fmt: skip
    # 753 BC is astronomical year -752: 2722 years before 1970, and the extent holds it.
    assert founded["ms"][0] == pytest.approx(-2722 * 365.2425 * 86_400_000, rel=1e-3)
    assert lo < founded["ms"][0] and hi > founded["ms"][3]
    assert all(abs(x) <= 8.64e15 for x in (lo, hi))


def test_text_cannot_close_the_script_tag():
    text = ("Police said on Monday that </script><script>alert(1)</script> was posted. "
            "A note <!-- said --> & more </SCRIPT > followed on Sunday.")  # fmt: skip
    page = to_html(timeline.extract(text, PUB))
    # Only the three scripts close: the data, the library, the view.
    assert len(re.findall(r"</script", page, re.I)) == 3
    assert "<!--" not in page.split('id="timeline-data">', 1)[1].split("</script>", 1)[0]
    assert _data(page)["view"]["documents"][0]["text"] == text


def test_page_is_ascii_whatever_the_text():
    text = "Caf\u00e9 \u201cZ\u00fcrich\u201d closed on Sunday \U0001f600. The \u0141\u00f3d\u017a talks began on Friday."
    tl = timeline.extract_many([timeline.Source(text, PUB, "na\u00efve \u2014 <b>.txt")])
    page = to_html(tl)
    assert page.isascii()  # so any output encoding carries it
    assert _data(page)["view"]["documents"][0]["text"] == text
    assert "<title>Timeline: na&#239;ve &#8212; &lt;b&gt;.txt</title>" in page


def test_ascii_js_escapes_mean_the_same_characters():
    source = 'var s = "M\u00e4rz \U0001f600";'
    escaped = _ascii_js(source)
    assert escaped == 'var s = "M\\u00e4rz \\ud83d\\ude00";'
    assert json.loads(escaped[8:-1]) == "M\u00e4rz \U0001f600"  # JSON reads \u like JavaScript


def test_several_documents_each_keep_their_text():
    tl = timeline.extract_many([
        timeline.Source("The strike began on Monday.", PUB, "a.txt"),
        timeline.Source("Ships were diverted on Tuesday.", dt.date(2016, 1, 27), "b.txt"),
    ])  # fmt: skip
    data = _data(to_html(tl))
    assert [d["source"] for d in data["view"]["documents"]] == ["a.txt", "b.txt"]
    assert {e["source"] for e in data["timeline"]["events"]} == {"a.txt", "b.txt"}
    assert data["view"]["documents"][1]["text"] == "Ships were diverted on Tuesday."


def test_page_is_deterministic():
    assert to_html(timeline.extract(ARTICLE, PUB)) == to_html(timeline.extract(ARTICLE, PUB))


def _size(paragraphs: int) -> int:
    unit = ("Workers marched on Monday and the port closed two days later. "
            "The talks, which began in 2015, ended in March. ")  # fmt: skip
    return len(to_html(timeline.extract(unit * paragraphs, PUB)))


def test_size_is_linear_in_the_events():
    sizes = [_size(n) for n in (10, 20, 40)]
    first, second = sizes[1] - sizes[0], sizes[2] - sizes[1]
    # Linear: doubling the text doubles what it adds (quadratic would quadruple it).
    assert 1.6 < second / first < 2.4, sizes
    # bytes per paragraph of two sentences (4 events): the timeline/2 document
    # (each bound's structured evidence, each event's relations) and the view's part
    assert first / 10 < 20_000


def test_vendored_library_is_the_one_its_readme_names():
    static = resources.files("timeline.output").joinpath("static")
    readme = static.joinpath("README.md").read_text("utf-8")
    js = static.joinpath("vis-timeline-graph2d.min.js").read_bytes()
    assert hashlib.sha256(js).hexdigest() in readme.replace("\n", "")
    version = re.search(rb"@version (\S+)", js[:2000]).group(1).decode()
    assert f"vis-timeline {version}" in readme
    for name in ("LICENSE.md", "LICENSE.MIT.txt", "LICENSE.Apache-2.0.txt"):
        assert static.joinpath(name).read_text("utf-8").strip()
    # Kept as upstream ships it; the page's own files are ASCII (to_html keeps the page ASCII).
    for name in ("view.js", "view.css"):
        assert static.joinpath(name).read_text("utf-8").isascii(), name
