"""The robustness oracle: every input ends as a valid report or a located load error.

``load_outcome`` and ``loads_outcome`` run the loader (and, on a valid report, the checker and
a dump/load round trip) under a hang guard, assert what the outcome must look like and count
it in ``OUTCOMES`` for the session summary. Any other exception propagates and fails the test.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import signal
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType

import boardreport
from boardreport import cli
from boardreport.errors import LoadError, Problem
from boardreport.io import load_with_sources
from boardreport.io._load import MAX_MESSAGE, MAX_PROBLEMS
from boardreport.model import Report

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "robustness" / "report"
REFERENCE = ROOT / "reports" / "wolverhampton_2014_15"

HANG_SECONDS = 60.0
"""No single input may take longer than this (a loaded machine is far slower than a free one)."""

OUTCOMES: Counter[str] = Counter()
"""Outcomes of every fuzzed input this session, keyed ``"<source>:<outcome>"``."""

# Problems about a whole file (or the whole load) carry no data path; every other one must.
_FILE_LEVEL = (
    "TOML syntax error",
    "TOML nesting is too deep",
    "TOML value cannot be read",
    "a table header has more than",
    "file is ",
    "text is ",
    f"more than {MAX_PROBLEMS} problems",
    "no report.toml in ",
    "no such file: ",
)
# The checker turns a crashing rule into a finding with this text; that is a bug, not a finding.
_RULE_CRASH = "could not check this report"


class InputHung(BaseException):
    """An input took longer than HANG_SECONDS (a BaseException, so no ``except Exception``
    in the code under test can swallow it)."""


@contextlib.contextmanager
def time_limit(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Raise InputHung in the block when it runs longer than ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise InputHung(f"no outcome within {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _line_count(file: Path, texts: Mapping[Path, str]) -> int | None:
    if file in texts:
        text = texts[file]
    else:
        try:
            text = file.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return None
    return text.count("\n") + 1


def assert_located(exc: LoadError, texts: Mapping[Path, str] | None = None) -> None:
    """Assert that every problem of ``exc`` names a file, a plausible line and a data path."""
    texts = texts or {}
    assert exc.problems, "a LoadError without problems"
    assert len(exc.problems) <= MAX_PROBLEMS + 1
    for problem in exc.problems:
        assert isinstance(problem, Problem)
        assert problem.file is not None, f"problem without a file: {problem}"
        assert isinstance(problem.message, str)
        assert problem.message.strip(), f"problem without a message: {problem!r}"
        assert len(problem.message) <= MAX_MESSAGE
        assert isinstance(problem.path, str)
        assert len(problem.path) <= MAX_MESSAGE
        about_itself = problem.message.endswith(str(problem.file))  # the root file unreadable
        if not problem.message.startswith(_FILE_LEVEL) and not about_itself:
            assert problem.path, f"problem without a data path: {problem}"
        if problem.line is not None:
            assert isinstance(problem.line, int)
            assert problem.line >= 1, f"line below 1: {problem}"
            count = _line_count(Path(problem.file), texts)
            if count is not None:
                assert problem.line <= count, f"line past the end ({count} lines): {problem}"
        assert str(problem).startswith(str(problem.file))


def assert_sound(report: Report, sources: object | None = None) -> None:
    """Assert that a valid report checks without a crashing rule and survives a round trip."""
    from boardreport.io import SourceMap
    from boardreport.rules import check

    assert isinstance(report, Report)
    result = check(report, sources=sources if isinstance(sources, SourceMap) else None)
    crashed = [f for f in result.findings if _RULE_CRASH in f.message]
    assert not crashed, f"a rule crashed: {crashed[0].message}"
    for finding in result.findings:
        assert finding.line is None or finding.line >= 1
    again = boardreport.loads(boardreport.dumps(report))
    assert again == report, "the report changed in a dump/load round trip"


def loads_outcome(text: str, source: str) -> str:
    """Load one TOML document; return ``"valid"`` or ``"load_error"`` after checking it."""
    with time_limit():
        try:
            report = boardreport.loads(text)
        except LoadError as exc:
            assert_located(exc, {Path("<string>"): text})
            outcome = "load_error"
        else:
            assert_sound(report)
            outcome = "valid"
    OUTCOMES[f"{source}:{outcome}"] += 1
    return outcome


def load_outcome(folder: Path, source: str) -> str:
    """Load a report folder; return ``"valid"`` or ``"load_error"`` after checking it."""
    with time_limit():
        try:
            report, sources = load_with_sources(folder)
        except LoadError as exc:
            assert_located(exc)
            outcome = "load_error"
        else:
            assert_sound(report, sources)
            outcome = "valid"
    OUTCOMES[f"{source}:{outcome}"] += 1
    return outcome


def cli_outcome(folder: Path, source: str) -> str:
    """Run ``boardreport check`` in-process; a load error must exit 2 with located findings."""
    out, err = io.StringIO(), io.StringIO()
    with time_limit(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(folder)])
    stderr = err.getvalue()
    assert "Traceback" not in stderr
    try:
        boardreport.load(folder)
    except LoadError as exc:
        assert code == 2, f"exit {code} for a report that does not load"
        stdout = out.getvalue()
        for problem in exc.problems:  # each load problem is a located LOAD-001 finding
            where = str(problem.file) if problem.file is not None else "<report>"
            if problem.line:
                where += f":{problem.line}"
            assert f"{where}: LOAD-001 error {problem.message}" in stdout
        outcome = "load_error"
    else:
        assert code in (0, 1), f"exit {code} for a report that loads"
        outcome = "valid"
    OUTCOMES[f"{source}:{outcome}"] += 1
    return outcome


MEMORY_BYTES = 3 * 1024**3
"""Most memory the test process may ever have used (its peak resident size) after an input."""
_HANG = "was not drawn within"
"""The chart engine's own time limit ran out: a hang, not a located error."""


