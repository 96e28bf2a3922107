"""The cache attacks, run as a second user (``nobody``) against a cache folder it can write.

Each test plants what another user could plant with the key computed from public files, then
builds as this user: nothing planted may reach the output or be read.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardreport.cache import Cache, _bundle, _store
from boardreport.cache._files import read_entry
from boardreport.render import vega

NOBODY = 65534
STDLIB_PYTHON = "/usr/bin/python3"
pytestmark = pytest.mark.skipif(
    os.getuid() != 0 or not Path(STDLIB_PYTHON).exists(),
    reason="needs root, to act as a second user",
)
PLANT = r"""
import json, os, sys
root, kind, name, key_digest, value = sys.argv[1:6]
folder = os.path.join(root, kind, name[:2])
os.makedirs(folder, exist_ok=True)
entry = {"format": 1, "kind": kind, "key": key_digest, "value": value}
with open(os.path.join(folder, name + ".json"), "w") as handle:
    json.dump(entry, handle)
"""


def as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the standard-library Python as ``nobody`` (no boardreport, no venv)."""
    return subprocess.run(
        [STDLIB_PYTHON, "-I", *args],
        user=NOBODY,
        group=NOBODY,
        extra_groups=[],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


@pytest.fixture
def shared() -> Iterator[Path]:
    """A cache folder anyone may write (a shared ``BOARDREPORT_CACHE``), reachable by nobody."""
    base = Path(tempfile.mkdtemp(prefix="boardreport-shared-"))
    base.chmod(0o755)
    folder = base / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(base, ignore_errors=True)


def plant(root: Path, kind: str, key: tuple[str, ...], value: str) -> Path:
    """Plant an entry as nobody that would answer ``kind`` and ``key``; return its path."""
    name = _store.digest((kind, *key))
    as_nobody("-c", PLANT, str(root), kind, name, _store.digest(key), value)
    path = Cache(root).path(kind, key)
    assert path.stat().st_uid == NOBODY
    return path


def test_a_planted_script_bundle_is_not_inlined(shared: Path) -> None:
    """A bundle planted under the installed vl-convert's key, well formed, is not used."""
    planted = "window.planted = 'by another user';"
    plant(shared, _bundle.KIND, _bundle.library_identity(), planted)
    _bundle.fresh_bundle.cache_clear()  # as in a new process: nothing made yet
    bundle = _bundle.script_bundle(Cache(shared))
    assert planted not in bundle
    assert bundle == _bundle.fresh_bundle()


def test_a_planted_drawing_is_not_copied(shared: Path, tmp_path: Path) -> None:
    """An SVG planted under the key computed from a published ``charts/*.vl.json`` is not used."""
    from boardreport.cli import main
    from tests.conftest import REFERENCE

    published = tmp_path / "published"
    assert main(["build", str(REFERENCE), "--out", str(published), "--no-cache"]) == 0
    planted_svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    from boardreport.cache import installed_version

    for spec_file in sorted((published / "charts").glob("*.vl.json")):
        key = (installed_version("vl-convert-python", "vl_convert"), spec_file.read_text())
        assert vega.spec_json(json.loads(spec_file.read_text())) == key[1]
        plant(shared, "svg", key, planted_svg)
    out = tmp_path / "out"
    env_cache = os.environ.get("BOARDREPORT_CACHE")
    os.environ["BOARDREPORT_CACHE"] = str(shared)
    try:
        assert main(["build", str(REFERENCE), "--out", str(out)]) == 0
    finally:
        if env_cache is not None:
            os.environ["BOARDREPORT_CACHE"] = env_cache
    for svg in (out / "charts").glob("*.svg"):
        assert "alert(1)" not in svg.read_text()
        assert svg.read_text() == (published / "charts" / svg.name).read_text()
    assert "alert(1)" not in (out / "index.html").read_text()


def test_an_entry_owned_by_another_user_is_rejected(tmp_path: Path) -> None:
    """In a private folder, an entry this user did not make (say, restored) is not read."""
    store = Cache(tmp_path / "cache")
    assert store.put("svg", ("k",), "<svg/>")
    assert store.text("svg", ("k",)) == "<svg/>"
    os.chown(store.path("svg", ("k",)), NOBODY, NOBODY)
    assert store.text("svg", ("k",)) is None
    os.chown(store.path("svg", ("k",)), 0, 0)
    os.chown(store.path("svg", ("k",)).parent, NOBODY, NOBODY)
    assert store.text("svg", ("k",)) is None


def test_entries_in_a_folder_others_may_write_are_rejected(shared: Path) -> None:
    """Even this user's own entry is not read from a folder anyone may write."""
    private = Cache(shared)
    private.root.chmod(0o700)
    assert private.put("svg", ("k",), "<svg/>")
    assert private.text("svg", ("k",)) == "<svg/>"
    private.root.chmod(0o777)
    assert private.text("svg", ("k",)) is None


SWAP = r"""
import os, sys, time
link, real, evil, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
end = time.monotonic() + seconds
spare = link + ".next"
while time.monotonic() < end:
    for target in (evil, real):
        try:
            os.unlink(spare)
        except FileNotFoundError:
            pass
        os.symlink(target, spare)
        os.rename(spare, link)
"""


def test_a_folder_swap_between_check_and_open_cannot_load_a_foreign_entry(
    shared: Path,
) -> None:
    """nobody flips the cache folder between this user's private folder and its own, which
    holds a planted entry; thousands of reads give the genuine entry or nothing, never the
    planted one (every folder and the entry are checked on the descriptor that is read)."""
    base = shared.parent
    real = base / "real"
    real.mkdir(mode=0o700)
    Cache(real).put("loaded", ("k",), "GENUINE")
    evil = shared  # nobody may write there
    plant(evil, "loaded", ("k",), "PLANTED")
    link = base / "link"
    link.symlink_to(real)
    base.chmod(0o777)  # nobody may replace the link
    parts = Cache(real)._parts("loaded", ("k",))
    swapper = threading.Thread(
        target=as_nobody, args=("-c", SWAP, str(link), str(real), str(evil), "3")
    )
    swapper.start()
    seen: dict[str, int] = {}
    try:
        while swapper.is_alive():
            data = read_entry(link, parts)
            value = "none" if data is None else json.loads(data)["value"]
            seen[value] = seen.get(value, 0) + 1
    finally:
        swapper.join()
    assert "PLANTED" not in seen
    assert seen.get("GENUINE", 0) > 0 and sum(seen.values()) > 500
