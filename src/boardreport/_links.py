"""Where boardreport's documentation lives, from the package's own metadata (``[project.urls]``)."""

from __future__ import annotations

import functools


@functools.cache
def project_urls() -> dict[str, str]:
    """The ``[project.urls]`` table of pyproject.toml, as installed; empty when not installed."""
    from importlib import metadata  # slow to import; most runs never need an address

    try:
        entries = metadata.metadata("boardreport").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    pairs = (entry.split(",", 1) for entry in entries)
    return {label.strip(): url.strip() for label, url in pairs}


def docs_url() -> str | None:
    """The documentation site's address, ending in ``/``; None when unknown."""
    url = project_urls().get("Documentation")
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def docs_page(page: str) -> str | None:
    """The address of a page of the documentation site (``rules/WT13-001/``), or None."""
    root = docs_url()
    return root + page if root else None


def rule_url(rule_id: str) -> str | None:
    """The address of a rule's page in the rules reference, or None."""
    return docs_page(f"rules/{rule_id}/")
