"""Rendered prose kept between builds of one report: text that has not changed is not parsed again.

Turning prose into HTML and into safe Markdown is most of a build's own work, and a board
rebuilds after every small edit. A :class:`Fragments` memo is given to the renderers: it
answers from the previous build of the same report (same text, same code, same markdown-it-py)
and records what this build used, which is kept for the next build, so the entry holds one
report's text only.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

from attrs import define, field

from boardreport.cache._store import Cache
from boardreport.cache._versions import code_version

KIND = "fragments"


@define
class Fragments:
    """Prose rendered by an earlier build (``previous``) and by this one (``used``)."""

    previous: dict[str, str] = field(factory=dict)
    used: dict[str, str] = field(factory=dict)

    def render(self, kind: str, produce: Callable[..., str], *args: str | int) -> str:
        """Return ``produce(*args)``, from memory when this text was rendered before."""
        key = "\x00".join((kind, *map(str, args)))
        found = self.used.get(key)
        if found is None:
            found = self.previous.get(key)
            if found is None:
                found = produce(*args)
            self.used[key] = found
        return found

    @property
    def changed(self) -> bool:
        """True if this build used other fragments than the previous one."""
        return self.used != self.previous


@functools.cache
def _code_version() -> str:
    render = Path(__file__).resolve().parents[1] / "render"
    sources = [render / "_markup.py", render / "_memo.py", Path(__file__)]
    return code_version(sources, [("markdown-it-py", "markdown_it")])


def _key(report_path: str | os.PathLike[str]) -> tuple[str, ...]:
    return (_code_version(), os.path.realpath(report_path))


def recall(store: Cache, report_path: str | os.PathLike[str]) -> Fragments:
    """Return a memo holding what the last build of the report at ``report_path`` rendered."""
    value = store.get(KIND, _key(report_path))
    if not isinstance(value, dict):
        return Fragments()
    kept = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
    return Fragments(previous=kept)


def keep(store: Cache, report_path: str | os.PathLike[str], fragments: Fragments) -> None:
    """Keep the fragments this build used, for the next build of the same report."""
    if fragments.changed:
        store.put(KIND, _key(report_path), fragments.used)
