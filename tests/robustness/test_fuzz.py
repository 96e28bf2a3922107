"""Fuzzing: every input ends as a valid report or a located load error, never anything else.

The fast profile runs a few hundred inputs on every test run; the tests marked ``slow`` run
the long profile (more than 10,000 inputs through load, check and build alone) with
``pytest tests/robustness --long``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ._strategies import junk_documents, model_mutated, mutated, shaped_documents, toml_text
from ._support import (
    FIXTURE,
    REFERENCE,
    build_outcome,
    cli_outcome,
    load_outcome,
    loads_cleanly,
    loads_outcome,
    read_report,
    write_report,
)

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
"""A failing input is shown whole, however long its strings (Hypothesis warns of a long one)."""

_FAST = {"random": 200, "fixture": 150, "reference": 12, "cli": 20, "build": 60}
_LONG = {"random": 4000, "fixture": 4000, "reference": 1500, "cli": 500, "build": 10_500}


def _settings(examples: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
        ],
    )


_FIXTURE_FILES = read_report(FIXTURE)

_documents = st.one_of(
    shaped_documents.map(toml_text),
    junk_documents.map(toml_text),
    st.text(max_size=200),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], Path]]:
    """A fresh empty folder per fuzzed input, removed when the input is done."""
    base = tmp_path_factory.mktemp("fuzz")
    holders: list[tempfile.TemporaryDirectory[str]] = []

    def fresh() -> Path:
        while holders:
            holders.pop().cleanup()
        holder = tempfile.TemporaryDirectory(dir=base)
        holders.append(holder)
        return Path(holder.name) / "report"

    yield fresh
    while holders:
        holders.pop().cleanup()


@pytest.fixture(scope="module")
def reference_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A snapshot of the reference report's TOML files; skips while that snapshot does not load
    (the reference report is still being written)."""
    files = read_report(REFERENCE) if REFERENCE.is_dir() else {}
    if not files or not loads_cleanly(write_report(tmp_path_factory.mktemp("ref") / "r", files)):
        pytest.skip("the reference report does not load yet")
    return files


def _random_documents(text: str | None) -> None:
    assume(text is not None)
    assert text is not None
    assert loads_outcome(text, "random") in ("valid", "load_error")


def _mutated_folder(files: dict[str, bytes], folder: Path, source: str) -> None:
    write_report(folder, files)
    assert load_outcome(folder, source) in ("valid", "load_error")


@_settings(_FAST["random"])
@given(text=_documents)
def test_random_documents(text: str | None) -> None:
    """Random TOML documents (junk, and report-shaped with odd values) load or fail located."""
    _random_documents(text)


@pytest.mark.slow
@_settings(_LONG["random"])
@given(text=_documents)
def test_random_documents_long(text: str | None) -> None:
    """The long profile of test_random_documents."""
    _random_documents(text)


@_settings(_FAST["fixture"])
@given(files=mutated(_FIXTURE_FILES))
def test_mutated_fixture(files: dict[str, bytes], scratch: Callable[[], Path]) -> None:
    """The fixture report, mutated (bytes, lines, values, keys, parts), loads or fails located."""
    _mutated_folder(files, scratch(), "fixture")


@pytest.mark.slow
@_settings(_LONG["fixture"])
@given(files=mutated(_FIXTURE_FILES))
def test_mutated_fixture_long(files: dict[str, bytes], scratch: Callable[[], Path]) -> None:
    """The long profile of test_mutated_fixture."""
    _mutated_folder(files, scratch(), "fixture")


@_settings(_FAST["reference"])
@given(data=st.data())
def test_mutated_reference(
    data: st.DataObject, reference_files: dict[str, bytes], scratch: Callable[[], Path]
) -> None:
    """A copy of the reference report, mutated, loads and checks or fails with located errors."""
    _mutated_folder(data.draw(mutated(reference_files)), scratch(), "reference")


