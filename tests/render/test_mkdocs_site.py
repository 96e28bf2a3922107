"""The reference report's Markdown as an mkdocs site: strict build, valid anchors, one contents
nesting, no id twice (what a board publishing ``report.md`` with mkdocs gets)."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boardreport import pipeline

REFERENCE = Path(__file__).resolve().parents[2] / "reports" / "wolverhampton_2014_15"
MKDOCS_CONFIG = """\
site_name: Annual report
markdown_extensions:
  - toc
  - tables
  - attr_list
validation:
  anchors: warn
"""


@pytest.fixture(scope="module")
def site_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The reference report built as Markdown, then as an mkdocs site with ``--strict``."""
    folder = tmp_path_factory.mktemp("mkdocs")
    built = folder / "built"
    pipeline.build(REFERENCE, out=built, formats=("md",), cache=None)
    docs = folder / "docs"
    docs.mkdir()
    shutil.copy(built / "report.md", docs / "index.md")
    shutil.copytree(built / "charts", docs / "charts")
    (folder / "mkdocs.yml").write_text(MKDOCS_CONFIG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    # --strict turns every warning (a link to a missing anchor or file) into a failed build
    assert done.returncode == 0, done.stdout + done.stderr
    return (folder / "site" / "index.html").read_text(encoding="utf-8")


def test_every_id_is_unique_in_the_mkdocs_page(site_page: str) -> None:
    """Headings' ids (mkdocs' own) and the report's anchors never collide."""
    ids = re.findall(r'\bid="([^"]+)"', site_page)
    repeated = [name for name, count in collections.Counter(ids).items() if count > 1]
    assert len(ids) > 100
    assert repeated == []


def test_the_contents_keep_their_two_levels_in_mkdocs(site_page: str) -> None:
    """A second-level entry sits in a list inside its first-level entry, as in GitHub."""
    contents = site_page[site_page.index("Contents</h2>") :]
    contents = contents[: contents.index("</ul>\n</li>\n</ul>") + 20]
    assert re.search(r'<li><a href="#r:context">[^<]*</a><ul>\s*<li><a href="#r:', contents)
    top = re.findall(r"^<li>", contents, flags=re.MULTILINE)
    assert len(top) > 10
