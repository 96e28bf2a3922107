"""The coverage measures used on the reference report."""

from __future__ import annotations

from .coverage import figure_coverage, normalise, sentence_coverage


def test_normalise_ignores_markup_bullets_and_superscripts() -> None:
    """Presentation differences do not count as lost text."""
    assert normalise("➤ In the 19<sup>th</sup> century, **growth**") == "in the 19th century growth"
    assert normalise("o Lead on the day; $4^{th}$ April") == "lead on the day 4th april"


def test_a_figure_needs_its_context() -> None:
    """A number counts only beside its neighbouring word from the source line."""
    source = ["Infant mortality is 7.8 per thousand births"]
    assert figure_coverage(source, "**Infant mortality** is 7.8 per thousand births").ratio == 1.0
    assert figure_coverage(source, "| Obesity | 7.8 |").ratio == 0.0


def test_a_sentence_must_keep_its_words_in_order() -> None:
    """Sentences match word for word, in order."""
    source = "The Board met four times in the year."
    assert sentence_coverage(source, "**The Board** met four times in the year.").ratio == 1.0
    assert sentence_coverage(source, "The Board met three times in the year.").ratio == 0.0
