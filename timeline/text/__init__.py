"""The text stage: ``text`` -> sentences, paragraphs, tokens with word tags, clauses.

Takes the raw text; gives every later stage one reading of it, with character
offsets: sentences (and their paragraphs), tokens with their word tags and
lemmas, and clauses. Reads its word lists from ``grammars/events/*.toml``.
"""
