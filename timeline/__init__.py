"""timeline: rule-based timeline reconstruction from dated text."""

from timeline._errors import (
    DataTableError,
    GrammarError,
    InconsistentConstraints,
    InputError,
    ResolutionError,
    TimelineError,
)
from timeline._model import FarDate, TimeExpression, TimexType
from timeline._tag import tag
from timeline._timeline import Source, Timeline, TimelineEvent, extract, extract_many
from timeline._timeml import read_timeml, to_timeml

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
    "to_timeml",
]

__version__ = "0.1.0"
