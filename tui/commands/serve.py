"""`facts-tui serve [FILE]`: the explorer in a web browser, through textual-serve.

Each browser connection starts its own `python -m tui open FILE` process, whose terminal
output textual-serve relays over a websocket. textual-serve has no authentication: anyone who
can reach the port gets an explorer (and a process), so the default host is loopback only and
any other host gets a warning.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import ipaddress
import os
import shlex
import signal
import socket
import sys
from pathlib import Path

from rich.console import Console

from tui.commands import (
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    add_file_argument,
    add_lang_argument,
    error,
    language,
    load_facts,
)
from tui.facts.bundled import bundled_fact_file
from tui.facts.messages import msg
from tui.facts.model import Language

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve_command(path: Path, lang: Language) -> str:
    """The shell command textual-serve runs for each connection: this Python, `-m tui open`, the
    file as an absolute path (so it can never read as an option), every part shell-quoted."""
    return shlex.join([sys.executable, "-m", "tui", "open", str(Path(path).resolve()), "--lang", lang])


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only ('127.0.0.1', '::1', 'localhost')."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # another host name: it may resolve to any interface


def public_url(host: str, port: int) -> str:
    """The URL a browser on this machine uses ('http://[::1]:8000' for IPv6)."""
    host = host.strip("[]")
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve the explorer in a web browser",
        description="Serve the explorer on http://HOST:PORT with textual-serve: each browser tab runs "
        "its own explorer. There is no authentication, so keep the default loopback host unless "
        "everyone who can reach the port may use it.",
    )
    add_file_argument(parser)
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})"
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    parser.add_argument(
        "--public-url",
        default=None,
        metavar="URL",
        help="the URL browsers reach the server at, when it differs from http://HOST:PORT "
        "(e.g. behind a proxy, or with --host 0.0.0.0)",
    )
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError(f"facts-tui serve: error: --port must be from 1 to 65535, not {args.port}")
    facts = load_facts(args.file)  # a bad file is reported here (exit 2), before serving
    path = args.file if args.file is not None else bundled_fact_file()
    lang = language(args, facts)
    try:
        from textual_serve.server import Server
    except ImportError:
        error("serve needs textual-serve: pip install textual-serve")
        return EXIT_USAGE
    try:
        sockets = listen(args.host, args.port)
    except OSError as exc:
        error(bind_failure(args.host, args.port, exc, lang))
        return EXIT_USAGE
    if not is_loopback(args.host):
        error(
            f"warning: serving on {args.host}, not a loopback address. textual-serve has no "
            "authentication: anyone who can reach this port can browse the file, and each "
            "connection starts a new process."
        )
    server = Server(
        serve_command(path, lang),
        host=args.host,
        port=args.port,
        title=f"facts-tui — {facts.meta.title}",
        public_url=args.public_url or public_url(args.host, args.port),
    )
    serve_on(server, sockets)
    return EXIT_OK


def listen(host: str, port: int) -> list[socket.socket]:
    """Listening sockets on every address `host` resolves to, bound before anything is announced.

    Raises socket.gaierror when `host` does not resolve, OSError when an address cannot be bound
    (the port is in use, needs privileges, or the address is not this machine's).
    """
    infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            if os.name == "posix":  # as aiohttp does: a port left in TIME_WAIT can be reused at once
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:  # '::' must not also claim the IPv4 port of a second socket
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(128)
            sock.setblocking(False)
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    return sockets


_BIND_REASONS = {
    errno.EADDRINUSE: "serve.port_in_use",
    errno.EACCES: "serve.port_needs_privileges",
    errno.EADDRNOTAVAIL: "serve.not_this_machine",
}


def bind_failure(host: str, port: int, exc: OSError, lang: Language) -> str:
    """One line saying why `host`:`port` cannot be served and what to do."""
    where = f"{host}:{port}"
    if isinstance(exc, socket.gaierror):
        return msg("serve.unknown_host", lang, where=where, host=host, error=exc.strerror or exc)
    key = _BIND_REASONS.get(exc.errno or 0, "serve.cannot_listen")
    return msg(key, lang, where=where, host=host, port=port, error=exc.strerror or exc)


def serve_on(server, sockets: list[socket.socket]) -> None:
    """`Server.serve()` of textual-serve, but on sockets already bound by `listen`.

    (textual-serve binds inside aiohttp after announcing "Serving ...", so a busy port would
    print that line and then a traceback.)
    """
    from aiohttp import web

    server.initialize_logging()
    loop = asyncio.new_event_loop()
    try:
        loop.add_signal_handler(signal.SIGINT, server.request_exit)
        loop.add_signal_handler(signal.SIGTERM, server.request_exit)
    except NotImplementedError:  # Windows
        pass
    web.run_app(server._make_app(), sock=sockets, handle_signals=False, loop=loop, print=lambda *args: None)
