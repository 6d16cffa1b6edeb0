"""Exception hierarchy.

    TimelineError
    ├── GrammarError            a grammar file failed to load or build
    ├── DataTableError          a data table (grammars/*.toml) is malformed
    ├── ResolutionError         an expression cannot be resolved against its anchor
    ├── InconsistentConstraints the temporal network has no solution
    └── InputError              input the library cannot read (binary, too large, bad date)

Library code raises these and never prints or exits; the CLI catches
``TimelineError`` only and prints one line.
"""

from __future__ import annotations

# Texts beyond this size are refused (InputError) rather than processed for
# minutes (the scan is linear, but memory for results is not free). Here, not
# in the expression stage, so the command reads its input before importing it.
MAX_TEXT_CHARS = 50_000_000


class TimelineError(Exception):
    """Base of every error the library raises on purpose."""


class GrammarError(TimelineError):
    """A grammar file could not be loaded or compiled."""


class DataTableError(TimelineError):
    """A data table is malformed: the message names the file and the row."""


class ResolutionError(TimelineError):
    """An expression could not be resolved against its anchor."""


class InconsistentConstraints(TimelineError):
    """The constraints admit no timeline; the message names the evidence."""


class InputError(TimelineError):
    """The input cannot be processed (binary data, too large, bad date)."""


class MissingDependency(TimelineError):
    """An optional package a feature needs is not installed (``pip install 'timeline[pandas]'``)."""
