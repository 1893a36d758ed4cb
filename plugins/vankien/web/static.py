"""The archive's static files (styles, scripts, vendored libraries) and the one that is assembled
at build time: the search script, which carries the rules generated from the Python tables."""

from __future__ import annotations

import json
from pathlib import Path

from vankien.search.pipeline import browser_pipeline_rules

FOLDER = Path(__file__).resolve().parent / "assets"
SEARCH_FOLDER = FOLDER / "search"
_CONFIG_MARK = "/*vankien:config*/{}"


def search_script(search_page: str) -> str:
    """`vankien-search.js` with its CONFIG: the search page's folder and the pipeline rules."""
    script = (SEARCH_FOLDER / "vankien-search.js").read_text(encoding="utf-8")
    config = {"searchPage": f"{search_page.strip('/')}/", "rules": browser_pipeline_rules()}
    if _CONFIG_MARK not in script:
        raise ValueError("vankien-search.js has lost its CONFIG mark")
    return script.replace(_CONFIG_MARK, json.dumps(config, ensure_ascii=False, sort_keys=True), 1)
