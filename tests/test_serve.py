"""The preview server in-process: Host check, a watcher that survives errors, quiet on dropped
clients, connection timeouts, bounded threads, and rebuilds that reuse the cache."""

from __future__ import annotations

import http.client
import shutil
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli

from boardreport import serve
from boardreport.cache import Cache

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "tests" / "fixtures" / "quickstart" / "answers"


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"not seen within {timeout} s: {what}")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    folder = tmp_path / "brackenford"
    shutil.copytree(ANSWERS, folder)
    return folder


@pytest.fixture
def running(report: Path, tmp_path: Path) -> Iterator[serve.LiveServer]:
    server = serve.make_server(report, port=0, cache=Cache(tmp_path / "cache"))
    server.poll = 0.05
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def get(server: serve.LiveServer, host: str | None = None, route: str = "/") -> tuple[int, str]:
    address, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(address), int(port), timeout=10)
    try:
        connection.putrequest("GET", route, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def test_only_its_own_host_names_are_answered(running: serve.LiveServer) -> None:
    """A page using DNS rebinding sends its own name as Host: it gets 421, never the draft."""
    port = running.server_address[1]
    for good in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", "LOCALHOST."):
        status, body = get(running, good)
        assert status == 200 and "Brackenford" in body, good
    for bad in (f"evil.example:{port}", "evil.example", f"127.0.0.2:{port}", "127.0.0.1:1", None):
        status, body = get(running, bad)
        assert status == 421 and "Brackenford" not in body, bad
    assert get(running, "evil.example", "/__version")[0] == 421


def test_a_wildcard_address_accepts_ip_addresses_but_no_other_name() -> None:
    assert serve._host_allowed("192.168.1.5:8000", "0.0.0.0", 8000)
    assert serve._host_allowed("[::1]:8000", "::", 8000)
    assert not serve._host_allowed("attacker.example:8000", "0.0.0.0", 8000)
    assert serve._host_allowed("[::1]:8000", "::1", 8000)
    assert not serve._host_allowed("[::2]:8000", "::1", 8000)


def test_the_watcher_survives_an_error_shows_it_and_recovers(
    running: serve.LiveServer, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the files cannot be read the page says so; afterwards it rebuilds by itself."""
    real = serve.snapshot
    broken = threading.Event()
    broken.set()

    def unreadable(folder: Path) -> dict[str, tuple[int, int]]:
        if broken.is_set():
            raise PermissionError(13, "Permission denied", str(folder / "parts"))
        return real(folder)

    monkeypatch.setattr(serve, "snapshot", unreadable)
    wait_for(lambda: "may be out of date" in get(running, "localhost")[1], "the stale notice")
    assert "Permission denied" in get(running, "localhost")[1]
    number = running.live.current.number
    time.sleep(0.3)
    assert running.live.current.number == number  # the same error is shown once, not rebuilt
    broken.clear()
    part = next((report / "parts").glob("*.toml"))
    part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    wait_for(lambda: "may be out of date" not in get(running, "localhost")[1], "recovery")
    assert running._watcher.is_alive()


def test_dropped_clients_print_nothing(
    running: serve.LiveServer, capfd: pytest.CaptureFixture[str]
) -> None:
    """Clients that hang up mid-download (reset, not read) leave no traceback."""
    address, port = running.server_address[:2]
    for _ in range(20):
        client = socket.create_connection((str(address), int(port)))
        client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # a reset, while the server writes the page
    assert get(running, "localhost")[0] == 200
    time.sleep(0.3)
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err


def test_idle_connections_time_out(
    running: serve.LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve._Handler, "timeout", 0.5)
    address, port = running.server_address[:2]
    client = socket.create_connection((str(address), int(port)))
    client.settimeout(10)
    started = time.monotonic()
    assert client.recv(100) == b""  # the server hung up on a client that sent nothing
    assert time.monotonic() - started < 5
    client.close()


def test_the_number_of_connection_threads_is_bounded(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Idle connections beyond the limit get no thread; the server still answers afterwards."""
    monkeypatch.setattr(serve, "QUEUE_SECONDS", 0.2)
    monkeypatch.setattr(serve._Handler, "timeout", 2.0)
    server = serve.make_server(report, port=0, cache=Cache(tmp_path / "cache"))
    server._slots = threading.BoundedSemaphore(3)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    before = threading.active_count()
    idle = [socket.create_connection(server.server_address[:2]) for _ in range(12)]
    try:
        time.sleep(1.0)
        assert threading.active_count() - before <= 3
    finally:
        for client in idle:
            client.close()
    wait_for(lambda: get(server, "localhost")[0] == 200, "an answer once the idle ones went")
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_a_prose_edit_redraws_no_chart_and_renders_only_the_changed_text(
    tmp_path: Path, reference_report_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A saved prose edit: no chart is specified or drawn again, only the edited file is
    parsed and only the edited text is rendered; with no edit, nothing is loaded again."""
    from markdown_it import MarkdownIt

    from boardreport.io import _load
    from boardreport.render import _draw, vega

    folder = tmp_path / "report"
    shutil.copytree(reference_report_path, folder)
    live = serve.LiveReport(folder, Cache(tmp_path / "cache"))
    assert live.rebuild().ok
    calls: dict[str, int] = {"draw": 0, "spec": 0, "load": 0}
    parsed: list[str] = []

    def counted(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(_draw, "start", counted("draw", _draw.start))
    monkeypatch.setattr(vega, "chart_spec", counted("spec", vega.chart_spec))
    monkeypatch.setattr(_load, "load_with_sources", counted("load", _load.load_with_sources))
    toml_read: list[str] = []
    real_loads = tomli.loads

    def loads(text: str, **kwargs: Any) -> dict[str, Any]:
        toml_read.append(text)
        return real_loads(text, **kwargs)

    monkeypatch.setattr(tomli, "loads", loads)
    real_parse = MarkdownIt.parse

    def parse(self: MarkdownIt, src: str, env: object = None) -> object:
        parsed.append(src)
        return real_parse(self, src, env)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", parse)
    assert live.refresh() is False
    assert live.rebuild().ok
    assert calls == {"draw": 0, "spec": 0, "load": 0} and parsed == []
    part = folder / "parts" / "01-foreword.toml"
    text = part.read_text(encoding="utf-8")
    marker = "All of us play a part"
    assert marker in text
    part.write_text(text.replace(marker, "All of us really play a part", 1), encoding="utf-8")
    assert live.refresh() is True
    assert live.current.ok and "All of us really play a part" in live.current.page
    assert calls == {"draw": 0, "spec": 0, "load": 1}
    assert toml_read == [part.read_text(encoding="utf-8")]  # only the edited file is parsed
    assert parsed and all("All of us really play a part" in src for src in parsed)


def test_the_served_page_is_made_once_per_build(
    running: serve.LiveServer, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Polling the page does not redo its reload script for every request; a new build is
    served with its own build number."""
    made: list[int] = []
    real = serve.inject_reload

    def counted(page: str, build: int) -> str:
        made.append(build)
        return real(page, build)

    monkeypatch.setattr(serve, "inject_reload", counted)
    pages = {get(running, "localhost")[1] for _ in range(3)}
    number = running.live.current.number
    assert len(pages) == 1 and made == [number]
    assert f'data-boardreport-build="{number}"' in pages.pop()
    toml = next(report.rglob("*.toml"))
    toml.write_text(toml.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    wait_for(lambda: running.live.current.number > number, "a new build after the save")
    status, page = get(running, "localhost")
    newer = running.live.current.number
    assert status == 200 and f'data-boardreport-build="{newer}"' in page and made[-1] == newer
