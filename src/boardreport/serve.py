"""Serve a report's HTML on localhost while it is written, rebuilding whenever a file changes.

The page is built in memory (never into the report folder). A watcher polls the modification
times of every ``*.toml`` under the report folder and rebuilds on any change; served pages
carry a small script that polls ``/__version`` and reloads when the build number changes.
Built files (``boardreport build``) never carry that script. ``/report.pdf`` is the PDF of the
current build, drawn when first asked for (WeasyPrint takes seconds) and kept until the next.

A report that cannot be loaded or rendered is shown as a page listing each problem with its
location (``file:line: path: message``), so the browser never shows a stale draft; unsuppressed
check errors are listed at the top of the draft. Pages are built by
:func:`boardreport.pipeline.build` with the cache, so a saved edit reloads only the changed
report and redraws no unchanged chart.

The server answers only requests whose ``Host`` is the address it listens on or ``localhost``
(421 otherwise: a page using DNS rebinding cannot read the draft); with a wildcard address any
IP address is accepted, never another name. Connections time out, at most
:data:`MAX_CONNECTIONS` are served at once, and a client that goes away is not reported. The
watcher survives any error: the page then says the draft may be out of date, and the watcher
tries again on its next poll.
"""

from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import os
import re
import shlex
import socket
import threading
import typing
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from attrs import frozen

from boardreport.errors import LoadError, where
from boardreport.io import root_file
from boardreport.io._reuse_files import ParsedFiles
from boardreport.rules import Finding, Severity

if typing.TYPE_CHECKING:
    from boardreport.cache import Cache

POLL_SECONDS = 0.025
"""How often the watcher looks for changed report files (a look costs under a millisecond
for a report of forty files): a save is seen within this time."""
CONNECTION_SECONDS = 30.0
"""A connection that sends nothing for this long is closed."""
MAX_CONNECTIONS = 16
"""Connections served at once; more wait (up to :data:`QUEUE_SECONDS`) or are closed."""
QUEUE_SECONDS = 5.0
VERSION_PATH = "/__version"
PDF_PATH = "/report.pdf"
RELOAD_ATTRIBUTE = "data-boardreport-build"
RELOAD_SCRIPT = """(function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-boardreport-build") : null;
  function poll() {
    fetch("/__version", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : build; })
      .then(function (version) {
        if (build !== null && String(version).trim() !== build) {
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 500);
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 500);
})();"""
"""Reloads the page when the server's build number changes (served pages only)."""

_CSP_META = re.compile(
    r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)("\s*/?>)', re.IGNORECASE
)
_MAIN_OPEN = re.compile(r"<main\b[^>]*>", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)
_SHOWN_ERRORS = 50


