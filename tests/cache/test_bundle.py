"""The chart script bundle: vl-convert's own, kept by installed library, refused if unsafe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import vl_convert

from boardreport.cache import Cache, _bundle, script_bundle
from boardreport.errors import RenderError

FAKE = "window.vegaEmbed = function () {};"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A stand-in for vl-convert's bundle that counts its calls; a fresh process's memory."""
    calls: list[int] = []

    def build(*_: object, **__: object) -> str:
        calls.append(1)
        return FAKE

    monkeypatch.setattr(vl_convert, "javascript_bundle", build)
    _bundle.fresh_bundle.cache_clear()
    yield calls
    _bundle.fresh_bundle.cache_clear()


def test_without_a_cache_the_bundle_is_vl_converts_own(builds: list[int]) -> None:
    assert script_bundle(None) == FAKE
    assert builds == [1]


def test_the_bundle_is_made_once_and_then_read_from_the_cache(
    builds: list[int], tmp_path: Path
) -> None:
    store = Cache(tmp_path / "cache")
    assert script_bundle(store) == FAKE
    _bundle.fresh_bundle.cache_clear()  # a new process
    assert script_bundle(store) == FAKE
    assert builds == [1]
    assert store.text(_bundle.KIND, _bundle.library_identity()) == FAKE


def test_the_key_is_the_installed_library(builds: list[int], tmp_path: Path) -> None:
    """The entry names the vl-convert version and its library file, so a reinstall misses."""
    identity = _bundle.library_identity()
    assert identity[0] == _bundle.installed_version("vl-convert-python", "vl_convert")
    assert any(part.startswith("vl_convert") for part in identity[1:])
    store = Cache(tmp_path / "cache")
    store.put(_bundle.KIND, (identity[0],), "window.old = 1;")  # a version-only key
    assert script_bundle(store) == FAKE


def test_once_made_in_this_process_the_fresh_bundle_wins(builds: list[int], tmp_path: Path) -> None:
    """A process that has vl-convert's own bundle never reads one from the cache."""
    store = Cache(tmp_path / "cache")
    assert script_bundle(None) == FAKE
    store.put(_bundle.KIND, _bundle.library_identity(), "window.other = 1;")
    assert script_bundle(store) == FAKE


def test_a_bundle_that_could_end_its_script_element_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(vl_convert, "javascript_bundle", lambda *_, **__: "x='</SCRIPT>'")
    _bundle.fresh_bundle.cache_clear()
    try:
        with pytest.raises(RenderError, match="cannot be inlined"):
            script_bundle(None)
    finally:
        _bundle.fresh_bundle.cache_clear()
