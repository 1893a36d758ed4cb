"""HTML of the timeline and browse pages: listings with filter data, pagers, the body tree.

Everything is complete without JavaScript; `browse.js` only hides entries that do not
match the filters. Links are made by the caller's `url_for(site_url) -> href`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from vankien.core.issuers import IssuerRegistry
from vankien.core.model import Document, format_date
from vankien.core.text import collation_key, slugify
from vankien.web.timeline import BodyNode, YearGroup, group_by_year_and_month

UrlFor = Callable[[str], str]

LEVEL_SLUGS = {"Trung ương": "trung-uong", "tỉnh": "tinh", "huyện": "huyen", "cơ sở": "co-so"}
LEVEL_LABELS = {"Trung ương": "Trung ương", "tỉnh": "Tỉnh", "huyện": "Huyện, thành phố", "cơ sở": "Cơ sở"}


def entry(document: Document, registry: IssuerRegistry, url_for: UrlFor) -> str:
    issuer = registry.lookup(document.issuer)
    level = issuer.level if issuer else ""
    symbol = (
        f'<span class="vk-tl__symbol">{escape(document.symbol.text)}</span>'
        if document.symbol
        else '<span class="vk-tl__symbol vk-muted">không số</span>'
    )
    date = (
        f'<time datetime="{document.date.isoformat()}">{format_date(document.date)}</time>'
        if document.date
        else '<span class="vk-muted">chưa rõ ngày</span>'
    )
    return (
        f'<li class="vk-tl__item" data-type="{slugify(document.type.name)}" '
        f'data-issuer="{slugify(issuer.name if issuer else document.issuer_label)}" data-level="{LEVEL_SLUGS.get(level, "")}" '
        f'data-year="{document.date.year if document.date else ""}">'
        f'{date} <span class="vk-tl__type">{escape(document.type.name)}</span> '
        f"{symbol} "
        f'<span class="vk-tl__issuer">{escape(document.issuer_label)}</span>'
        f'<a class="vk-tl__title" href="{escape(url_for(document.url))}">{escape(document.title)}</a></li>'
    )


def month_label(month: int | None) -> str:
    return f"Tháng {month}" if month else "Chưa rõ tháng"


def grouped_listing(
    documents: Sequence[Document], registry: IssuerRegistry, url_for: UrlFor, *, heading_level: int = 2
) -> str:
    """Documents grouped by year and month, newest first, with counts."""
    parts = []
    for year_group in group_by_year_and_month(documents):
        parts.append(_year_section(year_group, registry, url_for, heading_level))
    return f'<div class="vk-tl">{"".join(parts)}</div>'


def _year_section(group: YearGroup, registry: IssuerRegistry, url_for: UrlFor, level: int) -> str:
    year = str(group.year) if group.year else "Chưa rõ ngày ban hành"
    anchor = f"nam-{group.year}" if group.year else "chua-ro-nam"
    months = []
    for month in group.months:
        items = "".join(entry(d, registry, url_for) for d in month.documents)
        months.append(
            f'<section class="vk-tl__month"><h{level + 1}>{month_label(month.month)} {group.year or ""} '
            f'<span class="vk-count">{len(month.documents)}</span></h{level + 1}><ul class="vk-tl__list">{items}</ul></section>'
            if group.year
            else f'<ul class="vk-tl__list">{items}</ul>'
        )
    return (
        f'<section class="vk-tl__year" data-year="{group.year or ""}"><h{level} id="{anchor}">{year} '
        f'<span class="vk-count">{group.count}</span></h{level}>{"".join(months)}</section>'
    )


def filters(documents: Sequence[Document], registry: IssuerRegistry, *, years: Sequence[int] = ()) -> str:
    """Filter controls; hidden until browse.js runs, so the page without JS shows no dead controls."""
    types = sorted({d.type.name for d in documents}, key=collation_key)
    by_level: dict[str, set[str]] = {}
    for document in documents:
        issuer = registry.lookup(document.issuer)
        level = issuer.level if issuer else ""
        by_level.setdefault(level, set()).add(issuer.name if issuer else document.issuer_label)
    type_options = "".join(f'<option value="{slugify(t)}">{escape(t)}</option>' for t in types)
    level_options = "".join(
        f'<option value="{LEVEL_SLUGS[level]}">{escape(LEVEL_LABELS[level])}</option>'
        for level in LEVEL_SLUGS
        if level in by_level
    )
    issuer_groups = []
    for level in [*LEVEL_SLUGS, ""]:
        names = sorted(by_level.get(level, ()), key=collation_key)
        if not names:
            continue
        options = "".join(f'<option value="{slugify(n)}">{escape(n)}</option>' for n in names)
        label = LEVEL_LABELS.get(level, "Khác")
        issuer_groups.append(f'<optgroup label="{escape(label)}">{options}</optgroup>')
    year_values = years or sorted({d.date.year for d in documents if d.date}, reverse=True)
    year_options = "".join(f'<option value="{y}">{y}</option>' for y in year_values)
    return (
        '<form class="vk-filters" hidden aria-label="Lọc văn bản">'
        f'<label>Loại <select name="loai"><option value="">Tất cả</option>{type_options}</select></label>'
        f'<label>Cấp <select name="cap"><option value="">Tất cả</option>{level_options}</select></label>'
        f'<label>Cơ quan <select name="co-quan"><option value="">Tất cả</option>{"".join(issuer_groups)}</select></label>'
        f'<label>Năm <select name="nam"><option value="">Tất cả</option>{year_options}</select></label>'
        '<output class="vk-filters__count" aria-live="polite"></output>'
        "</form>"
    )


def pager(current: int, total: int, page_url: Callable[[int], str], url_for: UrlFor) -> str:
    if total <= 1:
        return ""
    links = []
    for number in range(1, total + 1):
        if number == current:
            links.append(f'<span aria-current="page">{number}</span>')
        else:
            links.append(f'<a href="{escape(url_for(page_url(number)))}">{number}</a>')
    return f'<nav class="vk-pager" aria-label="Trang">Trang: {" ".join(links)}</nav>'


def body_tree(roots: Sequence[BodyNode], url_for: UrlFor, body_url: Callable[[BodyNode], str]) -> str:
    def render(nodes: Sequence[BodyNode]) -> str:
        items = []
        for node in nodes:
            level = f' <span class="vk-muted">({escape(node.level)})</span>' if node.level else ""
            own = f"{len(node.documents)} văn bản" + (
                f", {node.total} kể cả cấp dưới" if node.children else ""
            )
            children = render(node.children) if node.children else ""
            items.append(
                f'<li><a href="{escape(url_for(body_url(node)))}">{escape(node.name)}</a>{level} '
                f'<span class="vk-count" title="{escape(own)}">{node.total}</span>{children}</li>'
            )
        return f'<ul class="vk-tree">{"".join(items)}</ul>'

    return render(roots)


def count_table(rows: Sequence[tuple[str, str, int]], url_for: UrlFor, header: str) -> str:
    """(label, site url, count) rows as a table."""
    body = "".join(
        f'<tr><td><a href="{escape(url_for(url))}">{escape(label)}</a></td><td class="vk-num">{count}</td></tr>'
        for label, url, count in rows
    )
    return f'<table class="vk-counts"><thead><tr><th>{escape(header)}</th><th>Số văn bản</th></tr></thead><tbody>{body}</tbody></table>'
