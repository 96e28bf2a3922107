"""``boardreport serve PATH``: show the report in a browser and rebuild it on every change.

Exit codes: 0 stopped with Ctrl-C; 2 no report at PATH, or the address cannot be used.
"""

from __future__ import annotations

import argparse

from boardreport.errors import ExitCode, UsageError


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        msg = f"must be a port number from 0 to 65535 (0 picks a free port), not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return port


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the serve command's arguments."""
    parser.add_argument("path", metavar="PATH", help="report folder or report.toml")
    parser.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="port (default 8000; 0: a free port)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load, chart and draw everything afresh on every change and keep nothing",
    )


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C."""
    from boardreport.cache import default_cache
    from boardreport.io import root_file
    from boardreport.serve import make_server

    if not root_file(args.path).is_file():
        msg = f"no report at {args.path} (no report.toml)"
        raise UsageError(msg)
    try:
        cache = None if args.no_cache else default_cache()
        server = make_server(args.path, host=args.host, port=args.port, cache=cache)
    except OSError as exc:
        msg = f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
        raise UsageError(msg) from exc
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
        return ExitCode.OK
    try:
        print(f"Serving {args.path} at {server.url}", flush=True)
        print("The page rebuilds when a report file changes. Press Ctrl-C to stop.", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
    finally:
        server.server_close()
    return ExitCode.OK
