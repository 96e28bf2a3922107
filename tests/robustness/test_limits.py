"""Limits: very large or very deep input loads in bounded time or is refused with a clear error."""

from __future__ import annotations

import time
from pathlib import Path

import attrs
import pytest

import boardreport
from boardreport import model
from boardreport.errors import LoadError
from boardreport.io import load_with_sources
from boardreport.io._files import MAX_FILE_BYTES
from boardreport.io._load import (
    MAX_HEADER_KEYS,
    MAX_PROBLEMS,
    MAX_SECTION_DEPTH,
)
from boardreport.rules import check

from ._support import assert_located, time_limit

HEAD = """board = "B"
area = "A"
title = "T"
period_start = 2014-04-01
period_end = 2015-03-31
"""

FAST_SECONDS = 5.0
"""A few seconds: the bound for a 10,000-row table and for refusing any oversized input."""


def _report(folder: Path, root_extra: str = "", parts: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    parts = parts or {}
    listed = ", ".join(f'"{name}"' for name in parts if "/" not in name or name.startswith("p"))
    root = HEAD + (f"parts = [{listed}]\n" if parts else "") + root_extra
    (folder / "report.toml").write_text(root, encoding="utf-8")
    for name, text in parts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _load_error(path: Path) -> LoadError:
    with time_limit(), pytest.raises(LoadError) as info:
        boardreport.load(path)
    assert_located(info.value)
    return info.value


def _table_rows(count: int, cell: str = "{i}") -> str:
    rows = ",\n".join(f'  ["row {i}", {cell.format(i=i)}, {i * 2}]' for i in range(count))
    return (
        'id = "figures"\ntitle = "Figures"\n\n[[blocks]]\ntype = "table"\nid = "big"\n'
        'caption = "A big table"\ncolumns = [\n  { key = "label", label = "Label" },\n'
        '  { key = "a", label = "A", type = "integer" },\n'
        '  { key = "b", label = "B", type = "integer" },\n]\n'
        f"rows = [\n{rows}\n]\n"
    )


def test_part_file_over_the_limit_is_refused_quickly(tmp_path: Path) -> None:
    """A 10 MB part file is refused, naming the file, its size and the limit, without parsing."""
    big = 'id = "big"\ntitle = "Big"\n# ' + "x" * (10 * 1024 * 1024) + "\n"
    folder = _report(tmp_path / "r", parts={"big.toml": big})
    started = time.perf_counter()
    error = _load_error(folder)
    assert time.perf_counter() - started < FAST_SECONDS
    (problem,) = error.problems
    assert Path(problem.file or "").name == "big.toml"
    assert problem.line == 1
    assert f"limit is {MAX_FILE_BYTES:,} bytes" in problem.message


def test_root_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    """An oversized report.toml is refused with the same located message."""
    folder = _report(tmp_path / "r", root_extra='note = "' + "y" * (MAX_FILE_BYTES + 1) + '"\n')
    (problem,) = _load_error(folder).problems
    assert Path(problem.file or "").name == "report.toml"
    assert "the limit is" in problem.message


def test_loads_refuses_text_over_the_limit() -> None:
    """boardreport.loads applies the same size limit to a string."""
    with pytest.raises(LoadError) as info:
        boardreport.loads(HEAD + "# " + "z" * MAX_FILE_BYTES + "\n")
    assert_located(info.value, {Path("<string>"): ""})
    assert "the limit is" in info.value.problems[0].message


def test_large_part_file_under_the_limit_loads(tmp_path: Path) -> None:
    """A 7 MB part file (one long prose block) loads in bounded time."""
    text = 'id = "long"\ntitle = "Long"\n\n[[blocks]]\ntype = "prose"\ntext = """'
    text += ("A long paragraph of text. " * 40 + "\n") * 7_000 + '"""\n'
    assert 6_000_000 < len(text) < MAX_FILE_BYTES
    folder = _report(tmp_path / "r", parts={"long.toml": text})
    with time_limit(60):
        report = boardreport.load(folder)
    block = report.sections[0].blocks[0]
    assert isinstance(block, model.Prose)
    assert len(block.text) > 6_000_000


def test_ten_thousand_row_table_loads_and_checks_in_seconds(tmp_path: Path) -> None:
    """A 10,000-row table loads and checks in a few seconds, every row intact."""
    folder = _report(tmp_path / "r", parts={"figures.toml": _table_rows(10_000)})
    started = time.perf_counter()
    with time_limit():
        report, sources = load_with_sources(folder)
    loaded = time.perf_counter()
    with time_limit():
        result = check(report, sources=sources)
    checked = time.perf_counter()
    table = report.sections[0].blocks[0]
    assert isinstance(table, model.Table)
    assert len(table.rows) == 10_000
    assert table.rows[9_999] == ("row 9999", 9_999, 19_998)
    assert not [f for f in result.findings if "could not check" in f.message]
    assert loaded - started < FAST_SECONDS, f"load took {loaded - started:.1f} s"
    assert checked - loaded < FAST_SECONDS, f"check took {checked - loaded:.1f} s"


def test_ten_thousand_bad_rows_give_a_bounded_list_of_problems(tmp_path: Path) -> None:
    """A wrong cell in each of 10,000 rows gives at most MAX_PROBLEMS located problems, quickly."""
    folder = _report(tmp_path / "r", parts={"figures.toml": _table_rows(10_000, cell="true")})
    started = time.perf_counter()
    error = _load_error(folder)
    assert time.perf_counter() - started < FAST_SECONDS
    assert len(error.problems) == MAX_PROBLEMS + 1
    first = error.problems[0]
    assert first.path == "blocks[0].rows[0][1]"
    assert first.line == 14
    assert error.problems[-1].message.startswith(f"more than {MAX_PROBLEMS} problems")


def test_a_flood_of_unknown_keys_is_cut_short(tmp_path: Path) -> None:
    """20,000 unknown keys are reported as the first MAX_PROBLEMS and a note, in seconds."""
    keys = "".join(f"key{i} = {i}\n" for i in range(20_000))
    folder = _report(tmp_path / "r", root_extra=keys)
    started = time.perf_counter()
    error = _load_error(folder)
    assert time.perf_counter() - started < FAST_SECONDS
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert error.problems[0].message == "unknown key 'key0'"
    assert error.problems[0].line == 6


def test_huge_value_is_quoted_short(tmp_path: Path) -> None:
    """A megabyte-long wrong value is quoted in a short message, not in full."""
    folder = _report(
        tmp_path / "r", parts={"a.toml": 'id = "' + "X" * 1_000_000 + '"\ntitle = "t"\n'}
    )
    (problem,) = _load_error(folder).problems
    assert problem.path == "id"
    assert len(str(problem)) < 2_000


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("arrays", "[" * 5_000 + "]" * 5_000),
        ("inline tables", "{ a = " * 5_000 + "1" + " }" * 5_000),
        ("mixed", "[{ a = " * 2_000 + "1" + " }]" * 2_000),
    ],
)
def test_deeply_nested_toml_is_a_load_error(tmp_path: Path, name: str, value: str) -> None:
    """TOML nested thousands deep (tomllib raises RecursionError) is a located LoadError."""
    part = f'id = "deep"\ntitle = "Deep"\nnote = {value}\n'
    folder = _report(tmp_path / "r", parts={"deep.toml": part})
    (problem,) = _load_error(folder).problems
    assert Path(problem.file or "").name == "deep.toml"
    assert problem.message == "TOML nesting is too deep"


