"""Rendered prose reused between builds of one report, through the memo given to the renderers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from boardreport.cache import Cache, Fragments, _fragments
from boardreport.cli import main
from boardreport.render import _markup

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "render" / "report"
FORMATS = "md,html,vega"  # prose fragments are the same for the PDF, which is slow to draw


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOARDREPORT_CACHE", str(folder))
    return folder


def test_the_memo_renders_each_text_once_and_keeps_only_what_was_used(tmp_path: Path) -> None:
    """Within a build a text is rendered once; the next build reuses it; unused ones go."""
    store = Cache(tmp_path / "cache")
    calls: list[str] = []

    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    report = tmp_path / "report"
    first = _fragments.recall(store, report)
    assert [first.render("k", shout, t) for t in ("a", "b", "a")] == ["A", "B", "A"]
    _fragments.keep(store, report, first)
    assert calls == ["a", "b"]
    second = _fragments.recall(store, report)
    assert [second.render("k", shout, t) for t in ("a", "c")] == ["A", "C"]
    _fragments.keep(store, report, second)
    assert calls == ["a", "b", "c"]
    kept = store.get(_fragments.KIND, _fragments._key(report))
    assert isinstance(kept, dict) and sorted(kept.values()) == ["A", "C"]


def test_another_report_has_its_own_entry(tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    memo = _fragments.recall(store, tmp_path / "one")
    memo.render("k", str.upper, "a")
    _fragments.keep(store, tmp_path / "one", memo)
    assert _fragments.recall(store, tmp_path / "two").previous == {}


def test_a_damaged_or_foreign_entry_is_ignored(tmp_path: Path) -> None:
    """Text that is not a table of strings, or a file others may write, is not used."""
    store = Cache(tmp_path / "cache")
    report = tmp_path / "report"
    memo = Fragments()
    memo.render("k", str.upper, "a")
    _fragments.keep(store, report, memo)
    path = store.path(_fragments.KIND, _fragments._key(report))
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["value"] = {"k\x00a": ["not", "text"]}
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert _fragments.recall(store, report).previous == {}
    _fragments.keep(store, report, memo)
    assert _fragments.recall(store, report).previous == memo.used
    path.chmod(0o666)
    assert _fragments.recall(store, report).previous == {}


def test_the_filters_use_the_memo_they_are_given() -> None:
    """The HTML page renders prose through the memo passed to it, not through module state."""
    from boardreport.io import load
    from boardreport.render.html import render_html

    report = load(FIXTURE)
    memo = Fragments()
    page = render_html(report, fragments=memo)
    assert any(key.startswith("prose_html\x00") for key in memo.used)
    assert all(value in page for value in memo.used.values() if len(value) > 40)
    poisoned = Fragments(previous=dict.fromkeys(memo.used, "<p>REMEMBERED</p>"))
    assert "REMEMBERED" in render_html(report, fragments=poisoned)
    assert "REMEMBERED" not in render_html(report)


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
    assert (
        main(
            [
                "build",
                str(FIXTURE),
                "--out",
                str(tmp_path / "out"),
                "--no-cache",
                "--format",
                FORMATS,
            ]
        )
        == 0
    )
    assert not cache.exists()


def test_markup_functions_keep_no_state() -> None:
    """Called directly, the prose functions render afresh every time (no hidden memo)."""
    assert _markup.prose_html("*a*", 1) == _markup.prose_html("*a*", 1)
    assert not hasattr(_markup.prose_html, "__wrapped__")
