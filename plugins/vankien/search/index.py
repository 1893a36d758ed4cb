"""The prebuilt search index: a small catalogue loaded at once, full text in shards.

Files written under `<site>/search/` (all relative, fetched by `vankien-search.js`):

- `catalogue.json`: every document's card (url, type, symbol, date, issuer, title, status,
  topics), symbol tokens, title postings, and the names of the bodies, types and topics —
  enough for results by symbol, title, issuer, type and topic without anything else;
- `shards/<n>.json`: body postings, a term in shard `fnv1a(term) % shards`, each posting a
  document number and a BM25 weight precomputed here (0..255);
- `text/<n>.txt`: the plain text of document n, fetched only for the snippets shown.

Postings are lists of document numbers, delta-encoded in base 36 ("a,1,3" = 10, 11, 14);
documents are numbered newest first, so equal scores rank the newest first.

The scoring (`Searcher`) is the one the browser runs; `tests/test_search_*` check both.
"""

from __future__ import annotations

import gc
import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from vankien.core.model import Document
from vankien.search.pipeline import Token, index_terms, query_tokens, tokenize

FORMAT = 1
SHARD_TARGET = 100_000
"""Characters of postings per shard, before compression."""
TEXT_LIMIT = 30_000
"""Characters of plain text kept per document for snippets."""

# Field boosts, in the order the issue sets: symbol, title, issuer, type, topics, body.
BOOST_SYMBOL = 60.0
BOOST_TITLE = 10.0
BOOST_NUMBER = 8.0
"""A bare number ("Kết luận 01", "Nghị quyết số 35") matches the number of a symbol."""
BOOST_ISSUER = 5.0
BOOST_TYPE = 4.0
BOOST_TOPICS = 3.0
BOOST_BODY = 1.0
EXACT_BONUS = 2.0
"""Added (times the title idf) when an accented query word is in the title exactly as typed."""
FUZZY_WEIGHT = 0.5
PREFIX_WEIGHT = 0.4
BM25_K1 = 1.2
BM25_B = 0.75
STOP_SHARE = 0.6
"""Body terms in more than this share of documents are not indexed (the catalogue says which)."""


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
    topics: tuple[str, ...]
    body: str

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
    statuses = sorted({e.status for e in entries})
    topics = sorted({t for e in entries for t in e.topics})
    type_ix = {v: i for i, v in enumerate(types)}
    issuer_ix = {v: i for i, v in enumerate(issuers)}
    status_ix = {v: i for i, v in enumerate(statuses)}
    topic_ix = {v: i for i, v in enumerate(topics)}
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
        "docs": docs,
        "symbols": {k: encode_postings(v) for k, v in sorted(symbols.items())},
        "title": {k: encode_postings(v) for k, v in sorted(title_postings.items())},
        "shards": n_shards,
        "stop": stop,
    }
    return BuiltIndex(catalogue, shards, texts)


# -- searching ----------------------------------------------------------------------------------


