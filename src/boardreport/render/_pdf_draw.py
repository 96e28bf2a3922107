"""Laying out the print page as a PDF with WeasyPrint, in a child process of its own.

WeasyPrint's layout of a long report takes far more memory than the rest of a build, and the
chart engine and the loaded report are already in the build's process; laying the PDF out in
a child keeps every process of a build small, and the memory is returned when the child ends.
Run as ``python -m boardreport.render._pdf_draw``: reads ``{"page": ..., "titles": {...}}`` as
JSON on standard input and writes the finished PDF's bytes to standard output.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

from boardreport.errors import RenderError

MISSING_LIBRARIES = 3
"""The child's exit code when WeasyPrint or its system libraries cannot be imported."""
PDF_VARIANT = "pdf/ua-1"
"""PDF/UA-1 (ISO 14289-1): tagged structure, language, title shown, alternative texts."""
ALLOWED_URL_SCHEMES = frozenset({"data"})
"""The only URLs the PDF renderer reads: images inlined in the page itself."""
INSTALL_HINT = (
    "the PDF needs WeasyPrint's system libraries (Pango and HarfBuzz): run "
    "scripts/install-weasyprint.sh, or build without the PDF with --format md,html,vega"
)


def fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads ``data:`` URIs only and refuses every other URL."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=ALLOWED_URL_SCHEMES)


def weasyprint_module() -> Any:
    """WeasyPrint, imported.

    Raises:
        RenderError: when WeasyPrint or its system libraries (Pango, HarfBuzz) are missing.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the package is there, Pango is not
        msg = f"{INSTALL_HINT} ({exc})"
        raise RenderError(msg) from exc
    return weasyprint


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
    """Read the request on standard input, write the PDF to standard output.

    The child imports WeasyPrint and nothing of the build but this module; the tags are
    finished (pikepdf) once the layout's memory is given back.
    """
    request = json.loads(sys.stdin.buffer.read())
    try:
        weasyprint = weasyprint_module()
    except RenderError as exc:
        sys.stderr.write(f"{exc}\n")
        return MISSING_LIBRARIES
    page, titles = request["page"], request["titles"]
    del request
    drawn: bytes = weasyprint.HTML(string=page, url_fetcher=fetcher()).write_pdf(
        pdf_variant=PDF_VARIANT, pdf_identifier=None
    )
    del page
    gc.collect()
    from boardreport.render._pdf_tags import finish

    sys.stdout.buffer.write(finish(drawn, titles))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
