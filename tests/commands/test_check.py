"""`boardreport check`: formats, selection, strictness and exit codes 0/1/2."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from boardreport.cli import main

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "rules"
COMPLETE = FIXTURES / "complete"
SCHEMA = REPO / "docs" / "schema" / "findings.schema.json"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_complete_report_passes_even_strictly(capsys: pytest.CaptureFixture[str]) -> None:
    """A report meeting every rule exits 0 and says so in the count line."""
    code, out, _ = _run(capsys, "--strict", str(COMPLETE))
    assert code == 0
    edition, count = out.splitlines()
    assert edition == (
        f'{COMPLETE}: edition: framework = "wt2013", as for period 2014-15, LSCB assumed '
        "(no arrangement kind given): WT2013"
    )
    assert count == "0 errors, 0 warnings, 0 info (0 suppressed)"


def test_errors_exit_1_with_located_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """Errors fail; each line reads file:line: ID severity message (citation)."""
    fixture = FIXTURES / "CONS-003" / "fail.toml"
    code, out, _ = _run(capsys, "--select", "CONS-003", str(fixture))
    assert code == 1
    edition, first, last = out.splitlines()
    assert edition.endswith(": WT2013")
    rel = fixture.relative_to(Path.cwd()) if fixture.is_relative_to(Path.cwd()) else fixture
    assert first.startswith(f"{rel.as_posix()}:")
    line = int(first.split(":")[1])
    assert "income_total" in fixture.read_text(encoding="utf-8").splitlines()[line - 1]
    assert " CONS-003 error budget 2014-15: the income lines add up to -30,269" in first
    assert first.endswith("(WT2013 ch3 para 18)")
    assert last == "1 error, 0 warnings, 0 info (0 suppressed)"


def test_warnings_fail_only_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    """--strict turns unsuppressed warnings into a failure."""
    fixture = str(FIXTURES / "WT13-003" / "fail.toml")
    assert _run(capsys, "--select", "WT13-003", fixture)[0] == 0
    assert _run(capsys, "--select", "WT13-003", "--strict", fixture)[0] == 1


def test_select_and_ignore_accept_lists_and_prefixes(capsys: pytest.CaptureFixture[str]) -> None:
    """--select and --ignore take ids and pack prefixes, repeated or comma-separated."""
    fixture = str(FIXTURES / "WT13-001" / "fail.toml")
    _, out, _ = _run(capsys, "--select", "WT13-001,WT13-003", "--select", "QUAL-003", fixture)
    assert {line.split()[1] for line in out.splitlines()[1:-1]} == {"WT13-001", "WT13-003"}
    _, out, _ = _run(capsys, "--ignore", "WT13", "--ignore", "QUAL,CONS", fixture)
    assert out.endswith(": WT2013\n0 errors, 0 warnings, 0 info (0 suppressed)\n")


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str], option: str) -> None:
    """An id or prefix that names nothing exits 2 before any report is read."""
    code, out, err = _run(capsys, option, "WT13-001,XYZ", str(COMPLETE))
    assert code == 2
    assert out == ""
    assert "unknown rule or pack 'XYZ'" in err


def test_unloadable_report_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A report that cannot be loaded is listed with its location and summed up; exit 2."""
    bad = tmp_path / "report.toml"
    bad.write_text('board = "B"\narea = \n', encoding="utf-8")
    code, out, _ = _run(capsys, str(tmp_path), str(COMPLETE))
    assert code == 2
    assert "report.toml:2: LOAD-001 error TOML syntax error" in out
    assert f"error: {tmp_path}: the report could not be loaded (1 problem)" in out
    code, _, err = _run(capsys, str(tmp_path / "missing"))
    assert code == 2
    assert err == f"error: no such file or folder: {tmp_path / 'missing'}\n"


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse rejects an unknown format with exit 2."""
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", str(COMPLETE)])
    assert exc.value.code == 2
    capsys.readouterr()


def test_json_output_validates(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json is a list of findings valid against docs/schema/findings.schema.json."""
    fixture = FIXTURES / "SUP-001" / "pass.toml"
    code, out, _ = _run(capsys, "--format", "json", str(fixture))
    data = json.loads(out)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert code == 1
    assert any(d["suppressed"] and d["rule"] == "CONS-003" for d in data)
    assert all(d["file"] and d["line"] >= 1 for d in data)


