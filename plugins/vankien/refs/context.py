"""Resolve what the words around mentions say about them.

- an issuer named by a governing phrase: a list header ("các quy định của Ban Bí thư
  Trung ương Đảng (...)") or "ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Công văn ...";
- the role: "basis" inside an opening "Căn cứ / Thực hiện / ..." clause;
- the subject after "về ...".

Each step works on normalised text and mentions sorted by start, and costs
O(len(text) + mentions): hostile input cannot make it quadratic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from vankien.core.dates import date_of
from vankien.refs import patterns
from vankien.refs.exclusions import drop_non_references
from vankien.refs.model import Mention
from vankien.refs.names import read_body_name
from vankien.refs.parse import tidy_phrase

# A list header governs citations up to this far away; further is a different passage.
_MAX_GOVERNED_SPAN = 5000
_PARENTHESIS = re.compile(r"[()]")


class _Spans:
    """Sorted mention starts, and whether a position lies inside any mention."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.starts = [m.start for m in mentions]
        self.start_set = set(self.starts)
        self._furthest_end: list[int] = []
        furthest = -1
        for mention in mentions:
            furthest = max(furthest, mention.end)
            self._furthest_end.append(furthest)

    def covers(self, pos: int) -> bool:
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and self._furthest_end[index] > pos

    def indexes_between(self, start: int, end: int) -> range:
        """Indexes of the mentions that start in [start, end)."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


def _closing_parentheses(text: str) -> dict[int, int]:
    """Offset of every "(" with a matching ")" -> offset of that ")"."""
    closing: dict[int, int] = {}
    open_stack: list[int] = []
    for match in _PARENTHESIS.finditer(text):
        if match.group() == "(":
            open_stack.append(match.start())
        elif open_stack:
            closing[open_stack.pop()] = match.start()
    return closing


def attach_governing_issuers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give mentions without an issuer the body a governing phrase names."""
    result = list(mentions)
    spans = _Spans(result)

    def give(index: int, issuer: str) -> None:
        if result[index].issuer is None:
            result[index] = replace(result[index], issuer=issuer)

    # "của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU": the mention right after "tại".
    # Reading the name after every "của" is costly and gives nothing unless some mention
    # starts right after "tại", so look for such a mention first.
    after_at = any(
        patterns.AT_BEFORE.search(text, max(0, start - patterns.AT_BEFORE_WIDTH), start) is not None
        for start in spans.starts
    )
    for match in patterns.OF_BODY.finditer(text) if after_at else ():
        name = read_body_name(text, match.end())
        at = patterns.AT_DOCUMENT.match(text, name.end) if name is not None else None
        if name is not None and at is not None:
            for index in spans.indexes_between(at.end(), at.end() + 1):
                give(index, name.text)

    # "các quy định của Ban Bí thư Trung ương Đảng (*Quy định số 85-QĐ/TW ..., Quy định ...*)"
    closing: dict[int, int] | None = None
    for match in patterns.LIST_HEADER.finditer(text):
        name = read_body_name(text, match.end())
        opening = patterns.OPEN_PARENTHESIS.match(text, name.end) if name is not None else None
        if name is None or opening is None:
            continue
        if closing is None:
            closing = _closing_parentheses(text)
        close = closing.get(opening.end() - 1)
        if close is None or close - opening.end() > _MAX_GOVERNED_SPAN:
            continue
        for index in spans.indexes_between(opening.end(), close):
            give(index, name.text)
    return result


