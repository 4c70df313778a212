"""`facts-tui serve`: the explorer in a browser through textual-serve, tested for real.

A server is started as a subprocess on a free loopback port. The page must load over HTTP
with the app's title; a websocket session must start the explorer, whose terminal output
(carrying the file's title) streams back; and headless Chromium, where installed, must run
the page's JavaScript, connect, and receive that output. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.serve import is_loopback, public_url, serve_command
from tui.facts import load
from tui.facts.bundled import bundled_fact_file

REPO = Path(__file__).resolve().parents[1]
BUNDLED = bundled_fact_file()
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
STARTUP_TIMEOUT = 20.0
APP_TIMEOUT = 20.0


# -- the command line, without a server ----------------------------------------------------------


def test_serve_command_quotes_the_file_path(tmp_path: Path) -> None:
    hostile = tmp_path / "my facts; rm -rf ~ $(touch pwned) `x`.toml"
    command = serve_command(hostile, "en")
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "tui",
        "open",
        str(hostile.resolve()),
        "--lang",
        "en",
    ]
    relative = serve_command(Path("facts.toml"), "ko")
    assert shlex.split(relative)[4] == str(Path("facts.toml").resolve())  # absolute: never read as an option


def test_the_quoted_command_runs_as_one_argument_in_a_real_shell(tmp_path: Path) -> None:
    hostile = tmp_path / "a b; touch pwned $(touch pwned2).toml"
    # The same command with the module swapped for a probe that prints the arguments it got.
    probe = serve_command(hostile, "en").replace(" -m tui open ", " -c 'import sys; print(sys.argv[1:])' ", 1)
    result = subprocess.run(
        ["/bin/sh", "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert result.stdout.strip() == repr([str(hostile.resolve()), "--lang", "en"])
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()


def test_loopback_hosts() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org", "10.0.0.1"):
        assert not is_loopback(host), host
    assert public_url("::1", 8000) == "http://[::1]:8000"
    assert public_url("127.0.0.1", 8123) == "http://127.0.0.1:8123"


def test_serve_bad_file_exits_2_before_serving(
    capsys: pytest.CaptureFixture[str], write_facts: Callable[..., Path]
) -> None:
    bad = write_facts('[meta]\ntitle = "x"\n[[people]]\nid = "p"\n')
    assert main(["serve", str(bad), "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "필수 필드 'name'" in err  # in the file's language (Korean: it names none), as check says it
    assert "textual-serve" not in err


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str], port: str) -> None:
    assert main(["serve", "--port", port]) == 2
    assert "--port must be from 1 to 65535" in capsys.readouterr().err


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A loopback port something else listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


def _one_line_refusal(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    """`facts-tui serve ARGS` fails at once: exit 2, nothing announced, one line on stderr."""
    pytest.importorskip("textual_serve")
    assert main(["serve", *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # no "Serving ..." before the failure
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_serve_on_a_busy_port_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], busy_port: int, lang: str
) -> None:
    err = _one_line_refusal(capsys, ["--port", str(busy_port), "--lang", lang])
    assert f"127.0.0.1:{busy_port}" in err and "--port" in err
    if lang == "en":
        assert "in use" in err


def test_serve_on_an_unknown_host_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    err = _one_line_refusal(capsys, ["--host", "nosuch.invalid", "--port", "8000", "--lang", "en"])
    assert "nosuch.invalid:8000" in err and "--host" in err
    assert "warning" not in err  # nothing is served, so nothing is exposed


def test_serve_on_an_address_of_another_machine_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _one_line_refusal(capsys, ["--host", "192.0.2.1", "--port", "8000", "--lang", "en"])  # TEST-NET-1
    assert "192.0.2.1:8000" in err and "not an address of this machine" in err


# -- a real server -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(
        f"server did not accept connections within {STARTUP_TIMEOUT} s:\n{log.read_text(errors='replace')}"
    )


def _stop(proc: subprocess.Popen) -> int:
    """Terminate, wait, kill after a timeout; returns the exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    return proc.returncode


class Served:
    def __init__(self, proc: subprocess.Popen, port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log
        self.url = f"http://127.0.0.1:{port}/"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    pytest.importorskip("textual_serve")
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    env = {**os.environ, "COLUMNS": "250"}  # wide log lines: the user agent stays on one line
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", str(port), "--lang", "en"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=REPO,
            env=env,
        )
    try:
        _wait_for_port(port, proc, log)
        yield Served(proc, port, log)
    finally:
        status = _stop(proc)
    assert status == 0, f"server did not stop cleanly ({status}):\n{log.read_text(errors='replace')}"


def _title() -> str:
    return f"facts-tui — {load(BUNDLED).meta.title}"


def test_page_loads_with_the_title(served: Served) -> None:
    with urllib.request.urlopen(served.url, timeout=10) as response:
        assert response.status == 200
        page = response.read().decode("utf-8")
    assert html.escape(_title(), quote=False) in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page


