"""The Vega script bundle: cached on disk by vl-convert version, checked, rebuilt when damaged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
import vl_convert

from boardreport import _cachedir
from boardreport.errors import RenderError
from boardreport.render import _bundle
from boardreport.render._cache import read_verified

FAKE = "window.vegaEmbed = function () {};"


@attrs.define
class Cache:
    """A cache folder and the number of times the bundle was built."""

    path: Path
    builds: int = 0


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cache]:
    """An empty cache folder, and a stand-in bundle builder that counts its calls."""
    state = Cache(path=tmp_path / "cache")
    monkeypatch.setenv(_cachedir.CACHE_ENV, str(state.path))

    def build(*_: object, **__: object) -> str:
        state.builds += 1
        return FAKE

    monkeypatch.setattr(vl_convert, "javascript_bundle", build)
    _bundle.javascript_bundle.cache_clear()
    yield state
    _bundle.javascript_bundle.cache_clear()


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$BOARDREPORT_CACHE wins; otherwise $XDG_CACHE_HOME/boardreport."""
    monkeypatch.setenv(_cachedir.CACHE_ENV, str(tmp_path / "a"))
    assert _bundle.cache_dir() == tmp_path / "a"
    monkeypatch.delenv(_cachedir.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _bundle.cache_dir() == tmp_path / "xdg" / "boardreport"


def test_the_bundle_is_built_once_and_then_read_from_disk(cache: Cache) -> None:
    """The first call builds and stores the bundle (named by vl-convert's version)."""
    assert _bundle.javascript_bundle() == FAKE
    stored = list(cache.path.iterdir())
    assert [p.name for p in stored] == [_bundle.bundle_path().name]
    assert "vl-convert-" in stored[0].name
    _bundle.javascript_bundle.cache_clear()
    assert _bundle.javascript_bundle() == FAKE
    assert cache.builds == 1


def test_a_damaged_cache_file_is_rebuilt(cache: Cache) -> None:
    """A cut-short or edited cache file fails its checksum and is replaced."""
    _bundle.javascript_bundle()
    path = _bundle.bundle_path()
    path.write_text(path.read_text()[:-20], encoding="utf-8")
    _bundle.javascript_bundle.cache_clear()
    assert _bundle.javascript_bundle() == FAKE
    assert cache.builds == 2
    assert read_verified(path) == FAKE


def test_an_unwritable_cache_only_costs_time(cache: Cache) -> None:
    """When the cache folder cannot be made, the bundle is still returned."""
    cache.path.parent.mkdir(exist_ok=True)
    cache.path.write_text("a file where the folder should be", encoding="utf-8")
    assert _bundle.javascript_bundle() == FAKE


def test_a_bundle_that_could_end_its_script_element_is_refused(
    cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle containing </script> cannot be inlined safely, so rendering stops."""
    monkeypatch.setattr(vl_convert, "javascript_bundle", lambda *_, **__: "x='</SCRIPT>'")
    with pytest.raises(RenderError, match="cannot be inlined"):
        _bundle.javascript_bundle()
