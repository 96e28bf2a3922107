"""Measure how much of a source text survives in a rendered report: figures and sentences.

A *figure* is a number in the source (``251,557``, ``7.8``, ``35%``, ``2014/15``). It is covered
when the rendered text has the same number on a line that also holds its context: the nearest
word (three or more letters, not a stop word) before it on its source line and the nearest after.

A *sentence* is a run of at least four words ending in ``.``, ``!``, ``?``, ``:`` or a line end.
It is covered when its words appear in the same order in the rendered text. Markup, case,
punctuation and white space are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n")


_SUPERSCRIPT = re.compile(r"(\d)\s*(?:<sup>|\$?\s*\^\{)(\w+)(?:</sup>|\}\s*\$?)")
_BULLET = re.compile(r"^\s*(?:(?:[-*•➤❖♦>o]|\d{1,2}[.)]|[a-h][.)])\s+)+", re.MULTILINE)


def normalise(text: str) -> str:
    """Lower-case words and numbers only, separated by single spaces.

    Presentation is ignored: list markers (including the PDF's ``o`` and ``➤`` glyphs),
    superscripts written as HTML or LaTeX, markup, currency signs, hyphens and punctuation.
    """
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = _SUPERSCRIPT.sub(r"\1\2", text)
    text = _BULLET.sub("", text)
    text = text.replace("£", "").replace("$", "")
    text = re.sub(r"<[^>]+>", " ", text)  # residual markup
    text = re.sub(r"[^\w%'/.,]+", " ", text.lower())  # hyphens and dashes count as spaces
    text = re.sub(r"(?<!\d)[.,](?!\d)|(?<=\d)[.,](?!\d)", " ", text)
    return " ".join(text.split())


def _number(token: str) -> str:
    return token.replace(",", "").rstrip(".")


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


_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "per",
        "its",
        "our",
        "not",
        "but",
        "all",
    ]
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z']{2,}", normalise(text)) if w not in _STOPWORDS]


def _context(line: str, start: int, end: int) -> set[str]:
    return set(_words(line[:start])[-1:] + _words(line[end:])[:1])


def figure_coverage(source_lines: Iterable[str], rendered: str) -> Coverage:
    """How many of the source's figures appear in the rendered text in their context."""
    index: dict[str, list[set[str]]] = {}
    for line in rendered.splitlines():
        words = set(_words(line))
        for token in _NUMBER.findall(line):
            index.setdefault(_number(token), []).append(words)
    covered, missing, total = 0, [], 0
    for line in source_lines:
        for match in _NUMBER.finditer(line):
            total += 1
            context = _context(line, match.start(), match.end())
            rendered_lines = index.get(_number(match.group()), [])
            if any(context <= words for words in rendered_lines):
                covered += 1
            else:
                missing.append(f"{match.group()!r} in {line.strip()[:80]!r}")
    return Coverage(covered=covered, total=total, missing=tuple(missing))


def sentences(text: str) -> list[str]:
    """Split text into normalised sentences of at least four words with letters."""
    out = []
    for chunk in _SENTENCE_END.split(text):
        norm = normalise(chunk)
        if sum(1 for word in norm.split() if re.search("[a-z]", word)) >= 4:
            out.append(norm)
    return out


def sentence_coverage(source_text: str, rendered: str) -> Coverage:
    """How many of the source's sentences appear, words in order, in the rendered text."""
    haystack = " " + normalise(rendered) + " "
    found, missing = 0, []
    items = sentences(source_text)
    for sentence in items:
        if f" {sentence} " in haystack:
            found += 1
        else:
            missing.append(sentence[:100])
    return Coverage(covered=found, total=len(items), missing=tuple(missing))


def repeated_sentences(source_text: str, rendered: str, min_words: int = 8) -> list[str]:
    """The source's sentences of ``min_words`` or more that the rendered text holds more often
    than the source does (shorter ones are names and headings, which contents lists, captions
    and labels rightly repeat)."""
    haystack = " " + normalise(rendered) + " "
    source = " " + normalise(source_text) + " "
    repeated = []
    for sentence in dict.fromkeys(sentences(source_text)):
        if len(sentence.split()) < min_words:
            continue
        needle = f" {sentence} "
        if haystack.count(needle) > source.count(needle):
            repeated.append(sentence[:100])
    return repeated
