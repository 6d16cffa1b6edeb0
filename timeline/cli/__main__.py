"""``python -m timeline.cli``: the same as the ``timeline`` command."""

import gc
import sys

from timeline.cli._main import main


def run() -> int:
    """The command: main() with what the imports built moved out of the collector's view.

    Modules, classes and tables live until exit; without this, every full
    collection during the set-up (grammar, word lists) walks them again, about a
    fifth of a short run's CPU time. Only for a process that runs one command and
    exits: in a long-lived one, frozen garbage would never be freed.
    """
    gc.freeze()
    return main()


if __name__ == "__main__":
    sys.exit(run())
