"""How tests, benchmarks and the screenshot script start Debian's headless Chromium.

The flags keep Chromium from reaching for Google's services at start-up: on a closed
network those connections are refused, many at a time, and slow every run.
"""

from __future__ import annotations

import os

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
