"""How tests, benchmarks and the screenshot script start Debian's headless Chromium and serve a site.

The flags keep Chromium from reaching for Google's services at start-up: on a closed
network those connections are refused, many at a time, and slow every run.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("VANKIEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under a sub-path, as an intranet server would; anything else is 404,
    answered with the site's 404.html when it has one (nginx's `error_page 404`)."""

    sub_path = "/"

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.sub_path):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + clean[len(self.sub_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_site(directory: Path, sub_path: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Serve a built site on 127.0.0.1 (random port) in a thread; returns the server and the base URL.

    Stop it with `server.shutdown(); server.server_close()`.
    """
    handler = type("Handler", (_SubPathHandler,), {"sub_path": sub_path})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
