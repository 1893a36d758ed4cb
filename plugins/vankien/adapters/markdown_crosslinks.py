"""Cross-links in document bodies: a Python-Markdown tree processor applying the core's policy.

Runs after inline processing, on text nodes only: never inside `a`, `code` or `pre`, and
never in the metadata card (the card is added to the HTML later). Which mention links
where is decided by `vankien.graph.crosslinks`; this only finds mentions in text nodes
and turns them into elements.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from vankien.graph.crosslinks import Linker, LinkTarget
from vankien.refs import extract_references
from vankien.refs.model import Reference

_SKIPPED_TAGS = frozenset({"a", "code", "pre", "script", "style", "kbd", "samp"})
STUB_MARKER = "°"


class CrossLinkProcessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: CrossLinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        linker = self.extension.linker
        if linker is not None and self.extension.anchors:
            self._walk(root, linker)

    def _walk(self, element: etree.Element, linker: Linker) -> None:
        if element.tag in _SKIPPED_TAGS:
            return
        children = list(element)
        if element.text and not isinstance(element.text, AtomicString):
            first = self._split(element.text, linker)
            if first is not None:
                element.text, nodes = first
                for index, node in enumerate(nodes):
                    element.insert(index, node)
        for child in children:
            self._walk(child, linker)
            if child.tail and not isinstance(child.tail, AtomicString):
                split = self._split(child.tail, linker)
                if split is not None:
                    child.tail, nodes = split
                    position = list(element).index(child) + 1
                    for offset, node in enumerate(nodes):
                        element.insert(position + offset, node)

    def _split(self, text: str, linker: Linker) -> tuple[str, list[etree.Element]] | None:
        """Text before the first link, and the link elements each carrying the text after it as tail."""
        # Most text nodes hold no reference: look for how the page's references begin first.
        lowered = text.lower()
        if not any(anchor in lowered for anchor in self.extension.anchors):
            return None
        pieces: list[tuple[Reference, LinkTarget]] = []
        for reference in extract_references(text):
            target = linker(reference)
            if target is not None:
                pieces.append((reference, target))
        if not pieces:
            return None
        nodes: list[etree.Element] = []
        head = text[: pieces[0][0].start]
        for index, (reference, target) in enumerate(pieces):
            end = pieces[index + 1][0].start if index + 1 < len(pieces) else len(text)
            node = _element(reference, target)
            node.tail = text[reference.end : end]
            nodes.append(node)
        return head, nodes


def _element(reference: Reference, target: LinkTarget) -> etree.Element:
    if target.resolved:
        link = etree.Element("a", {"href": target.href, "class": "vk-ref", "title": target.title})
        link.text = AtomicString(reference.surface)
        return link
    # Not archived: the words stay plain text, with a discreet marker linking to the stub.
    span = etree.Element("span", {"class": "vk-ref vk-ref--missing"})
    span.text = AtomicString(reference.surface)
    marker = etree.SubElement(
        span,
        "a",
        {"href": target.href, "class": "vk-ref__stub", "title": target.title, "aria-label": target.title},
    )
    marker.text = AtomicString(STUB_MARKER)
    return span


class CrossLinkExtension(Extension):
    """Registered once; the adapter sets `linker` and `anchors` for the page being rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.linker: Linker | None = None
        self.anchors: frozenset[str] = frozenset()
        """Lower-case beginnings of the references the page's body holds; none, nothing to link."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 4: after "inline" (20), so code spans are stashed and links exist as elements.
        md.treeprocessors.register(CrossLinkProcessor(md, self), "vankien_crosslinks", 4)
