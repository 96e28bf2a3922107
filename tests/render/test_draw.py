"""Charts are drawn in a worker process: a chart that takes too long or ends the chart engine
becomes an error naming it, and the next chart is drawn by a fresh worker."""

from __future__ import annotations

import time
from typing import Any

import pytest

from boardreport.errors import RenderError
from boardreport.render import _draw

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": [{"a": 1}, {"a": 2}]},
    "mark": "bar",
    "encoding": {"y": {"field": "a", "type": "quantitative"}},
}


def test_a_chart_is_drawn_as_svg() -> None:
    """The worker answers with vl-convert's SVG."""
    assert "<svg" in _draw.svg(SPEC, "chart 'a'")


def test_a_chart_that_takes_too_long_is_stopped_with_a_clear_error() -> None:
    """A 60,000-character title (seconds of drawing) under a short limit: the worker is
    stopped, the error names the chart and the limit, and the next chart is drawn."""
    slow = {**SPEC, "title": "x" * 60_000}
    started = time.perf_counter()
    with pytest.raises(RenderError, match=r"chart 'slow' was not drawn within 0\.5 seconds"):
        _draw.svg(slow, "chart 'slow'", seconds=0.5)
    assert time.perf_counter() - started < 5
    assert "<svg" in _draw.svg(SPEC, "chart 'next'")


def test_a_specification_the_engine_refuses_is_a_render_error() -> None:
    """vl-convert's own error (an integer beyond 64 bits) names the chart; no traceback."""
    spec = {**SPEC, "data": {"values": [{"a": 2**70}]}}
    with pytest.raises(RenderError, match=r"chart 'big' could not be drawn: .*vl_spec"):
        _draw.svg(spec, "chart 'big'")


def test_a_worker_that_dies_is_an_error_and_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the chart engine ends its process, the chart is named and drawing goes on."""
    _draw.svg(SPEC, "chart 'first'")
    assert _draw._worker is not None
    _draw._worker.process.kill()
    _draw._worker.process.wait()
    with pytest.raises(RenderError, match="chart engine stopped while drawing it"):
        _draw.svg(SPEC, "chart 'victim'")
    assert "<svg" in _draw.svg(SPEC, "chart 'after'")


def _draw_in_child(queue: Any) -> None:
    queue.put("<svg" in _draw.svg(SPEC, "chart 'child'"))


def test_a_forked_process_draws_with_its_own_worker() -> None:
    """A process forked after the parent started its worker (a build job) starts its own, and
    ending never stops the parent's."""
    import multiprocessing

    assert "<svg" in _draw.svg(SPEC, "chart 'parent'")
    parent_worker = _draw._worker
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_draw_in_child, args=(results,))
    child.start()
    assert results.get(timeout=60) is True
    child.join(60)
    assert child.exitcode == 0
    assert _draw._worker is parent_worker
    assert "<svg" in _draw.svg(SPEC, "chart 'parent again'")


def test_an_interrupted_drawing_never_answers_the_next_chart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Interrupted while a chart is drawn (Ctrl-C, a time limit), the worker is stopped, so
    its late answer cannot be taken for the next chart's."""
    _draw.svg(SPEC, "chart 'warm'")
    assert _draw._worker is not None

    def interrupted(*_: object, **__: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(_draw._worker.replies, "get", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _draw.svg({**SPEC, "title": "first"}, "chart 'first'")
    monkeypatch.undo()
    assert _draw._worker is None
    assert "second" in _draw.svg({**SPEC, "title": "second"}, "chart 'second'")


def _titled(title: str) -> dict[str, Any]:
    return {**SPEC, "title": title}


def test_charts_sent_together_each_get_their_own_drawing() -> None:
    """Several charts sent before any is waited for, then finished in another order: each
    drawing is its own chart's."""
    drawings = [_draw.start(_titled(f"chart number {i}"), f"chart '{i}'") for i in range(4)]
    for i in reversed(range(4)):
        svg = _draw.finish(drawings[i])
        assert f"chart number {i}" in svg
        assert all(f"chart number {j}" not in svg for j in range(4) if j != i)


def test_a_chart_that_stops_the_worker_leaves_the_others_drawn() -> None:
    """A chart sent among others takes too long: it is an error naming it; the charts sent
    after it are drawn again by a fresh worker, and one sent before it keeps its drawing."""
    before = _draw.start(_titled("before"), "chart 'before'")
    slow = _draw.start(_titled("x" * 60_000), "chart 'slow'", seconds=0.5)
    after = _draw.start(_titled("after"), "chart 'after'")
    assert "before" in _draw.finish(before)
    with pytest.raises(RenderError, match=r"chart 'slow' was not drawn within 0\.5 seconds"):
        _draw.finish(slow)
    assert "after" in _draw.finish(after)


def test_prestart_starts_the_engine_without_waiting() -> None:
    """prestart returns before the engine is ready; the first chart is then drawn by it."""
    _draw._stop()
    started = time.perf_counter()
    _draw.prestart()
    assert time.perf_counter() - started < 1.0
    worker = _draw._worker
    assert worker is not None
    assert "<svg" in _draw.svg(SPEC, "chart 'first'")
    assert _draw._worker is worker