def test_deeply_nested_toml_in_a_string_is_a_load_error() -> None:
    """boardreport.loads turns the same deep nesting into a LoadError."""
    with pytest.raises(LoadError) as info:
        boardreport.loads(HEAD + "x = " + "[" * 5_000 + "]" * 5_000 + "\n")
    assert info.value.problems[0].message == "TOML nesting is too deep"


@pytest.mark.parametrize("where", ["type", "chair", "sections"])
def test_deep_dotted_keys_are_a_load_error(where: str) -> None:
    """A 5,000-level table built from one dotted key (no parser recursion) is a LoadError."""
    deep = ".".join(["a"] * 5_000)
    block = '[[sections]]\nid = "s"\ntitle = "t"\n[[sections.blocks]]\n'
    text = {
        "type": HEAD + block + f"type.{deep} = 1\n",
        "chair": HEAD + f"chair.{deep} = 1\n",
        "sections": HEAD + f'[[sections]]\nid = "s"\ntitle = "t"\n{deep} = 1\n',
    }[where]
    with time_limit(), pytest.raises(LoadError) as info:
        boardreport.loads(text)
    assert_located(info.value, {Path("<string>"): text})


def _nested_sections(depth: int) -> str:
    out = HEAD
    for level in range(1, depth + 1):
        out += f'[[{".".join(["sections"] * level)}]]\nid = "s{level}"\ntitle = "Level {level}"\n'
    return out


