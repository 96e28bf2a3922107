"""The chart script bundle: vl-convert's own, kept by installed library, refused if unsafe."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import vl_convert

from boardreport.cache import Cache, _bundle, script_bundle
from boardreport.errors import RenderError

FAKE = "window.vegaEmbed = function () {};"
VERSION = _bundle.installed_version("vl-convert-python", "vl_convert")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A stand-in for vl-convert's bundle that counts its calls; a fresh process's memory.

    The stand-in's digest is recorded as the installed version's, as a real bundle's is.
    """
    calls: list[int] = []

    def build(*_: object, **__: object) -> str:
        calls.append(1)
        return FAKE

    monkeypatch.setattr(vl_convert, "javascript_bundle", build)
    monkeypatch.setitem(_bundle.KNOWN_BUNDLE_SHA256, VERSION, sha256(FAKE))
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


def test_a_kept_bundle_with_another_digest_is_replaced_by_vl_converts_own(
    builds: list[int], tmp_path: Path
) -> None:
    """The digest recorded in the package decides, not anything the entry says of itself."""
    store = Cache(tmp_path / "cache")
    store.put(_bundle.KIND, _bundle.library_identity(), "window.vegaEmbed = planted;")
    assert script_bundle(store) == FAKE
    assert builds == [1]
    assert store.text(_bundle.KIND, _bundle.library_identity()) == FAKE


def test_for_an_unrecorded_version_no_kept_bundle_is_used(
    builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing outside the cache vouches for a kept copy, so every process makes its own."""
    monkeypatch.delitem(_bundle.KNOWN_BUNDLE_SHA256, VERSION)
    store = Cache(tmp_path / "cache")
    store.put(_bundle.KIND, _bundle.library_identity(), FAKE + "/* kept */")
    assert script_bundle(store) == FAKE
    _bundle.fresh_bundle.cache_clear()  # a new process
    assert script_bundle(store) == FAKE
    assert builds == [1, 1]


def test_a_bundle_whose_digest_is_not_the_recorded_one_is_not_kept(
    builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(_bundle.KNOWN_BUNDLE_SHA256, VERSION, sha256("something else"))
    store = Cache(tmp_path / "cache")
    assert script_bundle(store) == FAKE
    assert store.text(_bundle.KIND, _bundle.library_identity()) is None


def test_the_recorded_digest_is_the_installed_vl_converts_bundle() -> None:
    """The record for the installed version, where there is one, is what vl-convert makes."""
    _bundle.fresh_bundle.cache_clear()
    expected = _bundle.expected_digest()
    if expected is None:
        assert VERSION not in _bundle.KNOWN_BUNDLE_SHA256
    else:
        assert sha256(_bundle.fresh_bundle()) == expected