def _peak_memory() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def build_outcome(folder: Path, out: Path, source: str) -> str:
    """Load, check and build a report folder in process, as ``boardreport build`` does.

    Returns ``"built"``, ``"load_error"`` (every problem located) or ``"render_error"`` (a
    chart that cannot be drawn, located at its file and line). Anything else fails: any other
    exception, an input that takes longer than HANG_SECONDS or a chart the engine did not
    finish, a crashing rule, or the process's peak memory passing MEMORY_BYTES.
    """
    from boardreport.errors import RenderError
    from boardreport.output import write_output
    from boardreport.pipeline import render_files
    from boardreport.render.vega import ChartError
    from boardreport.rules import check

    with time_limit():
        try:
            report, sources = load_with_sources(folder)
        except LoadError as exc:
            assert_located(exc)
            outcome = "load_error"
        else:
            result = check(report, sources=sources)
            crashed = [f for f in result.findings if _RULE_CRASH in f.message]
            assert not crashed, f"a rule crashed: {crashed[0].message}"
            try:
                files = render_files(report, result, ("md", "html", "vega"))
            except ChartError as exc:
                assert _HANG not in str(exc), str(exc)
                file, line = sources.locate(exc.path)
                assert file is not None and line is not None, f"unlocated: {exc}"
                outcome = "render_error"
            except RenderError as exc:
                raise AssertionError(f"a render error that names no chart: {exc}") from exc
            else:
                write_output(out, files)
                assert (out / "report.md").is_file() and (out / "index.html").is_file()
                outcome = "built"
    assert _peak_memory() < MEMORY_BYTES, f"peak memory {_peak_memory():,} bytes"
    OUTCOMES[f"{source}:{outcome}"] += 1
    return outcome


def read_report(folder: Path) -> dict[str, bytes]:
    """Return every TOML file of a report folder, keyed by its path relative to the folder."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*.toml"))
    }


def write_report(folder: Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` (as from read_report) under ``folder`` and return it."""
    if folder.exists():
        shutil.rmtree(folder)
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def loads_cleanly(folder: Path) -> bool:
    """True when the report in ``folder`` loads."""
    try:
        boardreport.load(folder)
    except LoadError:
        return False
    return True
