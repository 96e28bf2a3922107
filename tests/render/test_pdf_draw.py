"""The PDF is laid out in a child process that holds WeasyPrint and nothing else of a build."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_the_layout_child_imports_no_other_renderer() -> None:
    """Importing the child's module loads neither Jinja2, markdown-it-py, Altair nor the other
    renderers, and not pikepdf, which the child imports only once the layout is freed."""
    probe = (
        "import sys, boardreport.render._pdf_draw\n"
        "print(' '.join(m for m in ('jinja2', 'markdown_it', 'altair', 'pikepdf',"
        " 'boardreport.render.html', 'boardreport.render.markdown', 'boardreport.render.vega',"
        " 'boardreport.render._context') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_renderers_are_still_named_by_the_package() -> None:
    from boardreport import render
    from boardreport.render.html import render_html

    assert render.render_html is render_html
    with pytest.raises(AttributeError, match="no attribute 'render_docx'"):
        _ = render.render_docx  # type: ignore[attr-defined]
