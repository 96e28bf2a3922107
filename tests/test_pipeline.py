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


def test_charts_are_sent_to_be_drawn_before_the_pages_are_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing cached, every chart is sent to the drawing worker before the Markdown page
    is rendered, so the worker draws while the page is made; the files are those of drawing
    one chart at a time."""
    from boardreport.render import _draw, markdown

    events: list[str] = []
    real_start, real_render = _draw.start, markdown.render_markdown

    def start(spec: dict[str, object], name: str, **kwargs: float) -> _draw.Drawing:
        events.append("draw")
        return real_start(spec, name, **kwargs)

    def render(*args: object, **kwargs: object) -> str:
        events.append("page")
        return real_render(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_draw, "start", start)
    monkeypatch.setattr(markdown, "render_markdown", render)
    ahead = pipeline.build(FIXTURE, out=tmp_path / "ahead", formats=("md", "html"), cache=None)
    charts = sum(1 for name in ahead.files if name.endswith(".svg"))
    assert charts and events == ["draw"] * charts + ["page"]
    monkeypatch.undo()
    job = pipeline.RenderJob(ahead.report, ahead.result)  # drawn one at a time, when asked
    one_by_one = {f"charts/{chart_id}.svg": svg for chart_id, svg in job.svgs().items()}
    assert one_by_one == {k: v for k, v in ahead.files.items() if k.endswith(".svg")}


def test_the_output_folder_may_be_given_as_text(tmp_path: Path) -> None:
    """`out` takes a string as well as a path, like `path` does."""
    built = pipeline.build(str(FIXTURE), out=str(tmp_path / "out"), formats=("md",), cache=None)
    assert built.out == tmp_path / "out"
    assert (tmp_path / "out" / "report.md").is_file()