def test_sections_nested_to_the_limit_load() -> None:
    """Inline sections nested MAX_SECTION_DEPTH deep load."""
    report = boardreport.loads(_nested_sections(MAX_SECTION_DEPTH))
    assert max(loc.path.count("/") for loc in model.iter_sections(report)) == MAX_SECTION_DEPTH - 1


def test_sections_nested_past_the_limit_are_refused() -> None:
    """One level more than MAX_SECTION_DEPTH is refused at the line of the too-deep section."""
    text = _nested_sections(MAX_SECTION_DEPTH + 1)
    with pytest.raises(LoadError) as info:
        boardreport.loads(text)
    (problem,) = info.value.problems
    assert problem.message == f"sections are nested more than {MAX_SECTION_DEPTH} deep"
    assert problem.line == 6 + 3 * MAX_SECTION_DEPTH
    assert problem.path.count("sections") == MAX_SECTION_DEPTH + 1


def test_sections_nested_a_thousand_deep_are_refused_quickly() -> None:
    """A thousand nested sections (once a RecursionError, then minutes of parsing) are refused
    at the first table header with more than MAX_HEADER_KEYS keys, before parsing."""
    text = _nested_sections(1_000)
    started = time.perf_counter()
    with time_limit(), pytest.raises(LoadError) as info:
        boardreport.loads(text)
    assert time.perf_counter() - started < FAST_SECONDS
    (problem,) = info.value.problems
    assert problem.message == f"a table header has more than {MAX_HEADER_KEYS} keys"
    assert problem.line == 6 + 3 * MAX_HEADER_KEYS


def test_sections_nested_in_inline_tables_are_refused() -> None:
    """Sections nested as inline tables past MAX_SECTION_DEPTH are refused, not recursed into."""
    inner = '{ id = "leaf", title = "t" }'
    for level in range(40):
        inner = f'{{ id = "s{level}", title = "t", sections = [{inner}] }}'
    text = HEAD + f"sections = [{inner}]\n"
    with time_limit(), pytest.raises(LoadError) as info:
        boardreport.loads(text)
    (problem,) = info.value.problems
    assert problem.message == f"sections are nested more than {MAX_SECTION_DEPTH} deep"
    assert problem.line == 6


def test_a_long_run_of_lines_under_a_deep_header_is_refused_quickly() -> None:
    """A 1,000-key header over 50,000 lines (minutes in tomllib) is refused at once."""
    text = (
        HEAD + "[" + ".".join(["a"] * 1_000) + "]\n" + "".join(f"x{i} = 1\n" for i in range(50_000))
    )
    started = time.perf_counter()
    with time_limit(), pytest.raises(LoadError) as info:
        boardreport.loads(text)
    assert time.perf_counter() - started < FAST_SECONDS
    assert [(p.line, p.message) for p in info.value.problems] == [
        (6, f"a table header has more than {MAX_HEADER_KEYS} keys")
    ]


def test_a_header_at_the_key_limit_is_parsed() -> None:
    """A header with exactly MAX_HEADER_KEYS keys is parsed (and rejected as an unknown key)."""
    text = HEAD + "[" + ".".join(["a"] * MAX_HEADER_KEYS) + "]\nx = 1\n"
    with pytest.raises(LoadError) as info:
        boardreport.loads(text)
    assert [p.message for p in info.value.problems] == ["unknown key 'a'"]


