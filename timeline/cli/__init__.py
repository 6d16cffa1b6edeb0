"""The command line, on top of the library (``timeline FILE...``, ``timeline tag``)."""

from timeline.cli._main import main

__all__ = ["main"]
