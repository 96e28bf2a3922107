"""One home per block kind: every kind of the model is registered once, and asked for everything."""

from __future__ import annotations

import datetime as dt

import pytest

from boardreport import blocks, model
from boardreport.blocks import BlockKind, ReaderParts, register


def test_every_block_kind_of_the_model_has_its_module() -> None:
    """The registry holds exactly the model's block classes."""
    assert set(blocks.KINDS) == set(model.BLOCK_TYPES.values())
    for cls, kind in blocks.KINDS.items():
        assert kind.cls is cls


def test_a_kind_is_registered_once() -> None:
    """Registering a class twice is refused, so two homes cannot disagree."""
    with pytest.raises(ValueError, match="registered twice"):
        register(BlockKind(cls=model.Prose, has_content=lambda _: True))


def test_content_tests_and_tables_come_from_the_kind() -> None:
    """has_content, states_not_published and derived_tables ask the block's own kind."""
    written = model.Prose(text="The Board met six times.")
    todo = model.Prose(text="TODO: the foreword")
    assert blocks.has_content(written) and not blocks.has_content(todo)
    assert blocks.has_content(model.Placeholder(prompt="the budget")) is False
    assert blocks.states_not_published(model.Prose(text="The data was not published."))
    attendance = model.Attendance(
        id="board", body="Board", entries=[model.AttendanceEntry(name="Police", percent=80)]
    )
    assert list(blocks.derived_tables(attendance)) == ["board"]
    assert blocks.derived_tables(model.Attendance(body="Board", entries=[])) == {}
    assert blocks.has_content("not a block") is False


def test_an_inspection_with_a_judgement_has_substance() -> None:
    """An inspection counts as content once it gives a judgement or a summary."""
    bare = model.Inspection(inspectorate=model.Inspectorate.OFSTED, title="Inspection of services")
    judged = model.Inspection(
        inspectorate=model.Inspectorate.OFSTED,
        title="Inspection of services",
        judgement_text="Requires improvement",
    )
    assert not blocks.has_content(bare)
    assert blocks.has_content(judged)


def test_what_readers_see_is_the_kind_s_reader() -> None:
    """Prose still to be written is shown as a placeholder; a KPI reads its value with its unit."""
    report = model.Report(
        title="t",
        board="b",
        area="a",
        period_start=dt.date(2014, 4, 1),
        period_end=dt.date(2015, 3, 31),
        sections=[],
    )
    todo = blocks.kind_of(model.Prose(text="TODO: the foreword")).reader(
        model.Prose(text="TODO: the foreword"), report
    )
    assert isinstance(todo, ReaderParts)
    assert isinstance(todo.shown_as, model.Placeholder)
    assert todo.facts == ("the foreword",)
    kpi = model.KPI(label="Contacts", value=120, unit="%")
    assert blocks.kind_of(kpi).reader(kpi, report).facts[0] == "120%"
