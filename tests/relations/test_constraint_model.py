"""The constraint model's checks and the rules' unvalidated construction
(``Evidence._of``, ``_evidence``), point names, and the sentence connectives
looked up by their first word."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from timeline.relations import HARD, ORIGIN, Constraint, Evidence
from timeline.relations._document import _evidence, end, start
from timeline.relations._ordering_base import sentence_connective
from timeline.solver._extract import _document

PUB = dt.date(2016, 1, 25)
EV = Evidence("r", "w", ((0, 1),))


def test_the_rules_evidence_equals_the_validated_one():
    fast = Evidence._of("tense-order", "fled … returned", ((3, 7), (20, 28)), None, True)
    slow = Evidence("tense-order", "fled … returned", [[3, 7], (20, 28)], assumption=True)
    assert fast == slow and hash(fast) == hash(slow) and str(fast) == str(slow)


def test_rule_evidence_keeps_text_order_and_reads_the_words():
    doc = _document("Troops withdrew on Monday.", PUB)
    ev = _evidence("anchor", doc, (19, 25), (7, 15), (3, 3), note="n")
    assert ev == Evidence("anchor", "withdrew … Monday", ((7, 15), (19, 25)), description="n")


def test_rule_evidence_with_a_bad_span_is_still_refused():
    doc = _document("Troops withdrew on Monday.", PUB)
    with pytest.raises(ValueError, match="span"):
        _evidence("anchor", doc, (-2, 3))


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"lo": 1.5}, TypeError, "lo must be an int"),
        ({"lo": 0, "hi": True}, TypeError, "hi must be an int"),
        ({"lo": 0, "evidence": "said"}, TypeError, "evidence must be an Evidence"),
        ({"lo": 0, "strength": HARD + 1}, ValueError, "strength must be an int"),
        ({"lo": 0, "strength": 5.0}, ValueError, "strength must be an int"),
        ({}, ValueError, "gives no bound"),
        ({"lo": 3, "hi": 2}, ValueError, "lo > hi"),
    ],
)
def test_a_bad_constraint_says_what_is_wrong(kwargs, error, words):
    kwargs = {"evidence": EV, **kwargs}
    with pytest.raises(error, match=words):
        Constraint(ORIGIN, "e1.start", **kwargs)


def test_a_point_has_one_name_object():
    event = _document("Troops withdrew on Monday.", PUB).events[0]
    assert start(event) is start(event) and end(event) is end(event)
    assert start(event) == f"{event.id}.start"


@pytest.mark.parametrize(
    ("second", "kind", "words"),
    [
        ("Then troops arrived.", "later", "Then"),
        ("Two days later, troops arrived.", "later", "days later"),
        ("Shortly afterwards, troops arrived.", "later", "Shortly afterwards"),
        ("Shortly after, troops arrived.", "later", "Shortly after"),
        ("The next day troops arrived.", "later", "The next day"),
        ("Before that, troops had arrived.", "earlier", "Before that"),
        ("Earlier, troops arrived.", "earlier", "Earlier"),
        ("Troops then arrived.", None, None),
        ("Troops arrived later.", None, None),
    ],
)
def test_sentence_connectives(second, kind, words):
    text = f"Rebels seized the town. {second}"
    found = sentence_connective(_document(text, PUB), 1)
    if kind is None:
        assert found is None
    else:
        assert found is not None and found[0] == kind
        assert text[found[1][0] : found[1][1]] == words


def test_the_unvalidated_ordering_constraints_pass_validation():
    # Built with Constraint._of / Evidence._of: each must equal the one the
    # validating constructor gives (attrs.evolve runs __init__ again).
    from timeline.relations import Document, constraints_for
    from timeline.relations._ordering import ORDERING_RULE_NAMES

    text = ("Officials said rebels had seized the town. Then troops arrived, and the "
            "army ordered them to withdraw. The ministry will hold talks. The town is calm.")  # fmt: skip
    base = _document(text, PUB)
    doc = Document(text, PUB, base.expressions, base.sentences, base.events)
    found = [c for c in constraints_for(doc, ORDERING_RULE_NAMES)]
    assert len({c.evidence.rule for c in found}) >= 4
    for c in found:
        assert attrs.evolve(c, evidence=attrs.evolve(c.evidence)) == c
        assert type(c.lo) in (int, type(None)) and type(c.evidence.spans) is tuple
