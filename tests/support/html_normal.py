"""HTML compared by meaning: tags with sorted attributes, text with whitespace collapsed.

Two renderings that differ only in whitespace between tags, attribute order or how a
character is escaped normalise to the same text; anything a reader or a browser would
see differently does not.
"""

from __future__ import annotations

from html.parser import HTMLParser

_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _Normaliser(HTMLParser):
    def __init__(self, spaces: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.spaces = spaces
        self.out: list[str] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        raw = "".join(self._text)
        text = " ".join(raw.split())
        if self.spaces and raw:
            # A space between inline elements is seen by readers: keep where there is one.
            text = (" " if raw[:1].isspace() else "") + text + (" " if raw[-1:].isspace() and text else "")
        if text:
            self.out.append(text)
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        shown = " ".join(f'{k}="{v}"' if v is not None else k for k, v in sorted(attrs))
        self.out.append(f"<{tag}{' ' + shown if shown else ''}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_comment(self, data: str) -> None:
        self._flush()


def normalise_html(html: str, *, spaces: bool = False) -> str:
    """One tag or text run per line, attributes sorted, whitespace collapsed, entities decoded.

    With `spaces`, where whitespace stands (between tags too) is kept as one space, so a lost
    space between two inline elements shows as a difference.
    """
    parser = _Normaliser(spaces)
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n".join(parser.out) + "\n"
