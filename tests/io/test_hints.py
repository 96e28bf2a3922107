"""Hints for common TOML mistakes: each names the line and the way to write it."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardreport.errors import LoadError
from boardreport.io import load
from boardreport.io._hints import syntax_hint

ROOT_KEYS = (
    'board = "B"\narea = "A"\ntitle = "T"\nperiod_start = 2014-04-01\nperiod_end = 2015-03-31\n'
)


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("amount = 14,770", "without thousands separators: amount = 14770"),
        ("amount = 1,234.50", "without thousands separators: amount = 1234.50"),
        ("percent = 45%", "without a percent sign: percent = 45"),
        ("amount = £14,770", "without £ or separators: amount = 14770"),
        (
            "publication_date = 30/09/2016",
            "year-month-day without quotes: publication_date = 2016-09-30",
        ),
        ("publication_date = 2016-9-30", "publication_date = 2016-09-30"),
        ("title = “Annual report”", 'straight double quotes: title = "Annual report"'),
        ("independent = True", "lower case without quotes: independent = true"),
        ('name = "Jane', 'the text is not closed on this line: end it with "'),
    ],
)
def test_each_common_mistake_gets_its_fix(tmp_path: Path, line: str, hint: str) -> None:
    """Loading a report with the mistake on line 6 gives a located problem with the hint."""
    (tmp_path / "report.toml").write_text(ROOT_KEYS + line + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(tmp_path)
    [problem] = caught.value.problems
    assert problem.line == 6
    assert hint in problem.hint
    assert str(problem).endswith(f"\n  hint: {problem.hint}")


def test_unclosed_triple_quote_names_the_line_it_opened_on(tmp_path: Path) -> None:
    """TOML says only "at end of document"; the hint names the line of the opening quotes."""
    text = ROOT_KEYS + 'x = 1\n\n[[blocks]]\ntext = """\nThe Board met\n\nsix times.\n'
    part = 'id = "a"\ntitle = "A"\n\n[[blocks]]\ntype = "prose"\ntext = """\nThe Board\n'
    (tmp_path / "report.toml").write_text(ROOT_KEYS + 'parts = ["p.toml"]\n', encoding="utf-8")
    (tmp_path / "p.toml").write_text(part, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(tmp_path)
    [problem] = caught.value.problems
    assert problem.line == 6
    assert "opened with triple quotes on line 6 is never closed" in problem.hint
    assert syntax_hint(text, "Unterminated string", None) is not None


def test_no_hint_for_an_uncommon_mistake() -> None:
    """A syntax error that is not one of the common mistakes gets no made-up advice."""
    assert syntax_hint("a = [1, 2\n", "Unclosed array", 1) is None
    assert syntax_hint('title = "it’s fine"\nb = @\n', "Invalid value", 2) is None
