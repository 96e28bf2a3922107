"""Laying out the print page as a PDF with WeasyPrint, in a child process of its own.

WeasyPrint's layout of a long report takes far more memory than the rest of a build, and the
chart engine and the loaded report are already in the build's process; laying the PDF out in
a child keeps every process of a build small, and the memory is returned when the child ends.
Run as ``python -m boardreport.render._pdf_draw``: reads ``{"page": ..., "titles": {...}}`` as
JSON on standard input and writes the finished PDF's bytes to standard output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping

from boardreport.errors import RenderError

MISSING_LIBRARIES = 3
"""The child's exit code when WeasyPrint or its system libraries cannot be imported."""


def draw(page: str, link_titles: Mapping[str, str]) -> bytes:
    """Lay ``page`` out as a tagged PDF in a child process; return the PDF's bytes.

    Raises:
        RenderError: when WeasyPrint's libraries are missing or the layout fails.
    """
    request = json.dumps({"page": page, "titles": dict(link_titles)}).encode("utf-8")
    # -P: the current folder (a report's) is never searched for modules
    done = subprocess.run(
        [sys.executable, "-P", "-m", __name__],
        input=request,
        capture_output=True,
        check=False,
    )
    problem = done.stderr.decode("utf-8", errors="replace").strip()
    if done.returncode == MISSING_LIBRARIES:
        raise RenderError(problem)
    if done.returncode != 0 or not done.stdout.startswith(b"%PDF"):
        last = problem.splitlines()[-1] if problem else f"exit code {done.returncode}"
        msg = f"the PDF could not be laid out: {last}"
        raise RenderError(msg)
    return done.stdout


def main() -> int:
    """Read the request on standard input, write the PDF to standard output."""
    from boardreport.render import pdf
    from boardreport.render._pdf_tags import finish

    request = json.loads(sys.stdin.buffer.read())
    try:
        weasyprint = pdf._weasyprint()
    except RenderError as exc:
        sys.stderr.write(f"{exc}\n")
        return MISSING_LIBRARIES
    document = weasyprint.HTML(string=request["page"], url_fetcher=pdf._fetcher())
    drawn: bytes = document.write_pdf(pdf_variant=pdf.PDF_VARIANT, pdf_identifier=None)
    sys.stdout.buffer.write(finish(drawn, request["titles"]))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
