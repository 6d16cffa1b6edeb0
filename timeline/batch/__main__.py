"""``python -m timeline.batch INPUT... --out OUT``: the same as ``timeline batch``."""

import sys

if __name__ == "__main__":
    try:  # a Ctrl-C while the modules load: one line, not a traceback
        from timeline.batch._command import batch_main

        code = batch_main(sys.argv[1:])
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)
