"""Imported once by a batch's fork server (its preload) or worker: builds the grammar.

Building it takes seconds; workers forked from a server that imported this
start with it built.  Importing this module is its whole job.
"""

import datetime as dt
import gc

import timeline

try:
    timeline.extract("The grammar is built on Monday.", dt.date(2020, 1, 1))
except Exception:  # a worker reports any real fault on its first document
    pass
# What set-up built (grammar, lexicon, tables) lives as long as the worker:
# kept out of the collector's passes, and its pages are not written by them,
# so forked workers share them with the server.
gc.freeze()
