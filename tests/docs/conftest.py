"""Running the samples of the documentation: console sessions, Python blocks, TOML snippets.

A ``console`` block is a session: ``$ command`` lines are run in order with bash in one folder;
the lines after a command are its expected output (``...`` stands for any lines, and a line
ending in ``...`` for any line starting with the text before it); a trailing ``# exit N`` gives
the command's expected exit code (0 otherwise); ``$ # ...`` is a comment, a step for the reader.
``boardreport serve`` runs until stopped, so it is started with ``--port 0`` added, its page
fetched, and stopped.
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ANSWERS = ROOT / "tests" / "fixtures" / "quickstart" / "answers"

_FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")
_URL = re.compile(r"https?://\S+/")
STEP_TIMEOUT = 300
SERVE_TIMEOUT = 60


def fenced(path: Path, language: str) -> list[tuple[int, str]]:
    """Return (line number, body) of every fenced block of ``language`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start()) + 2, m.group(2))
        for m in _FENCE.finditer(text)
        if m.group(1) == language
    ]


@dataclass
class Step:
    """One ``$`` line of a console block and the output shown after it."""

    command: str
    line: int
    exit_code: int = 0
    output: list[str] = field(default_factory=list)

    @property
    def is_comment(self) -> bool:
        """True for ``$ # ...``: a step for the reader, not a command."""
        return self.command.startswith("#")

    @property
    def words(self) -> list[str]:
        """The command split as the shell would."""
        return shlex.split(self.command, comments=True)


def console_steps(body: str, first_line: int = 1) -> list[Step]:
    """Parse a console block into steps."""
    steps: list[Step] = []
    for offset, raw in enumerate(body.splitlines()):
        if raw.startswith("$ "):
            command = raw[2:].strip()
            match = _EXIT.search(command)
            code = 0
            if match and not command.startswith("#"):
                code = int(match.group(1))
                command = command[: match.start()].rstrip()
            steps.append(Step(command=command, line=first_line + offset, exit_code=code))
        elif steps:
            steps[-1].output.append(raw)
        elif raw.strip():
            msg = f"line {first_line + offset}: output before the first command: {raw!r}"
            raise AssertionError(msg)
    return steps


def output_matches(expected: list[str], actual: str) -> str | None:
    """Return None when ``actual`` shows the ``expected`` lines in order, else the first miss."""
    lines = actual.splitlines()
    position = 0
    floating = False
    for want in (w.rstrip() for w in expected):
        if not want:
            continue
        if want == "...":
            floating = True
            continue
        prefix = want.endswith("...")
        text = want[:-3] if prefix else want

        def fits(line: str, text: str = text, prefix: bool = prefix) -> bool:
            return line.startswith(text) if prefix else line.rstrip() == text

        candidates = range(position, len(lines)) if floating else range(position, position + 1)
        found = next((i for i in candidates if i < len(lines) and fits(lines[i])), None)
        if found is None:
            return want
        position = found + 1
        floating = False
    return None


def environment() -> dict[str, str]:
    """The environment for documented commands: this interpreter's ``boardreport`` first."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("NO_COLOR", None)
    env["COLUMNS"] = "80"
    return env


class Console:
    """Runs console steps in one working folder."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd

    def run(self, step: Step) -> subprocess.CompletedProcess[str]:
        """Run one command with bash and check its exit code and shown output."""
        result = subprocess.run(
            ["bash", "-c", step.command],
            cwd=self.cwd,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
            check=False,
        )
        shown = result.stdout + result.stderr
        assert result.returncode == step.exit_code, (
            f"line {step.line}: `{step.command}` exited {result.returncode}, "
            f"expected {step.exit_code}\n{shown}"
        )
        miss = output_matches(step.output, shown)
        assert miss is None, (
            f"line {step.line}: `{step.command}` did not print {miss!r}; it printed:\n{shown}"
        )
        return result

    def serve(self, step: Step) -> str:
        """Start a documented ``boardreport serve`` on a free port, fetch its page, stop it."""
        command = f"exec {step.command} --port 0"
        process = subprocess.Popen(
            ["bash", "-c", command],
            cwd=self.cwd,
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            url = wait_for_url(process, SERVE_TIMEOUT)
            with urllib.request.urlopen(url, timeout=SERVE_TIMEOUT) as response:
                page: str = response.read().decode("utf-8")
            return page
        finally:
            process.terminate()
            process.wait(timeout=30)
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()


def _lines(stream: object, into: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)


def wait_for_url(process: subprocess.Popen[str], timeout: float) -> str:
    """Return the URL a ``boardreport serve`` process prints, waiting at most ``timeout``."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            msg = f"no URL printed within {timeout} s; output so far: {seen}"
            raise AssertionError(msg) from None
        seen.append(line)
        match = _URL.search(line)
        if match:
            return match.group(0)


def walk(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, relative to it, sorted."""
    yield from sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def console(tmp_path: Path) -> Console:
    """A console session in an empty temporary folder."""
    return Console(tmp_path)


@pytest.fixture
def samples() -> object:
    """This module's helpers (``fenced``, ``console_steps``, ``output_matches``, ...)."""
    return sys.modules[__name__]
