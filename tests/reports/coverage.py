"""Measure how much of a published text survives in a rendered report.

Three measures, compared after one normalisation (:func:`normalise`: case folded, markup and
every character other than letters, digits and ``%`` turned into spaces):

- *numbers*: the distinct numbers of the source (commas dropped, single digits ignored);
- *numbers in context*: each number of two or more digits paired with the token before it,
  so ``7.8`` counts only where it follows the same word as in the source;
- *sentences*: the source's pieces of eight or more words, split after ``.``, ``!``, ``?``,
  ``;`` and ``:`` and at list glyphs standing alone (``-``, ``•``, ``❖``, ``➤``, ``>``, ``o``),
  each searched as a run of the normalised rendered text. A table is covered only when its
  caption, header row and rows follow each other as published, with nothing between them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

from attrs import frozen

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\w)")
_PIECE_BREAK = re.compile(r"(?<=[.!?;:])\s+|\s+[-•❖➤>o]\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
MIN_WORDS = 8
"""Shorter pieces are names, labels and headings, which contents lists and captions repeat."""


def normalise(text: str) -> str:
    """Lower-case letters, digits and ``%`` only, separated by single spaces.

    Presentation is ignored: HTML tags and Markdown markup, punctuation, currency signs and the
    signs of amounts.
    """
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"<[^>]+>", " ", text).translate(_QUOTES).lower()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


@frozen
class Coverage:
    """Covered and total counts, with the items that were not found."""

    covered: int
    total: int
    missing: tuple[str, ...]

    @property
    def ratio(self) -> float:
        """The covered share, 1.0 for an empty source."""
        return self.covered / self.total if self.total else 1.0


def numbers(text: str) -> set[str]:
    """The distinct numbers of ``text`` of two or more digits or with a decimal point."""
    found = (match.group(1).replace(",", "") for match in _NUMBER.finditer(text))
    return {token for token in found if not (token.isdigit() and len(token) == 1)}


def number_pairs(text: str) -> set[str]:
    """Each number of two or more digits with the token before it: ``"rate 7"``, ``"is 35%"``."""
    tokens = normalise(text.replace(",", "")).split()
    return {
        f"{before} {token}"
        for before, token in itertools.pairwise(tokens)
        if re.fullmatch(r"\d+%?", token) and len(token.rstrip("%")) > 1
    }


def sentences(text: str) -> list[str]:
    """The normalised pieces of ``text`` of at least :data:`MIN_WORDS` words, in order."""
    pieces = (normalise(p) for p in _PIECE_BREAK.split(re.sub(r"\s+", " ", text)))
    return [p for p in pieces if len(p.split()) >= MIN_WORDS]


def _recall(source: Iterable[str], found: set[str] | str) -> Coverage:
    items = list(source)
    missing = tuple(item for item in items if item not in found)
    return Coverage(covered=len(items) - len(missing), total=len(items), missing=missing)


def number_coverage(source: str, rendered: str) -> Coverage:
    """How many of the source's distinct numbers the rendered text holds anywhere."""
    return _recall(sorted(numbers(source)), numbers(rendered))


def context_coverage(source: str, rendered: str) -> Coverage:
    """How many of the source's (token, number) pairs the rendered text holds."""
    return _recall(sorted(number_pairs(source)), number_pairs(rendered))


def sentence_coverage(source: str, rendered: str) -> Coverage:
    """How many of the source's sentences appear, word for word and in order, in the rendered
    text (as runs of its normalised words)."""
    return _recall(sentences(source), normalise(rendered))


def _count(sentence: str, text: str) -> int:
    return len(re.findall(rf"(?<!\S){re.escape(sentence)}(?!\S)", text))


def repeated_sentences(source: str, rendered: str) -> list[str]:
    """The source's sentences that the rendered text holds more often than the source does."""
    haystack, published = normalise(rendered), normalise(source)
    return [
        sentence
        for sentence in dict.fromkeys(sentences(source))
        if _count(sentence, haystack) > _count(sentence, published)
    ]
