"""timeline: rule-based timeline reconstruction from dated text.

The public names are imported on first use (PEP 562), so that a command or a
program that needs only ``tag`` does not pay for the event, solver and output
stages at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from timeline._errors import (
    DataTableError,
    GrammarError,
    InconsistentConstraints,
    InputError,
    MissingDependency,
    ResolutionError,
    TimelineError,
)

if TYPE_CHECKING:
    from timeline.expressions._model import FarDate, TimeExpression, TimexType
    from timeline.expressions._tag import tag
    from timeline.output._html import to_html
    from timeline.output._tables import to_csv, to_pandas, to_records
    from timeline.output._timeml import read_timeml, to_timeml
    from timeline.solver._extract import Source, extract, extract_many
    from timeline.solver._relation import Relation
    from timeline.solver._timeline import Timeline, TimelineEvent

# public name -> the module that defines it
_LAZY = {
    "FarDate": "timeline.expressions._model",
    "TimeExpression": "timeline.expressions._model",
    "TimexType": "timeline.expressions._model",
    "tag": "timeline.expressions._tag",
    "to_html": "timeline.output._html",
    "to_csv": "timeline.output._tables",
    "to_pandas": "timeline.output._tables",
    "to_records": "timeline.output._tables",
    "read_timeml": "timeline.output._timeml",
    "to_timeml": "timeline.output._timeml",
    "Relation": "timeline.solver._relation",
    "Source": "timeline.solver._extract",
    "Timeline": "timeline.solver._timeline",
    "TimelineEvent": "timeline.solver._timeline",
    "extract": "timeline.solver._extract",
    "extract_many": "timeline.solver._extract",
}

__all__ = [
    "DataTableError",
    "FarDate",
    "GrammarError",
    "InconsistentConstraints",
    "InputError",
    "MissingDependency",
    "Relation",
    "ResolutionError",
    "Source",
    "TimeExpression",
    "Timeline",
    "TimelineError",
    "TimelineEvent",
    "TimexType",
    "extract",
    "extract_many",
    "read_timeml",
    "tag",
    "to_csv",
    "to_html",
    "to_pandas",
    "to_records",
    "to_timeml",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this hook
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
