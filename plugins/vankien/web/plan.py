"""The plan of generated pages: timeline, browse pages and home, with their URLs and HTML.

Pure: each planned page renders itself given a `url_for(site_url) -> href` for the page
it will stand on; the MkDocs adapter only turns the plan into files and content.
Listings are paginated so that no page grows past a few hundred kilobytes of HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from vankien.core.archive import Archive
from vankien.core.issuers import Issuer
from vankien.core.model import Document, RelationKind
from vankien.core.text import slugify
from vankien.core.urls import (
    BODIES,
    DOCUMENTS,
    FALLBACK_SLUG,
    SIGNERS,
    STATUSES,
    STUBS,
    TIMELINE,
    TOPICS,
    TYPES,
    YEARS,
    UrlFor,
    source_uri,
)
from vankien.graph.model import Graph
from vankien.web.charts import MONTH_NAMES, bar_chart
from vankien.web.links import BrowseLinks, Groups
from vankien.web.listing import filter_choices
from vankien.web.paginate import Page, paginate
from vankien.web.templates import Templates, markup, package_templates
from vankien.web.timeline import (
    BodyNode,
    counts_by_month,
    counts_by_year,
    group_by_year_and_month,
    newest_first,
    walk_bodies,
)

HOME_NEWEST = 10
HOME_MOST_CITED = 10


@dataclass(frozen=True)
class PlannedPage:
    url: str
    """Site-relative URL with a trailing slash ("" for the home page)."""
    title: str
    render: Callable[[UrlFor], str]

    @property
    def src_uri(self) -> str:
        return source_uri(self.url)


Head = Callable[[UrlFor], str]


class PagePlan:
    def __init__(
        self,
        archive: Archive,
        graph: Graph,
        url_prefix: str = DOCUMENTS,
        templates: Templates | None = None,
        links: BrowseLinks | None = None,
    ) -> None:
        self.links = links or BrowseLinks.of(archive)
        self.url_prefix = url_prefix
        self.archive = archive
        self.graph = graph
        self.registry = archive.registry
        self.templates = templates or package_templates()
        self.documents = newest_first(archive)
        self.years = [year for year, count in counts_by_year(self.documents) if count]
        self.body_roots = self.links.body_roots
        self._body_slugs = self.links.body_slugs

    # -- URLs ------------------------------------------------------------------------------------

    @staticmethod
    def year_url(year: int) -> str:
        return f"{TIMELINE}/{year}/"

    def body_url(self, node: BodyNode) -> str:
        return f"{BODIES}/{self._body_slugs.get(node.name) or slugify(node.name) or FALLBACK_SLUG}/"

    # -- building blocks -------------------------------------------------------------------------

    def _render(self, name: str, **context: object) -> str:
        return self.templates.render(name, **context)

    def _lookup(self, issuer: str) -> Issuer | None:
        return self.registry.lookup(issuer)

    def _year_chart(self, documents: Sequence[Document], url_for: UrlFor, title: str) -> Markup:
        bars = [(str(year), count) for year, count in counts_by_year(documents)]
        return markup(bar_chart(bars, title=title, href=lambda label: url_for(self.year_url(int(label)))))

    def _paged(
        self, base_url: str, title: str, documents: Sequence[Document], head: Head
    ) -> list[PlannedPage]:
        """One page per PAGE_SIZE documents, the head on the first: base_url, base_url/trang-2/, ..."""
        pages = []
        for page in paginate(documents, base_url):

            def render(url_for: UrlFor, page: Page[Document] = page) -> str:
                return self._render(
                    "listing_page.html",
                    head=markup(head(url_for)) if page.number == 1 else "",
                    pages=page.links(),
                    years=group_by_year_and_month(page.items),
                    lookup=self._lookup,
                    url_for=url_for,
                )

            suffix = f" (trang {page.number})" if page.number > 1 else ""
            pages.append(PlannedPage(page.url, title + suffix, render))
        return pages

    # -- pages -----------------------------------------------------------------------------------

    def pages(self) -> list[PlannedPage]:
        pages = [self.home(), *self.timeline(), *self.bodies(), *self.types(), self.years_index()]
        pages += self.topics()
        pages += self.statuses()
        pages += self.signers()
        urls = [page.url for page in pages]
        if len(set(urls)) != len(urls):
            twice = sorted({url for url in urls if urls.count(url) > 1})
            raise ValueError(f"two generated pages share a URL: {twice}")
        return pages

    def timeline(self) -> list[PlannedPage]:
        documents = self.documents

        def head(url_for: UrlFor) -> str:
            return self._render(
                "timeline_head.html",
                count=len(documents),
                chart=self._year_chart(documents, url_for, "Số văn bản ban hành theo năm"),
                year_rows=[
                    (str(y), self.year_url(y), c) for y, c in reversed(counts_by_year(documents)) if c
                ],
                choices=filter_choices(documents, self.registry),
                url_for=url_for,
            )

        pages = self._paged(f"{TIMELINE}/", "Dòng thời gian ban hành", documents, head)
        for year in self.years:
            pages += self._year_pages(year)
        return pages

    def _year_pages(self, year: int) -> list[PlannedPage]:
        documents = [d for d in self.documents if d.date and d.date.year == year]

        def head(url_for: UrlFor) -> str:
            bars = [(MONTH_NAMES[m - 1], c) for m, c in counts_by_month(documents, year)]
            return self._render(
                "year_head.html",
                year=year,
                years=self.years,
                year_urls={y: self.year_url(y) for y in self.years},
                count=len(documents),
                chart=markup(bar_chart(bars, title=f"Số văn bản ban hành theo tháng, năm {year}")),
                choices=filter_choices(documents, self.registry),
                url_for=url_for,
            )

        return self._paged(self.year_url(year), f"Văn bản năm {year}", documents, head)

    def years_index(self) -> PlannedPage:
        def render(url_for: UrlFor) -> str:
            return self._render(
                "years_index.html",
                chart=self._year_chart(self.documents, url_for, "Số văn bản ban hành theo năm"),
                rows=[
                    (str(y), self.year_url(y), c) for y, c in reversed(counts_by_year(self.documents)) if c
                ],
                undated=sum(1 for d in self.documents if d.date is None),
                url_for=url_for,
            )

        return PlannedPage(f"{YEARS}/", "Văn bản theo năm", render)

    def bodies(self) -> list[PlannedPage]:
        def index(url_for: UrlFor) -> str:
            return self._render(
                "bodies_index.html", roots=self.body_roots, body_url=self.body_url, url_for=url_for
            )

        pages = [PlannedPage(f"{BODIES}/", "Văn bản theo cơ quan ban hành", index)]
        for node, _depth in walk_bodies(self.body_roots):
            if node.documents or node.children:
                pages += self._body_pages(node)
        return pages

    def _body_pages(self, node: BodyNode) -> list[PlannedPage]:
        issuer = node.issuer
        parent = self.registry.lookup(issuer.parent) if issuer is not None and issuer.parent else None

        def head(url_for: UrlFor) -> str:
            return self._render(
                "body_head.html",
                node=node,
                parent=parent,
                parent_url=self.body_url(BodyNode(parent.name, parent)) if parent is not None else "",
                chart=self._year_chart(node.documents, url_for, f"Số văn bản của {node.name} theo năm"),
                choices=filter_choices(node.documents, self.registry),
                body_url=self.body_url,
                url_for=url_for,
            )

        return self._paged(self.body_url(node), node.name, node.documents, head)

    def _grouped_pages(self, base: str, title: str, groups: Groups, label: str) -> list[PlannedPage]:

        def index(url_for: UrlFor) -> str:
            rows = [(name, f"{base}/{slug}/", len(docs)) for slug, (name, docs) in groups.items()]
            return self._render("group_index.html", rows=rows, label=label, url_for=url_for)

        pages = [PlannedPage(f"{base}/", title, index)]
        for slug, (name, documents) in groups.items():

            def head(url_for: UrlFor, documents: list[Document] = documents) -> str:
                return self._render(
                    "group_head.html", count=len(documents), choices=filter_choices(documents, self.registry)
                )

            pages += self._paged(f"{base}/{slug}/", f"{label}: {name}", documents, head)
        return pages

    def types(self) -> list[PlannedPage]:
        return self._grouped_pages(TYPES, "Văn bản theo loại", self.links.types, "Loại văn bản")

    def topics(self) -> list[PlannedPage]:
        return self._grouped_pages(TOPICS, "Văn bản theo chủ đề", self.links.topics, "Chủ đề")

    def statuses(self) -> list[PlannedPage]:
        return self._grouped_pages(STATUSES, "Văn bản theo hiệu lực", self.links.statuses, "Hiệu lực")

    def signers(self) -> list[PlannedPage]:
        return self._grouped_pages(SIGNERS, "Văn bản theo người ký", self.links.signers, "Người ký")

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
            types = self.links.types
            return self._render(
                "home.html",
                count=len(documents),
                issuer_count=len({d.issuer for d in documents if d.issuer}),
                stub_count=len(self.graph.stubs),
                stub_index_url=f"{self.url_prefix}/{STUBS}/",
                timeline_url=f"{TIMELINE}/",
                chart=self._year_chart(documents, url_for, "Số văn bản ban hành theo năm"),
                type_rows=[(name, f"{TYPES}/{slug}/", len(docs)) for slug, (name, docs) in types.items()],
                newest=documents[:HOME_NEWEST],
                most_cited=self.most_cited(),
                lookup=self._lookup,
                url_for=url_for,
            )

        return PlannedPage("", "Văn kiện — Kho văn bản Đảng", render)
