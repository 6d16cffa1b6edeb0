"""Events: the text stage's clauses -> ``Event``s.

Each verb group or event noun of a clause becomes an event with its trigger,
tense, aspect, polarity, status (asserted, reported, planned...) and the
clause trimmed as its description.
"""
