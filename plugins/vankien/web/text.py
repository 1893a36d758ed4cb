"""Editor-written text placed into generated Markdown, made inert."""

from __future__ import annotations

import re
from html import escape

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: HTML escaped, Markdown punctuation backslashed.

    Titles, issuers, topics and citations come from editors and imported texts; in a
    heading or a table cell they must never become markup ("<script>", "*x*", "[a](b)").
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


def page_title(text: str) -> str:
    """A page title safe in every place Material puts it.

    Material writes `page.title | striptags` into <title>, and striptags un-escapes entities:
    an escaped "</title><script>" would come back as markup. Angle brackets have no business
    in a document's name, so they become look-alike quotes before escaping.
    """
    return escape(" ".join(text.replace("<", "‹").replace(">", "›").split()), quote=False)
