"""The build pipeline: one context and one table walk per build, a renderer registry, reuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardreport import blocks, pipeline
from boardreport.cache import Cache
from boardreport.errors import UsageError
from boardreport.render import _context

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "render" / "report"


def _count(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(owner, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_one_context_and_one_table_walk_per_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markdown and HTML share one template context; the tables are collected once."""
    contexts = _count(monkeypatch, _context, "build_context")
    tables = _count(monkeypatch, blocks, "all_tables")
    built = pipeline.build(FIXTURE, out=tmp_path / "out", cache=None)
    assert {"report.md", "index.html"} <= set(built.files)
    assert any(name.endswith(".vl.json") for name in built.files)
    assert len(contexts) == 1
    assert len(tables) == 1


def test_a_registered_renderer_is_a_format_of_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new format is one registered function; it gets the shared job and writes its files."""
    monkeypatch.setattr(pipeline, "RENDERERS", dict(pipeline.RENDERERS))
    monkeypatch.setattr(pipeline, "FORMAT_ALIASES", dict(pipeline.FORMAT_ALIASES))

    @pipeline.register("titles", "title-list")
    def titles(job: pipeline.RenderJob) -> dict[str, str]:
        return {"titles.txt": "\n".join(s.title for s in job.context.sections) + "\n"}

    built = pipeline.build(FIXTURE, out=tmp_path / "out", formats=("title-list",))
    assert set(built.files) == {"titles.txt"}
    assert (tmp_path / "out" / "titles.txt").read_text(encoding="utf-8").strip()
    assert pipeline.parse_formats("md,titles") == ("md", "titles")


def test_unknown_and_empty_formats_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown format 'docx'; choose from md, html, vega, pdf"):
        pipeline.parse_formats("md,docx")
    with pytest.raises(UsageError, match="no format chosen"):
        pipeline.parse_formats(" , ")


def test_a_rebuild_with_the_cache_loads_specifies_and_draws_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from boardreport.io import _load
    from boardreport.render import _draw, vega

    store = Cache(tmp_path / "cache")
    first = pipeline.build(FIXTURE, out=tmp_path / "one", cache=store)
    loads = _count(monkeypatch, _load, "load_with_sources")
    specs = _count(monkeypatch, vega, "chart_spec")
    draws = _count(monkeypatch, _draw, "svg")
    again = pipeline.build(FIXTURE, out=tmp_path / "two", cache=store)
    assert (loads, specs, draws) == ([], [], [])
    assert dict(again.files) == dict(first.files)


def test_write_false_renders_without_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    built = pipeline.build(FIXTURE, formats=("md",), write=False)
    assert built.out is None and "report.md" in built.files
    assert not (tmp_path / "build").exists()