def within_one_edit(a: str, b: str) -> bool:
    """True when b is a, one letter substituted, inserted, deleted or two swapped (a != b)."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@dataclass
class Filters:
    types: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None


@dataclass
class Hit:
    number: int
    score: float
    url: str
    symbol: str
    title: str


@dataclass
class _Alt:
    term: str
    weight: float


@dataclass
class _QueryToken:
    token: Token
    alts: list[_Alt] = field(default_factory=list)


class Searcher:
    """Runs queries on a built index exactly as the browser does (catalogue + body shards)."""

    def __init__(self, catalogue: dict[str, object], shard_loader: object) -> None:
        self.cat = catalogue
        self.load_shard = shard_loader  # callable: int -> dict[str, str]
        self.docs: list[list[object]] = catalogue["docs"]  # type: ignore[assignment]
        self.n = len(self.docs)
        self.title_post = {k: decode_postings(v) for k, v in catalogue["title"].items()}  # type: ignore[attr-defined]
        self.symbol_post = {k: decode_postings(v) for k, v in catalogue["symbols"].items()}  # type: ignore[attr-defined]
        # "21-kl/tw" -> "21": documents by the number of their symbol, in document order.
        numbers: dict[str, set[int]] = defaultdict(set)
        for key, postings in self.symbol_post.items():
            numbers[re.split(r"[-/]", key)[0]].update(postings)
        self.number_post = {k: sorted(v) for k, v in numbers.items()}
        self.stop = set(catalogue["stop"])  # type: ignore[call-overload]
        self.n_shards: int = catalogue["shards"]  # type: ignore[assignment]
        self._shards: dict[int, dict[str, str]] = {}
        # Names of bodies, types and topics as folded word sets, and how many documents carry each.
        self.field_words: dict[str, list[set[str]]] = {}
        self.field_df: dict[str, Counter[str]] = {}
        for name, column, is_list in (("issuers", 4, False), ("types", 1, False), ("topics", 7, True)):
            names: list[str] = catalogue[name]  # type: ignore[assignment]
            words = [{t.folded for t in tokenize(v)} for v in names]
            self.field_words[name] = words
            counts: Counter[str] = Counter()
            for doc in self.docs:
                ids = doc[column] if is_list else [doc[column]]
                seen: set[str] = set()
                for i in ids:  # type: ignore[attr-defined]
                    seen |= words[i]
                counts.update(seen)
            self.field_df[name] = counts
        self.vocabulary = sorted(
            set(self.title_post)
            | {w for name in self.field_words for ws in self.field_words[name] for w in ws}
        )
        self.title_words: dict[int, set[str]] = {}

    def _shard(self, n: int) -> dict[str, str]:
        if n not in self._shards:
            self._shards[n] = self.load_shard(n)  # type: ignore[operator]
        return self._shards[n]

    def _body(self, term: str) -> tuple[list[int], list[int]]:
        raw = self._shard(fnv1a(term) % self.n_shards).get(term)
        if not raw:
            return [], []
        numbers, weights = raw.split(";")
        return decode_postings(numbers), [int(w, 36) for w in weights.split(",")]

    def _known(self, term: str) -> bool:
        return term in self.title_post or any(self.field_df[f][term] for f in self.field_df)

    def _expand(self, tokens: list[Token]) -> list[_QueryToken]:
        result = []
        for i, token in enumerate(tokens):
            q = _QueryToken(token)
            if token.symbol:
                q.alts.append(_Alt(token.folded, 1.0))
            else:
                q.alts.append(_Alt(token.folded, 1.0))
                if not self._known(token.folded):
                    if len(token.folded) >= 4:
                        q.alts += [
                            _Alt(t, FUZZY_WEIGHT) for t in self.vocabulary if within_one_edit(token.folded, t)
                        ][:8]
                    if i == len(tokens) - 1 and len(token.folded) >= 2:
                        q.alts += [
                            _Alt(t, PREFIX_WEIGHT) for t in self.vocabulary if t.startswith(token.folded)
                        ][:20]
            result.append(q)
        return result

    def search(
        self, query: str, filters: Filters | None = None, *, full_text: bool = True, limit: int = 50
    ) -> list[Hit]:
        try:
            tokens = query_tokens(query)
        except Exception:  # the pipeline never raises, but a query must never fail
            tokens = []
        allowed = self._filter(filters or Filters())
        if not tokens:
            ranked = [(0.0, n) for n in range(self.n) if allowed[n]]
            return [self._hit(n, s) for s, n in ranked[:limit]]
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        needed = 0
        for q in self._expand(tokens):
            token_scores: dict[int, float] = {}
            anywhere = False
            for alt in q.alts:
                contribution = self._term_scores(alt.term, q.token, full_text)
                if contribution:
                    anywhere = True
                for n, s in contribution.items():
                    value = round4(s * alt.weight)
                    if value > token_scores.get(n, 0.0):
                        token_scores[n] = value
            if not anywhere:
                continue  # a word no document has (or a stop word) does not count against anyone
            needed += 1
            for n, s in token_scores.items():
                scores[n] = round4(scores[n] + s)
                matched[n] += 1
        ranked = []
        for n, s in scores.items():
            if not allowed[n]:
                continue
            coverage = matched[n] / needed
            ranked.append((round4(s * coverage * coverage), n))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        return [self._hit(n, s) for s, n in ranked[:limit]]

    def _term_scores(self, term: str, token: Token, full_text: bool) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        if token.symbol:
            for n in self.symbol_post.get(term, []):
                out[n] += BOOST_SYMBOL
            if not full_text:
                return out
        else:
            postings = self.title_post.get(term, [])
            if postings:
                weight = BOOST_TITLE * idf(self.n, len(postings))
                exact = token.text != token.folded and term == token.folded
                for n in postings:
                    out[n] += weight
                    if exact and token.text in self._title_words(n):
                        out[n] += EXACT_BONUS * idf(self.n, len(postings))
            numbered = self.number_post.get(term.lstrip("0") or "0", []) if term.isdigit() else []
            if numbered:
                weight = BOOST_NUMBER * idf(self.n, len(numbered))
                for n in numbered:
                    out[n] += weight
            for name, column, boost, is_list in (
                ("issuers", 4, BOOST_ISSUER, False),
                ("types", 1, BOOST_TYPE, False),
                ("topics", 7, BOOST_TOPICS, True),
            ):
                df = self.field_df[name][term]
                if not df:
                    continue
                weight = boost * idf(self.n, df)
                words = self.field_words[name]
                for n, doc in enumerate(self.docs):
                    ids = doc[column] if is_list else [doc[column]]
                    if any(term in words[i] for i in ids):  # type: ignore[attr-defined]
                        out[n] += weight
        if full_text and term not in self.stop:
            numbers, weights = self._body(term)
            if numbers:
                weight = BOOST_BODY * idf(self.n, len(numbers))
                for n, w in zip(numbers, weights, strict=True):
                    out[n] += weight * w / 100
        return {n: round4(s) for n, s in out.items()}

    def _title_words(self, n: int) -> set[str]:
        if n not in self.title_words:
            self.title_words[n] = {t.text for t in tokenize(str(self.docs[n][5]))}
        return self.title_words[n]

    def _filter(self, filters: Filters) -> list[bool]:
        types: list[str] = self.cat["types"]  # type: ignore[assignment]
        issuers: list[str] = self.cat["issuers"]  # type: ignore[assignment]
        statuses: list[str] = self.cat["statuses"]  # type: ignore[assignment]
        result = []
        for doc in self.docs:
            ok = True
            if filters.types and types[cast(int, doc[1])] not in filters.types:
                ok = False
            if filters.issuers and issuers[cast(int, doc[4])] not in filters.issuers:
                ok = False
            if filters.statuses and statuses[cast(int, doc[6])] not in filters.statuses:
                ok = False
            year = int(str(doc[3])[:4]) if doc[3] else None
            if filters.year_from is not None and (year is None or year < filters.year_from):
                ok = False
            if filters.year_to is not None and (year is None or year > filters.year_to):
                ok = False
            result.append(ok)
        return result

    def _hit(self, n: int, score: float) -> Hit:
        doc = self.docs[n]
        return Hit(n, score, str(doc[0]), str(doc[2]), str(doc[5]))


def searcher_for(folder: Path) -> Searcher:
    """A Searcher over index files written by `BuiltIndex.write`."""
    catalogue = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))

    def load(n: int) -> dict[str, str]:
        return json.loads((folder / "shards" / f"{n}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    return Searcher(catalogue, load)


def searcher_in_memory(built: BuiltIndex) -> Searcher:
    return Searcher(built.catalogue, lambda n: built.shards[n])


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))