def test_sarif_output(capsys: pytest.CaptureFixture[str]) -> None:
    """--format sarif writes one SARIF 2.1.0 run with the rules that ran."""
    fixture = str(FIXTURES / "SUP-001" / "pass.toml")
    _, out, _ = _run(capsys, "--format", "sarif", "--select", "CONS-003,SUP", fixture)
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["CONS-003", "SUP-001", "SUP-002", "SUP-003"]
    [result] = log["runs"][0]["results"]
    assert result["suppressions"][0]["kind"] == "inSource"


def test_github_output(capsys: pytest.CaptureFixture[str]) -> None:
    """--format github writes workflow annotations; suppressed findings get none."""
    fixture = str(FIXTURES / "SUP-001" / "fail.toml")
    code, out, _ = _run(capsys, "--format", "github", "--select", "CONS-003,SUP-001", fixture)
    lines = out.splitlines()
    assert code == 1
    assert ": edition: " in lines[-2] and lines[-2].endswith(": WT2013")  # a log line
    assert [line.split(" ")[0] for line in lines[:-2]] == ["::error", "::error"]
    assert {line.split("title=")[1].split("::")[0] for line in lines[:-2]} == {
        "CONS-003",
        "SUP-001",
    }
    assert lines[-1] == "2 errors, 0 warnings, 0 info (0 suppressed)"


def test_several_reports_in_one_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Findings of every report are printed; the exit code is the worst."""
    copy = tmp_path / "complete"
    shutil.copytree(COMPLETE, copy)
    fixture = str(FIXTURES / "CONS-003" / "fail.toml")
    code, out, _ = _run(capsys, str(copy), fixture)
    assert code == 1
    assert "CONS-003" in out
    assert _run(capsys, str(copy), str(COMPLETE))[0] == 0


def test_check_imports_nothing_heavy() -> None:
    """The check path never imports the renderers' libraries (altair, jinja2, markdown-it)."""
    code = (
        "import sys\n"
        "from boardreport.cli import main\n"
        f"main(['check', {str(COMPLETE)!r}])\n"
        "heavy = ('altair', 'jinja2', 'markdown_it', 'vl_convert')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "[]"


def _hook() -> dict[str, str]:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    pairs = [line.strip().lstrip("- ").split(": ", 1) for line in text.splitlines()]
    return {p[0]: p[1] for p in pairs if len(p) == 2 and not p[0].startswith("#")}


def test_pre_commit_hook_runs_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped hook is a python hook whose entry is `boardreport check`, and it works."""
    hook = _hook()
    assert hook["id"] == "boardreport-check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] == "false"
    program, *args = hook["entry"].split()
    assert program == "boardreport"
    assert main([*args, str(COMPLETE)]) == 0
    capsys.readouterr()


def test_suppression_findings_point_at_the_suppression(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """SUP findings are located on the [[suppressions]] table of report.toml."""
    copy = tmp_path / "complete"
    shutil.copytree(COMPLETE, copy)
    root = copy / "report.toml"
    text = root.read_text(encoding="utf-8")
    root.write_text(
        text + '\n[[suppressions]]\nrule = "CONS-003"\ntarget = "budget"\nreason = ""\n',
        encoding="utf-8",
    )
    line = len(text.splitlines()) + 2
    code, out, _ = _run(capsys, str(root))
    assert code == 1
    [finding] = out.splitlines()[1:-1]
    assert finding.startswith(f"{root.as_posix()}:{line + 3}: SUP-003 error ")


# ---------------------------------------------------------------------------------------------
# a broken report in every format


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A report whose root file has a number written with a thousands separator on line 6."""
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "report.toml").write_text(
        'board = "B"\narea = "A"\ntitle = "T"\nperiod_start = 2014-04-01\n'
        "period_end = 2015-03-31\nbudget = 14,770\n",
        encoding="utf-8",
    )
    return folder


