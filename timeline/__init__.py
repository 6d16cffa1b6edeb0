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

__all__ = [
    "DataTableError",
    "FarDate",
    "GrammarError",
    "InconsistentConstraints",
    "InputError",
    "ResolutionError",
    "TimeExpression",
    "TimelineError",
    "TimexType",
    "tag",
]

__version__ = "0.1.0"
