"""The prebuilt search index: a small catalogue loaded at once, full text in shards.

Files written under `<site>/search/` (all relative, fetched by `vankien-search.js`):

- `catalogue.json`: every document's card (url, type, symbol, date, issuer, title, status,
  topics, signer), symbol tokens, title postings, and the names of the bodies, types, statuses,
  topics and signers — enough for results by symbol, title, issuer, type, topic, signer and
  year without anything else;
- `shards/<n>.json`: body postings, a term in shard `fnv1a(term) % shards`, each posting a
  document number and a BM25 weight precomputed here (0..255);
- `text/<n>.txt`: the plain text of document n, fetched only for the snippets shown.

Postings are lists of document numbers, delta-encoded in base 36 ("a,1,3" = 10, 11, 14);
documents are numbered newest first, so equal scores rank the newest first.

The scoring constants travel in the catalogue; `vankien-search.js` scores with them, and the
tests' oracle (`tests/support/search_oracle.py`) runs the same scoring in Python. What readers
expect of the ranking, and where each rule lives:

- a signer's name finds what he signed: two or more consecutive words of the query that stand
  consecutively in a signer's name (from the names in the catalogue) score his documents
  (`signer` boost) — one word alone is too often another word folded the same ("Đặng", "Đảng");
- a year in the query ("101 qd tw 2012") prefers documents of that year: a query word of four
  digits that is the year of some document scores those documents (`year` boost), from the
  dates in the catalogue — nothing more is stored;
- a title that holds the query's words as a phrase ranks above one that only holds the words:
  the longest run of consecutive query words (`pipeline.query_phrases`) found consecutively in
  the title (`pipeline.phrase_text`) adds `phrase` times the title idf of its words, times the
  share of the phrase it covers, squared.
"""

from __future__ import annotations

import gc
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vankien.core.model import Document
from vankien.core.validity import STATUSES
from vankien.search.pipeline import index_terms, tokenize

FORMAT = 2
SHARD_TARGET = 100_000
"""Characters of postings per shard, before compression."""
TEXT_LIMIT = 30_000
"""Characters of plain text kept per document for snippets."""

BOOSTS = {
    "symbol": 60.0,
    "phrase": 15.0,
    "signer": 12.0,
    "title": 10.0,
    "number": 8.0,
    "year": 6.0,
    "issuer": 5.0,
    "type": 4.0,
    "topics": 3.0,
    "body": 1.0,
}
"""Boosts, strongest first: symbol; a phrase of the query in the title (on top of its words' title
scores); the signer's name (named by two or more consecutive words); title; a bare number
("Kết luận 01" matches the number of a symbol); the year of the date; issuer, type, topics, body.
The phrase and signer boosts were raised (10 -> 15, 8 -> 12) until, on the synthetic archive of
400 and of 2,000 documents, every title holding the query as a phrase ranked above every other
document, and every document a signer signed above every other one (test_search_relevance.py)."""
EXACT_BONUS = 2.0
"""Added (times the title idf) when an accented query word is in the title exactly as typed."""
FUZZY_WEIGHT = 0.5
PREFIX_WEIGHT = 0.4
BM25_K1 = 1.2
BM25_B = 0.75
STOP_SHARE = 0.6
"""Body terms in more than this share of documents are not indexed (the catalogue says which)."""


def scoring() -> dict[str, object]:
    """The scoring constants, written into the catalogue: the browser and the oracle read them there."""
    return {
        "boosts": BOOSTS,
        "exactBonus": EXACT_BONUS,
        "fuzzyWeight": FUZZY_WEIGHT,
        "prefixWeight": PREFIX_WEIGHT,
    }


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over the code points of `text` (the browser computes the same)."""
    value = 0x811C9DC5
    for ch in text:
        value ^= ord(ch)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def b36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if value == 0:
        return "0"
    out = []
    while value:
        value, rest = divmod(value, 36)
        out.append(digits[rest])
    return "".join(reversed(out))


def encode_postings(numbers: Iterable[int]) -> str:
    previous = 0
    out = []
    for number in numbers:
        out.append(b36(number - previous))
        previous = number
    return ",".join(out)


def decode_postings(text: str) -> list[int]:
    result = []
    current = 0
    for part in text.split(","):
        if part:
            current += int(part, 36)
            result.append(current)
    return result


def round4(value: float) -> float:
    """Scores are rounded the same way on both sides so that ties stay ties."""
    return math.floor(value * 10000 + 0.5) / 10000


def idf(n_docs: int, df: int) -> float:
    return round4(math.log(1 + n_docs / df)) if df else 0.0


def plain_text(markdown: str) -> str:
    """The body as readers see it: no Markdown markers, one line per paragraph."""
    text = re.sub(r"^#{1,6}\s*", "", markdown, flags=re.M)
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\n\s*\n+", "\n", text).strip()


@dataclass
class Entry:
    """One document as the index sees it."""

    url: str
    type: str
    symbol: str
    date: str
    """ISO date or ""."""
    issuer: str
    title: str
    status: str
    """The hiệu lực shown on the document's card: the editor's, else derived from the graph."""
    topics: tuple[str, ...]
    body: str
    signer: str = ""
    """The signer's name, or ""."""

    @classmethod
    def of(cls, document: Document) -> Entry:
        return cls(
            url=document.url,
            type=document.type.name,
            symbol=document.symbol.text if document.symbol else "",
            date=document.date.isoformat() if document.date else "",
            issuer=document.issuer_label,
            title=document.title,
            status=document.status,
            topics=document.topics,
            body=plain_text(document.body),
            signer=(document.signer.name or "") if document.signer else "",
        )