def test_a_chain_of_parts_past_the_depth_limit_is_refused(tmp_path: Path) -> None:
    """Parts that include parts, 500 files deep, stop at MAX_SECTION_DEPTH with a located error."""
    parts = {
        f"p{i}.toml": f'id = "s{i}"\ntitle = "t"\n'
        + (f'parts = ["p{i + 1}.toml"]\n' if i < 499 else "")
        for i in range(500)
    }
    folder = _report(tmp_path / "r", parts={"p0.toml": parts.pop("p0.toml")})
    for name, text in parts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (problem,) = _load_error(folder).problems
    assert Path(problem.file or "").name == f"p{MAX_SECTION_DEPTH - 1}.toml"
    assert (problem.line, problem.path) == (3, "parts")
    assert problem.message == f"sections are nested more than {MAX_SECTION_DEPTH} deep"


def test_a_diamond_of_parts_cannot_explode(tmp_path: Path) -> None:
    """Parts that each include the next part twice are refused, not loaded 2**n times."""
    folder = _report(
        tmp_path / "r",
        parts={"p0.toml": 'id = "s0"\ntitle = "t"\nparts = ["p1.toml", "p1.toml"]\n'},
    )
    for i in range(1, 19):
        nxt = f'parts = ["p{i + 1}.toml", "p{i + 1}.toml"]\n' if i < 18 else ""
        (folder / f"p{i}.toml").write_text(f'id = "s{i}"\ntitle = "t"\n{nxt}', encoding="utf-8")
    started = time.perf_counter()
    error = _load_error(folder)
    assert time.perf_counter() - started < FAST_SECONDS
    assert {p.message for p in error.problems} == {
        f"part is included more than once: 'p{i}.toml'" for i in range(1, 19)
    }
    assert all(p.path == "parts[1]" and p.line == 3 for p in error.problems)


def test_a_number_too_long_for_python_is_a_load_error(tmp_path: Path) -> None:
    """A 5,000-digit integer (int() refuses it) is a LoadError at its line, not a ValueError."""
    folder = _report(
        tmp_path / "r", parts={"n.toml": 'id = "n"\ntitle = "t"\n\nx = ' + "7" * 5_000 + "\n"}
    )
    (problem,) = _load_error(folder).problems
    assert problem.line == 4
    assert problem.message.startswith("TOML value cannot be read")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_non_finite_numbers_are_refused(value: str) -> None:
    """nan and inf are refused where a number is expected, at the field."""
    text = HEAD + '[[sections]]\nid = "s"\ntitle = "t"\n[[sections.blocks]]\ntype = "kpi"\n'
    text += f'label = "k"\nvalue = {value}\n'
    with pytest.raises(LoadError) as info:
        boardreport.loads(text)
    (problem,) = info.value.problems
    assert problem.path == "sections[0].blocks[0].value"
    assert problem.line == 12
    assert "finite number" in problem.message


def test_non_finite_table_cells_are_refused() -> None:
    """A nan table cell is refused at the cell."""
    text = HEAD + (
        '[[sections]]\nid = "s"\ntitle = "t"\n[[sections.blocks]]\ntype = "table"\nid = "t"\n'
        'caption = "c"\ncolumns = []\nrows = [["a", 1], ["b", nan]]\n'
    )
    with pytest.raises(LoadError) as info:
        boardreport.loads(text)
    assert [p.path for p in info.value.problems] == ["sections[0].blocks[0].rows[1][1]"]


def test_problem_after_a_long_tricky_string_is_located_at_its_line() -> None:
    """After a 1 MB multi-line string full of escaped quotes, a wrong value is at its own line."""
    body = ('He said \\"""no\\""" and left.\n' * 40_000).rstrip("\n")
    text = HEAD + '[[sections]]\nid = "s"\ntitle = "t"\n[[sections.blocks]]\ntype = "prose"\n'
    text += f'text = """{body}"""\nclaims = "oops"\n'
    started = time.perf_counter()
    with pytest.raises(LoadError) as info:
        boardreport.loads(text)
    assert time.perf_counter() - started < FAST_SECONDS
    (problem,) = info.value.problems
    assert (problem.path, problem.line) == ("sections[0].blocks[0].claims", 11 + 40_000)
    assert problem.message == "expected an array, got the text 'oops'"


