"""Run one command and report its wall time, peak memory and CPU time, from a small process.

Usage: ``python -I -S benchmarks/launch.py FD COMMAND...``. Writes ``seconds maxrss_kib
exit_code cpu_seconds`` to the file descriptor FD. A child's ``ru_maxrss`` starts at the
resident size of the process it was forked from, so benchmarks/run.py starts commands from this
small process rather than from itself (its own size would otherwise be the floor of every
figure).
"""

import os
import sys
import time


def main() -> int:
    """Fork, exec the command, wait for it with ``os.wait4`` and report."""
    fd, command = int(sys.argv[1]), sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: become the command
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime  # includes the command's own reaped children
    os.write(fd, f"{elapsed!r} {usage.ru_maxrss} {code} {cpu!r}".encode("ascii"))
    os.close(fd)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
