"""The audit page's markup: table semantics, escaping, every figure shown in words or numbers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from boardreport.audit import audit
from boardreport.audit._page import to_html

from .corpus import TEMPLATE

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


def _page(tmp_path: Path, board: str) -> str:
    folder = tmp_path / "reports" / "one"
    shutil.copytree(TEMPLATE, folder)
    path = folder / "report.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('board = "Ashcombe Safeguarding Children Partnership"', f"board = '{board}'"),
        encoding="utf-8",
    )
    shutil.copytree(TEMPLATE, tmp_path / "reports" / "two")
    return to_html(audit([tmp_path / "reports"], jobs=1), [str(tmp_path / "reports")])


def test_tables_have_captions_and_scoped_headers(tmp_path: Path) -> None:
    page = _page(tmp_path, "Elm Partnership")
    for table in ("matrix", "figures"):
        body = page.split(f'<table class="sortable" id="{table}">')[1].split("</table>")[0]
        assert f'<caption id="{table}-caption">' in body
        assert body.count('<th scope="row"') == 2
        assert '<th scope="col">Report</th>' in body
        assert "aria-sort" not in body  # set by the script only once a column is sorted
    assert '<label for="matrix-filter-input">' in page
    assert 'aria-labelledby="matrix-caption" tabindex="0"' in page
    assert re.search(r"script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;", page)  # escaped quotes
    assert "http://" not in page and "https://" not in page.replace("https://ashcombe", "")


def test_report_text_is_escaped(tmp_path: Path) -> None:
    page = _page(tmp_path, HOSTILE)
    assert "<script>window" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
