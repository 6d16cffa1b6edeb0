"""The output depends only on the text and the publication date: not on the
hash seed, the machine's time zone, or what was processed before."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

SCRIPT = """
import json, sys, datetime as dt
import timeline
from timeline.events._events import find_events
text = sys.stdin.read()
tl = timeline.extract(text, dt.date(2019, 3, 14))
events = [(e.trigger, e.text, str(e.earliest_start), str(e.latest_end)) for e in tl.events]
nominal = [(e.trigger, e.lemma) for e in find_events(text, nominals="all")]
print(json.dumps([events, nominal]))
"""


def _run(text, **env):
    full = {**os.environ, **env}
    result = subprocess.run([sys.executable, "-c", SCRIPT], input=text, capture_output=True,
                            text=True, env=full, check=True)  # fmt: skip
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", ["coastal_offensive.txt", "river_flood.txt"])
def test_same_output_under_other_hash_seeds_and_time_zones(name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    text += "\nNegotiations and negotiation rounds resumed; the negotiations failed.\n"
    first = _run(text, PYTHONHASHSEED="1", TZ="UTC")
    assert _run(text, PYTHONHASHSEED="2", TZ="Pacific/Kiritimati") == first
    assert _run(text, PYTHONHASHSEED="3", TZ="America/Adak") == first