def _hash_source(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def allow_reload(policy: str) -> str:
    """Return a Content-Security-Policy that also allows the reload script and its polling."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    script_hash = _hash_source(RELOAD_SCRIPT)
    found_script = found_connect = False
    for index, directive in enumerate(directives):
        name, _, value = directive.partition(" ")
        if name.lower() == "script-src":
            found_script = True
            sources = [s for s in value.split() if s != "'none'"]
            directives[index] = " ".join(["script-src", *sources, script_hash])
        elif name.lower() == "connect-src":
            found_connect = True
            sources = [s for s in value.split() if s != "'none'"]
            if "'self'" not in sources:
                sources.append("'self'")
            directives[index] = " ".join(["connect-src", *sources])
    if not found_script:
        directives.append(f"script-src {script_hash}")
    if not found_connect:
        directives.append("connect-src 'self'")
    return "; ".join(directives)


def inject_reload(page: str, build: int) -> str:
    """Return ``page`` with the reload script before ``</body>`` and its CSP widened to allow it."""

    def widen(match: re.Match[str]) -> str:
        policy = allow_reload(html.unescape(match.group(2)))
        return match.group(1) + html.escape(policy, quote=True) + match.group(3)

    page = _CSP_META.sub(widen, page, count=1)
    script = f'<script {RELOAD_ATTRIBUTE}="{build}">{RELOAD_SCRIPT}</script>\n'
    closing = list(_BODY_CLOSE.finditer(page))
    if not closing:
        return page + script
    at = closing[-1].start()
    return page[:at] + script + page[at:]


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def error_page(title: str, problems: Sequence[str], *, hint: str) -> str:
    """Return an accessible page listing ``problems`` (each ``file:line: path: message``)."""
    items = "\n".join(f"<li><code>{_escape(p)}</code></li>" for p in problems)
    policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_escape(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_escape(title)}</title>
<link rel="icon" href="data:,">
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }}
code {{ white-space: pre-wrap; }}
li {{ margin: 0.5rem 0; }}
</style>
</head>
<body>
<main>
<h1>{_escape(title)}</h1>
<p>{_escape(hint)}</p>
<ul class="problems">
{items}
</ul>
</main>
</body>
</html>
"""


def check_panel(errors: Sequence[str], summary: str, command: str) -> str:
    """Return the notice listing unsuppressed check errors, shown at the top of a served draft."""
    shown = errors[:_SHOWN_ERRORS]
    more = len(errors) - len(shown)
    items = "".join(f"<li><code>{_escape(e)}</code></li>" for e in shown)
    if more:
        items += f"<li>and {more} more</li>"
    return (
        '<div class="boardreport-serve-check" style="border: 2px solid #8a1c1c; '
        'padding: 0.5rem 1rem; margin: 0 0 1.5rem; color: #1a1a1a; background: #fff;">'
        f"<p><strong>{_escape(summary)}</strong>. This notice is shown only while serving; "
        f"<code>{_escape(command)}</code> lists every finding.</p>"
        f"<ul>{items}</ul></div>\n"
    )


def _insert_after_open(page: str, snippet: str) -> str:
    match = _MAIN_OPEN.search(page) or _BODY_OPEN.search(page)
    if match is None:
        return snippet + page
    return page[: match.end()] + "\n" + snippet + page[match.end() :]


def _finding_line(finding: Finding) -> str:
    location = where(finding.file or None, finding.line, unknown="<report>")
    path = f" {finding.path}:" if finding.path else ""
    return f"{location}:{path} {finding.rule} {finding.message}"


@frozen(kw_only=True)
class Build:
    """One build of the served page: its number, the page, and whether the report loaded."""

    number: int
    page: str
    ok: bool


def build_page(
    path: str | os.PathLike[str], cache: Cache | None = None, parsed: ParsedFiles | None = None
) -> tuple[str, bool]:
    """Load, check and render the report at ``path``; return (HTML page, loaded and rendered).

    The page is built by the pipeline with ``cache`` (unchanged loads, chart drawings and prose
    are reused) and ``parsed`` (files unchanged since the last build are not parsed again).
    Never raises for a broken report: the page then lists the problems with their locations.
    """
    from boardreport.pipeline import build

    try:
        built = build(path, formats=("html",), cache=cache, write=False, parsed=parsed)
    except LoadError as exc:
        problems = [str(p) for p in exc.problems] or [str(exc)]
        return (
            error_page(
                "The report could not be loaded",
                problems,
                hint="Fix the problems below and save the file; this page reloads by itself.",
            ),
            False,
        )
    except Exception as exc:  # any failure is shown in the page, never raised
        return (
            error_page(
                "The report could not be built",
                [f"{type(exc).__name__}: {exc}"],
                hint="Fix the problem and save the file; this page reloads by itself.",
            ),
            False,
        )
    page = str(built.files["index.html"])
    result = built.result
    errors = [
        _finding_line(f)
        for f in result.findings
        if f.severity is Severity.ERROR and not f.suppressed
    ]
    if errors:
        summary = f"boardreport check: {result.counts}"
        command = f"boardreport check {shlex.quote(str(path))}"
        page = _insert_after_open(page, check_panel(errors, summary, command))
    return page, True


def build_pdf(
    path: str | os.PathLike[str], cache: Cache | None = None, parsed: ParsedFiles | None = None
) -> bytes | None:
    """Load, check and render the report at ``path`` as a PDF; None when that fails.

    Built by the pipeline with ``cache`` and ``parsed``, like the page.
    """
    from boardreport.pipeline import build

    try:
        built = build(path, formats=("pdf",), cache=cache, write=False, parsed=parsed)
        document = built.files["report.pdf"]
    except Exception:  # the served page already shows why the report cannot be built
        return None
    return document if isinstance(document, bytes) else None


def pdf_link() -> str:
    """The link to the PDF, shown at the top of a served page."""
    link = f'<a href="{PDF_PATH}">PDF version of this report</a>'
    return f'<p class="boardreport-serve-pdf">{link}</p>\n'


def stale_notice(problem: str) -> str:
    """Return the notice shown on top of the page while the watcher cannot read the report."""
    return (
        '<div class="boardreport-serve-stale" role="alert" style="border: 2px solid #8a1c1c; '
        'padding: 0.5rem 1rem; margin: 0 0 1.5rem; color: #1a1a1a; background: #fff;">'
        "<p><strong>This page may be out of date:</strong> the report's files could not be "
        f"read (<code>{_escape(problem)}</code>). Trying again.</p></div>\n"
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Return (modification time, size) of every ``*.toml`` under ``folder``."""
    found: dict[str, tuple[int, int]] = {}
    for file in folder.rglob("*.toml"):
        if any(part.startswith(".") for part in file.relative_to(folder).parts):
            continue
        try:
            info = file.stat()
        except OSError:
            continue
        found[str(file)] = (info.st_mtime_ns, info.st_size)
    return found


class LiveReport:
    """The current build of a report, rebuilt by :meth:`refresh` when its files change."""

    def __init__(self, path: str | os.PathLike[str], cache: Cache | None = None) -> None:
        self.path = Path(path)
        self.folder = root_file(self.path).parent
        self.cache = cache
        self.parsed = ParsedFiles()
        """The report's files as last parsed: after a save only the changed ones are parsed."""
        self._lock = threading.Lock()
        self._seen: dict[str, tuple[int, int]] = {}
        self._build = Build(number=0, page="", ok=False)
        self._pdf_lock = threading.Lock()
        self._pdf: tuple[int, bytes | None] | None = None
        self._problem = ""

    @property
    def current(self) -> Build:
        """The latest build."""
        with self._lock:
            return self._build

    def rebuild(self) -> Build:
        """Build the page now and make it the current build."""
        seen = snapshot(self.folder)
        page, ok = build_page(self.path, self.cache, self.parsed)
        with self._lock:
            self._seen = seen
            self._problem = ""
            self._build = Build(number=self._build.number + 1, page=page, ok=ok)
            return self._build

    def pdf(self) -> bytes | None:
        """The PDF of the current build, drawn once per build; None when the report is broken."""
        number = self.current.number
        with self._pdf_lock:
            if self._pdf is None or self._pdf[0] != number:
                self._pdf = (number, build_pdf(self.path, self.cache, self.parsed))
            return self._pdf[1]

    def refresh(self) -> bool:
        """Rebuild when a report file was added, removed or changed; return True if rebuilt.

        After a failure (:meth:`failed`), the next refresh that works always rebuilds.
        """
        if snapshot(self.folder) == self._seen and not self._problem:
            return False
        self.rebuild()
        return True

    def failed(self, error: BaseException) -> Build:
        """Show that the watcher could not read or build the report; it tries again later."""
        problem = f"{type(error).__name__}: {error}"
        with self._lock:
            if problem != self._problem:
                self._problem = problem
                page = _insert_after_open(self._build.page, stale_notice(problem))
                self._build = Build(number=self._build.number + 1, page=page, ok=False)
            return self._build


def _host_allowed(header: str | None, bound: str, port: int) -> bool:
    """True if ``header`` names this server: ``localhost`` or its address (with its port)."""
    if not header:
        return False
    host, _, given_port = header.strip().rpartition(":")
    if not host or "]" in given_port:  # no port given
        host, given_port = header.strip(), ""
    if given_port and given_port != str(port):
        return False
    host = host.lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False  # any other name may be a rebinding attack
    listening = ipaddress.ip_address(bound)
    return listening.is_unspecified or address == listening


class _Handler(BaseHTTPRequestHandler):
    server: LiveServer
    timeout = CONNECTION_SECONDS

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        bound, port = self.server.server_address[:2]
        if not _host_allowed(self.headers.get("Host"), str(bound), int(port)):
            text = "this server answers only for localhost and its own address\n"
            self._send(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8", text, head)
            return
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        build = self.server.live.current
        if route == VERSION_PATH:
            self._send(HTTPStatus.OK, "text/plain; charset=utf-8", str(build.number), head)
        elif route in ("/", "/index.html"):
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.served(build), head)
        elif route == PDF_PATH and (pdf := self.server.live.pdf()) is not None:
            self._send(HTTPStatus.OK, "application/pdf", pdf, head)
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n", head)

    def _send(self, status: HTTPStatus, content_type: str, text: str | bytes, head: bool) -> None:
        body = text if isinstance(text, bytes) else text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            try:
                self.wfile.write(body)
            except (ConnectionError, TimeoutError):
                self.close_connection = True  # the client went away: nothing to report

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: one line per request would drown the command's own messages."""


class LiveServer(ThreadingHTTPServer):
    """An HTTP server for one :class:`LiveReport`, with a watcher thread that rebuilds it."""

    daemon_threads = True

    def __init__(
        self,
        live: LiveReport,
        host: str,
        port: int,
        *,
        poll: float = POLL_SECONDS,
        connections: int = MAX_CONNECTIONS,
    ) -> None:
        self.live = live
        self.poll = poll
        self._slots = threading.BoundedSemaphore(connections)
        self._stop = threading.Event()
        self._served: tuple[Build, bytes] | None = None
        self._served_lock = threading.Lock()
        self._watcher = threading.Thread(target=self._watch, name="boardreport-watch", daemon=True)
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _Handler)

    def served(self, build: Build) -> bytes:
        """The page of ``build`` as served (reload script, PDF link), made once per build."""
        with self._served_lock:
            if self._served is None or self._served[0] is not build:
                page = inject_reload(build.page, build.number)
                if build.ok:
                    page = _insert_after_open(page, pdf_link())
                self._served = (build, page.encode("utf-8"))
            return self._served[1]

    @property
    def url(self) -> str:
        """The address to open in a browser."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def start_watching(self) -> None:
        """Start polling the report's files for changes."""
        self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.live.refresh()
            except Exception as exc:  # shown in the page; the next poll tries again
                self.live.failed(exc)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve in a thread if one of the connection slots frees in time, else hang up."""
        if not self._slots.acquire(timeout=QUEUE_SECONDS):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        """Serve one connection, then free its slot."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that went away or timed out; report anything else once."""
        import sys

        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        print(f"boardreport serve: error while answering a request: {error!r}", file=sys.stderr)

    def server_close(self) -> None:
        """Stop the watcher, then close the socket."""
        self._stop.set()
        if self._watcher.is_alive():
            self._watcher.join(timeout=5)
        super().server_close()


def make_server(
    path: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    cache: Cache | None = None,
) -> LiveServer:
    """Bind ``host:port`` (0 picks a free port), build the report once and start watching.

    ``cache`` keeps loads, drawings and prose between rebuilds (None: everything afresh).

    Call ``serve_forever()`` on the result, and ``shutdown()`` / ``server_close()`` to stop.

    Raises:
        OSError: when the address cannot be bound.
    """
    live = LiveReport(path, cache)
    server = LiveServer(live, host, port)
    try:
        live.rebuild()
        server.start_watching()
    except BaseException:
        server.server_close()
        raise
    return server
