"""The floor for this toolchain: the same charts and pages with the libraries alone.

Usage: ``python benchmarks/plain.py CHARTS_FOLDER REPORT.md OUT_FOLDER``. Reads every
``*.vl.json`` specification a build wrote, makes each chart again with Altair (built from the
specification and validated against the Vega-Lite schema) and draws it to SVG with vl-convert,
then turns the built ``report.md`` into an HTML page with markdown-it-py and Jinja2 (as
benchmarks/md2html.py does) with the drawings inlined. benchmarks/run.py runs it as its own
process and compares a build with nothing cached against it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import altair as alt
import md2html
import vl_convert


def draw(spec: dict[str, object]) -> str:
    """Make ``spec`` an Altair chart (validated) and draw it to SVG."""
    chart = alt.Chart.from_dict(spec, validate=True) if "mark" in spec else None
    made = chart.to_dict() if chart is not None else spec
    svg: str = vl_convert.vegalite_to_svg(made)
    return svg


def main(argv: list[str]) -> int:
    """Draw the charts in the folder named first; page the Markdown named second."""
    if len(argv) != 3:
        sys.stderr.write("usage: plain.py CHARTS_FOLDER REPORT.md OUT_FOLDER\n")
        return 2
    charts, markdown, out = (Path(a) for a in argv)
    out.mkdir(parents=True, exist_ok=True)
    svgs = []
    for path in sorted(charts.glob("*.vl.json")):
        svg = draw(json.loads(path.read_text(encoding="utf-8")))
        (out / path.name.replace(".vl.json", ".svg")).write_text(svg, encoding="utf-8")
        svgs.append(svg)
    page = md2html.convert(markdown.read_text(encoding="utf-8"))
    page = page.replace("</main>", "\n".join(svgs) + "\n</main>")
    (out / "index.html").write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
