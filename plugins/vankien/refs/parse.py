"""Turn candidate heads into mentions: read dates, issuers, terms and shared lists.

Works on normalised text; every returned `Mention` carries offsets into it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from vankien.core.dates import date_of
from vankien.core.issuers import is_local_body
from vankien.core.symbols import has_horn, localise
from vankien.refs import patterns
from vankien.refs.model import Mention
from vankien.refs.names import BODY_HEADS, read_body_name, read_body_name_before
from vankien.refs.tokenize import (
    CitationHead,
    find_citation_head,
    find_congress_heads,
    find_issued_documents,
    find_named_documents,
    type_names_of_symbol,
    type_of_symbol,
    valid_symbol,
)

_CONGRESS_RESOLUTION_TYPE = "Nghị quyết"


def tidy_phrase(phrase: str) -> str:
    """A phrase as written, with line breaks and runs of spaces made single spaces."""
    return " ".join(phrase.split())


def _read_date(text: str, pos: int) -> tuple[dt.date, int] | None:
    match = patterns.DATE_PART.match(text, pos)
    if match is None:
        return None
    date = date_of(match)
    return None if date is None else (date, match.end())


def _read_issuer(text: str, pos: int, *, without_of: bool) -> tuple[str, str | None, int] | None:
    """(issuer phrase, term, end) of " của Ban Bí thư khóa XII" and the like at `pos`.

    `without_of` also accepts a body named right after the citation, without "của"
    ("ngày 07/10/2022 Ban Bí thư"); it must then start like a body's name.
    """
    intro = patterns.ISSUER_INTRO.match(text, pos)
    if intro is None:
        return None
    has_of = intro["of"] is not None
    if not has_of and (intro["comma"] is not None or not without_of):
        return None
    name = read_body_name(text, intro.end(), heads=None if has_of else BODY_HEADS)
    if name is None:
        return None
    term_match = patterns.TERM.match(text, name.end)
    if term_match is None:
        return name.text, None, name.end
    return name.text, term_match["term"] or term_match["term_in_parens"], term_match.end()


def _read_citation(
    text: str, start: int, head_end: int, doc_type: str, number: str, symbol: str | None
) -> Mention:
    """The citation whose head ends at `head_end`, extended by its date, issuer and term."""
    end = head_end
    short_name = patterns.SHORT_NAME_AFTER.match(text, end)
    if short_name is not None:
        end = short_name.end()
    date = None
    found_date = _read_date(text, end)
    if found_date is not None:
        date, end = found_date
    issuer = term = None
    found_issuer = _read_issuer(text, end, without_of=date is not None or symbol is not None)
    if found_issuer is not None:
        issuer, term, end = found_issuer
        # "09-NQ/TƯ của Tỉnh ủy": the horn stands for TU beside a local committee.
        if symbol is not None and has_horn(text[start:head_end]) and is_local_body(issuer):
            symbol = localise(symbol)
    return Mention(start, end, doc_type, number, symbol, date, issuer, term)


def _read_list_item(text: str, pos: int, head: CitationHead) -> Mention | None:
    """The next item of a list that shares the head's type word, or None.

    "Công văn số 17-CV/BTG và số 18-CV/BTG", "217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013".
    """
    joiner = patterns.LIST_JOINER.match(text, pos)
    if joiner is None:
        return None
    item_start = joiner.start("marker") if joiner["marker"] is not None else joiner.end()
    symbol_match = patterns.LIST_ITEM_SYMBOL.match(text, joiner.end())
    if symbol_match is not None:
        symbol = valid_symbol(symbol_match.group())
        if symbol is None:
            return None
        doc_type = head.type
        code_types = type_names_of_symbol(symbol)
        if head.type_word is None or (code_types and head.type not in code_types):
            # No shared word, or a code that contradicts it ("Nghị quyết số 21-NQ/TW và 05-CT/TW").
            own_type = type_of_symbol(symbol)
            if own_type is None:
                return None
            doc_type = own_type
        return _read_citation(text, item_start, symbol_match.end(), doc_type, symbol.number, symbol.text)
    # A bare number continues a list only with "số" and a shared type word: "Chỉ thị số 05 và số 06".
    if joiner["marker"] is None or head.type_word is None:
        return None
    number_match = patterns.LIST_ITEM_NUMBER.match(text, joiner.end())
    if number_match is None or patterns.COUNTED_NOUN.match(text, number_match.end()):
        return None
    return _read_citation(text, item_start, number_match.end(), head.type, number_match.group(), None)


def _share_list_parts(items: list[Mention], list_id: int) -> list[Mention]:
    """A date or issuer written once after a list belongs to every item of it."""
    last = items[-1]
    share_date = last.date is not None and all(item.date is None for item in items[:-1])
    shared: list[Mention] = []
    for item in items:
        if share_date:
            item = replace(item, date=last.date)
        if item.issuer is None and last.issuer is not None:
            item = replace(item, issuer=last.issuer, term=item.term or last.term)
        shared.append(replace(item, list_id=list_id))
    return shared


_MARKER = re.compile(patterns.NUMBER_MARKER)


def parse_citations(text: str) -> list[Mention]:
    """Numbered citations, lists expanded into one mention per item."""
    mentions: list[Mention] = []
    pos = 0
    list_count = 0
    while (head := find_citation_head(text, pos)) is not None:
        if (
            head.symbol is None
            and "\n" in text[head.start : head.end]
            and not _MARKER.search(text, head.start, head.end)
        ):
            # "KẾ HOẠCH" / "1. Quyết định số …": a heading over a numbered list, not "Kế hoạch 1".
            pos = head.end
            continue
        items = [_read_citation(text, head.start, head.end, head.type, head.number, head.symbol)]
        while (item := _read_list_item(text, items[-1].end, head)) is not None:
            items.append(item)
        if len(items) > 1:
            list_count += 1
            items = _share_list_parts(items, list_count)
        mentions.extend(items)
        pos = items[-1].end
    return mentions


def parse_congress_resolutions(text: str) -> list[Mention]:
    """Resolutions named by their congress: "Nghị quyết Đại hội XIII của Đảng".

    The issuer is the congress phrase as written. An elliptical "... của Đảng và của
    Đảng bộ Khối" adds a second mention over the whole phrase, issued by the second body.
    """
    mentions: list[Mention] = []
    for head in find_congress_heads(text):
        pos = head.end
        nationwide = patterns.NATIONWIDE.match(text, pos)
        if nationwide is not None:
            pos = nationwide.end()
        else:
            # "Đại hội Đảng bộ tỉnh lần thứ XI", "Đại hội Đảng toàn quốc lần thứ XIII"
            before = patterns.NAME_START.match(text, pos)
            name = read_body_name(text, before.end()) if before is not None and not before["of"] else None
            if name is not None:
                pos = name.end
                nationwide = patterns.NATIONWIDE.match(text, pos)
                pos = nationwide.end() if nationwide is not None else pos
        ordinal = patterns.CONGRESS_ORDINAL.match(text, pos)
        if ordinal is None:
            continue
        pos = ordinal.end()
        after = patterns.NAME_START.match(text, pos)
        name = read_body_name(text, after.end()) if after is not None else None
        if name is not None:
            pos = name.end
        congress = tidy_phrase(text[head.congress_start : pos])
        mentions.append(Mention(head.start, pos, _CONGRESS_RESOLUTION_TYPE, issuer=congress))
        elliptical = patterns.ELLIPTICAL_OF.match(text, pos)
        second_body = read_body_name(text, elliptical.end()) if elliptical is not None else None
        if second_body is not None:
            mentions.append(
                Mention(head.start, second_body.end, _CONGRESS_RESOLUTION_TYPE, issuer=second_body.text)
            )
    return mentions


def parse_laws(text: str) -> list[Mention]:
    """Laws named by their name, with their number or date ("Luật Tổ chức Chính phủ ngày 19/6/2015")."""
    mentions: list[Mention] = []
    for match in patterns.LAW.finditer(text):
        symbol = valid_symbol(match["symbol"]) if match["symbol"] else None
        date = date_of(match) if match["date"] else None
        number = symbol.number if symbol else None
        mentions.append(
            Mention(match.start(), match.end(), _LAW_TYPE, number, symbol.text if symbol else None, date)
        )
    return mentions


_LAW_TYPE = "Luật"
"""A Bộ luật is a Luật too."""


def parse_named_documents(text: str) -> list[Mention]:
    return [Mention(found.start, found.end, found.type) for found in find_named_documents(text)]


def _end_of_previous_word(text: str, pos: int) -> int | None:
    """The end of the word before the spaces that precede `pos`, if any spaces do."""
    end = pos
    while end > 0 and pos - end < 4 and text[end - 1] in " \t\u00a0":
        end -= 1
    return end if end < pos else None


def parse_issued_documents(text: str) -> list[Mention]:
    """ "Đảng ủy Văn phòng Chính phủ vừa ban hành Kế hoạch <title>": a document named by its title."""
    mentions: list[Mention] = []
    for found in find_issued_documents(text):
        title_end = patterns.TITLE_END.search(
            text, found.title_start, found.title_start + patterns.TITLE_MAX_LENGTH
        )
        if title_end is None:
            continue  # no clear end: not a title
        end = found.title_start + len(text[found.title_start : title_end.start()].rstrip(" ,"))
        if end <= found.title_start:
            continue
        name_end = _end_of_previous_word(text, found.verb_start)
        issuer = read_body_name_before(text, name_end) if name_end is not None else None
        mentions.append(Mention(found.start, end, found.type, issuer=issuer.text if issuer else None))
    return mentions


def parse_mentions(text: str) -> list[Mention]:
    """Every mention in normalised text, in text order."""
    laws = parse_laws(text)
    # A law's number is read with its name: the bare "số 20/2023/QH15" inside it is no citation of its own.
    citations = [
        m for m in parse_citations(text) if not any(law.start <= m.start and m.end <= law.end for law in laws)
    ]
    mentions = (
        citations
        + laws
        + parse_congress_resolutions(text)
        + parse_named_documents(text)
        + parse_issued_documents(text)
    )
    return sorted(mentions, key=lambda m: (m.start, m.end))
