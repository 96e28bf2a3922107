"""Drawing Vega-Lite charts as SVG with vl-convert in a worker process, under a time limit.

vl-convert holds the interpreter lock while it draws, so no thread or signal can stop it, and
it ends the whole process on some input. Drawing in a child process lets a chart that takes too
long be stopped, and turns a crash of the chart engine into an error naming the chart. One
worker serves every chart of a process and is started on first use, or ahead of it
(:func:`prestart`) so that the engine starts while the caller does other work.

:func:`start` sends a chart to the worker and returns at once; :func:`finish` waits for its
drawing. A build starts every chart as soon as its specification is made and renders its
pages while the worker draws (on another core, where there is one). Drawings come back in the
order they were sent; a chart left waiting when the worker had to be stopped is drawn again,
on its own, when it is finished.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from typing import IO, Any

from boardreport.errors import RenderError

DRAW_SECONDS = 60.0
"""Longest time one chart may take to draw (a loaded machine is far slower than a free one)."""

_WORKER = """
import json, sys
import vl_convert
if sys.argv[1:] == ["warm"]:  # start the engine now, before the first chart arrives
    vl_convert.vegalite_to_svg({"mark": "point"}, allowed_base_urls=[])
for line in sys.stdin:
    try:
        reply = {"svg": vl_convert.vegalite_to_svg(json.loads(line), allowed_base_urls=[])}
    except Exception as error:
        reply = {"error": str(error)[:1000] or type(error).__name__}
    sys.stdout.write(json.dumps(reply) + "\\n")
    sys.stdout.flush()
"""


class Drawing:
    """A chart sent to the worker (or to be drawn on its own); :func:`finish` gives its SVG."""

    def __init__(self, spec: dict[str, Any], name: str, seconds: float) -> None:
        self.spec = spec
        self.name = name
        self.seconds = seconds
        self.worker: _Worker | None = None
        """The worker it was sent to; None if it was never sent."""
        self.reply: dict[str, str] | None = None


class _Worker:
    def __init__(self, *, warm: bool = False) -> None:
        # -P: the current folder (a report's) is never searched for modules
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", _WORKER, *(["warm"] if warm else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        self.owner = os.getpid()
        self.replies: queue.Queue[str] = queue.Queue()
        self.requests: queue.Queue[str | None] = queue.Queue()
        self.sent: collections.deque[Drawing] = collections.deque()
        """Drawings sent whose reply has not been read, oldest first."""
        assert self.process.stdout is not None and self.process.stdin is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._write, args=(self.process.stdin,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        with stream:
            for line in stream:
                self.replies.put(line)
        self.replies.put("")  # the worker ended

    def _write(self, stream: IO[str]) -> None:
        """Send requests in order; a large one never holds up the caller while a chart draws."""
        while (request := self.requests.get()) is not None:
            try:
                stream.write(request)
                stream.flush()
            except (OSError, ValueError):  # the worker ended: its reader reports it
                return

    def send(self, drawing: Drawing) -> None:
        self.requests.put(json.dumps(drawing.spec) + "\n")
        drawing.worker = self
        self.sent.append(drawing)

    def receive(self) -> None:
        """Read the reply to the oldest drawing sent, waiting at most its time limit.

        Raises:
            queue.Empty: when it was not drawn in time.
            BrokenPipeError: when the worker ended.
            ValueError: when the reply is not JSON.
        """
        drawing = self.sent[0]
        line = self.replies.get(timeout=drawing.seconds)
        if not line:
            raise BrokenPipeError
        reply: dict[str, str] = json.loads(line)
        self.sent.popleft()
        drawing.reply = reply

    def stop(self) -> None:
        self.requests.put(None)
        self.process.kill()
        self.process.wait()
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):  # the pipe broke with the worker
                self.process.stdin.close()


_worker: _Worker | None = None
_lock = threading.Lock()


def _stop() -> None:
    global _worker
    if _worker is not None:
        _worker.stop()
        _worker = None


atexit.register(_stop)


def _running(*, warm: bool = False) -> _Worker:
    """This process's worker, started if there is none. Call with the lock held."""
    global _worker
    if _worker is not None and _worker.owner != os.getpid():
        _worker = None  # inherited through a fork: the parent's, left to it
    if _worker is None:
        _worker = _Worker(warm=warm)
    return _worker


def prestart() -> None:
    """Start the worker and its chart engine now, if they are not running, without waiting."""
    with _lock, contextlib.suppress(OSError):  # it cannot start: the first chart says so
        _running(warm=True)


def start(spec: dict[str, Any], name: str, *, seconds: float = DRAW_SECONDS) -> Drawing:
    """Send ``spec`` to the worker to be drawn, and return at once; ``name`` says which chart
    in an error, ``seconds`` is its time limit once it is waited for."""
    drawing = Drawing(spec, name, seconds)
    with _lock:
        try:
            _running().send(drawing)
        except (OSError, ValueError):  # the worker cannot start: drawn on its own, if it can
            _stop()
    return drawing


def finish(drawing: Drawing) -> str:
    """Wait for the SVG of a drawing :func:`start` returned.

    Raises:
        RenderError: when vl-convert refuses the specification, ends, or takes longer than
            the drawing's time limit.
    """
    with _lock:
        while drawing.reply is None:
            worker = drawing.worker
            if worker is None or worker is not _worker or worker.owner != os.getpid():
                # never sent, or left waiting by a worker that was stopped: sent again
                try:
                    _running().send(drawing)
                except (OSError, ValueError):
                    _stop()
                    drawing.reply = {"failed": "could not be drawn: the chart engine cannot start"}
                continue
            head = worker.sent[0]
            try:
                worker.receive()
            except queue.Empty:
                _stop()
                head.reply = {
                    "failed": f"was not drawn within {head.seconds:g} seconds; the chart engine "
                    "was stopped"
                }
            except (OSError, ValueError):  # the worker ended, or could not answer
                _stop()
                head.reply = {
                    "failed": "could not be drawn: the chart engine stopped while drawing it"
                }
            except BaseException:  # interrupted while waiting: its late answer must not be read
                _stop()
                raise
    reply = drawing.reply
    if "failed" in reply:
        raise RenderError(f"{drawing.name} {reply['failed']}")
    if "error" in reply:
        msg = f"{drawing.name} could not be drawn: {reply['error']}"
        raise RenderError(msg)
    return reply["svg"]


def svg(spec: dict[str, Any], name: str, *, seconds: float = DRAW_SECONDS) -> str:
    """Draw ``spec`` as SVG and wait for it; ``name`` says which chart in an error.

    Raises:
        RenderError: when vl-convert refuses the specification, ends, or takes longer than
            ``seconds``.
    """
    return finish(start(spec, name, seconds=seconds))
