"""Finding an article's publication date in its first lines."""

from __future__ import annotations

import datetime as dt
import re

from timeline.expressions._tag import tag
from timeline.text._zones import find_zones

# Look no further than the headline block: a date deeper in the text is a
# date of the story, not of the article.
HEAD_LINES = 6
HEAD_CHARS = 600
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
# Any fixed day works: only fully stated dates are accepted, and those do not
# depend on the anchor.
_ANY_ANCHOR = dt.date(2000, 1, 1)
# Where an article states its own date, most telling first: a dateline or a
# date line ("CAIRO, March 3 (Reuters) -", "Published: 2023-11-16"), then the
# other top lines.  Never a caption or credit (a photo's date shifts every
# weekday of the article) and never story text.
_DATING_ZONES = (("dateline",), ("byline", "headline", "deck"))


def find_publication_date(text: str) -> tuple[dt.date, str] | None:
    """(date, the words it was read from) for a dateline near the top, or None."""
    # Cut before splitting: a line break takes at most two characters ("\r\n"),
    # so this prefix holds the whole head, and a huge text costs nothing more.
    prefix = text.lstrip("\ufeff")[: HEAD_CHARS + 2 * HEAD_LINES]
    head = "\n".join(prefix.splitlines()[:HEAD_LINES])[:HEAD_CHARS]
    zones = find_zones(head)
    for kinds in _DATING_ZONES:
        for zone in zones:
            if zone.kind in kinds:
                found = _full_date(head[zone.start : zone.end])
                if found is not None:
                    return found
    return None


def _full_date(line: str) -> tuple[dt.date, str] | None:
    for expr in tag(line, _ANY_ANCHOR):
        if expr.anchor == "none" and expr.value and _FULL_DATE.match(expr.value):
            try:
                return dt.date.fromisoformat(expr.value), expr.text
            except ValueError:
                continue
    return None