def _clause_end_after(text: str, pos: int, spans: _Spans) -> int | None:
    """The first offset after `pos` where an opening clause may end, or None."""
    # CLAUSE_END matches single characters with a lookahead, so a scan from `pos + 1`
    # finds exactly the ends a scan of the whole text finds there.
    for match in patterns.CLAUSE_END.finditer(text, pos + 1):
        end = match.start()
        if match.group() == ";":
            # "Căn cứ A; căn cứ B; C": the formula goes on to the next document or verb, also over
            # the ";" inside a subject ("… về tổ chức kỷ niệm …; xây dựng khu lưu niệm …; Nghị định
            # số 145/2013/NĐ-CP …", Ban Tuyên giáo guides) when a later ";" of the sentence opens one.
            after = _skip_marks(text, end + 1)
            if (
                _item_follows(text, after, spans)
                or patterns.FORMULA_CONTINUES.match(text, after)
                or _later_item_in_sentence(text, after, spans)
            ):
                continue
        if match.group() == "\n" and spans.covers(end):
            continue  # a citation a PDF copy wrapped: "của Ban Thường vụ" / "Tỉnh ủy Bắc Kạn"
        if match.group() == "\n":
            # "Căn cứ:" on a line of its own, or a line ending ";" or ",", then a list of documents:
            # "- Chỉ thị số 45-CT/TW …;" / "- Nghị định số 145/2013/NĐ-CP …;" (seen in Ban Tuyên giáo guides).
            # A blank line between "Căn cứ" and its list (a portal's paragraphs) leaves the last line with text.
            line_end = len(text[:end].rstrip())
            line_start = text.rfind("\n", 0, line_end) + 1
            line = text[line_start:line_end].rstrip()
            verb_only = line_start <= pos and len(text[pos:end].split()) <= 2
            in_list = line.lstrip()[:1] in ("-", "+", "•", "–") and line_start > pos
            if verb_only or in_list or line.endswith((";", ",", ":")):
                after = _skip_marks(text, end + 1)
                if _item_follows(text, after, spans) or patterns.FORMULA_CONTINUES.match(text, end + 1):
                    continue
        if match.group() == ",":
            after = _skip_spaces(text, end + 1)
            # A comma ends the clause before the main clause's subject ("..., Thành ủy Bắc Kạn
            # hướng dẫn"), not inside a citation nor before the next citation of a list, nor
            # before a capital inside a subject ("… của Đảng, Nhà nước và lãnh đạo tiền bối …").
            if (
                after >= len(text)
                or not text[after].isupper()
                or after in spans.start_set
                or spans.covers(end)
                or patterns.MAIN_CLAUSE.match(text, after) is None
            ):
                continue
        return end
    return None


ITEM_LEAD = 24
"""How far into a list item its document may start: "- Thông báo Kết luận số 88-KL/TW …"."""


def _item_follows(text: str, pos: int, spans: _Spans) -> bool:
    """Whether a mention starts at `pos`, or a few words later with no punctuation between."""
    index = bisect.bisect_left(spans.starts, pos)
    if index >= len(spans.starts):
        return False
    start = spans.starts[index]
    if start == pos:
        return True
    between = text[pos:start]
    # "; ý kiến chỉ đạo của Ban Bí thư tại Công văn số 1740-CV/VPTW" (Ban Tuyên giáo guides).
    if start - pos <= patterns.AT_DOCUMENT_LEAD and patterns.OPINION_AT.fullmatch(between):
        return True
    # "- Thông báo Kết luận số 88-KL/TW …": only type words may stand before the document.
    return start - pos <= ITEM_LEAD and patterns.TYPE_WORDS_ONLY.fullmatch(between) is not None


SENTENCE_REACH = 1500
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n|:\s*\n")
_SEMICOLON = re.compile(r";")


def _later_item_in_sentence(text: str, pos: int, spans: _Spans) -> bool:
    """Whether, before the sentence ends, a later ";" is followed by a document."""
    limit = min(len(text), pos + SENTENCE_REACH)
    sentence_end = _SENTENCE_END.search(text, pos, limit)
    end = sentence_end.start() if sentence_end is not None else limit
    return any(
        _item_follows(text, _skip_marks(text, semicolon.end()), spans)
        for semicolon in _SEMICOLON.finditer(text, pos, end)
    )


def _skip_marks(text: str, pos: int) -> int:
    """Past spaces and the marks of a list item ("- ", "+ ", "• ")."""
    while pos < len(text) and (text[pos].isspace() or text[pos] in "-+•*–"):
        pos += 1
    return pos


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _formula_verbs(text: str) -> list[int]:
    """Where the verb of each opening formula starts, in order.

    The starts of OPENING_FORMULA.finditer's verbs: a verb starts a formula when the
    formula matches at one of the few positions just before it (its marks never hold a
    verb's letters, so no match there can reach past a verb into the next one).
    """
    verbs: list[int] = []
    for verb in patterns.FORMULA_VERB.finditer(text):
        start = verb.start()
        for lead in range(max(0, start - patterns.OPENING_FORMULA_LEAD), start + 1):
            formula = patterns.OPENING_FORMULA.match(text, lead)
            if formula is not None and formula.start("verb") == start:
                verbs.append(start)
                break
    return verbs


def _preamble_end(text: str, first_formula: int) -> int:
    """Where the preamble ends: the first section heading after the first formula that is not a
    basis section ("I. CĂN CỨ …"); the end of the text when there is none."""
    for section in patterns.FIRST_SECTION.finditer(text, first_formula):
        if patterns.BASIS_SECTION.match(text, section.start()) is None:
            return section.start()
    return len(text)


