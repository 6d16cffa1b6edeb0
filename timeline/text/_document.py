"""One reading of a text: ``read(text)`` -> ``TextAnalysis``.

Takes the raw text; gives its sentences, their paragraphs and the zones of the
text at once, and each sentence's tagged words and clauses on first use
(computed once, then kept), so the later stages read the text only once.
"""

from __future__ import annotations

import bisect

import attrs

from timeline._errors import InputError
from timeline.text._clauses import Clause, split_clauses
from timeline.text._sentences import Sentence, paragraphs, split_sentences
from timeline.text._wordtags import TaggedWord, tag_words
from timeline.text._zones import STORY, Zone, find_zones

__all__ = ["STORY", "TextAnalysis", "Zone", "read"]


def _paragraph_ranges(ids: tuple[int, ...]) -> tuple[range, ...]:
    """Sentence index ranges, one per paragraph, from the paragraph of each sentence."""
    ranges: list[range] = []
    first = 0
    for i in range(1, len(ids) + 1):
        if i == len(ids) or ids[i] != ids[first]:
            ranges.append(range(first, i))
            first = i
    return tuple(ranges)


@attrs.frozen(eq=False)
class TextAnalysis:
    """The text stage's reading of one text.

    Attributes:
        text: the text read.
        sentences: its sentences, in text order (``split_sentences``).
        paragraph_ids: the paragraph of each sentence, numbered from 0.
        paragraphs: for each paragraph, the range of its sentence indices.
        zones: (kind, start, end) stretches of the text, in text order,
            covering it: "story", or the page furniture (headline, deck,
            byline, dateline, caption, credit, timestamp, trailer) that
            ``find_zones`` recognises from ``grammars/zones.toml``.
    """

    text: str
    sentences: tuple[Sentence, ...]
    paragraph_ids: tuple[int, ...]
    zones: tuple[Zone, ...]
    paragraphs: tuple[range, ...] = attrs.field(init=False)
    _starts: list[int] = attrs.field(init=False, repr=False)
    _words: list[tuple[TaggedWord, ...] | None] = attrs.field(init=False, repr=False)
    _clauses: list[tuple[Clause, ...] | None] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if len(self.paragraph_ids) != len(self.sentences):
            raise InputError("TextAnalysis needs one paragraph id per sentence")
        # the class is frozen: set the derived fields the way attrs documents
        object.__setattr__(self, "paragraphs", _paragraph_ranges(self.paragraph_ids))
        object.__setattr__(self, "_starts", [s.start for s in self.sentences])
        object.__setattr__(self, "_words", [None] * len(self.sentences))
        object.__setattr__(self, "_clauses", [None] * len(self.sentences))

    def words(self, i: int) -> tuple[TaggedWord, ...]:
        """The tagged words of sentence *i* (``tag_words``), computed once."""
        words = self._words[i]
        if words is None:
            words = self._words[i] = tuple(tag_words(self.text, self.sentences[i]))
        return words

    def clauses(self, i: int) -> tuple[Clause, ...]:
        """The clauses of sentence *i* (``split_clauses`` on ``words(i)``), computed once."""
        clauses = self._clauses[i]
        if clauses is None:
            sentence = self.sentences[i]
            clauses = tuple(split_clauses(self.text, sentence, self.words(i)))
            self._clauses[i] = clauses
        return clauses

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence whose span holds *offset*, or None (between sentences or outside)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def story_zones(self) -> tuple[Zone, ...]:
        """The zones that are story text (the ones events come from)."""
        return tuple(z for z in self.zones if z.kind == STORY)

    def paragraph_of(self, i: int) -> int:
        """The paragraph of sentence *i*."""
        return self.paragraph_ids[i]


def read(text: str) -> TextAnalysis:
    """Read *text* once: sentences, paragraphs and zones now; words and clauses on demand.

    Raises:
        InputError: *text* is not a str.
    """
    if not isinstance(text, str):
        raise InputError(f"read() needs a str, not {type(text).__name__}")
    sentences = tuple(split_sentences(text))
    return TextAnalysis(
        text,
        sentences,
        tuple(paragraphs(text, sentences)),
        find_zones(text),
    )
