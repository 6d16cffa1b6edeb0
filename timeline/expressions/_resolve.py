"""Resolution: meaning + anchor -> TIMEX3 type, value and interval.

Pure functions of their arguments (no clock, no state): one per meaning type,
chosen by ``functools.singledispatch`` (``resolve`` in ``_resolution``) and
registered by family in ``_resolve_calendar``, ``_resolve_relative``,
``_resolve_parts`` and ``_resolve_durations``, all imported here so that
importing this module gives the complete dispatcher.  The interval is the
half-open range [earliest, latest) in which the referenced time lies, covering
the whole grain ("March 2024" -> [Mar 1, Apr 1)); vague and modified
expressions take their windows from the data tables.
"""

from __future__ import annotations

from timeline.expressions import (  # noqa: F401  (they register their implementations)
    _resolve_calendar,
    _resolve_durations,
    _resolve_parts,
    _resolve_relative,
)
from timeline.expressions._resolution import GRAIN_ORDER, Context, Resolution, resolve
from timeline.expressions._resolve_durations import as_future_shift

__all__ = ["GRAIN_ORDER", "Context", "Resolution", "as_future_shift", "resolve"]
