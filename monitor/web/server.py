"""Running the web application with uvicorn: in the foreground (`serve`) or in a thread of the daemon.

The listening socket is bound here, before uvicorn starts, so an address in
use or not ours is one clear error (exit 1) rather than a log line from
inside the server. In the daemon the server runs in a thread of its own;
`WebServerThread.stop` asks it to finish the requests in flight and waits.
"""

from __future__ import annotations

import gc
import logging
import signal
import socket
import threading
import time
from collections.abc import Callable

import uvicorn
from sqlalchemy import Engine
from starlette.types import ASGIApp

from monitor.clock import Clock
from monitor.config import Settings
from monitor.errors import MonitorError

log = logging.getLogger("monitor.web")


class WebServerError(MonitorError):
    """The web server could not listen on the address asked for."""


def listen(bind: str, port: int) -> socket.socket:
    """A socket bound to (bind, port) and listening; port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle off only on sockets that say they are TCP, and
    # with Nagle on, every answer after the first on a kept-alive connection waits ~40 ms for an ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((bind.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise WebServerError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}") from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def make_server(app: ASGIApp, *, log_level: str = "warning") -> uvicorn.Server:
    """A uvicorn server for `app`; our own log lines say what it serves, its access log is off."""
    config = uvicorn.Config(app, log_level=log_level, access_log=False, lifespan="off", server_header=False)
    return uvicorn.Server(config)


def serve_forever(app: ASGIApp, bind: str, port: int) -> None:
    """Serve in the foreground until SIGTERM or Ctrl-C, then finish the requests in flight and return.

    The server runs in a thread, as in the daemon, so these signal handlers are
    ours: uvicorn's own would end the process by the signal rather than exit 0.
    """
    server = WebServerThread(app, bind, port)
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        log.info("web.stopping", extra={"fields": {"signal": signal.Signals(signum).name}})
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.start()
        settle_heap()
        # A timeout keeps the main thread waking, so the handlers run promptly.
        while not stop.wait(0.5):
            if not server.thread.is_alive():
                raise WebServerError("the web server stopped on its own")
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def settle_heap() -> None:
    """Move what is alive now (modules, templates, settings) out of the collector's way.

    An answer of 1,000 measures builds some 40,000 objects, enough to start a full
    collection on most requests; without this each one walked every object the
    libraries loaded at start, and that walk was the slow tail of `as_of` answers.
    """
    gc.collect()
    gc.freeze()


class WebServerThread:
    """The web server beside the daemon's scheduler, in a thread of its own."""

    def __init__(self, app: ASGIApp, bind: str, port: int) -> None:
        self.sock = listen(bind, port)
        self.server = make_server(app)
        self.thread = threading.Thread(target=self._run, name="web-server", daemon=True)

    @property
    def port(self) -> int:
        """The port listened on (the one asked for, or the one picked for port 0)."""
        return int(self.sock.getsockname()[1])

    def _run(self) -> None:
        # Off the main thread uvicorn installs no signal handlers: the daemon's own stop this server.
        self.server.run(sockets=[self.sock])

    def start(self, timeout: float = 10.0) -> None:
        """Start serving; return once the server accepts connections."""
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise WebServerError("the web server did not start")
            time.sleep(0.02)
        host, port = self.sock.getsockname()[:2]
        log.info("web.started", extra={"fields": {"bind": host, "port": port}})

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the requests in flight and stop."""
        self.server.should_exit = True
        if self.thread.is_alive():
            self.thread.join(timeout)
        self.sock.close()
        log.info("web.stopped", extra={"fields": {}})


def start_web(
    settings: Settings, engine: Engine, clock: Clock, *, scheduler_running: Callable[[], bool] | None = None
) -> WebServerThread:
    """Build the application from `[web]` and serve it in a thread (what the daemon does when `web.enabled`)."""
    from monitor.web.app import build_app

    app = build_app(settings, engine, clock=clock, bind=settings.web.bind, scheduler_running=scheduler_running)
    server = WebServerThread(app, settings.web.bind, settings.web.port)
    server.start()
    settle_heap()
    return server
