"""Serving a built site with Debian's nginx and the repository's own server block.

The server block is `deploy/nginx/van-kien.conf`, what operators install, included into a small
generated main configuration: a foreground nginx (`daemon off`) with its own prefix, pid file,
logs and temporary folders under a test folder, listening on a free loopback port. Only three
lines of the server block are substituted (listen, server_name, the live release path), each of
which must occur exactly once, so that a change to the deploy file cannot slip past the tests.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.environment import REPO
from tests.support.project import free_port

NGINX = os.environ.get("VANKIEN_NGINX", "/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
DEPLOY_CONF = REPO / "deploy" / "nginx" / "van-kien.conf"
SUB_PATH = "/van-kien/"
LIVE_ALIAS = "alias /srv/van-kien/current/;"
"""The line of the deploy file that points at the live release; the tests point it at their site."""

_START_TIMEOUT = 10.0


class NginxError(RuntimeError):
    """nginx refused the configuration or did not start; the message carries its error log."""


def server_block(site_dir: Path, port: int, conf: Path = DEPLOY_CONF) -> str:
    """The deploy file with the listen port, the server name and the release path substituted."""
    text = conf.read_text(encoding="utf-8")
    substitutions = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "server_name intranet;": "server_name 127.0.0.1;",
        # Not resolved: a symlink (the release layout's `current`) stays a symlink for nginx.
        LIVE_ALIAS: f"alias {site_dir.absolute()}/;",
    }
    for old, new in substitutions.items():
        count = text.count(old)
        if count != 1:
            raise NginxError(f"{conf}: expected `{old}` exactly once, found it {count} times")
        text = text.replace(old, new)
    return text


def main_config(prefix: Path, included: Path) -> str:
    """A main configuration for a foreground nginx whose every path is under `prefix`."""
    # Workers started by root would run as `nobody` and could not read a test's private tmp
    # folder; an unprivileged nginx ignores `user` with a warning, so it is only written for root.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = prefix / "temp"
    return f"""daemon off;
master_process on;
worker_processes 1;
{user}pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix / "access.log"};
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    include {included};
}}
"""


@dataclass
class NginxServer:
    process: subprocess.Popen[bytes]
    prefix: Path
    port: int

    @property
    def base(self) -> str:
        """The site's base URL, under the sub-path."""
        return f"http://127.0.0.1:{self.port}{SUB_PATH}"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def error_log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGQUIT: the master closes its sockets and waits for its workers (graceful stop).
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def start_nginx(
    site_dir: Path, prefix: Path, conf: Path = DEPLOY_CONF, port: int | None = None
) -> NginxServer:
    """Start nginx in the foreground serving `site_dir` under /van-kien/ with `conf`, on `port`
    (a site built for its address) or on a free one.

    The configuration is checked with `nginx -t` first, so a broken deploy file fails with
    nginx's own message. A free port taken between choosing and binding it is retried."""
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "temp").mkdir(exist_ok=True)
    wanted = port
    for _attempt in range(1 if wanted else 3):
        port = wanted or free_port()
        included = prefix / "van-kien.conf"
        included.write_text(server_block(site_dir, port, conf), encoding="utf-8")
        config = prefix / "nginx.conf"
        config.write_text(main_config(prefix, included), encoding="utf-8")
        command = [NGINX, "-p", f"{prefix}/", "-c", str(config), "-e", str(prefix / "error.log")]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, check=False)
        if checked.returncode != 0:
            raise NginxError(f"nginx -t refused {conf}:\n{checked.stderr}")
        with (prefix / "stderr.log").open("wb") as stderr_file:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr_file)
        server = NginxServer(process, prefix, port)
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            if _listening(port):
                return server
            time.sleep(0.05)
        server.stop()
        stderr = (prefix / "stderr.log").read_text(encoding="utf-8", errors="replace")
        if "Address already in use" not in stderr + server.error_log():
            raise NginxError(f"nginx did not start:\n{stderr}\n{server.error_log()}")
    raise NginxError(f"nginx could not listen on 127.0.0.1 (port {port} taken; tried {_attempt + 1} ports)")
