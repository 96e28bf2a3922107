"""Check or build many reports at once, one worker process per core.

A regional or national team checks every board's report together. :func:`check_many` and
:func:`build_many` spread the reports over a :class:`~concurrent.futures.ProcessPoolExecutor`
and give back one outcome per report, in the order the paths were given. A report that cannot
be loaded gives an outcome holding its problems; it never stops the others. ``jobs=1`` works
in this process, ``jobs=0`` uses every core.

``boardreport check`` and ``boardreport build`` with several reports and ``--jobs N`` use them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import frozen

from boardreport.errors import BoardReportError, LoadError, Problem
from boardreport.rules import CheckResult, Counts, Finding, check, resolve_selection
from boardreport.rules._editions import EditionChoice
from boardreport.rules._registry import REGISTRY

if TYPE_CHECKING:  # imported when workers are started: `boardreport check` of one report is quicker
    from multiprocessing.context import BaseContext

_T = TypeVar("_T")
_R = TypeVar("_R")


@frozen(kw_only=True)
class Checked:
    """The outcome of checking one report: its result, or the problems that stopped loading."""

    path: str
    result: CheckResult | None
    problems: tuple[Problem, ...] = ()

    @property
    def error(self) -> LoadError | None:
        """The load error to raise or print, when the report could not be loaded."""
        return LoadError(list(self.problems)) if self.result is None else None


@frozen(kw_only=True)
class _Wire:
    """What a worker sends back: only plain, picklable data."""

    path: str
    findings: tuple[Finding, ...] = ()
    evidence: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    loaded: bool = True
    edition: EditionChoice | None = None


def workers(jobs: int, tasks: int) -> int:
    """Return how many worker processes ``jobs`` asks for: 0 means one per core.

    Never more workers than tasks, never fewer than one.

    Raises:
        ValueError: when ``jobs`` is negative.
    """
    if jobs < 0:
        msg = f"jobs must be 0 (every core) or more: {jobs}"
        raise ValueError(msg)
    wanted = jobs or os.cpu_count() or 1
    return max(1, min(wanted, tasks))


def _map(
    fn: Callable[..., _R],
    items: Sequence[_T],
    jobs: int,
    *args: Any,
    prepare: Callable[[], None],
    done: Callable[[int], None] | None = None,
) -> list[_R]:
    """Apply ``fn(item, *args)`` to every item, in order, on ``jobs`` processes.

    ``done`` is called with the number of items finished so far, after each one.
    """
    count = workers(jobs, len(items))
    prepare()  # done once here: forked workers inherit the imports and caches
    if count == 1:
        return _collect((fn(item, *args) for item in items), done)
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(items) // (count * 4))
    repeated = [[a] * len(items) for a in args]
    with ProcessPoolExecutor(max_workers=count, mp_context=_context()) as pool:
        return _collect(pool.map(fn, items, *repeated, chunksize=chunk), done)


def _collect(results: Iterable[_R], done: Callable[[int], None] | None) -> list[_R]:
    collected: list[_R] = []
    for result in results:
        collected.append(result)
        if done is not None:
            done(len(collected))
    return collected


def _context() -> BaseContext:
    """Fork where it is safe: it shares the parent's imports, so workers start at once.

    vl-convert runs a multi-threaded JavaScript engine, which a forked child must not inherit;
    once it is imported here, workers come from a fresh server process instead.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and "vl_convert" not in sys.modules:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


# ---------------------------------------------------------------------------------------------
# check


def _check_one(
    path: str, select: tuple[str, ...], ignore: tuple[str, ...], framework: str | None
) -> _Wire:
    from boardreport.io import load_with_sources

    try:
        report, sources = load_with_sources(path)
    except LoadError as exc:
        return _Wire(path=path, problems=tuple(exc.problems), loaded=False)
    result = check(report, select=select, ignore=ignore, sources=sources, framework=framework)
    return _Wire(
        path=path,
        findings=result.findings,
        evidence=tuple(result.evidence.items()),
        rules=tuple(rule.id for rule in result.rules),
        edition=result.edition,
    )


def _prepare_check() -> None:
    resolve_selection(())  # imports every rule pack


def _unwire(wire: _Wire) -> Checked:
    if not wire.loaded:
        return Checked(path=wire.path, result=None, problems=wire.problems)
    result = CheckResult(
        findings=wire.findings,
        evidence=MappingProxyType(dict(wire.evidence)),
        rules=tuple(REGISTRY[rule_id] for rule_id in wire.rules),
        edition=wire.edition,
    )
    return Checked(path=wire.path, result=result)