def test_loopback_server_gives_no_warning(served: Served) -> None:
    assert "warning" not in served.log_text().lower()


async def _read_app_output(port: int, needles: tuple[bytes, ...]) -> bytes:
    import aiohttp

    received = b""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=36") as ws,
    ):
        await ws.send_str(json.dumps(["resize", {"width": 120, "height": 36}]))
        deadline = time.monotonic() + APP_TIMEOUT
        while time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
                if any(n in received for n in needles):
                    break
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
    return received


def test_websocket_session_runs_the_explorer(served: Served) -> None:
    pytest.importorskip("aiohttp")
    received = asyncio.run(_read_app_output(served.port, ("대구".encode(), b"Daegu")))
    text = received.decode("utf-8", errors="replace")
    assert "대구" in text or "Daegu" in text, f"no app output in {len(received)} bytes:\n{served.log_text()}"
    assert "\x1b[" in text  # it is a terminal stream


# -- Chromium ------------------------------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Nothing but this machine: the page also names a web font, which must not be fetched.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)"
)


@needs_chromium
def test_chromium_renders_the_page(served: Served, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            served.url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert html.escape(_title(), quote=False) in dom
    assert 'class="textual-terminal' in dom


def _descendants(pid: int) -> list[str]:
    """Command lines of every process below `pid` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    commands: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
        commands[int(entry.name)] = cmdline
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(commands.get(child, ""))
            stack.append(child)
    return found


async def _browse(port: int, url: str, profile: Path, server_pid: int) -> dict:
    """Open `url` in Chromium over the DevTools protocol; wait until the page has received app output."""
    import aiohttp

    browser = await asyncio.create_subprocess_exec(
        CHROMIUM,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        "--remote-debugging-port=0",
        "--window-size=1280,800",
        "about:blank",
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    drain: asyncio.Task | None = None
    try:
        # Chromium says where its DevTools listen: 'DevTools listening on ws://127.0.0.1:PORT/...'.
        assert browser.stderr is not None
        devtools = None
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while devtools is None and time.monotonic() < deadline:
            line = await asyncio.wait_for(browser.stderr.readline(), timeout=STARTUP_TIMEOUT)
            if not line:
                break
            if b"DevTools listening on " in line:
                devtools = line.split(b"DevTools listening on ", 1)[1].strip().decode()
        assert devtools, "Chromium did not start its DevTools endpoint"
        debug_port = int(devtools.split(":")[2].split("/")[0])
        drain = asyncio.create_task(browser.stderr.read())  # keep the pipe from filling up
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{debug_port}/json") as response:
                targets = await response.json()
            page = next(t for t in targets if t["type"] == "page")
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as cdp:
                next_id = 0

                async def call(method: str, **params) -> dict:
                    nonlocal next_id
                    next_id += 1
                    await cdp.send_json({"id": next_id, "method": method, "params": params})
                    while True:
                        message = await cdp.receive_json(timeout=STARTUP_TIMEOUT)
                        if message.get("id") == next_id:
                            return message

                async def evaluate(expression: str):
                    reply = await call("Runtime.evaluate", expression=expression, returnByValue=True)
                    return reply["result"]["result"].get("value")

                await call("Page.navigate", url=url)
                # textual.js adds '-first-byte' to <body> once the app's output reaches the terminal.
                classes = ""
                children: list[str] = []
                deadline = time.monotonic() + APP_TIMEOUT
                while time.monotonic() < deadline:
                    classes = await evaluate("document.body ? document.body.className : ''") or ""
                    if not children:
                        children = [c for c in _descendants(server_pid) if "-m tui open" in c]
                    if "-first-byte" in classes and children:
                        break
                    await asyncio.sleep(0.2)
                shot = await call("Page.captureScreenshot", format="png")
                return {
                    "classes": classes,
                    "children": children,
                    "screenshot": base64.b64decode(shot["result"]["data"]),
                }
    finally:
        if drain is not None:
            drain.cancel()
        if browser.returncode is None:
            browser.terminate()
            try:
                await asyncio.wait_for(browser.wait(), timeout=10)
            except TimeoutError:
                browser.kill()
                await browser.wait()


@needs_chromium
def test_chromium_session_starts_the_explorer(served: Served, tmp_path: Path) -> None:
    pytest.importorskip("aiohttp")
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs Linux /proc to see the explorer process")
    seen = asyncio.run(_browse(served.port, served.url, tmp_path / "profile", served.proc.pid))
    (tmp_path / "page.png").write_bytes(seen["screenshot"])
    assert "-connected" in seen["classes"] or "-loaded" in seen["classes"], seen["classes"]
    assert "-first-byte" in seen["classes"], f"the page got no app output:\n{served.log_text()}"
    assert any(str(BUNDLED) in c and "--lang en" in c for c in seen["children"]), seen["children"]
    assert "HeadlessChrome" in served.log_text()  # the websocket request came from the browser
