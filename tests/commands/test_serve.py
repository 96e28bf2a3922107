"""``boardreport serve`` and boardreport.serve: a live preview that rebuilds on every change.

Each server runs as a real process (``boardreport serve PATH --port 0``) on a copy of the small
quickstart report; the test reads the URL it prints and polls it with a bounded timeout. The
process is stopped at the end of every test.
"""

from __future__ import annotations

import base64
import hashlib
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from boardreport.serve import (
    RELOAD_SCRIPT,
    allow_reload,
    error_page,
    inject_reload,
)
from boardreport.skeleton import write_skeleton

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "fixtures" / "quickstart" / "answers"
BOARD = "Brackenford Safeguarding Children Board"
TIMEOUT = 20.0
START_TIMEOUT = 60.0


@dataclass
class Server:
    """A running ``boardreport serve`` process and the URL it printed."""

    process: subprocess.Popen[str]
    url: str
    output: queue.Queue[str]

    def get(self, route: str = "") -> tuple[int, str, str]:
        """Return (status, content type, body) of ``route``."""
        try:
            with urllib.request.urlopen(self.url + route, timeout=TIMEOUT) as response:
                body = response.read().decode("utf-8")
                return response.status, response.headers["Content-Type"], body
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read().decode("utf-8")

    def page(self) -> str:
        """The served page."""
        return self.get()[2]

    def version(self) -> int:
        """The current build number."""
        return int(self.get("__version")[2])

    def stop(self) -> None:
        """Terminate the process (if still running) and close its pipes."""
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=30)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def _pump(stream: Any, into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def start(path: str, cwd: Path, *extra: str) -> Server:
    """Start ``boardreport serve path --port 0`` in ``cwd`` and wait for its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "boardreport", "serve", path, "--port", "0", *extra],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        seen.append(line)
        match = re.search(r"http://\S+/", line)
        if match:
            return Server(process=process, url=match.group(0), output=lines)
    process.kill()
    process.wait()
    msg = f"serve printed no URL within {START_TIMEOUT} s: {seen}"
    raise AssertionError(msg)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    """Poll ``condition`` until it holds, failing after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    msg = f"not seen within {timeout} s: {what}"
    raise AssertionError(msg)


def edit(file: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur) with ``new`` in ``file``, as an editor saving it."""
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A copy of the small quickstart report, at tmp_path/brackenford."""
    folder = tmp_path / "brackenford"
    shutil.copytree(ANSWERS, folder)
    return folder


@pytest.fixture
def server(report: Path) -> Iterator[Server]:
    """``boardreport serve brackenford`` running on the copy, stopped after the test."""
    running = start("brackenford", report.parent)
    yield running
    running.stop()


# ---------------------------------------------------------------------------------------------
# the running server


def test_serves_on_loopback_and_rebuilds_when_a_file_changes(server: Server, report: Path) -> None:
    """The page is served from 127.0.0.1; after an edit the rebuilt page has the new text."""
    assert server.url.startswith("http://127.0.0.1:")
    status, content_type, page = server.get()
    assert status == 200 and content_type.startswith("text/html")
    assert BOARD in page and "The Board met six times" in page
    first = server.version()
    assert f'data-boardreport-build="{first}"' in page
    assert not any(p.suffix == ".html" for p in report.rglob("*")), "nothing built into the report"

    edit(report / "parts/05-the-board.toml", "met six times", "met seven times")
    wait_for(lambda: "The Board met seven times" in server.page(), "the edited text")
    assert server.version() > first
    assert "The Board met six times" not in server.page()


def test_a_new_part_file_is_picked_up(server: Server, report: Path) -> None:
    """Adding a part file and listing it rebuilds the page with the new section."""
    (report / "parts" / "18-thanks.toml").write_text(
        'id = "thanks"\ntitle = "With thanks to our volunteers"\n', encoding="utf-8"
    )
    edit(
        report / "report.toml",
        '"parts/17-glossary.toml",',
        '"parts/17-glossary.toml",\n"parts/18-thanks.toml",',
    )
    wait_for(lambda: "With thanks to our volunteers" in server.page(), "the new section")


def test_a_broken_file_shows_its_located_error(server: Server, report: Path) -> None:
    """A file that no longer loads gives a page with file:line: path: message, escaped."""
    file = report / "parts/07-child-death-reviews.toml"
    line = file.read_text(encoding="utf-8").splitlines().index("deaths_reviewed = 14") + 1
    edit(file, "deaths_reviewed = 14", 'deaths_reviewed = "<b>fourteen</b>"')
    wait_for(lambda: "could not be loaded" in server.page(), "the error page")
    page = server.page()
    location = f"brackenford/parts/07-child-death-reviews.toml:{line}:"
    assert location in page
    assert "child-death-reviews/cdop-2015-16.deaths_reviewed" in page or "deaths_reviewed" in page
    assert "&lt;b&gt;fourteen&lt;/b&gt;" in page
    assert "<b>fourteen</b>" not in page
    assert BOARD not in page, "never the stale draft"

    edit(file, 'deaths_reviewed = "<b>fourteen</b>"', "deaths_reviewed = 14")
    wait_for(lambda: BOARD in server.page(), "the report again")


def test_a_syntax_error_is_shown_with_its_line(server: Server, report: Path) -> None:
    """Broken TOML shows the file and line of the syntax error."""
    file = report / "parts/03-local-context.toml"
    line = next(
        n
        for n, text in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
        if text.startswith("title = ")
    )
    edit(file, 'title = "Local context', 'title = Local context"')
    wait_for(lambda: "could not be loaded" in server.page(), "the error page")
    assert f"brackenford/parts/03-local-context.toml:{line}:" in server.page()
    assert "TOML syntax error" in server.page()


def test_check_errors_are_listed_on_the_draft(tmp_path: Path) -> None:
    """A skeleton is served as a draft with its check errors, each with file and line, on top."""
    write_skeleton(
        tmp_path / "draft", board=BOARD, area="Brackenford", period="2015-16", framework="WT2013"
    )
    running = start("draft", tmp_path)
    try:
        page = running.page()
    finally:
        running.stop()
    notice = page.split('class="boardreport-serve-check"', 1)[1].split("</div>", 1)[0]
    assert "boardreport check: 10 errors" in notice
    assert "draft/parts/01-chair-foreword.toml:9: chair-foreword.meets: WT13-002" in notice
    assert "draft/report.toml:" in notice
    assert BOARD in page


def test_other_routes(server: Server) -> None:
    """/__version is plain text; unknown paths are 404; HEAD works."""
    status, content_type, body = server.get("__version")
    assert status == 200 and content_type.startswith("text/plain") and body.isdigit()
    assert server.get("nope.html")[0] == 404
    assert server.get("index.html")[0] == 200
    request = urllib.request.Request(server.url, method="HEAD")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        assert response.status == 200 and response.read() == b""


def test_ctrl_c_stops_cleanly(server: Server) -> None:
    """SIGINT (Ctrl-C) stops the server with exit code 0 and no traceback."""
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=TIMEOUT) == 0
    assert server.process.stderr is not None
    errors = server.process.stderr.read()
    assert "Traceback" not in errors
    printed = "".join(iter_queue(server.output))
    assert "Stopped" in printed


