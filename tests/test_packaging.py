"""What the package index and installers see: licence, links, classifiers, description."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import yaml

from boardreport._links import docs_url, project_urls

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_licence_file_is_mit_and_shipped() -> None:
    """LICENSE holds the MIT licence, which pyproject declares and the wheel includes."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]


def test_project_urls_are_absolute_and_the_docs_site_is_mkdocs_site_url() -> None:
    """Homepage, Documentation, Repository, Issues and Changelog are https addresses; the
    documentation address is mkdocs.yml's site_url (the base of SARIF's helpUri)."""
    urls = PROJECT["urls"]
    assert set(urls) >= {"Homepage", "Documentation", "Repository", "Issues", "Changelog"}
    assert all(url.startswith("https://") for url in urls.values())
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == urls["Documentation"]
    assert config["repo_url"] == urls["Repository"]
    assert project_urls() == urls, "reinstall (pip install -e .) to refresh the metadata"
    assert docs_url() == urls["Documentation"]


def test_classifiers_name_the_python_running_the_tests() -> None:
    """The Python versions classified include this one, and requires-python allows each."""
    classifiers = PROJECT["classifiers"]
    running = f"Programming Language :: Python :: {sys.version_info.major}.{sys.version_info.minor}"
    assert running in classifiers
    versions = [c.rsplit(" ", 1)[1] for c in classifiers if re.search(r":: 3\.\d+$", c)]
    minimum = PROJECT["requires-python"].removeprefix(">=")
    assert min(versions, key=lambda v: tuple(map(int, v.split(".")))) == minimum


def test_index_description_has_only_absolute_links() -> None:
    """The README as the package index shows it links to pages that exist off the repository:
    relative links become the documentation site's pages or the repository's files."""
    description = metadata.metadata("boardreport").get_payload()
    assert isinstance(description, str)
    links = re.findall(r"\]\(([^)]+)\)", description)
    assert links
    relative = [link for link in links if not link.startswith(("https://", "#", "mailto:"))]
    assert relative == []
    site = PROJECT["urls"]["Documentation"]
    for link in links:
        if link.startswith(site):
            page = link.removeprefix(site).split("#")[0].rstrip("/")
            assert (ROOT / "docs" / f"{page}.md").is_file() or (
                ROOT / "docs" / page / "index.md"
            ).is_file(), link
        elif "/blob/main/" in link:
            assert (ROOT / link.split("/blob/main/", 1)[1]).exists(), link