@pytest.mark.slow
@_settings(_LONG["reference"])
@given(data=st.data())
def test_mutated_reference_long(
    data: st.DataObject, reference_files: dict[str, bytes], scratch: Callable[[], Path]
) -> None:
    """The long profile of test_mutated_reference."""
    _mutated_folder(data.draw(mutated(reference_files)), scratch(), "reference")


@_settings(_FAST["cli"])
@given(files=mutated(_FIXTURE_FILES))
def test_cli_on_mutated_fixture(files: dict[str, bytes], scratch: Callable[[], Path]) -> None:
    """`boardreport check` on a mutated report exits 2 with located messages, no traceback."""
    folder = write_report(scratch(), files)
    assert cli_outcome(folder, "cli") in ("valid", "load_error")


@pytest.mark.slow
@_settings(_LONG["cli"])
@given(files=mutated(_FIXTURE_FILES))
def test_cli_on_mutated_fixture_long(files: dict[str, bytes], scratch: Callable[[], Path]) -> None:
    """The long profile of test_cli_on_mutated_fixture."""
    folder = write_report(scratch(), files)
    assert cli_outcome(folder, "cli") in ("valid", "load_error")


def _built(files: dict[str, bytes], folder: Path, source: str) -> None:
    write_report(folder, files)
    assert build_outcome(folder, folder.parent / "out", source) in (
        "built",
        "load_error",
        "render_error",
    )


@_settings(_FAST["build"])
@given(files=model_mutated(_FIXTURE_FILES))
def test_model_mutated_fixture_loads_checks_and_builds(
    files: dict[str, bytes], scratch: Callable[[], Path]
) -> None:
    """The fixture report with its data changed (values of another TOML kind, extreme and
    special numbers, long and odd strings, keys removed or renamed) is loaded, checked and
    built: it builds, or fails with located errors; no traceback, hang or memory blow-up."""
    _built(files, scratch(), "build")


@pytest.mark.slow
@_settings(_LONG["build"])
@given(files=model_mutated(_FIXTURE_FILES))
def test_model_mutated_fixture_loads_checks_and_builds_long(
    files: dict[str, bytes], scratch: Callable[[], Path]
) -> None:
    """The long profile of test_model_mutated_fixture_loads_checks_and_builds."""
    _built(files, scratch(), "build")


@_settings(_FAST["reference"])
@given(data=st.data())
def test_model_mutated_reference_loads_checks_and_builds(
    data: st.DataObject, reference_files: dict[str, bytes], scratch: Callable[[], Path]
) -> None:
    """The reference report, its data changed the same way, loads, checks and builds."""
    _built(data.draw(model_mutated(reference_files)), scratch(), "build-reference")


def test_unmutated_fixture_builds(scratch: Callable[[], Path]) -> None:
    """The build oracle builds the unmutated fixture report."""
    folder = write_report(scratch(), _FIXTURE_FILES)
    assert build_outcome(folder, folder.parent / "out", "baseline") == "built"


def test_unmutated_fixture_is_valid(scratch: Callable[[], Path]) -> None:
    """The oracle accepts the unmutated fixture report as a valid report."""
    assert load_outcome(write_report(scratch(), _FIXTURE_FILES), "baseline") == "valid"


def test_unmutated_reference_is_valid(
    reference_files: dict[str, bytes], scratch: Callable[[], Path]
) -> None:
    """The oracle accepts the unmutated reference report as valid (checked, round-tripped)."""
    assert load_outcome(write_report(scratch(), reference_files), "baseline") == "valid"


def test_oracle_sees_a_load_error(scratch: Callable[[], Path]) -> None:
    """The oracle classifies a report with a wrong value as a located load error."""
    files = dict(_FIXTURE_FILES)
    files["report.toml"] = files["report.toml"].replace(
        b"period_start = 2014-04-01", b"period_start = 1"
    )
    assert load_outcome(write_report(scratch(), files), "baseline") == "load_error"
