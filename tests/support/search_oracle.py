"""The search oracle: the browser's scoring, in Python, over a built index.

`vankien-search.js` runs queries in the reader's browser; this runs the same scoring on the
same files so tests can check relevance without a browser and compare both (the browser
tests assert identical rankings). It is test tooling: the site never runs it.
"""

from __future__ import annotations

import gzip
import itertools
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
from vankien.search.pipeline import Token, phrase_text, query_phrases, query_tokens, tokenize

# Columns of a document in the catalogue (index.py writes them in this order).
URL, TYPE, SYMBOL, DATE, ISSUER, TITLE, STATUS, TOPICS, SIGNER = range(9)
# Named values a document carries: (catalogue list, column, boost, several values per document).
FIELDS = (
    ("issuers", ISSUER, "issuer", False),
    ("types", TYPE, "type", False),
    ("topics", TOPICS, "topics", True),
)
DIGITS = re.compile("[0-9]+")
YEAR = re.compile("[0-9]{4}")


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
    date: str
    status: str
    signer: str


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
        for name, column, _, is_list in FIELDS:
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
        self.title_phrases: dict[int, str] = {}
        # "2012" -> the documents dated that year.
        years: dict[str, list[int]] = defaultdict(list)
        for n, doc in enumerate(self.docs):
            if doc[DATE]:
                years[str(doc[DATE])[:4]].append(n)
        self.year_post = dict(years)
        # Signers' names as phrase texts, their documents, and per word how many documents'
        # signer has it in his name.
        self.signer_texts = [phrase_text(name) for name in cast(list[str], catalogue["signers"])]
        self.docs_by_signer: list[list[int]] = [[] for _ in self.signer_texts]
        for n, doc in enumerate(self.docs):
            if doc[SIGNER] is not None:
                self.docs_by_signer[cast(int, doc[SIGNER])].append(n)
        self.signer_df: Counter[str] = Counter()
        for i, text in enumerate(self.signer_texts):
            for word in set(text.split()):
                self.signer_df[word] += len(self.docs_by_signer[i])

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
        return (
            term in self.title_post
            or any(self.field_df[f][term] for f in self.field_df)
            or self.signer_df[term] > 0
            or self._years(term) != []
        )

    def _years(self, term: str) -> list[int]:
        """The documents of the year `term` names (four digits), else none."""
        return self.year_post.get(term, []) if YEAR.fullmatch(term) else []

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
            phrases = query_phrases(query)
        except Exception:  # the pipeline never raises, but a query must never fail
            tokens, phrases = [], []
        allowed = self._filter(filters or Filters())
        if not tokens:
            ranked = [(0.0, n) for n in range(self.n) if allowed[n]]
            return [self._hit(n, s) for s, n in ranked[:limit]]
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        needed = 0
        signer_words = self._signer_matches(phrases)
        for q in self._expand(tokens):
            token_scores: dict[int, float] = {}
            anywhere = False
            for alt in q.alts:
                contribution = self._term_scores(alt.term, q.token, full_text, signer_words)
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
        for n, bonus in self._phrase_bonus(phrases).items():
            if n in scores:
                scores[n] = round4(scores[n] + bonus)
        ranked = []
        for n, s in scores.items():
            if not allowed[n]:
                continue
            coverage = matched[n] / needed
            ranked.append((round4(s * coverage * coverage), n))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        return [self._hit(n, s) for s, n in ranked[:limit]]

    def _signer_matches(self, phrases: list[tuple[str, ...]]) -> dict[str, list[int]]:
        """word -> the signers it names: two or more consecutive words of a phrase of the query
        that stand consecutively in a signer's name (one word alone is too often another word
        folded the same: "Đặng" and "Đảng" are both "dang")."""
        found: dict[str, set[int]] = defaultdict(set)
        for words in phrases:
            for s, text in enumerate(self.signer_texts):
                for i in range(len(words) - 1):
                    j = i + 1
                    while j < len(words) and f" {' '.join(words[i : j + 1])} " in text:
                        j += 1
                    if j > i + 1:
                        for k in range(i, j):
                            found[words[k]].add(s)
        return {w: sorted(signers) for w, signers in found.items()}

    def _term_scores(
        self, term: str, token: Token, full_text: bool, signer_words: dict[str, list[int]]
    ) -> dict[int, float]:
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
            numbered = self.number_post.get(term.lstrip("0") or "0", []) if DIGITS.fullmatch(term) else []
            if numbered:
                weight = BOOSTS["number"] * idf(self.n, len(numbered))
                for n in numbered:
                    out[n] += weight
            dated = self._years(term)
            if dated:
                weight = BOOSTS["year"] * idf(self.n, len(dated))
                for n in dated:
                    out[n] += weight
            for name, column, boost_name, is_list in FIELDS:
                df = self.field_df[name][term]
                if not df:
                    continue
                weight = BOOSTS[boost_name] * idf(self.n, df)
                words = self.field_words[name]
                for n, doc in enumerate(self.docs):
                    ids = doc[column] if is_list else [doc[column]]
                    if any(term in words[i] for i in ids):  # type: ignore[attr-defined]
                        out[n] += weight
            if term in signer_words:
                weight = BOOSTS["signer"] * idf(self.n, self.signer_df[term])
                signed = {n for i in signer_words[term] for n in self.docs_by_signer[i]}
                for n in sorted(signed):
                    out[n] += weight
        if full_text and term not in self.stop:
            numbers, weights = self._body(term)
            if numbers:
                weight = BOOSTS["body"] * idf(self.n, len(numbers))
                for n, w in zip(numbers, weights, strict=True):
                    out[n] += weight * w / 100
        return {n: round4(s) for n, s in out.items()}

    def _phrase_bonus(self, phrases: list[tuple[str, ...]]) -> dict[int, float]:
        """For each document whose title holds two or more consecutive words of a phrase of the
        query, the phrase boost times the title idf of the run's words, times the share of the
        phrase's words the run holds, squared (like coverage); the best run counts."""
        best: dict[int, float] = {}
        for words in phrases:
            idfs = [idf(self.n, len(self.title_post[w])) if w in self.title_post else 0.0 for w in words]
            candidates: set[int] = set()
            for a, b in itertools.pairwise(words):
                candidates |= set(self.title_post.get(a, [])) & set(self.title_post.get(b, []))
            for n in candidates:
                title = self._title_phrase(n)
                for i in range(len(words) - 1):
                    j, total = i + 1, idfs[i]
                    while j < len(words) and f" {' '.join(words[i : j + 1])} " in title:
                        total += idfs[j]
                        j += 1
                    if j > i + 1:
                        share = (j - i) / len(words)
                        value = round4(BOOSTS["phrase"] * total * share * share)
                        if value > best.get(n, 0.0):
                            best[n] = value
        return best

    def _title_phrase(self, n: int) -> str:
        if n not in self.title_phrases:
            self.title_phrases[n] = phrase_text(str(self.docs[n][TITLE]))
        return self.title_phrases[n]

    def _title_words(self, n: int) -> set[str]:
        if n not in self.title_words:
            self.title_words[n] = {t.text for t in tokenize(str(self.docs[n][TITLE]))}
        return self.title_words[n]

    def _filter(self, filters: Filters) -> list[bool]:
        types: list[str] = self.cat["types"]  # type: ignore[assignment]
        issuers: list[str] = self.cat["issuers"]  # type: ignore[assignment]
        statuses: list[str] = self.cat["statuses"]  # type: ignore[assignment]
        result = []
        for doc in self.docs:
            ok = True
            if filters.types and types[cast(int, doc[TYPE])] not in filters.types:
                ok = False
            if filters.issuers and issuers[cast(int, doc[ISSUER])] not in filters.issuers:
                ok = False
            if filters.statuses and statuses[cast(int, doc[STATUS])] not in filters.statuses:
                ok = False
            year = int(str(doc[DATE])[:4]) if doc[DATE] else None
            if filters.year_from is not None and (year is None or year < filters.year_from):
                ok = False
            if filters.year_to is not None and (year is None or year > filters.year_to):
                ok = False
            result.append(ok)
        return result

    def _hit(self, n: int, score: float) -> Hit:
        doc = self.docs[n]
        statuses: list[str] = self.cat["statuses"]  # type: ignore[assignment]
        signers: list[str] = self.cat["signers"]  # type: ignore[assignment]
        signer = signers[cast(int, doc[SIGNER])] if doc[SIGNER] is not None else ""
        return Hit(
            n,
            score,
            str(doc[URL]),
            str(doc[SYMBOL]),
            str(doc[TITLE]),
            str(doc[DATE]),
            statuses[cast(int, doc[STATUS])],
            signer,
        )


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
