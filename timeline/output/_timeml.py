"""TimeML 1.2.1 out and in: the public names, from the modules that hold them.

``to_timeml`` (``_timeml_write``) writes a solved timeline as a TimeML
document: the text with inline TIMEX3 and EVENT tags, one MAKEINSTANCE per
event and TLINKs.  A TLINK is written only where the solved network entails
it, between neighbours (``_timeml_links``: ``entailed_time_relation`` and
``entailed_event_relation`` decide, an evaluation script can reuse them).
``read_timeml`` (``_timeml_read``) reads a TimeML document back to what
``extract`` needs: the raw text of ``<TEXT>`` and the creation date.  Only
the standard library is used for XML; the markup is built by hand (``_xml``)
so that the text comes back exactly.

Kept for importers of ``timeline.output._timeml``; new code may import from
``timeline.output``.
"""

from timeline.output._timeml_links import (
    EventBounds,
    Gap,
    entailed_event_relation,
    entailed_time_relation,
    event_bounds,
)
from timeline.output._timeml_read import MAX_TIMEML_DEPTH, read_timeml
from timeline.output._timeml_write import timeml_tense_aspect, to_timeml

__all__ = [
    "MAX_TIMEML_DEPTH",
    "EventBounds",
    "Gap",
    "entailed_event_relation",
    "entailed_time_relation",
    "event_bounds",
    "read_timeml",
    "timeml_tense_aspect",
    "to_timeml",
]
