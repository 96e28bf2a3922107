"""The generated corpus, written once per session, and its audit."""

from __future__ import annotations

import pytest

from boardreport.audit import Audit, audit

from .corpus import Corpus, generate


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """22 partnership reports with planted gaps and one broken report."""
    return generate(tmp_path_factory.mktemp("audit-corpus"))


@pytest.fixture(scope="session")
def audited(corpus: Corpus) -> Audit:
    """The corpus audited on two worker processes."""
    return audit([corpus.root], jobs=2)
