"""The floor for turning Markdown into an HTML page in Python: markdown-it-py plus Jinja2.

Usage: ``python benchmarks/md2html.py REPORT.md OUT.html``. CommonMark with tables, into a
minimal accessible page template. benchmarks/run.py runs it as its own process.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt

PAGE = """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
</head>
<body>
<main>
{{ body | safe }}
</main>
</body>
</html>
"""


def convert(markdown: str) -> str:
    """Return ``markdown`` as a whole HTML page."""
    body = MarkdownIt("commonmark").enable("table").render(markdown)
    title = next(
        (line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("# ")),
        "Report",
    )
    template = jinja2.Environment(autoescape=True).from_string(PAGE)
    return template.render(lang="en-GB", title=title, body=body)


def main(argv: list[str]) -> int:
    """Convert the file named first into the file named second."""
    if len(argv) != 2:
        sys.stderr.write("usage: md2html.py REPORT.md OUT.html\n")
        return 2
    source, target = (Path(a) for a in argv)
    target.write_text(convert(source.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
