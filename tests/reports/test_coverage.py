"""The coverage measures used on the reference report."""

from __future__ import annotations

from .coverage import (
    context_coverage,
    normalise,
    number_coverage,
    repeated_sentences,
    sentence_coverage,
    sentences,
)


def test_normalise_ignores_markup_punctuation_and_currency() -> None:
    """Presentation differences do not count as lost text."""
    assert normalise("In the <b>19th</b> century, **growth** of £1,250") == (
        "in the 19th century growth of 1 250"
    )
    assert normalise("| Year | Outstanding |\n| --- | ---: |") == "year outstanding"


def test_sentences_are_pieces_of_eight_words_split_at_punctuation_and_glyphs() -> None:
    """Pieces end after . ! ? ; : and at a list glyph standing alone; short ones are dropped.
    A glyph straight after a sentence's end stays a word of the next piece, as in the source."""
    text = (
        "The Board met four times in the year to review its plan; it agreed it. "
        "o Align the board priorities to the children and young people plan "
        "• Review the performance of the independent chair in the year"
    )
    assert sentences(text) == [
        "the board met four times in the year to review its plan",
        "o align the board priorities to the children and young people plan",
        "review the performance of the independent chair in the year",
    ]


def test_a_figure_needs_the_word_before_it() -> None:
    """A number counts in context only after the same token as in the source."""
    source = "Infant mortality is 78 per 10,000 births, 35% of them"
    assert context_coverage(source, "**Infant mortality** is 78 per 10,000, 35% of").covered == 2
    assert context_coverage(source, "mortality: is 78 per 10,000 births; 35%").ratio == 1.0
    assert context_coverage(source, "| Obesity | 78 | 10,000 | 35% |").ratio == 0.0
    assert number_coverage(source, "| Obesity | 78 | 10,000 | 35% |").ratio == 1.0


def test_a_sentence_must_keep_its_words_in_order() -> None:
    """Sentences match word for word, in order."""
    source = "The Board met four times in the year."
    assert sentence_coverage(source, "**The Board** met four times in the year.").ratio == 1.0
    assert sentence_coverage(source, "The Board met three times in the year.").ratio == 0.0


def test_a_table_is_covered_only_as_published() -> None:
    """A caption, header row and rows printed as a run in the source match a Markdown table in
    the same order, and nothing inserted between them."""
    source = "Summary of inspections of the schools Year Good Inadequate 2014/15 19 3"
    table = "**Summary of inspections of the schools**\n\n| Year | Good | Inadequate |\n"
    table += "| --- | ---: | ---: |\n| 2014/15 | 19 | 3 |\n"
    assert sentence_coverage(source, table).ratio == 1.0
    assert sentence_coverage(source, table.replace("| Year |", "| Year (note) |")).ratio == 0.0


def test_a_sentence_printed_twice_is_found() -> None:
    """The repetition measure compares the rendered count with the published count."""
    source = "The Board met four times in the year to review its plan."
    assert repeated_sentences(source, source) == []
    assert repeated_sentences(source, f"{source}\n\n{source}") == [
        "the board met four times in the year to review its plan"
    ]
