"""Start a new board's report: a skeleton with a section for everything its edition's pack expects.

The skeletons are package data: one report folder per kind of report under
``boardreport/skeletons/`` (``lscb``, ``partnership``, ``adults-board``), whose texts hold
``${board}``, ``${area}``, ``${period}`` and the edition's wording (``skeletons/editions.toml``).
:func:`skeleton` loads the one for an edition and fills it in; :func:`write_skeleton` writes it
through :func:`boardreport.io.dump`, keeping each template file's comments and adding the
``#:schema`` line and the JSON Schemas editors use to complete keys.

Everything a board must write is a placeholder: a text starting with ``TODO:`` or a
``placeholder`` block saying what to write. Checks treat placeholders as missing content, so
``boardreport check`` on a fresh skeleton lists exactly what is still to do.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import attrs

from boardreport import model
from boardreport.errors import DumpError
from boardreport.io import ROOT_FILE, dump, load, write_atomic
from boardreport.model import Placeholder, Report
from boardreport.rules._editions import Edition, edition_by_period, find_edition, framework_names
from boardreport.schema import part_schema, report_schema

REPORT_SCHEMA_FILE = "report.schema.json"
PART_SCHEMA_FILE = "part.schema.json"
PARTS_FOLDER = "parts"
SPLIT = {"appendix-agency-returns": "agencies"}
"""Sections whose subsections (one agency return each) are written as files of their own."""

_PERIOD = re.compile(r"^(\d{4})[-/](\d{2})$")


# ---------------------------------------------------------------------------------------------
# the reporting period


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return (1 April, 31 March) of the financial year ``text`` (``2015-16`` or ``2015/16``).

    Raises:
        ValueError: for any other form, or years that do not follow each other.
    """
    match = _PERIOD.match(text.strip())
    if match is None:
        msg = f"period must be a financial year such as 2015-16 or 2015/16, not {text!r}"
        raise ValueError(msg)
    start_year, end_short = int(match.group(1)), match.group(2)
    if f"{(start_year + 1) % 100:02d}" != end_short:
        msg = (
            f"period {text!r} is not one financial year "
            f"(did you mean {start_year}-{(start_year + 1) % 100:02d}?)"
        )
        raise ValueError(msg)
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def _label(start: dt.date) -> str:
    return f"{start.year}-{(start.year + 1) % 100:02d}"


# ---------------------------------------------------------------------------------------------
# the templates


def _editions() -> dict[str, dict[str, str]]:
    text = resources.files("boardreport.skeletons").joinpath("editions.toml").read_text("utf-8")
    data: dict[str, dict[str, str]] = tomllib.loads(text)
    return data


@contextmanager
def _template_folder(name: str) -> Iterator[Path]:
    with resources.as_file(resources.files("boardreport.skeletons").joinpath(name)) as folder:
        yield Path(folder)


def choose_edition(period: str, framework: str | None = None) -> Edition:
    """The edition of a new report: ``framework`` if given, else the one the period selects.

    Without ``framework`` a children's board is assumed: an LSCB while LSCBs existed, a
    safeguarding partnership after.

    Raises:
        ValueError: for an unknown ``framework`` or a ``period`` that is not a financial year.
    """
    start, end = parse_period(period)
    if framework is not None:
        chosen = find_edition(framework)
        if chosen is None:
            msg = f"unknown framework {framework!r} (editions: {framework_names()})"
            raise ValueError(msg)
        return chosen
    probe = Report(board="-", area="-", title="-", period_start=start, period_end=end)
    return edition_by_period(probe)[0]


def _tokens(
    edition: Edition, board: str, area: str, start: dt.date, end: dt.date
) -> dict[str, str]:
    tokens = dict(_editions()[edition.name])
    tokens.pop("template", None)
    tokens.update(
        board=board,
        area=area,
        period=_label(start),
        next_period=_label(dt.date(start.year + 1, 4, 1)),
        previous_period=_label(dt.date(start.year - 1, 4, 1)),
        dates=f"1 April {start.year} to 31 March {end.year}",
        start_year=str(start.year),
        end_year=str(end.year),
        publication_example=dt.date(end.year, 9, 30).isoformat(),
    )
    return tokens


TEMPLATE_YEAR = 2000
"""The templates are written for the financial year 2000-01; their dates move to the real year."""


def _fill(value: Any, tokens: dict[str, str]) -> Any:
    """``value`` with every ``${token}`` in its texts replaced and its template year moved."""
    if isinstance(value, str):
        return Template(value).safe_substitute(tokens)
    if isinstance(value, model.Period) and value == model.Period.financial_years(TEMPLATE_YEAR):
        return model.Period.financial_years(int(tokens["start_year"]))
    if isinstance(value, tuple):
        return tuple(_fill(item, tokens) for item in value)
    if attrs.has(type(value)):
        changes = {a.name: _fill(getattr(value, a.name), tokens) for a in attrs.fields(type(value))}
        return attrs.evolve(value, **changes)
    return value