def _basis_sections(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "basis" for the mentions of a "I. CĂN CỨ …" section, up to the next section."""
    result = list(mentions)
    spans = _Spans(result)
    for section in patterns.BASIS_SECTION.finditer(text):
        limit = min(len(text), section.end() + patterns.BASIS_SECTION_MAX)
        following = patterns.NEXT_SECTION.search(text, section.end(), limit)
        end = following.start() if following is not None else limit
        subject_end = -1
        for index in spans.indexes_between(section.end(), end):
            mention = result[index]
            if mention.start >= subject_end:
                result[index] = replace(mention, role="basis")
                subject_end = max(subject_end, mention.about_end or -1)
    return result


def assign_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "basis" for the mentions inside an opening formula's clause or a basis section, "cites"
    for the rest."""
    mentions = _basis_sections(text, mentions)
    formulas = _formula_verbs(text)
    if not formulas:
        return mentions
    preamble_end = _preamble_end(text, formulas[0])
    formulas = [f for f in formulas if f < preamble_end]
    if not formulas:
        return mentions
    result = list(mentions)
    spans = _Spans(result)
    covered_until = 0
    subject_end = -1
    # Clause ends are found on demand: only the first after each formula matters, and
    # most commas of a body lie in no opening clause. A formula before the end found for
    # the one before it shares that end (no end lies between them), so each stretch of
    # text is scanned once, which keeps this linear.
    clause_end = -1
    for formula_start in formulas:
        if formula_start >= clause_end:
            found = _clause_end_after(text, formula_start, spans)
            clause_end = found if found is not None else len(text)
        # Formulas that share one clause end are visited once: consecutive clauses never
        # revisit a mention, which keeps this linear.
        for mention_index in spans.indexes_between(max(formula_start, covered_until), clause_end):
            mention = result[mention_index]
            # A document named inside the subject of a basis ("Căn cứ Kế hoạch số 12 về thực hiện
            # Nghị quyết số 52 ...") is what the basis is about, not a basis itself.
            if mention.start < subject_end:
                continue
            result[mention_index] = replace(mention, role="basis")
            if mention.about_end is not None:
                subject_end = max(subject_end, mention.about_end)
        covered_until = max(covered_until, clause_end)
    return result


def _about_end(text: str, start: int, spans: _Spans) -> int:
    limit = min(len(text), start + patterns.ABOUT_MAX_LENGTH)
    boundary = patterns.ABOUT_END.search(text, start, limit)
    end = boundary.start() if boundary is not None else limit
    if boundary is None and limit < len(text):
        end = max(start, text.rfind(" ", start, limit))  # do not cut a word
    # The next item of a list ends the subject: "về ..., Quy định số 99-QĐ/TW, ...".
    for index in spans.indexes_between(start + 1, end):
        before = text[start : spans.starts[index]].rstrip()
        if before.endswith((",", ";")):
            return start + len(before) - 1
    return end


def attach_subjects(text: str, mentions: list[Mention]) -> list[Mention]:
    """The subject after "về" ("Kết luận 21, ngày 25/10/2021 về đẩy mạnh xây dựng, ...") or opening
    with its verb ("Quyết định số 749/QĐ-TTg … phê duyệt Chương trình …")."""
    spans = _Spans(mentions)
    result: list[Mention] = []
    for mention in mentions:
        intro = patterns.ABOUT_INTRO.match(text, mention.end) or patterns.ACTION_INTRO.match(
            text, mention.end
        )
        if intro is not None:
            end = _about_end(text, intro.end(), spans)
            about = tidy_phrase(text[intro.end() : end]).rstrip(",;: ")
            if about:
                mention = replace(mention, about=about, about_end=end)
        result.append(mention)
    return result


def attach_announced_dates(text: str, mentions: list[Mention]) -> list[Mention]:
    """A document an announcement dates: "Ngày 11/9/2020 Ban Tuyên giáo Huyện ủy ban hành Công văn
    số 07-CV/BTGHU" is of 11/9/2020."""
    result: list[Mention] = []
    for mention in mentions:
        if mention.date is None and (mention.number is not None or mention.symbol is not None):
            window = text[max(0, mention.start - patterns.ANNOUNCEMENT_REACH) : mention.start]
            found = patterns.ANNOUNCEMENT.search(window)
            if found is not None and (date := date_of(found)) is not None:
                mention = replace(mention, date=date)
        result.append(mention)
    return result


def resolve_context(text: str, mentions: list[Mention]) -> list[Mention]:
    mentions = drop_non_references(text, mentions)
    mentions = attach_announced_dates(text, mentions)
    mentions = attach_governing_issuers(text, mentions)
    mentions = attach_subjects(text, mentions)
    return assign_roles(text, mentions)
