"""The chart palette: series stay apart for colour-blind readers and in greyscale print.

Vision is simulated with the matrices of Machado, Oliveira and Fernandes (2009) at full
severity (protanopia, deuteranopia), greyscale with the luminance of each colour; distances are
CIEDE2000 (coloraide). THRESHOLD is the least distance between any two series colours in any of
these views; every colour also keeps 3:1 contrast with the white background (WCAG 1.4.11).
"""

from __future__ import annotations

import itertools

import pytest
from coloraide import Color

from boardreport.render.vega import DASHES, PALETTE

THRESHOLD = 8.0
"""Least CIEDE2000 distance between two series colours, in every view below."""

VIEWS = {
    "normal vision": lambda c: c,
    "protanopia": lambda c: c.filter("protan", method="machado"),
    "deuteranopia": lambda c: c.filter("deutan", method="machado"),
    "greyscale": lambda c: c.filter("grayscale"),
}


def least_distance(palette: tuple[str, ...], view: str) -> float:
    """The smallest CIEDE2000 distance between two colours of ``palette`` seen in ``view``."""
    seen = [VIEWS[view](Color(colour)) for colour in palette]
    return min(a.delta_e(b, method="2000") for a, b in itertools.combinations(seen, 2))


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_pair_of_series_colours_is_far_apart(view: str) -> None:
    """Every pair differs by at least THRESHOLD, in each simulated view."""
    assert least_distance(PALETTE, view) >= THRESHOLD


def test_every_series_colour_stands_out_from_the_background() -> None:
    """Bars and lines keep 3:1 contrast with white (non-text contrast)."""
    assert min(Color(c).contrast("white") for c in PALETTE) >= 3


def test_the_measure_fails_a_palette_that_greyscale_merges() -> None:
    """A blue and a red of the same lightness are far apart in colour and merge in greyscale:
    the check can fail."""
    same_lightness = ("#1f4e79", "#8c1d40")
    assert least_distance(same_lightness, "normal vision") >= THRESHOLD
    assert least_distance(same_lightness, "greyscale") < THRESHOLD


def test_series_also_differ_by_dash_pattern() -> None:
    """Each series has its own outline or line pattern, so colour is never the only cue."""
    assert len(set(DASHES)) == len(DASHES) >= len(PALETTE)
