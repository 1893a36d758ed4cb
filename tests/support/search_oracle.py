"""The search oracle: the browser's scoring, in Python, over a built index.

`vankien-search.js` runs queries in the reader's browser; this runs the same scoring on the
same files so tests can check relevance without a browser and compare both (the browser
tests assert identical rankings). It is test tooling: the site never runs it.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from vankien.search.index import (
    BOOSTS,
    EXACT_BONUS,
    FUZZY_WEIGHT,
    PREFIX_WEIGHT,
    BuiltIndex,
    decode_postings,
    fnv1a,
    idf,
    round4,
)
from vankien.search.pipeline import Token, query_tokens, tokenize


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
                out[n] += BOOSTS["symbol"]
            if not full_text:
                return out
        else:
            postings = self.title_post.get(term, [])
            if postings:
                weight = BOOSTS["title"] * idf(self.n, len(postings))
                exact = token.text != token.folded and term == token.folded
                for n in postings:
                    out[n] += weight
                    if exact and token.text in self._title_words(n):
                        out[n] += EXACT_BONUS * idf(self.n, len(postings))
            numbered = self.number_post.get(term.lstrip("0") or "0", []) if term.isdigit() else []
            if numbered:
                weight = BOOSTS["number"] * idf(self.n, len(numbered))
                for n in numbered:
                    out[n] += weight
            for name, column, boost, is_list in (
                ("issuers", 4, BOOSTS["issuer"], False),
                ("types", 1, BOOSTS["type"], False),
                ("topics", 7, BOOSTS["topics"], True),
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
                weight = BOOSTS["body"] * idf(self.n, len(numbers))
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
