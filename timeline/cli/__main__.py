"""``python -m timeline.cli``: the same as the ``timeline`` command."""

import gc
import sys

from timeline.cli._main import main


def run() -> int:
    """The command: main() set up for a process that runs one command and exits.

    Its set-up (modules, classes, grammar, word lists) lives until exit, and the
    stages make no cyclic garbage (tests/solver/test_extract_gc.py): a
    collection would only walk the set-up again, so the collector is off, and
    what the command built is frozen before the collection Python runs at exit
    (together, 7% of a short run's instructions). A batch may read millions of
    documents in this process (--jobs 1): its collector stays on, the set-up
    out of its view.

    Lark imports interegular, when installed, only to look for colliding
    terminals in a grammar it builds, which the command never asks for (the
    import is another 3%); tests check the grammar strictly.
    """
    if sys.argv[1:2] == ["batch"]:
        gc.freeze()
        return main()
    gc.disable()
    sys.modules.setdefault("interegular", None)  # an import of it raises ImportError
    try:
        return main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    sys.exit(run())
