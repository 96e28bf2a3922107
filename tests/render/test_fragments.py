"""Rendered prose reused between builds of one report, and only then."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from boardreport.cli import main
from boardreport.render import _fragments
from boardreport.render._cache import read_verified, write_verified

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "render" / "report"
FORMATS = "md,html,vega"  # prose fragments are the same for the PDF, which is slow to draw


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOARDREPORT_CACHE", str(folder))
    return folder


def _counting() -> tuple[list[str], Callable[[str], str]]:
    calls: list[str] = []

    @_fragments.remembered("test-shout")
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    return calls, shout


def test_nothing_is_remembered_outside_a_build(cache: Path) -> None:
    calls, shout = _counting()
    assert [shout("a"), shout("a")] == ["A", "A"]
    assert calls == ["a", "a"]
    assert not cache.exists()


def test_a_second_build_reuses_and_the_table_keeps_only_what_was_used(
    cache: Path, tmp_path: Path
) -> None:
    calls, shout = _counting()
    report = tmp_path / "report"
    with _fragments.remembering(report):
        assert [shout("a"), shout("b"), shout("a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]
    with _fragments.remembering(report):
        assert [shout("a"), shout("c")] == ["A", "C"]
    assert calls == ["a", "b", "c"]
    body = read_verified(_fragments.table_path(report))
    assert body is not None
    assert sorted(json.loads(body).values()) == ["A", "C"]


def test_another_report_has_its_own_table(cache: Path, tmp_path: Path) -> None:
    calls, shout = _counting()
    with _fragments.remembering(tmp_path / "one"):
        shout("a")
    with _fragments.remembering(tmp_path / "two"):
        shout("a")
    assert calls == ["a", "a"]


def test_a_damaged_or_foreign_table_is_ignored(cache: Path, tmp_path: Path) -> None:
    calls, shout = _counting()
    report = tmp_path / "report"
    path = _fragments.table_path(report)
    key = "test-shout\x00a"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({key: "<script>"}) + "\n//sha256:0\n", encoding="utf-8")
    with _fragments.remembering(report):
        assert shout("a") == "A"
    write_verified(path, json.dumps({key: "<script>"}))
    path.chmod(0o666)
    with _fragments.remembering(report):
        assert shout("a") == "A"
    assert calls == ["a", "a"]


def test_a_rebuild_parses_no_unchanged_prose_and_writes_the_same_files(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["build", str(FIXTURE), "--out", str(first), "--format", FORMATS]) == 0
    parsed: list[str] = []
    real = MarkdownIt.parse

    def counting(self: MarkdownIt, src: str, env: object = None) -> object:
        parsed.append(src)
        return real(self, src, env)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", counting)
    assert main(["build", str(FIXTURE), "--out", str(second), "--format", FORMATS]) == 0
    assert parsed == []
    for made in sorted(p for p in first.rglob("*") if p.is_file()):
        assert made.read_bytes() == (second / made.relative_to(first)).read_bytes(), made.name


def test_no_cache_remembers_nothing(cache: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert main(["build", str(FIXTURE), "--out", out, "--no-cache", "--format", FORMATS]) == 0
    assert not (cache / _fragments.KIND).exists()
