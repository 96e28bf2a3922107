"""Drawing Vega-Lite charts as SVG with vl-convert in a worker process, under a time limit.

vl-convert holds the interpreter lock while it draws, so no thread or signal can stop it, and
it ends the whole process on some input. Drawing in a child process lets a chart that takes too
long be stopped, and turns a crash of the chart engine into an error naming the chart. One
worker serves every chart of a process and is started on first use.
"""

from __future__ import annotations

import atexit
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
for line in sys.stdin:
    try:
        reply = {"svg": vl_convert.vegalite_to_svg(json.loads(line), allowed_base_urls=[])}
    except Exception as error:
        reply = {"error": str(error)[:1000] or type(error).__name__}
    sys.stdout.write(json.dumps(reply) + "\\n")
    sys.stdout.flush()
"""


class _Worker:
    def __init__(self) -> None:
        # -P: the current folder (a report's) is never searched for modules
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        self.owner = os.getpid()
        self.replies: queue.Queue[str] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        with stream:
            for line in stream:
                self.replies.put(line)
        self.replies.put("")  # the worker ended

    def draw(self, spec: dict[str, Any], seconds: float) -> dict[str, str]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(spec) + "\n")
        self.process.stdin.flush()
        line = self.replies.get(timeout=seconds)
        if not line:
            raise BrokenPipeError
        reply: dict[str, str] = json.loads(line)
        return reply

    def stop(self) -> None:
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


def svg(spec: dict[str, Any], name: str, *, seconds: float = DRAW_SECONDS) -> str:
    """Draw ``spec`` as SVG; ``name`` says which chart in an error.

    Raises:
        RenderError: when vl-convert refuses the specification, ends, or takes longer than
            ``seconds``.
    """
    global _worker
    with _lock:
        try:
            if _worker is not None and _worker.owner != os.getpid():
                _worker = None  # inherited through a fork: the parent's, left to it
            if _worker is None:
                _worker = _Worker()
            reply = _worker.draw(spec, seconds)
        except queue.Empty:
            _stop()
            msg = f"{name} was not drawn within {seconds:g} seconds; the chart engine was stopped"
            raise RenderError(msg) from None
        except (OSError, ValueError):  # the worker ended, or could not start or answer
            _stop()
            msg = f"{name} could not be drawn: the chart engine stopped while drawing it"
            raise RenderError(msg) from None
        except BaseException:  # interrupted while waiting: its late answer must not be read
            _stop()
            raise
    if "error" in reply:
        msg = f"{name} could not be drawn: {reply['error']}"
        raise RenderError(msg)
    return reply["svg"]
