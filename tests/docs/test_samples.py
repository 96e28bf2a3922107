"""Every code sample in the quickstart, the authoring guide and the command-line reference runs.

- ``console`` blocks of docs/cli.md run in order in one empty folder (conftest.py says how a
  console block is read); the quickstart's block is run by test_quickstart.py.
- ``python`` blocks of docs/authoring.md run in order in one namespace, in an empty folder.
- docs/examples/build_in_python.py runs as a script and writes a report that passes the checks.
- ``toml`` blocks load: a whole ``report.toml`` (its ``parts`` left out), a part file, a run of
  ``[[blocks]]``, or root tables such as ``[[suppressions]]``.
- docs/cli.md documents every command and every option the parser has.
"""

from __future__ import annotations

import argparse
import runpy
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

import boardreport
from boardreport.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLE = DOCS / "examples" / "build_in_python.py"
WRITTEN_HERE = ("quickstart.md", "authoring.md", "cli.md")
MINIMAL_ROOT = {
    "board": "Example Safeguarding Children Board",
    "area": "Example",
    "title": "Example Safeguarding Children Board Annual Report 2015-16",
    "period_start": tomllib.loads("d = 2015-04-01")["d"],
    "period_end": tomllib.loads("d = 2016-03-31")["d"],
}


def test_cli_console_samples_run(samples: Any, console: Any) -> None:
    """The examples in docs/cli.md, run in order, exit and print as shown."""
    blocks = samples.fenced(DOCS / "cli.md", "console")
    assert blocks
    ran = 0
    for line, body in blocks:
        for step in samples.console_steps(body, line):
            if step.is_comment:
                continue
            if step.words[:2] == ["boardreport", "serve"]:
                page = console.serve(step)
                assert "Brackenford Safeguarding Children Board" in page
            else:
                console.run(step)
            ran += 1
    assert ran >= 10


def test_authoring_python_blocks_run(
    samples: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The Python in docs/authoring.md runs top to bottom: build, dump, load, check, render."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "authoring"}
    blocks = samples.fenced(DOCS / "authoring.md", "python")
    assert len(blocks) >= 3
    for line, body in blocks:
        code = compile(body, f"docs/authoring.md:{line}", "exec")
        exec(code, namespace)
    assert (tmp_path / "eastmere" / "report.toml").is_file()
    assert (tmp_path / "eastmere-draft" / "report.toml").is_file()
    assert namespace["html"].startswith("<!DOCTYPE html>")
    printed = capsys.readouterr().out
    assert "2015-16" in printed


def test_build_in_python_example_writes_a_passing_report(tmp_path: Path) -> None:
    """The example script writes a report folder that loads as the report it built and passes."""
    out = tmp_path / "eastmere-report"
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), str(out)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "report.toml" in result.stdout
    module = runpy.run_path(str(EXAMPLE), run_name="example")
    assert boardreport.load(out) == module["build_report"]()
    check = subprocess.run(
        [sys.executable, "-m", "boardreport", "check", str(out), "--strict"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    again = subprocess.run(
        [sys.executable, str(EXAMPLE), str(out)], capture_output=True, text=True, check=False
    )
    assert again.returncode == 2 and "overwrite" in again.stderr


def _load_toml_sample(text: str, where: str, tmp_path: Path) -> object:
    data = tomllib.loads(text)
    if "board" in data:
        data.pop("parts", None)
        return boardreport.loads(tomli_w.dumps(data), name=where)
    if ("id" in data and "title" in data) or set(data) == {"blocks"}:
        section = {"id": "sample", "title": "Sample", **data}
        folder = tmp_path / "sample"
        folder.mkdir(exist_ok=True)
        (folder / "part.toml").write_text(tomli_w.dumps(section), encoding="utf-8")
        (folder / "report.toml").write_text(
            tomli_w.dumps({**MINIMAL_ROOT, "parts": ["part.toml"]}), encoding="utf-8"
        )
        return boardreport.load(folder)
    if set(data) <= {"suppressions", "recipients", "chair"}:
        return boardreport.loads(tomli_w.dumps({**MINIMAL_ROOT, **data}), name=where)
    msg = f"{where}: a TOML sample of an unknown kind (keys {sorted(data)})"
    raise AssertionError(msg)


@pytest.mark.parametrize("name", WRITTEN_HERE)
def test_toml_samples_load(samples: Any, name: str, tmp_path: Path) -> None:
    """Every TOML sample is valid: it parses, and loads as a report, a part or blocks."""
    blocks = samples.fenced(DOCS / name, "toml")
    if name != "cli.md":
        assert blocks
    for line, body in blocks:
        loaded = _load_toml_sample(body, f"docs/{name}:{line}", tmp_path)
        assert isinstance(loaded, boardreport.Report)


def _options(parser: argparse.ArgumentParser, where: str) -> list[tuple[str, str]]:
    """(where, option or sub-command) for every option and sub-command of ``parser``."""
    found: list[tuple[str, str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((where, name))
                found.extend(_options(sub, f"{where} {name}"))
        elif isinstance(action, argparse._HelpAction):
            continue
        else:
            found.extend((where, option) for option in action.option_strings)
    return found


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_reference_documents_every_option(command: str) -> None:
    """docs/cli.md has a section for each command and names each of its options."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"\n## {command}\n" in text
    parser = build_parser([command])
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [
        f"{where}: {option}"
        for where, option in _options(sub.choices[command], command)
        if f"`{option}" not in text and f"{option} " not in text
    ]
    assert missing == []
