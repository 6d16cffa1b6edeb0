"""timeline: rule-based timeline reconstruction from dated text."""

from timeline._errors import (
    DataTableError,
    GrammarError,
    InconsistentConstraints,
    InputError,
    ResolutionError,
    TimelineError,
)
from timeline.expressions._model import FarDate, TimeExpression, TimexType
from timeline.expressions._tag import tag
from timeline.output._html import to_html
from timeline.output._timeml import read_timeml, to_timeml
from timeline.solver._timeline import Source, Timeline, TimelineEvent, extract, extract_many

__all__ = [
    "DataTableError",
    "FarDate",
    "GrammarError",
    "InconsistentConstraints",
    "InputError",
    "Source",
    "ResolutionError",
    "TimeExpression",
    "Timeline",
    "TimelineError",
    "TimelineEvent",
    "TimexType",
    "extract",
    "extract_many",
    "read_timeml",
    "tag",
    "to_html",
    "to_timeml",
]

__version__ = "0.1.0"
