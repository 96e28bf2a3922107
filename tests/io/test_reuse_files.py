"""Files kept by a process that loads again: after an edit only the changed file is parsed,
the report is the one a fresh load gives, and a file with a problem is never kept."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli

from boardreport.errors import LoadError
from boardreport.io import load_with_sources
from boardreport.io._reuse_files import ParsedFiles


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    real: Callable[..., dict[str, Any]] = tomli.loads

    def loads(text: str, **kwargs: Any) -> dict[str, Any]:
        texts.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomli, "loads", loads)
    return texts


@pytest.fixture
def report_copy(tmp_path: Path, reference_report_path: Path) -> Path:
    folder = tmp_path / "report"
    shutil.copytree(reference_report_path, folder, ignore=shutil.ignore_patterns("expected"))
    return folder


def test_after_an_edit_only_the_changed_file_is_parsed(
    report_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = ParsedFiles()
    load_with_sources(report_copy, parsed=parsed)
    part = report_copy / "parts" / "01-foreword.toml"
    part.write_text(
        part.read_text(encoding="utf-8").replace('text = """\n', 'text = """\nEdited. ', 1),
        encoding="utf-8",
    )
    texts = _count_parses(monkeypatch)
    report, sources = load_with_sources(report_copy, parsed=parsed)
    assert len(texts) == 1 and texts[0].startswith(part.read_text(encoding="utf-8")[:40])
    monkeypatch.undo()
    fresh, fresh_sources = load_with_sources(report_copy)
    assert report == fresh
    assert sources.anchors == fresh_sources.anchors
    for file in fresh_sources.texts:
        assert sources.lines(file) == fresh_sources.lines(file)


def test_a_report_loaded_again_unchanged_is_parsed_not_at_all(
    report_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = ParsedFiles()
    first, _ = load_with_sources(report_copy, parsed=parsed)
    texts = _count_parses(monkeypatch)
    again, _ = load_with_sources(report_copy, parsed=parsed)
    assert texts == []
    assert again == first


def test_a_file_with_a_problem_is_never_kept(report_copy: Path) -> None:
    """Its problem is found on every load, and the fixed file is parsed afresh."""
    parsed = ParsedFiles()
    part = report_copy / "parts" / "01-foreword.toml"
    good = part.read_text(encoding="utf-8")
    part.write_text(good + "\nbroken = \n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LoadError, match=r"01-foreword\.toml"):
            load_with_sources(report_copy, parsed=parsed)
    part.write_text(good, encoding="utf-8")
    assert load_with_sources(report_copy, parsed=parsed)[0] == load_with_sources(report_copy)[0]


def test_the_tables_given_out_are_copies() -> None:
    """The loader consumes the tables it is given; what is kept stays whole."""
    parsed = ParsedFiles()
    data: dict[str, Any] = {"title": "A", "sections": [{"id": "s"}]}
    parsed.keep(Path("r.toml"), "text", data)
    data["sections"].clear()
    first = parsed.parsed(Path("r.toml"), "text")
    assert first == {"title": "A", "sections": [{"id": "s"}]}
    assert first is not None
    first.pop("sections")
    assert parsed.parsed(Path("r.toml"), "text") == {"title": "A", "sections": [{"id": "s"}]}
    assert parsed.parsed(Path("r.toml"), "other text") is None
    assert parsed.parsed(Path("elsewhere.toml"), "text") is None


def test_memory_is_bounded_least_recently_used_first() -> None:
    parsed = ParsedFiles(max_files=2)
    for name in ("a", "b"):
        parsed.keep(Path(f"{name}.toml"), name, {"n": name})
    assert parsed.parsed(Path("a.toml"), "a") is not None  # a is now the most recent
    parsed.keep(Path("c.toml"), "c", {"n": "c"})
    assert parsed.parsed(Path("b.toml"), "b") is None
    assert parsed.parsed(Path("a.toml"), "a") == {"n": "a"}
    assert parsed.parsed(Path("c.toml"), "c") == {"n": "c"}
