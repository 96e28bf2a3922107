"""Time the phases of a check and a build of one report, in one fresh process, nothing cached.

Usage::

    python benchmarks/phases.py REPORT_FOLDER

Prints JSON: a list of [phase, seconds, peak resident megabytes so far] in the order they run.
The process starts with an empty cache folder (``BOARDREPORT_CACHE`` should name one) except for
the script bundle, which the HTML page inlines from it; every other phase does its full work,
one after another: this is where the time of a cold ``boardreport check`` and ``boardreport
build`` goes (a build draws the charts in a worker process while it renders the pages).
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path

_started = time.perf_counter()
_STATUS = Path("/proc/self/status")


def peak_megabytes() -> float:
    """The peak resident memory of this process image so far, in megabytes.

    Linux's ``VmHWM`` starts afresh at exec; ``ru_maxrss`` would also count the memory of the
    process this one was forked from.
    """
    if _STATUS.exists():
        match = re.search(r"^VmHWM:\s+(\d+) kB", _STATUS.read_text(encoding="ascii"), re.M)
        if match:
            return int(match.group(1)) * 1024 / 1_000_000
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1_000_000


def main(folder: str) -> list[tuple[str, float, float]]:
    """Run each phase once; return its wall time and the process's peak memory after it."""
    phases: list[tuple[str, float, float]] = []
    mark = _started

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        phases.append((name, now - mark, peak_megabytes()))
        mark = now

    import boardreport  # noqa: F401

    lap("import boardreport (attrs and the model classes)")
    from boardreport.io import load_with_sources

    lap("import the loader (tomli, cattrs)")
    report, sources = load_with_sources(folder)
    lap("load: parse TOML and structure it with cattrs")
    from boardreport.rules import check

    lap("import the rule packs")
    result = check(report, sources=sources)
    lap("run the rules and give findings their lines")
    from boardreport.render import html, markdown, vega

    lap("import the renderers (Jinja2, markdown-it-py)")
    specs = vega.render_vega(report)
    lap("chart specifications (import Altair, build and validate)")
    svgs = {chart_id: vega.chart_svg(spec) for chart_id, spec in specs.items()}
    lap(f"chart drawings ({len(svgs)} SVGs with vl-convert, its engine started)")
    markdown.render_markdown(report, result.findings, evidence=result.evidence)
    lap("Markdown page (prose made safe with markdown-it-py)")
    from boardreport.cache import default_cache

    html.render_html(
        report,
        result.findings,
        evidence=result.evidence,
        specs=specs,
        svgs=svgs,
        cache=default_cache(),  # holds only the script bundle, as a cold build's does
    )
    lap("HTML page (prose rendered with markdown-it-py, the kept script bundle inlined)")
    return phases


if __name__ == "__main__":
    json.dump(main(sys.argv[1]), sys.stdout)
    sys.stdout.write("\n")