def test_broken_report_in_json_names_file_and_line(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """JSON is not empty: a LOAD-001 entry with file, line and the hint."""
    code, out, _ = _run(capsys, "--format", "json", str(broken))
    assert code == 2
    data = json.loads(out)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    [entry] = data
    assert entry["rule"] == "LOAD-001"
    assert entry["file"].endswith("broken/report.toml")
    assert entry["line"] == 6
    assert "without thousands separators: budget = 14770" in entry["message"]


def test_broken_report_in_sarif_names_file_and_line(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """SARIF has the LOAD-001 result at file and line, and a failed invocation."""
    code, out, _ = _run(capsys, "--format", "sarif", str(broken))
    assert code == 2
    run = json.loads(out)["runs"][0]
    [result] = run["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("broken/report.toml")
    assert location["region"] == {"startLine": 6}
    assert run["invocations"][0]["executionSuccessful"] is False


def test_broken_report_in_github_names_file_and_line(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """GitHub gets an ::error annotation on the file and line."""
    code, out, _ = _run(capsys, "--format", "github", str(broken))
    assert code == 2
    first = out.splitlines()[0]
    assert first.startswith("::error file=")
    assert "broken/report.toml,line=6,title=LOAD-001::" in first


# ---------------------------------------------------------------------------------------------
# options


def test_several_formats_in_one_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Each --format takes the --output after it; one format may go to the screen."""
    fixture = str(FIXTURES / "SUP-001" / "fail.toml")
    sarif, found = tmp_path / "out" / "check.sarif", tmp_path / "check.json"
    code, out, _ = _run(
        capsys,
        *("--format", "sarif", "--output", str(sarif)),
        *("--format", "json", "-o", str(found)),
        *("--format", "github", "--select", "CONS-003,SUP-001", fixture),
    )
    assert code == 1
    assert out.startswith("::error ")
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert {d["rule"] for d in json.loads(found.read_text(encoding="utf-8"))} == {
        "CONS-003",
        "SUP-001",
    }


def test_two_formats_on_the_screen_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Two outputs without --output would mix: exit 2 naming them."""
    code, out, err = _run(capsys, "--format", "json", "--format", "sarif", str(COMPLETE))
    assert code == 2
    assert out == ""
    assert err.startswith("error: 2 formats would be printed together (json, sarif)")


def test_a_folder_of_reports_is_searched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`check FOLDER` checks every report below it; `--jobs 2` gives the same output."""
    for name in ("a", "b"):
        shutil.copytree(COMPLETE, tmp_path / "reports" / name)
    shutil.copytree(FIXTURES / "CONS-003", tmp_path / "reports" / "c" / "report-files")
    (tmp_path / "reports" / "c" / "report.toml").write_text(
        (FIXTURES / "CONS-003" / "fail.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    one = _run(capsys, "--format", "json", "--jobs", "1", str(tmp_path / "reports"))
    two = _run(capsys, "--format", "json", "--jobs", "2", str(tmp_path / "reports"))
    assert one[0] == two[0] == 1
    assert json.loads(one[1]) == json.loads(two[1])
    assert {Path(d["file"]).parent.name for d in json.loads(one[1])} == {"c"}


def test_check_defaults_to_the_current_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no PATH, `check` looks for reports below the current folder (pre-commit's case)."""
    shutil.copytree(COMPLETE, tmp_path / "reports" / "x")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys)
    assert code == 0
    edition, counts = out.splitlines()
    assert ": edition: " in edition
    assert counts.startswith("0 errors, 0 warnings")
    monkeypatch.chdir(tmp_path / "reports" / "x" / "parts")
    code, _, err = _run(capsys)
    assert code == 2
    assert "no report.toml in . or any folder below it" in err


def test_quiet_and_severity(capsys: pytest.CaptureFixture[str]) -> None:
    """--quiet drops the summary; --severity sets which findings are listed."""
    reference = str(REPO / "reports" / "wolverhampton_2014_15")
    code, out, _ = _run(capsys, reference)
    assert code == 0
    assert len(out.splitlines()) <= 3, "a clean report prints a short summary, not every note"
    assert _run(capsys, "--quiet", reference)[1] == ""
    _, out, _ = _run(capsys, "--severity", "info", reference)
    assert " info " in out
    _, out, _ = _run(capsys, "--severity", "error", "--show-suppressed", reference)
    edition, *listed, counts, hidden = out.splitlines()
    assert ": edition: " in edition
    assert listed
    assert all(" error " in line and "[suppressed:" in line for line in listed)
    assert counts.startswith("0 errors")
    assert hidden.startswith("not shown: ")
    fixture = str(FIXTURES / "WT13-003" / "fail.toml")
    _, out, _ = _run(capsys, "--select", "WT13-003", "--severity", "error", fixture)
    _edition, counts, hidden = out.splitlines()
    assert counts.startswith("0 errors, 3 warnings")
    assert hidden == "not shown: 3 below error (--severity warning lists them)"


@pytest.mark.parametrize(
    ("environ", "choice", "tty", "expected"),
    [
        ({}, "auto", True, True),
        ({}, "auto", False, False),
        ({"NO_COLOR": "1"}, "auto", True, False),
        ({"FORCE_COLOR": "1"}, "auto", False, True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, "auto", True, False),
        ({"TERM": "dumb"}, "auto", True, False),
        ({"NO_COLOR": "1"}, "always", False, True),
        ({}, "never", True, False),
    ],
)
def test_colour_follows_the_terminal_and_the_environment(
    environ: dict[str, str], choice: str, tty: bool, expected: bool
) -> None:
    """Colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on; --color decides."""
    from boardreport.commands.check import use_colour

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert use_colour(choice, Stream(), environ) is expected


def test_force_color_colours_the_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """FORCE_COLOR colours text output even when it is not a terminal."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    fixture = str(FIXTURES / "CONS-003" / "fail.toml")
    _, out, _ = _run(capsys, "--select", "CONS-003", fixture)
    assert "\x1b[31merror\x1b[0m" in out


def test_github_leaves_info_out_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    """GitHub annotations skip info findings; --severity info asks for them."""
    reference = str(REPO / "reports" / "wolverhampton_2014_15")
    _, out, _ = _run(capsys, "--format", "github", reference)
    assert "::notice" not in out
    _, out, _ = _run(capsys, "--format", "github", "--severity", "info", reference)
    assert "::notice" in out


def test_job_summary_in_github_actions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In Actions, a Markdown summary is appended to $GITHUB_STEP_SUMMARY; elsewhere nothing."""
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    fixture = str(FIXTURES / "CONS-003" / "fail.toml")
    _run(capsys, "--select", "CONS-003", fixture)
    assert summary.read_text(encoding="utf-8") == "earlier step\n"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _run(capsys, "--format", "github", "--select", "CONS-003", fixture)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## boardreport check\n")
    assert "| CONS-003 | error |" in text


def test_mistyped_command_and_option_get_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse errors exit 2 and name the nearest command or option."""
    for argv, hint in (
        (["chek", "."], "(did you mean 'check'?)"),
        (["check", "--formt", "json", "."], "(did you mean '--format'?)"),
        (["check", "--format", "jsno", "."], "(did you mean 'json'?)"),
    ):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        assert hint in capsys.readouterr().err


def test_top_level_help_is_for_users(capsys: pytest.CaptureFixture[str]) -> None:
    """`boardreport --help` says what the tool is for, lists commands and gives examples."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "annual report" in out.splitlines()[2]
    assert "examples:" in out
    assert "boardreport check reports/" in out
    assert "Exit codes" in out
    assert "parses arguments" not in out
