"""``python -m timeline.cli``: the same as the ``timeline`` command."""

import sys

from timeline.cli._main import main

sys.exit(main())
