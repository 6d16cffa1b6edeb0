"""Finding an article's publication date in its first lines."""

from __future__ import annotations

import datetime as dt
import re

from timeline.expressions._tag import tag

# Look no further than the headline block: a date deeper in the text is a
# date of the story, not of the article.
HEAD_LINES = 6
HEAD_CHARS = 600
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
# Any fixed day works: only fully stated dates are accepted, and those do not
# depend on the anchor.
_ANY_ANCHOR = dt.date(2000, 1, 1)


def find_publication_date(text: str) -> tuple[dt.date, str] | None:
    """(date, the words it was read from) for a dateline near the top, or None."""
    # Cut before splitting: a line break takes at most two characters ("\r\n"),
    # so this prefix holds the whole head, and a huge text costs nothing more.
    prefix = text.lstrip("\ufeff")[: HEAD_CHARS + 2 * HEAD_LINES]
    head = "\n".join(prefix.splitlines()[:HEAD_LINES])[:HEAD_CHARS]
    for expr in tag(head, _ANY_ANCHOR):
        if expr.anchor == "none" and expr.value and _FULL_DATE.match(expr.value):
            try:
                return dt.date.fromisoformat(expr.value), expr.text
            except ValueError:
                continue
    return None