def skeleton(*, board: str, area: str, period: str, framework: str | None = None) -> Report:
    """Return a report skeleton for ``board`` in ``area`` for the financial year ``period``.

    ``framework`` (``"WT2023"``, ``"CA2014"``, ...) chooses the edition; by default it is the
    one the period selects. Every section the edition's pack expects is there, with
    placeholders saying what to write. The report names its framework only when it differs
    from the one its period and arrangement select.

    Raises:
        ValueError: when ``board`` or ``area`` is blank, ``period`` is not a financial year, or
            ``framework`` is not a known edition.
    """
    start, end = parse_period(period)
    for name, value in (("board", board), ("area", area)):
        if not value.strip():
            msg = f"{name} must not be blank"
            raise ValueError(msg)
    edition = choose_edition(period, framework)
    template = _editions()[edition.name]["template"]
    with _template_folder(template) as folder:
        loaded = load(folder)
    tokens = _tokens(edition, board.strip(), area.strip(), start, end)
    filled: Report = _fill(loaded, tokens)
    report = attrs.evolve(filled, period_start=start, period_end=end)
    health = tokens.get("health_partner")
    if health and report.arrangement is not None:  # a CCG before July 2022, then an ICB
        partners = tuple(
            attrs.evolve(p, body=model.PartnerBody(health))
            if p.body is model.PartnerBody.INTEGRATED_CARE_BOARD
            else p
            for p in report.arrangement.partners
        )
        report = attrs.evolve(
            report, arrangement=attrs.evolve(report.arrangement, partners=partners)
        )
    if edition_by_period(report)[0] is not edition:
        report = attrs.evolve(report, framework=edition.name)
    return report


# ---------------------------------------------------------------------------------------------
# laying the skeleton out as files


def _comments(text: str) -> tuple[str, str]:
    """The comment lines before a template file's data, and those after it."""
    lines = text.splitlines(keepends=True)
    data = [i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    if not data:
        return text, ""
    head = "".join(lines[: data[0]]).rstrip("\n")
    tail = "".join(lines[data[-1] + 1 :]).strip("\n")
    return head, tail


def _schema_line(name: str) -> str:
    depth = name.count("/")
    if name == ROOT_FILE:
        return f"#:schema ./{REPORT_SCHEMA_FILE}"
    return f"#:schema {'../' * depth}{PART_SCHEMA_FILE}"


def _schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _template_of(report: Report) -> tuple[str, dict[str, str]]:
    from boardreport.rules._editions import select_edition

    chosen = select_edition(report).edition or edition_by_period(report)[0]
    start, end = report.period_start, report.period_end
    tokens = _tokens(chosen, report.board, report.area, start, end)
    return _editions()[chosen.name]["template"], tokens


def _dump(report: Report, folder: Path, *, overwrite: bool) -> None:
    """Write ``report`` into ``folder`` through io.dump, with its template's comments."""
    template, tokens = _template_of(report)
    headers: dict[str, str] = {}
    footers: dict[str, str] = {}
    with _template_folder(template) as source:
        for file in sorted(source.rglob("*.toml")):
            name = file.relative_to(source).as_posix()
            head, tail = _comments(file.read_text(encoding="utf-8"))
            filled = Template(head).safe_substitute(tokens)
            headers[name] = f"{_schema_line(name)}\n{filled}\n\n" if filled else _schema_line(name)
            footers[name] = Template(tail).safe_substitute(tokens)
    dump(report, folder, overwrite=overwrite, headers=headers, footers=footers, split=SPLIT)
    for name, schema in ((REPORT_SCHEMA_FILE, report_schema()), (PART_SCHEMA_FILE, part_schema())):
        write_atomic(folder / name, _schema_text(schema), overwrite=overwrite)


def skeleton_files(report: Report) -> dict[str, str]:
    """Return the files of ``report`` laid out as a skeleton: relative path -> text.

    ``report.toml`` lists one part file per top-level section (``parts/NN-<id>.toml``); the
    agency returns appendix includes one file per return (``parts/agencies/NN-<id>.toml``). The
    JSON Schemas sit beside ``report.toml`` and every TOML file names its schema on its first
    line (``#:schema``), so editors with TOML schema support complete and check keys.
    """
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "report"
        _dump(report, folder, overwrite=False)
        files = {
            p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in folder.rglob("*")
            if p.is_file()
        }
    return dict(sorted(files.items(), key=lambda item: (item[0] != ROOT_FILE, item[0])))


def write_skeleton(
    folder: str | os.PathLike[str],
    *,
    board: str,
    area: str,
    period: str,
    framework: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write a new report skeleton into ``folder`` and return the files written.

    The folder must not exist or be empty. With ``force``, the skeleton's files are written
    over any of the same name; other files are never touched, and nothing is ever deleted.
    Every file is written atomically.

    Raises:
        DumpError: when ``folder`` is a file, or holds files and ``force`` is false.
        ValueError: when ``board``, ``area``, ``period`` or ``framework`` is not valid (see
            :func:`skeleton`).
    """
    target = Path(folder)
    report = skeleton(board=board, area=area, period=period, framework=framework)
    if target.exists() and not target.is_dir():
        msg = f"{target} exists and is not a folder"
        raise DumpError(msg)
    if target.is_dir() and any(target.iterdir()) and not force:
        msg = (
            f"{target} exists and is not empty; choose a new folder, or pass --force to write "
            "the skeleton's files into it (files of the same name are replaced, none deleted)"
        )
        raise DumpError(msg)
    files = skeleton_files(report)
    _dump(report, target, overwrite=force)
    return [target / name for name in files]


def placeholders(report: Report) -> list[str]:
    """Return the data path of every placeholder left in ``report``, in reading order.

    A placeholder is a ``placeholder`` block or any text field that starts with ``TODO``.
    """
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            if value.strip().upper().startswith(model.PLACEHOLDER_PREFIX):
                found.append(path)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif attrs.has(type(value)):
            for attribute in attrs.fields(type(value)):
                walk(getattr(value, attribute.name), f"{path}.{attribute.name}")

    for attribute in ("board", "area", "title", "chair", "arrangement"):
        walk(getattr(report, attribute), attribute)
    for located in model.iter_blocks(report):
        if isinstance(located.item, Placeholder):
            found.append(located.path)
        else:
            walk(located.item, located.path)
    return found
