"""Meaning builder rules for numbers, amounts and units.

Takes number words, digits, ordinals and "about three weeks"-style amounts;
gives ``Fraction`` counts, ordinal ``int``s, ``Amount`` and ``Unit``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lark import Token

from timeline.expressions._meaning_model import Amount, Reject, Unit
from timeline.expressions._meaning_tree import UNIT_NAMES, word_of

# "a" as a count, always this object: a plural unit after it ("a decades-long
# battle") is then refused by identity, while "1 days" still counts.
ARTICLE = Fraction(1)


class NumberRules:
    """Transformer callbacks mixed into ``MeaningBuilder``."""

    numbers: dict[str, int]
    ordinals: dict[str, int]
    approximators: dict[str, str]

    def digits(self, c: list[Token]) -> Fraction:
        value = Fraction(str(c[0]).replace(",", ""))
        if value == 0:
            raise Reject("a count of zero")
        return value

    def one(self, c: list[Token]) -> Fraction:
        return ARTICLE

    def dozen(self, c: list[Token]) -> Fraction:
        return Fraction(12)

    def and_a_half(self, c: list[Any]) -> Fraction:
        return c[0] + Fraction(1, 2)

    def mixed_fraction(self, c: list[Any]) -> Fraction:
        whole, num, den = c[0], c[1], c[3]
        if den == 0 or num >= den:
            raise Reject("fraction")
        return whole + num / den

    def word_number(self, c: list[Any]) -> Fraction:
        total = 0
        for item in c:
            if isinstance(item, Fraction):
                total += item
            elif isinstance(item, Token) and item.type != "HYPHEN":
                total += self.numbers[word_of(item)]
        return Fraction(total)

    def tens_hyphen(self, c: list[Token]) -> Fraction:
        return Fraction(self.numbers[word_of(c[0])])

    def count_hundred(self, c: list[Token]) -> Fraction:
        head = c[0]
        return Fraction(100 if head.type == "A" else 100 * self.numbers[word_of(head)])

    def compound_count(self, c: list[Any]) -> Fraction:
        # c[0] is a NUM token ("16-hour"), a word token ("two-year") or the
        # Fraction of tens_hyphen ("twenty-four-hour").
        first = c[0]
        if isinstance(first, Token) and first.type.startswith("NUM"):
            return self.digits(c)
        return self.word_number(c)

    def vague_count(self, c: list[Token]) -> Fraction | None:
        # TimeML counts "a couple of years" as two (P2Y); "a few", "several" stay X
        return Fraction(2) if any(t.type == "COUPLE" for t in c) else None

    def ordinal(self, c: list[Any]) -> int:
        total = 0
        for item in c:
            if isinstance(item, Fraction):
                total += int(item)
            elif item.type == "ORD_NUM":
                total += int(str(item)[:-2])
            elif item.type == "SECOND":
                total += 2
            elif item.type == "ORD_WORD":
                total += self.ordinals[word_of(item)]
            elif item.type == "TENS_WORD":
                total += self.numbers[word_of(item)]
        return total

    def unit(self, c: list[Token]) -> Unit:
        return Unit(UNIT_NAMES[c[0].type], str(c[0]).casefold().endswith("s"))

    def amount(self, c: list[Any]) -> Amount:
        return Amount(c[0])

    def vague_amount(self, c: list[Any]) -> Amount:
        return Amount(c[0])

    def approx_amount(self, c: list[Any]) -> Amount:
        return Amount(c[1], self.approximators[word_of(c[0])])

    def more_than(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["more_than"])

    def less_than(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["less_than"])

    def at_least(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["at_least"])

    def at_most(self, c: list[Any]) -> Amount:
        return Amount(c[-1], self.approximators["at_most"])

    def amount_unit(self, c: list[Any]) -> tuple[Amount, Unit]:
        return c[0], c[-1]

    def unit_and_a_half(self, c: list[Any]) -> tuple[Amount, Unit]:
        amount, unit = c[0], c[1]
        if amount.value is None:
            raise Reject("'several years and a half'")
        return Amount(amount.value + Fraction(1, 2), amount.mod), unit

    def compound_amount(self, c: list[Any]) -> tuple[Amount, Unit]:
        return Amount(c[0]), c[-1]

    def half_unit(self, c: list[Any]) -> tuple[Amount, Unit]:
        return Amount(Fraction(1, 2)), c[-1]
