"""``python -m timeline.batch INPUT... --out OUT``: the same as ``timeline batch``."""

import sys

from timeline.batch._command import batch_main

if __name__ == "__main__":
    sys.exit(batch_main(sys.argv[1:]))
