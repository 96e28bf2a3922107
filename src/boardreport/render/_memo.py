"""Template filters that render prose through the build's :class:`~boardreport.cache.Fragments`.

The memo is a variable of the template render (``fragments``), so each build brings its own
and nothing is kept in module state; without one, the prose is rendered afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2


def memo_filter(
    kind: str, produce: Callable[..., str], wrap: Callable[[str], Any] = str
) -> Callable[..., Any]:
    """Return a filter giving ``wrap(produce(*args))``, answered by the memo when it can be."""

    @jinja2.pass_context
    def apply(context: jinja2.runtime.Context, *args: str | int) -> Any:
        fragments = context.get("fragments")
        if fragments is None:
            return wrap(produce(*args))
        return wrap(fragments.render(kind, produce, *args))

    return apply