_CELL_REPORT = HEAD + (
    '[[sections]]\nid = "s"\ntitle = "t"\n[[sections.blocks]]\ntype = "table"\nid = "t"\n'
    'caption = "c"\ncolumns = [{{ key = "k", label = "K" }}, '
    '{{ key = "n", label = "N", type = "{kind}" }}]\nrows = [["a", {value}], ["b", 1]]\n'
    '[[sections.blocks]]\ntype = "chart"\nid = "c"\ntable = "t"\nkind = "bar"\nx = "k"\n'
    'y = ["n"]\ntitle = "Chart"\ndescription = "A chart."\n'
)


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        (str(2**70), "integer", "number 1180591620717411303424 is too large"),
        (str(-(10**30)), "integer", "is too large"),
        ("1e99999999", "decimal", "number 1E+99999999 is too large"),
        ("1e999999999", "decimal", "number 1E+999999999 is too large"),
        ("1e-99999999", "decimal", "at most 20 decimal places"),
        ("0e99999999", "decimal", "too large an exponent"),
    ],
)
def test_numbers_no_output_can_hold_are_refused_at_their_line(
    value: str, kind: str, message: str
) -> None:
    """Integers beyond 64 bits (vl-convert cannot read them) and exponents that would print as
    millions of digits are refused at load, in well under a second, naming line and path."""
    started = time.perf_counter()
    with pytest.raises(LoadError) as info:
        boardreport.loads(_CELL_REPORT.format(kind=kind, value=value), name="cells.toml")
    assert time.perf_counter() - started < 1.0
    (problem,) = info.value.problems
    assert (str(problem.file), problem.line) == ("cells.toml", 14)
    assert problem.path == "sections[0].blocks[0].rows[0][1]"
    assert message in problem.message


def test_a_huge_exponent_in_a_76_byte_file_is_refused(tmp_path: Path) -> None:
    """The smallest reproducer: one key holding 1e99999999, in a file of a few bytes."""
    folder = _report(tmp_path / "r", root_extra="value = 1e99999999\n")
    assert (folder / "report.toml").stat().st_size < 120
    (problem,) = _load_error(folder).problems
    assert (problem.path, problem.line) == ("value", 6)
    assert "too large" in problem.message


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("-999999999999999", "integer"),
        ("999999999999999.99999999999999999999", "decimal"),
        ("-999999999999999.99999999999999999999", "percent"),
        ("0.00000000000000000001", "money"),
    ],
)
def test_numbers_at_the_limits_load_check_and_render(value: str, kind: str) -> None:
    """The largest and most precise accepted numbers are checked by every rule without a crash
    and rendered, chart included."""
    from boardreport.pipeline import render_files

    report = boardreport.loads(_CELL_REPORT.format(kind=kind, value=value))
    with time_limit():
        result = check(report)
        files = render_files(report, result, ("md", "html", "vega"))
    assert not [f for f in result.findings if "could not check" in f.message]
    assert "<svg" in files["charts/c.svg"]


def test_attendance_percentages_at_the_limits_render() -> None:
    """Attendance with the largest accepted meeting count and percentages renders at once."""
    from boardreport.pipeline import render_files

    text = HEAD + (
        '[[sections]]\nid = "s"\ntitle = "t"\n[[sections.blocks]]\ntype = "attendance"\n'
        'id = "a"\nbody = "Board"\nmeetings = 999999999999999\n'
        '[[sections.blocks.entries]]\nname = "X"\npercent = 999999999999999.99999999999999999999\n'
        '[[sections.blocks.entries]]\nname = "Y"\npercent = -0.00000000000000000001\n'
    )
    report = boardreport.loads(text)
    with time_limit(10):
        result = check(report)
        render_files(report, result, ("md", "html"))
    assert not [f for f in result.findings if "could not check" in f.message]


