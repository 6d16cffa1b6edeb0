"""The lexicon's verb forms: a read-only mapping that pickles as a few strings."""

from __future__ import annotations

import pickle
import pickletools

import pytest

from timeline._errors import DataTableError
from timeline.text import lexicon
from timeline.text._verb_forms import VerbForms

_FORMS = {
    "began": (("VBD", "begin"),),
    "walked": (("VBD", "walk"), ("VBN", "walk")),
    "leaves": (("VBZ", "leave"),),
}


def test_it_reads_as_the_mapping_it_was_built_from() -> None:
    forms = VerbForms(_FORMS)
    assert dict(forms) == _FORMS
    assert forms["walked"] == (("VBD", "walk"), ("VBN", "walk"))
    assert forms.get("walk") is None and forms.get("walk", ()) == ()
    assert "began" in forms and "begin" not in forms
    assert list(forms) == list(_FORMS) and len(forms) == 3
    with pytest.raises(KeyError):
        forms["begin"]
    assert dict(VerbForms({})) == {}


def test_it_pickles_as_a_few_strings() -> None:
    forms = lexicon().verb_forms
    payload = pickle.dumps(forms, protocol=pickle.HIGHEST_PROTOCOL)
    # thousands of forms, yet no object per form: loading is two strings and an index
    assert len(forms) > 1000
    assert sum(1 for _ in pickletools.genops(payload)) < 100
    assert pickle.loads(payload) == forms


def test_a_separator_inside_a_form_is_a_table_error() -> None:
    with pytest.raises(DataTableError):
        VerbForms({"be\ngan": (("VBD", "begin"),)})
