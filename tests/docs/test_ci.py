"""docs/ci.md works pasted as it is: the workflow is a valid GitHub workflow, the install line
is true today, and the pre-commit hook runs in a scratch repository."""

from __future__ import annotations

import importlib.resources
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from boardreport._links import project_urls

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / "docs" / "ci.md"
COMPLETE = ROOT / "tests" / "fixtures" / "rules" / "complete"
CURRENT_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/cache": 4,
    "github/codeql-action/upload-sarif": 4,
}
"""The oldest major version of each action that is not deprecated."""


def _blocks(language: str) -> list[str]:
    text = CI.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def _workflow_text() -> str:
    [workflow] = [b for b in _blocks("yaml") if b.startswith("# .github/workflows/")]
    return workflow


def _workflow() -> dict[Any, Any]:
    """The workflow read as GitHub reads it: YAML 1.2, where `on` is a key, not true."""
    ruamel = pytest.importorskip("ruamel.yaml", reason="check-jsonschema installs ruamel.yaml")
    data: dict[Any, Any] = ruamel.YAML(typ="safe", pure=True).load(_workflow_text())
    return data


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"]["check"]["steps"]
    return steps


def _workflow_schema() -> dict[str, Any]:
    pytest.importorskip("check_jsonschema", reason="check-jsonschema vendors the schema")
    text = (
        importlib.resources.files("check_jsonschema.builtin_schemas.vendor")
        .joinpath("github-workflows.json")
        .read_text(encoding="utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_workflow_validates_against_the_github_workflow_schema() -> None:
    """The workflow is valid under schemastore's GitHub workflow schema (a broken one is not)."""
    schema = _workflow_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    workflow = _workflow()
    assert list(validator.iter_errors(workflow)) == []
    broken = {**workflow, "jobs": {"check": {"steps": _steps()}}}  # no runs-on
    assert list(validator.iter_errors(broken))


def test_check_jsonschema_accepts_the_workflow(tmp_path: Path) -> None:
    """`check-jsonschema --builtin-schema vendor.github-workflows` passes the file (offline)."""
    _workflow_schema()
    file = tmp_path / "boardreport.yml"
    file.write_text(_workflow_text(), encoding="utf-8")
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    done = subprocess.run(
        [*command, "vendor.github-workflows", str(file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_permissions_are_the_least_it_needs() -> None:
    """Read-only by default; the check job may write code scanning results only."""
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["check"]["permissions"] == {
        "contents": "read",
        "security-events": "write",
    }


def test_workflow_uses_current_action_versions_and_caches() -> None:
    """Every action is at a major version that is not deprecated; pip and boardreport cache."""
    used = {}
    for step in _steps():
        if "uses" in step:
            name, version = step["uses"].split("@")
            used[name] = int(version.removeprefix("v"))
    assert set(used) == set(CURRENT_MAJOR)
    assert all(used[name] >= major for name, major in CURRENT_MAJOR.items())
    [cache] = [s for s in _steps() if s.get("uses", "").startswith("actions/cache@")]
    assert "~/.cache/boardreport" in cache["with"]["path"]


def test_sarif_is_written_and_uploaded_only_when_it_exists() -> None:
    """One check writes annotations and SARIF; the upload runs after a failure, if the file is."""
    [check] = [s for s in _steps() if "boardreport check" in s.get("run", "")]
    command = check["run"]
    assert "--format github" in command
    assert "--format sarif --output boardreport.sarif" in command
    [upload] = [s for s in _steps() if "upload-sarif" in s.get("uses", "")]
    assert upload["with"]["sarif_file"] == "boardreport.sarif"
    assert "hashFiles('boardreport.sarif') != ''" in upload["if"]
    assert "!cancelled()" in upload["if"]


def test_workflow_check_command_parses_as_given() -> None:
    """The check step's command line is accepted by boardreport's own parser."""
    from boardreport.cli import build_parser

    [check] = [s for s in _steps() if "boardreport check" in s.get("run", "")]
    argv = check["run"].split()[1:]
    args = build_parser(argv).parse_args(argv)
    assert args.outputs == [["github", None], ["sarif", "boardreport.sarif"]]


def test_install_instructions_name_the_git_repository() -> None:
    """boardreport is not on PyPI: every install line installs from the git repository."""
    text = CI.read_text(encoding="utf-8")
    repository = project_urls()["Repository"]
    installs = re.findall(r"pip install [^\n]+", text)
    assert installs
    assert all(f"git+{repository}@" in line for line in installs), installs
    assert "pip install boardreport\n" not in text


def test_pre_commit_examples_are_valid_configs(tmp_path: Path) -> None:
    """pre-commit accepts both configurations; the hook needs no args and the manifest is valid."""
    pre_commit = pytest.importorskip("pre_commit", reason="PyPI pre-commit runs the hook")
    del pre_commit
    configs = [b for b in _blocks("yaml") if "repos:" in b]
    assert len(configs) == 2
    for number, config in enumerate(configs):
        file = tmp_path / f"config-{number}.yaml"
        file.write_text(config, encoding="utf-8")
        _pre_commit("validate-config", str(file), cwd=tmp_path)
        hooks = yaml.safe_load(config)["repos"][0]["hooks"]
        assert [h["id"] for h in hooks] == ["boardreport-check"]
    remote = yaml.safe_load(configs[0])["repos"][0]
    assert remote["repo"] == project_urls()["Repository"]
    assert "args" not in remote["hooks"][0]
    _pre_commit("validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=tmp_path)


def _pre_commit(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=check,
    )


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_pre_commit_hook_runs_in_a_scratch_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped hook, installed by pre-commit, passes a clean report and stops a broken one."""
    pytest.importorskip("pre_commit", reason="PyPI pre-commit runs the hook")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    scratch = tmp_path / "board"
    shutil.copytree(COMPLETE, scratch / "reports" / "exampleshire")
    _git("init", "-q", cwd=scratch)
    _git("add", "-A", cwd=scratch)
    _git("commit", "-qm", "report", cwd=scratch)
    hook = ("try-repo", str(ROOT), "boardreport-check", "--all-files")
    passed = _pre_commit(*hook, cwd=scratch, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "boardreport check" in passed.stdout
    root = scratch / "reports" / "exampleshire" / "report.toml"
    root.write_text(root.read_text(encoding="utf-8") + "budget = 14,770\n", encoding="utf-8")
    failed = _pre_commit(*hook, cwd=scratch, check=False)
    assert failed.returncode != 0
    assert "LOAD-001" in failed.stdout
    assert "reports/exampleshire/report.toml:" in failed.stdout
    assert "budget = 14770" in failed.stdout