def test_chart_text_is_cut_short_in_the_drawing_and_kept_whole_on_the_page() -> None:
    """A 60,000-character chart title and category label (20 s of drawing if drawn whole) are
    drawn cut short, at once; the page still holds them whole."""
    from boardreport.pipeline import render_files
    from boardreport.render.vega import MAX_CHART_TEXT

    long_title, long_label = "T" * 60_000, "L" * 60_000
    text = _CELL_REPORT.format(kind="integer", value=5).replace('"Chart"', f'"{long_title}"')
    text = text.replace('["a", 5]', f'["{long_label}", 5], ["{long_label}x", 6]')
    report = boardreport.loads(text)
    started = time.perf_counter()
    files = render_files(report, check(report), ("md", "html", "vega"))
    assert time.perf_counter() - started < 15
    spec = files["charts/c.vl.json"]
    assert long_title not in spec and "T" * (MAX_CHART_TEXT - 1) + "\u2026" in spec
    assert spec.count("L" * (MAX_CHART_TEXT - 1) + "\u2026") >= 2  # both labels, still distinct
    assert '\u2026 (2)"' in spec
    assert long_title in files["index.html"] and long_label in files["index.html"]


def test_a_chart_of_too_many_values_is_refused_with_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chart over a 10,000-row table is refused at build, naming file, line and chart."""
    from boardreport.cli import main

    rows = ", ".join(f'["r{i}", {i}]' for i in range(10_000))
    text = _CELL_REPORT.format(kind="integer", value=1).replace('["a", 1], ["b", 1]', rows)
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "report.toml").write_text(text, encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--no-cache"]) == 2
    error = capsys.readouterr().err
    assert "report.toml:15: s/c: chart 'c' would draw 10,000 values" in error
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("tail", "line", "message"),
    [
        ('note = """never\nclosed\n', 6, "Unterminated string"),
        ('note = "never closed', 6, "Unterminated string"),
        ("note = '''never\n", 6, "Expected \"'''\""),
        ("# it's a comment\nnote = 'x", 7, 'Expected "\'"'),
        ('note = "[ in a string"\nlist = [1,\n2,\n', 7, "Invalid value"),
        ("t = { a = 1", 6, "Unclosed inline table"),
    ],
)
def test_a_file_ending_inside_a_string_names_the_line_it_opens_on(
    tail: str, line: int, message: str
) -> None:
    """The smallest reproducer: a file ending inside a string (or an array) is a syntax error
    at the line of the opening quote (or bracket), not at no line."""
    with pytest.raises(LoadError) as info:
        boardreport.loads(HEAD + tail)
    (problem,) = info.value.problems
    assert problem.line == line
    assert message in problem.message
    assert "the file ends before it is closed; it opens on this line" in problem.message


def test_numbers_past_the_limits_built_in_python_render_briefly() -> None:
    """A report built in Python (no loader to refuse it) with 10**5000 and 1E+999999999 in a
    table renders at once, the numbers in scientific form, never expanded."""
    from decimal import Decimal

    from boardreport.render import render_html, render_markdown

    base = boardreport.loads(_CELL_REPORT.format(kind="decimal", value=1))
    section = base.sections[0]
    table = section.blocks[0]
    assert isinstance(table, model.Table)
    rows = (("a", 10**5000), ("b", Decimal("1E+999999999")), ("c", Decimal("-1E-99999999")))
    report = attrs.evolve(
        base, sections=(attrs.evolve(section, blocks=(attrs.evolve(table, rows=rows),)),)
    )
    with time_limit(20):
        text = render_markdown(report) + render_html(report)
    assert len(text) < 5_000_000
    assert "1.000000E+5000" in text and "1.000000E+999999999" in text


def test_a_chart_id_too_long_for_a_file_name_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzz profile: a 70,000-character chart id (its files' names) stopped the
    build with "File name too long"; it is now refused at the chart, with file and line."""
    from boardreport.cli import main

    text = _CELL_REPORT.format(kind="integer", value=1).replace(
        'id = "c"', f'id = "{"a" * 70_000}"'
    )
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "report.toml").write_text(text, encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--no-cache"]) == 2
    error = capsys.readouterr().err
    assert "report.toml:15: " in error and "chart id of 70,000 characters" in error
