"""Normalise a text for matching and map offsets back to the caller's string.

The grammar runs on `vankien.core.text.normalize` output (NFC, "Đ" for look-alikes, "-"
for every dash). That function keeps the length of NFC input, so offsets agree
for the common case. NFD input (old word processors) gets shorter when composed:
there every normalised character remembers the span of original characters it
came from, so a match maps back to a slice that never splits a letter from its
combining marks.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from vankien.core.text import CHANGED_BY_NORMALIZE, normalize


@dataclass(frozen=True)
class NormalizedText:
    text: str
    """The normalised text every pattern runs on."""
    original: str
    """The caller's text, which offsets are reported into."""
    starts: tuple[int, ...] | None = None
    """Original start offset of each normalised character; None when offsets agree."""
    ends: tuple[int, ...] | None = None
    """Original end offset of each normalised character; None when offsets agree."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original slice a non-empty normalised slice [start, end) came from."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def normalize_with_offsets(text: str) -> NormalizedText:
    if unicodedata.is_normalized("NFC", text):
        # Most bodies hold none of these: a scan for them costs a fraction of `normalize`.
        if CHANGED_BY_NORMALIZE.search(text) is None:
            return NormalizedText(text, text)
        normalized = normalize(text)
        if len(normalized) == len(text):
            return NormalizedText(normalized, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for group_start, group_end in _composition_groups(text):
        piece = normalize(text[group_start:group_end])
        pieces.append(piece)
        starts.extend([group_start] * len(piece))
        ends.extend([group_end] * len(piece))
    return NormalizedText("".join(pieces), text, tuple(starts), tuple(ends))


def _composition_groups(text: str) -> list[tuple[int, int]]:
    """Spans that NFC composes independently: a starter with its combining marks.

    A few starters compose with the starter before them (Hangul jamo, some Indic
    vowel signs; never ASCII), so such a cluster is merged into the previous group
    when composing them together differs from composing them apart.
    """
    clusters: list[tuple[int, int]] = []
    cluster_start = 0
    for index in range(1, len(text)):
        if unicodedata.combining(text[index]) == 0:
            clusters.append((cluster_start, index))
            cluster_start = index
    if text:
        clusters.append((cluster_start, len(text)))
    groups: list[tuple[int, int]] = []
    for start, end in clusters:
        if groups and ord(text[start]) >= 0x80:
            group_start, group_end = groups[-1]
            before = text[group_start:group_end]
            cluster = text[start:end]
            apart = unicodedata.normalize("NFC", before) + unicodedata.normalize("NFC", cluster)
            if unicodedata.normalize("NFC", before + cluster) != apart:
                groups[-1] = (group_start, end)
                continue
        groups.append((start, end))
    return groups
