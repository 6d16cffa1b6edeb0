"""Relations: events and expressions -> ``Constraint``s between time points.

Each rule is a small named function that reads one kind of evidence (a time
anchoring an event, tense against publication, a connective, narrative order)
and gives difference constraints on event start/end points and times, each with
its rule, words and strength.
"""
