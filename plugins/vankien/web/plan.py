"""The plan of generated pages: timeline, browse pages and home, with their URLs and HTML.

Pure: each planned page renders itself given a `url_for(site_url) -> href` for the page
it will stand on; the MkDocs adapter only turns the plan into files and content.
Listings are paginated so that no page grows past a few hundred kilobytes of HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

from vankien.core.archive import Archive
from vankien.graph.build import Graph
from vankien.core.model import Document, RelationKind, format_date
from vankien.web.render import browse
from vankien.web.render.chart import MONTH_NAMES, bar_chart
from vankien.graph.stubs import STUB_FOLDER
from vankien.core.text import slugify
from vankien.web.timeline import (
    BodyNode,
    body_tree,
    by_status,
    by_topic,
    by_type,
    counts_by_month,
    counts_by_year,
    newest_first,
    walk_bodies,
)
from vankien.core.urls import relative_url

UrlFor = Callable[[str], str]
PAGE_SIZE = 400
"""Entries per listing page: ~400 bytes each keeps a page well under 2 MB with its chrome."""
HOME_NEWEST = 10
HOME_MOST_CITED = 10

TIMELINE = "dong-thoi-gian"
BODIES = "co-quan"
TYPES = "loai"
YEARS = "nam"
TOPICS = "chu-de"
STATUSES = "hieu-luc"


@dataclass(frozen=True)
class PlannedPage:
    url: str
    """Site-relative URL with a trailing slash ("" for the home page)."""
    title: str
    render: Callable[[UrlFor], str]

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md" if self.url else "index.md"


def _paged(
    base_url: str,
    title: str,
    documents: Sequence[Document],
    head: Callable[[UrlFor, int], str],
    listing: Callable[[Sequence[Document], UrlFor], str],
) -> list[PlannedPage]:
    """One page per PAGE_SIZE documents: base_url, base_url/trang-2/, ..."""
    chunks = [documents[i : i + PAGE_SIZE] for i in range(0, len(documents), PAGE_SIZE)] or [[]]

    def page_url(number: int) -> str:
        return base_url if number == 1 else f"{base_url}trang-{number}/"

    pages = []
    for number, chunk in enumerate(chunks, start=1):

        def render(url_for: UrlFor, chunk: Sequence[Document] = chunk, number: int = number) -> str:
            nav = browse.pager(number, len(chunks), page_url, url_for)
            return head(url_for, number) + nav + listing(chunk, url_for) + nav

        suffix = f" (trang {number})" if number > 1 else ""
        pages.append(PlannedPage(page_url(number), title + suffix, render))
    return pages


class PagePlan:
    def __init__(self, archive: Archive, graph: Graph, url_prefix: str = "van-ban") -> None:
        self.url_prefix = url_prefix
        self.archive = archive
        self.graph = graph
        self.registry = archive.registry
        self.documents = newest_first(archive)
        self.years = [year for year, count in counts_by_year(self.documents) if count]
        self.body_roots = body_tree(archive)
        self._body_slugs = _unique_slugs(node.name for node, _ in walk_bodies(self.body_roots))

    # -- URLs ------------------------------------------------------------------------------------

    @staticmethod
    def year_url(year: int) -> str:
        return f"{TIMELINE}/{year}/"

    def body_url(self, node: BodyNode) -> str:
        return f"{BODIES}/{self._body_slugs.get(node.name) or slugify(node.name) or 'khac'}/"

    # -- building blocks -------------------------------------------------------------------------

    def _listing(self, documents: Sequence[Document], url_for: UrlFor) -> str:
        return browse.grouped_listing(documents, self.registry, url_for)

    def _year_chart(self, documents: Sequence[Document], url_for: UrlFor, title: str) -> str:
        bars = [(str(year), count) for year, count in counts_by_year(documents)]
        return bar_chart(bars, title=title, href=lambda label: url_for(self.year_url(int(label))))

    def _intro(self, documents: Sequence[Document], text: str) -> str:
        return f'<p class="vk-lead">{escape(text)} <strong>{len(documents)}</strong> văn bản.</p>'

    # -- pages -----------------------------------------------------------------------------------

    def pages(self) -> list[PlannedPage]:
        pages = [self.home(), *self.timeline(), *self.bodies(), *self.types(), self.years_index()]
        pages += self.topics()
        pages += self.statuses()
        urls = [page.url for page in pages]
        if len(set(urls)) != len(urls):
            twice = sorted({url for url in urls if urls.count(url) > 1})
            raise ValueError(f"two generated pages share a URL: {twice}")
        return pages

    def timeline(self) -> list[PlannedPage]:
        documents = self.documents

        def head(url_for: UrlFor, number: int) -> str:
            if number > 1:
                return ""
            years = browse.count_table(
                [(str(y), self.year_url(y), c) for y, c in reversed(counts_by_year(documents)) if c],
                url_for,
                "Năm",
            )
            return (
                self._intro(documents, "Mọi văn bản theo ngày ban hành, mới nhất trước:")
                + self._year_chart(documents, url_for, "Số văn bản ban hành theo năm")
                + f'<details class="vk-year-index"><summary>Số văn bản theo năm</summary>{years}</details>'
                + browse.filters(documents, self.registry)
            )

        pages = _paged(f"{TIMELINE}/", "Dòng thời gian ban hành", documents, head, self._listing)
        for year in self.years:
            pages += self._year_pages(year)
        return pages

    def _year_pages(self, year: int) -> list[PlannedPage]:
        documents = [d for d in self.documents if d.date and d.date.year == year]

        def head(url_for: UrlFor, number: int) -> str:
            if number > 1:
                return ""
            bars = [(MONTH_NAMES[m - 1], c) for m, c in counts_by_month(documents, year)]
            neighbours = " ".join(
                f'<a href="{escape(url_for(self.year_url(y)))}">{y}</a>'
                if y != year
                else f"<strong>{y}</strong>"
                for y in self.years
            )
            return (
                f'<p class="vk-years">Năm: {neighbours}</p>'
                + self._intro(documents, f"Văn bản ban hành năm {year}:")
                + bar_chart(bars, title=f"Số văn bản ban hành theo tháng, năm {year}")
                + browse.filters(documents, self.registry)
            )

        return _paged(self.year_url(year), f"Văn bản năm {year}", documents, head, self._listing)

    def years_index(self) -> PlannedPage:
        def render(url_for: UrlFor) -> str:
            rows = [(str(y), self.year_url(y), c) for y, c in reversed(counts_by_year(self.documents)) if c]
            undated = sum(1 for d in self.documents if d.date is None)
            extra = f'<p class="vk-muted">Chưa rõ năm ban hành: {undated} văn bản.</p>' if undated else ""
            return (
                self._year_chart(self.documents, url_for, "Số văn bản ban hành theo năm")
                + browse.count_table(rows, url_for, "Năm")
                + extra
            )

        return PlannedPage(f"{YEARS}/", "Văn bản theo năm", render)

    def bodies(self) -> list[PlannedPage]:
        roots = self.body_roots

        def index(url_for: UrlFor) -> str:
            return (
                '<p class="vk-lead">Cơ quan ban hành theo cấp trên – cấp dưới; số là tổng văn bản của cơ quan và các '
                "cơ quan cấp dưới.</p>" + browse.body_tree(roots, url_for, self.body_url)
            )

        pages = [PlannedPage(f"{BODIES}/", "Văn bản theo cơ quan ban hành", index)]
        for node, _depth in walk_bodies(roots):
            if node.documents or node.children:
                pages += self._body_pages(node)
        return pages

    def _body_pages(self, node: BodyNode) -> list[PlannedPage]:
        documents = node.documents

        def head(url_for: UrlFor, number: int) -> str:
            if number > 1:
                return ""
            issuer = node.issuer
            facts = []
            if issuer is not None:
                facts.append(f"Cấp: {escape(issuer.level)}")
                if issuer.code:
                    facts.append(f"Ký hiệu: {escape(issuer.code)}")
                if issuer.parent:
                    parent = self.registry.lookup(issuer.parent)
                    if parent is not None:
                        parent_node = BodyNode(parent.name, parent)
                        facts.append(
                            f'Cấp trên: <a href="{escape(url_for(self.body_url(parent_node)))}">{escape(parent.name)}</a>'
                        )
            children = ""
            if node.children:
                children = "<h2>Cơ quan cấp dưới</h2>" + browse.body_tree(
                    node.children, url_for, self.body_url
                )
            return (
                (f'<p class="vk-facts">{" · ".join(facts)}</p>' if facts else "")
                + children
                + (
                    f"<h2>Dòng thời gian ban hành</h2>{self._intro(documents, 'Văn bản do cơ quan này ban hành:')}"
                    + self._year_chart(documents, url_for, f"Số văn bản của {node.name} theo năm")
                    + browse.filters(documents, self.registry)
                    if documents
                    else ""
                )
            )

        return _paged(self.body_url(node), node.name, documents, head, self._listing)

    def _grouped_pages(
        self, base: str, title: str, named: dict[str, list[Document]], label: str
    ) -> list[PlannedPage]:
        groups = _merge_by_slug(named)

        def index(url_for: UrlFor) -> str:
            rows = [(name, f"{base}/{slug}/", len(docs)) for slug, (name, docs) in groups.items()]
            return browse.count_table(rows, url_for, label)

        pages = [PlannedPage(f"{base}/", title, index)]
        for slug, (name, documents) in groups.items():

            def head(url_for: UrlFor, number: int, documents: list[Document] = documents) -> str:
                if number > 1:
                    return ""
                return self._intro(documents, "Tổng cộng") + browse.filters(documents, self.registry)

            pages += _paged(f"{base}/{slug}/", f"{label}: {name}", documents, head, self._listing)
        return pages

    def types(self) -> list[PlannedPage]:
        return self._grouped_pages(TYPES, "Văn bản theo loại", by_type(self.archive), "Loại văn bản")

    def topics(self) -> list[PlannedPage]:
        return self._grouped_pages(TOPICS, "Văn bản theo chủ đề", by_topic(self.archive), "Chủ đề")

    def statuses(self) -> list[PlannedPage]:
        return self._grouped_pages(STATUSES, "Văn bản theo hiệu lực", by_status(self.archive), "Hiệu lực")

    def most_cited(self) -> list[tuple[Document, int]]:
        counts: list[tuple[Document, int]] = []
        for document in self.archive:
            citing = {
                e.source.id
                for kind in (
                    RelationKind.BASIS,
                    RelationKind.CITES,
                    RelationKind.AMENDS,
                    RelationKind.REPLACES,
                    RelationKind.REPEALS,
                )
                for e in self.graph.acted_on_by(document, kind)
            }
            if citing:
                counts.append((document, len(citing)))
        return sorted(counts, key=lambda pair: (-pair[1], pair[0].path))[:HOME_MOST_CITED]

    def home(self) -> PlannedPage:
        def render(url_for: UrlFor) -> str:
            documents = self.documents
            types = _merge_by_slug(by_type(self.archive))
            type_rows = [(name, f"{TYPES}/{slug}/", len(docs)) for slug, (name, docs) in types.items()]
            newest = "".join(browse.entry(d, self.registry, url_for) for d in documents[:HOME_NEWEST])
            cited = "".join(
                f'<li><a href="{escape(url_for(d.url))}">{escape(d.name)}</a> '
                f'<span class="vk-muted">{escape(format_date(d.date))} · {escape(d.issuer_label)}</span> '
                f'<span class="vk-count" title="số văn bản dẫn chiếu">{n}</span></li>'
                for d, n in self.most_cited()
            )
            stubs = len(self.graph.stubs)
            return (
                '<p class="vk-lead">Kho văn bản của Đảng: nghị quyết, chỉ thị, kết luận, quy định, hướng dẫn, kế hoạch, '
                f"công văn… Kho có <strong>{len(documents)}</strong> văn bản của "
                f"<strong>{len({d.issuer for d in documents if d.issuer})}</strong> cơ quan ban hành; "
                f'<a href="{escape(url_for(f"{self.url_prefix}/{STUB_FOLDER}/"))}">{stubs} văn bản được dẫn chiếu</a> chưa lưu trữ.</p>'
                + '<div class="vk-home">'
                + f"<section><h2>Số văn bản theo năm</h2>{self._year_chart(documents, url_for, 'Số văn bản ban hành theo năm')}"
                + f'<p><a href="{escape(url_for(TIMELINE + "/"))}">Xem dòng thời gian ban hành</a></p></section>'
                + f"<section><h2>Theo loại văn bản</h2>{browse.count_table(type_rows, url_for, 'Loại văn bản')}</section>"
                + f'<section><h2>Văn bản mới nhất</h2><ul class="vk-tl__list">{newest}</ul></section>'
                + (
                    f'<section><h2>Được dẫn chiếu nhiều nhất</h2><ol class="vk-cited">{cited}</ol></section>'
                    if cited
                    else ""
                )
                + "</div>"
            )

        return PlannedPage("", "Văn kiện — Kho văn bản Đảng", render)


def _merge_by_slug(groups: dict[str, list[Document]]) -> dict[str, tuple[str, list[Document]]]:
    """Names that fold to one URL ("Kinh tế", "kinh tế") are one group, under the first name."""
    merged: dict[str, tuple[str, list[Document]]] = {}
    for name, documents in groups.items():
        slug = slugify(name) or "khac"
        if slug in merged:
            first, earlier = merged[slug]
            merged[slug] = (first, newest_first({d.id: d for d in [*earlier, *documents]}.values()))
        else:
            merged[slug] = (name, documents)
    return merged


def _unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A URL slug per name; names that fold alike get -2, -3 ... in the order given."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = slugify(name) or "khac"
        slug, counter = base, 2
        while slug in used:
            slug, counter = f"{base}-{counter}", counter + 1
        used.add(slug)
        result[name] = slug
    return result


def link_maker(page_url: str) -> UrlFor:
    def url_for(url: str) -> str:
        return relative_url(url, page_url)

    return url_for
