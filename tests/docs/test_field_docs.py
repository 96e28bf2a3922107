"""One text per field: the model's field docstrings are the Meaning column of docs/format.md.

The editor schema's descriptions (boardreport.schema) and the API reference read the same
docstrings, so a key means the same wherever a reader meets it.
"""

from __future__ import annotations

import re

import attrs
import pytest

from boardreport.schema import field_docs
from tests.docs.test_format_reference import CLASSES, first_table, heading

_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def meaning(cell: str) -> str:
    """A Meaning cell as plain text: links become their words."""
    return " ".join(_LINK.sub(r"\1", cell).split())


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_every_field_has_a_docstring(cls: type) -> None:
    """Every field of every model class is documented where it is declared."""
    docs = field_docs(cls)
    missing = [a.name for a in attrs.fields(cls) if not docs.get(a.name)]
    assert missing == [], f"{cls.__name__}: add a docstring under each of these fields"


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_format_reference_says_what_the_field_docs_say(cls: type) -> None:
    """docs/format.md's Meaning of each key is the field's docstring, word for word."""
    head = heading(cls.__name__)
    rows = {row[0].strip().strip("`"): row for row in first_table(head, "Key")[1:]}
    docs = field_docs(cls)
    differing = {
        name: (meaning(rows[name][3]), docs.get(name, ""))
        for name in (a.name for a in attrs.fields(cls))
        if name in rows and meaning(rows[name][3]) != docs.get(name, "")
    }
    assert differing == {}, f"format.md:{head.line}: Meaning differs from the field docstring"