def check_many(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int = 0,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    framework: str | None = None,
) -> list[Checked]:
    """Check every report in ``paths`` on ``jobs`` processes (0: every core); ``framework``
    overrides the edition each report selects.

    Each report gets exactly what :func:`boardreport.rules.check` gives it, with the findings
    located in its files. The outcomes come back in the order of ``paths``.

    Raises:
        UnknownRuleError: when ``select`` or ``ignore`` names no rule or pack.
        ValueError: when ``jobs`` is negative.
    """
    chosen, skipped = tuple(select), tuple(ignore)
    resolve_selection(chosen)
    resolve_selection(skipped)
    items = [os.fspath(p) for p in paths]
    wires = _map(_check_one, items, jobs, chosen, skipped, framework, prepare=_prepare_check)
    return [_unwire(wire) for wire in wires]


# ---------------------------------------------------------------------------------------------
# build


@frozen(kw_only=True)
class Built:
    """The outcome of building one report: where it went, or why it could not be built.

    ``files`` are the written paths relative to ``out``; ``counts`` is the check summary the
    build printed in its notes. ``problems`` are load problems, ``error`` any other failure.
    """

    path: str
    out: Path
    files: tuple[str, ...] = ()
    counts: Counts | None = None
    problems: tuple[Problem, ...] = ()
    error: str = ""

    @property
    def ok(self) -> bool:
        """True when every file was written."""
        return not self.problems and not self.error


def output_folders(paths: Sequence[str], out_root: Path) -> list[Path]:
    """Return one output folder under ``out_root`` per report: its folder name, made unique.

    A name that two reports share gets ``-2``, ``-3`` … on its later uses.
    """
    from boardreport.io import root_file

    seen: dict[str, int] = {}
    folders = []
    for path in paths:
        name = root_file(path).parent.resolve().name or "report"
        seen[name] = seen.get(name, 0) + 1
        folders.append(out_root / (name if seen[name] == 1 else f"{name}-{seen[name]}"))
    return folders


def _build_one(
    job: tuple[str, Path],
    formats: tuple[str, ...],
    use_cache: bool,
    force: bool,
    framework: str | None,
    author_notes: bool,
) -> Built:
    from boardreport.cache import default_cache
    from boardreport.pipeline import build

    path, out = job
    try:
        built = build(
            path,
            out=out,
            formats=formats,
            cache=default_cache() if use_cache else None,
            force=force,
            framework=framework,
            author_notes=author_notes,
        )
    except LoadError as exc:
        return Built(path=path, out=out, problems=tuple(exc.problems))
    except (BoardReportError, OSError) as exc:
        return Built(path=path, out=out, error=str(exc))
    except Exception as exc:  # one report's crash (say, in vl-convert) must not stop the others
        return Built(path=path, out=out, error=f"{type(exc).__name__}: {exc}")
    return Built(path=path, out=out, files=tuple(sorted(built.files)), counts=built.result.counts)


def _prepare_build() -> None:
    # Import (never run) the renderers here so that forked workers share them. vl-convert's
    # JavaScript runtime is started only inside the workers: it must not be forked.
    import boardreport.pipeline
    import boardreport.render
    import boardreport.render.vega  # noqa: F401

    _prepare_check()


def build_many(
    paths: Iterable[str | os.PathLike[str]],
    out_root: str | os.PathLike[str],
    jobs: int = 0,
    *,
    formats: Iterable[str] = ("md", "html", "vega"),
    use_cache: bool = True,
    force: bool = False,
    framework: str | None = None,
    author_notes: bool = False,
) -> list[Built]:
    """Build every report in ``paths`` into its own folder under ``out_root``.

    Each folder holds exactly what ``boardreport build PATH --out FOLDER`` writes; folders are
    named by :func:`output_folders`. With ``use_cache`` the reports share the user's cache
    (:func:`boardreport.cache.default_cache`); ``framework`` overrides every report's edition.
    The outcomes come back in the order of ``paths``.

    Raises:
        ValueError: when ``jobs`` is negative.
    """
    items = [os.fspath(p) for p in paths]
    jobs_list = list(zip(items, output_folders(items, Path(out_root)), strict=True))
    return _map(
        _build_one,
        jobs_list,
        jobs,
        tuple(formats),
        use_cache,
        force,
        framework,
        author_notes,
        prepare=_prepare_build,
    )
