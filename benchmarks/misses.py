"""Profile one figure of the benchmark that missed its budget: where its time or memory goes.

Usage::

    python benchmarks/misses.py check REPORT_FOLDER
    python benchmarks/misses.py edit-build REPORT_FOLDER OUT_FOLDER
    python benchmarks/misses.py serve REPORT_FOLDER
    python benchmarks/misses.py pdf-memory REPORT_FOLDER

Prints JSON: ``{"total": ..., "unit": "ms" | "MB", "rows": [[what, amount], ...]}``.
``check`` and ``edit-build`` run ``boardreport check`` / ``build --format md,html,vega``
under cProfile in this process (``BOARDREPORT_CACHE`` names the cache the benchmark uses; for
``edit-build`` the report's first prose file is edited first, as the edit loop does);
``serve`` rebuilds a served report after a one-file prose edit under cProfile; each row is
the cumulative time of one step, and steps nest (the rows do not add up). cProfile slows
Python code down, so the milliseconds are larger than the figure itself; their shares are
what counts. ``pdf-memory`` lays the reference report's PDF out the way the build's layout
child does and gives the child's peak memory after each step.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Step = tuple[str, str, str]
"""(what, the end of the function's file name, the function's name)."""

IMPORTS: Step = (
    "imports (module code run when imported)",
    "<frozen importlib._bootstrap>",
    "_find_and_load",
)
LOAD: list[Step] = [
    ("load: reuse or parse and structure the TOML", "boardreport/io/_reuse.py", "load_reusing"),
    (
        "… of it, parse and structure the files (TOML, cattrs)",
        "boardreport/io/_load.py",
        "load_with_sources",
    ),
    (
        "… of it, keep the load for the next run (line indexes, JSON)",
        "boardreport/io/_reuse.py",
        "keep",
    ),
]
RULES: Step = ("run the rules", "boardreport/rules/_engine.py", "check")
PAGES: list[Step] = [
    ("chart specifications (from the cache)", "boardreport/pipeline.py", "specs"),
    ("chart drawings (from the cache)", "boardreport/pipeline.py", "svgs"),
    ("template context", "boardreport/render/_context.py", "build_context"),
    ("Jinja2: templates compiled from source", "jinja2/environment.py", "compile"),
    ("Markdown page", "boardreport/render/markdown.py", "render_markdown"),
    ("HTML page", "boardreport/render/html.py", "render_html"),
    ("write the output folder", "boardreport/output.py", "write_output"),
]


def _cumulative(stats: pstats.Stats, steps: Sequence[Step]) -> list[list[Any]]:
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    rows = []
    for label, suffix, name in steps:
        seconds = sum(
            entry[3]
            for (file, _, function), entry in table.items()
            if function == name and file.endswith(suffix)
        )
        rows.append([label, round(seconds * 1000, 1)])
    return rows


def _profiled(run: Callable[[], object]) -> tuple[float, pstats.Stats]:
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    run()
    profile.disable()
    return time.perf_counter() - started, pstats.Stats(profile)


def _cli(arguments: list[str]) -> Callable[[], object]:
    def run() -> object:
        from boardreport.cli import main

        try:
            return main(arguments)
        except SystemExit as done:
            return done.code

    return run


def _edit(folder: Path, word: str) -> Path:
    """Put ``word`` first in the first prose text of the report's parts, as the edit loop does."""
    for path in sorted((folder / "parts").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        if 'type = "prose"' in text and 'text = """\n' in text:
            path.write_text(text.replace('text = """\n', f'text = """\n{word}. ', 1), "utf-8")
            return path
    msg = f"{folder} has no prose part to edit"
    raise SystemExit(msg)


def profile_check(folder: str) -> dict[str, Any]:
    """A cold ``boardreport check`` (the cache holds nothing but what the caller left)."""
    with Path(os.devnull).open("w", encoding="utf-8") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            total, stats = _profiled(_cli(["check", folder]))
        finally:
            sys.stdout = stdout
    steps = [
        IMPORTS,
        *LOAD,
        RULES,
        ("write the findings as text", "boardreport/commands/check.py", "_render"),
    ]
    return {"total": round(total * 1000, 1), "unit": "ms", "rows": _cumulative(stats, steps)}


def profile_edit_build(folder: str, out: str) -> dict[str, Any]:
    """``build`` after a one-file prose edit, its other files and drawings kept in the cache."""
    _edit(Path(folder), f"Profiled{time.time_ns() % 10_000:04d}")
    arguments = ["build", folder, "--out", out, "--format", "md,html,vega", "--force"]
    with Path(os.devnull).open("w", encoding="utf-8") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            total, stats = _profiled(_cli(arguments))
        finally:
            sys.stdout = stdout
    steps = [IMPORTS, *LOAD, RULES, *PAGES]
    return {"total": round(total * 1000, 1), "unit": "ms", "rows": _cumulative(stats, steps)}


def profile_serve(folder: str) -> dict[str, Any]:
    """One rebuild of a served report after a one-file prose edit (the watcher's work)."""
    from boardreport import serve
    from boardreport.cache import default_cache

    live = serve.LiveReport(Path(folder), default_cache())
    live.rebuild()
    for number in range(3):  # warm: the edited file's text has been parsed and rendered once
        _edit(Path(folder), f"Warm{number}")
        live.refresh()
    _edit(Path(folder), "Profiled")
    total, stats = _profiled(live.refresh)
    steps = [
        *LOAD,
        RULES,
        ("template context", "boardreport/render/_context.py", "build_context"),
        ("HTML page", "boardreport/render/html.py", "render_html"),
        ("rendered prose recalled and kept (JSON)", "boardreport/cache/_fragments.py", "recall"),
    ]
    rows = _cumulative(stats, steps)
    rows.append(["the watcher's interval (a save is seen within it)", serve.POLL_SECONDS * 1000])
    return {"total": round(total * 1000, 1), "unit": "ms", "rows": rows}


_MEMORY_CHILD = """
import gc, json, re, sys
def peak():
    status = open("/proc/self/status", encoding="ascii").read()
    return int(re.search(r"^VmHWM:\\s+(\\d+) kB", status, re.M).group(1)) * 1024 / 1e6
request = json.loads(sys.stdin.buffer.read())
rows = [["Python, the request read", peak()]]
from boardreport.render import _pdf_draw
weasyprint = _pdf_draw.weasyprint_module()
rows.append(["import WeasyPrint (Pango, HarfBuzz, fontTools, Pillow)", peak()])
document = weasyprint.HTML(string=request["page"], url_fetcher=_pdf_draw.fetcher()).render()
pages = len(document.pages)
rows.append([f"lay out the page ({pages} PDF pages: boxes and their computed styles)", peak()])
drawn = document.write_pdf(pdf_variant=_pdf_draw.PDF_VARIANT, pdf_identifier=None)
rows.append(["write the PDF with its PDF/UA structure tags", peak()])
del document
gc.collect()
from boardreport.render._pdf_tags import finish
finish(drawn, request["titles"])
rows.append(["finish the tags (pikepdf), the layout freed", peak()])
json.dump(rows, sys.stdout)
"""


def profile_pdf_memory(folder: str) -> dict[str, Any]:
    """Peak memory of the PDF's layout child after each of its steps."""
    from boardreport import pipeline
    from boardreport.render import _pdf_draw

    captured: dict[str, bytes] = {}

    def capture(page: str, titles: dict[str, str]) -> bytes:
        captured["request"] = json.dumps({"page": page, "titles": dict(titles)}).encode()
        return b"%PDF-"

    _pdf_draw.draw = capture  # type: ignore[assignment]
    pipeline.build(folder, formats=("pdf",), write=False, cache=None)
    done = subprocess.run(
        [sys.executable, "-P", "-c", _MEMORY_CHILD],
        input=captured["request"],
        capture_output=True,
        check=True,
    )
    rows = [[what, round(megabytes, 1)] for what, megabytes in json.loads(done.stdout)]
    return {"total": max(r[1] for r in rows), "unit": "MB", "rows": rows}


def main(argv: list[str]) -> int:
    """Run the profile named first on the folders that follow."""
    profiles: dict[str, Callable[..., dict[str, Any]]] = {
        "check": profile_check,
        "edit-build": profile_edit_build,
        "serve": profile_serve,
        "pdf-memory": profile_pdf_memory,
    }
    if not argv or argv[0] not in profiles:
        sys.stderr.write(f"usage: misses.py {{{','.join(profiles)}}} FOLDER [OUT]\n")
        return 2
    json.dump(profiles[argv[0]](*argv[1:]), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