def iter_queue(lines: queue.Queue[str]) -> Iterator[str]:
    """Drain what the process printed so far."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            yield lines.get(timeout=0.5)
        except queue.Empty:
            return


def test_a_port_in_use_is_exit_2(report: Path) -> None:
    """A port that cannot be bound is a usage error (exit 2) with a message, at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "boardreport", "serve", str(report), "--port", port],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_a_missing_report_is_exit_2(tmp_path: Path) -> None:
    """A PATH with no report.toml is refused at once with exit 2, before serving anything."""
    result = subprocess.run(
        [sys.executable, "-m", "boardreport", "serve", str(tmp_path / "nowhere"), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 2 and "no report" in result.stderr


def test_bad_port_is_a_usage_error(report: Path) -> None:
    """--port outside 0-65535 exits 2."""
    result = subprocess.run(
        [sys.executable, "-m", "boardreport", "serve", str(report), "--port", "70000"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 2 and "port number" in result.stderr


# ---------------------------------------------------------------------------------------------
# the reload script and the error page


def _sha(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_reload_script_is_allowed_by_the_pages_policy() -> None:
    """Injection adds the script's hash and connect-src 'self' and keeps the rest of the policy."""
    page = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="'
        "default-src &#39;none&#39;; script-src &#39;sha256-abc=&#39;; img-src data:"
        '"></head><body><p>x</p></body></html>'
    )
    served = inject_reload(page, 7)
    policy = re.search(r'content="([^"]*)"', served)
    assert policy is not None
    text = policy.group(1).replace("&#x27;", "'")
    assert "script-src 'sha256-abc=' " + _sha(RELOAD_SCRIPT) in text
    assert "connect-src 'self'" in text and "img-src data:" in text
    assert served.index('<script data-boardreport-build="7">') < served.index("</body>")
    assert served.count("<script") == 1


def test_policy_without_script_src_gets_one() -> None:
    """A policy with no script-src or connect-src gains both."""
    policy = allow_reload("default-src 'none'")
    assert f"script-src {_sha(RELOAD_SCRIPT)}" in policy and "connect-src 'self'" in policy


def test_error_page_escapes_every_problem() -> None:
    """Problems are HTML-escaped into a page with a language, a title and a main landmark."""
    page = error_page("Oops", ['a.toml:3: x: bad "<script>"'], hint="Fix it & save.")
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert '<html lang="en-GB">' in page and "<title>Oops</title>" in page and "<main>" in page
    assert "Fix it &amp; save." in page


# ---------------------------------------------------------------------------------------------
# in a browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.browser
def test_served_page_reloads_itself_and_passes_axe(
    browser: Any, server: Server, report: Path
) -> None:
    """In Chromium the served page has no axe violations or console errors, and reloads itself."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server.url)
        page.wait_for_selector("main")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()

        edit(report / "parts/05-the-board.toml", "met six times", "met eight times")
        page.wait_for_function(
            "document.body && document.body.innerText.includes('met eight times')",
            timeout=TIMEOUT * 1000,
        )
        assert errors == []
    finally:
        context.close()