@dataclass
class BuiltIndex:
    catalogue: dict[str, object]
    shards: list[dict[str, str]]
    texts: list[str]

    def write(self, folder: Path) -> dict[str, int]:
        """Write the files; returns {relative path: bytes} for the catalogue and shards."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "shards").mkdir(exist_ok=True)
        (folder / "text").mkdir(exist_ok=True)
        sizes: dict[str, int] = {}
        data = json.dumps(self.catalogue, ensure_ascii=False, separators=(",", ":")).encode()
        (folder / "catalogue.json").write_bytes(data)
        sizes["catalogue.json"] = len(data)
        for n, shard in enumerate(self.shards):
            data = json.dumps(shard, ensure_ascii=False, separators=(",", ":")).encode()
            (folder / "shards" / f"{n}.json").write_bytes(data)
            sizes[f"shards/{n}.json"] = len(data)
        for n, text in enumerate(self.texts):
            (folder / "text" / f"{n}.txt").write_text(text, encoding="utf-8")
        return sizes


def _sort_key(entry: Entry) -> tuple[int, str, str]:
    # Newest first; documents of unknown date last.
    return (0 if entry.date else 1, "".join(chr(0x10FFFF - ord(c)) for c in entry.date), entry.url)


def build_index(entries: Sequence[Entry]) -> BuiltIndex:
    # Millions of small postings: the cyclic garbage collector only slows the build down.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(entries)
    finally:
        if enabled:
            gc.enable()


def _build(entries: Sequence[Entry]) -> BuiltIndex:
    entries = sorted(entries, key=_sort_key)
    n_docs = len(entries)
    types = sorted({e.type for e in entries})
    issuers = sorted({e.issuer for e in entries})
    # Every status in the order readers know (the filter offers them all), then any other value.
    present = {e.status for e in entries}
    statuses = [*STATUSES, *sorted(present - set(STATUSES))]
    topics = sorted({t for e in entries for t in e.topics})
    signers = sorted({e.signer for e in entries if e.signer})
    type_ix = {v: i for i, v in enumerate(types)}
    issuer_ix = {v: i for i, v in enumerate(issuers)}
    status_ix = {v: i for i, v in enumerate(statuses)}
    topic_ix = {v: i for i, v in enumerate(topics)}
    signer_ix = {v: i for i, v in enumerate(signers)}
    docs: list[list[object]] = []
    symbols: dict[str, list[int]] = defaultdict(list)
    title_postings: dict[str, list[int]] = defaultdict(list)
    body_postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    lengths: list[int] = []
    body_terms: list[Counter[str]] = []
    texts: list[str] = []
    for n, entry in enumerate(entries):
        docs.append(
            [
                entry.url,
                type_ix[entry.type],
                entry.symbol,
                entry.date,
                issuer_ix[entry.issuer],
                entry.title,
                status_ix[entry.status],
                [topic_ix[t] for t in entry.topics],
                signer_ix[entry.signer] if entry.signer else None,
            ]
        )
        for token in tokenize(entry.symbol):
            if token.symbol:
                symbols[token.folded].append(n)
        for term in sorted({t.folded for t in tokenize(entry.title)}):
            title_postings[term].append(n)
        counts = Counter(index_terms(entry.body))
        body_terms.append(counts)
        lengths.append(sum(counts.values()))
        texts.append(entry.body[:TEXT_LIMIT])
    average = (sum(lengths) / n_docs) if n_docs else 1.0
    df: Counter[str] = Counter()
    for counts in body_terms:
        df.update(counts.keys())
    stop = sorted(t for t, c in df.items() if n_docs >= 20 and c > STOP_SHARE * n_docs)
    stop_set = set(stop)
    for n, counts in enumerate(body_terms):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[n] / (average or 1.0))
        for term, tf in counts.items():
            if term in stop_set:
                continue
            weight = tf * (BM25_K1 + 1) / (tf + norm)  # 0 .. 2.2
            body_postings[term].append((n, max(1, min(255, round(weight * 100)))))
    total = sum(len(t) + 4 * len(p) for t, p in body_postings.items())
    n_shards = max(1, math.ceil(total / SHARD_TARGET))
    shards: list[dict[str, str]] = [{} for _ in range(n_shards)]
    for term in sorted(body_postings):
        postings = body_postings[term]
        numbers = encode_postings(n for n, _ in postings)
        weights = ",".join(b36(w) for _, w in postings)
        shards[fnv1a(term) % n_shards][term] = f"{numbers};{weights}"
    catalogue: dict[str, object] = {
        "format": FORMAT,
        "types": types,
        "issuers": issuers,
        "statuses": statuses,
        "topics": topics,
        "signers": signers,
        "docs": docs,
        "symbols": {k: encode_postings(v) for k, v in sorted(symbols.items())},
        "title": {k: encode_postings(v) for k, v in sorted(title_postings.items())},
        "shards": n_shards,
        "stop": stop,
        "scoring": scoring(),
    }
    return BuiltIndex(catalogue, shards, texts)
