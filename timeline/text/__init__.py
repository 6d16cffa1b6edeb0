"""The text stage: ``text`` -> sentences, paragraphs, tokens with word tags, clauses.

Takes the raw text; gives every later stage one reading of it, with character
offsets: sentences (and their paragraphs), tokens with their word tags and
lemmas, and clauses. Reads its word lists from ``grammars/events/*.toml``.

    read(text)                         -> TextAnalysis  all of the below, read once
    split_sentences(text)              -> [Sentence]
    sentence_around(text, offset)      -> the Sentence holding offset, from a window
    paragraphs(text, sentences)        -> [int]     the paragraph of each sentence
    tag_tokens(text, sentence)         -> [Token]   words with a coarse part of speech
    tag_words(text, sentence)          -> [TaggedWord]  the same as named tuples (faster)
    split_clauses(text, sentence)      -> [Clause]
    clause_word_ranges(words)          -> [(lo, hi)]  the clauses' word ranges alone

Everything is rule based and linear in the length of the text. Offsets are
into the text given, so ``text[s.start:s.end] == s.text`` for every sentence,
token and clause. The modules, in the order they build on each other:
``_tables`` (word lists), ``_morphology``, ``_tagset``, ``_lexicon``,
``_sentences``, ``_tokens``, ``_readings``, ``_stretches``, ``_wordtags``,
``_clauses``, ``_document``.
"""

from timeline.text._clauses import Clause, clause_token_ranges, clause_word_ranges, split_clauses
from timeline.text._document import TextAnalysis, Zone, read
from timeline.text._lexicon import TENSE_WORDS, Lexicon, lexicon
from timeline.text._morphology import ing_forms, past_forms, third_person
from timeline.text._sentences import (
    MAX_SENTENCE_CHARS,
    Sentence,
    paragraphs,
    sentence_around,
    split_sentences,
)
from timeline.text._tables import load_table, string_map, word_list
from timeline.text._tagset import Tag
from timeline.text._tokens import TaggedWord, Token, TokenLike, tokenize
from timeline.text._wordtags import tag_tokens, tag_words

__all__ = [
    "MAX_SENTENCE_CHARS",
    "TENSE_WORDS",
    "Clause",
    "Lexicon",
    "Sentence",
    "Tag",
    "TaggedWord",
    "TextAnalysis",
    "Token",
    "TokenLike",
    "Zone",
    "clause_token_ranges",
    "clause_word_ranges",
    "ing_forms",
    "lexicon",
    "load_table",
    "paragraphs",
    "past_forms",
    "read",
    "split_clauses",
    "sentence_around",
    "split_sentences",
    "string_map",
    "tag_tokens",
    "tag_words",
    "third_person",
    "tokenize",
    "word_list",
]
