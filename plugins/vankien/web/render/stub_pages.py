"""Pages for documents that are cited but not archived, and their index (the archivists' to-do list)."""

from __future__ import annotations

import posixpath

from vankien.core.model import format_date
from vankien.web.render.listing import document_link
from vankien.web.render.text import markdown_text
from vankien.graph.stubs import STUB_FOLDER, Stub

INDEX_TITLE = "Văn bản được dẫn chiếu chưa lưu trữ"


def stub_source_uri(stub: Stub, prefix: str) -> str:
    return stub.url(prefix).rstrip("/") + ".md"


def index_source_uri(prefix: str) -> str:
    return f"{prefix}/{STUB_FOLDER}/index.md"


def render_stub_page(stub: Stub, prefix: str) -> str:
    page_uri = stub_source_uri(stub, prefix)
    unknown = "*chưa rõ*"
    lines = [
        f"# {markdown_text(stub.name)}",
        "",
        '!!! note "Văn bản chưa có trong kho"',
        "    Kho chưa lưu văn bản này. Các thông tin dưới đây lấy từ những văn bản trích dẫn nó.",
        "",
        "| | |",
        "|---|---|",
        f"| Loại văn bản | {markdown_text(stub.type)} |",
        f"| Số ký hiệu | {markdown_text(stub.symbol) if stub.symbol else (markdown_text(stub.number) if stub.number else unknown)} |",
        f"| Ngày ban hành | {format_date(stub.date) if stub.date else unknown} |",
        f"| Cơ quan ban hành | {markdown_text(stub.issuer) if stub.issuer else unknown} |",
    ]
    if stub.term:
        lines.append(f"| Khóa | {markdown_text(stub.term)} |")
    lines += [
        f"| Trích yếu (theo trích dẫn) | {markdown_text(stub.about) if stub.about else unknown} |",
        f"| Số lần được dẫn chiếu | {len(stub.citations)} |",
        "",
        f"## Được dẫn chiếu bởi ({len(stub.citing_documents)})",
        "",
    ]
    for citation in stub.citations:
        document = citation.document
        link = document_link(document, page_uri)
        role = "căn cứ" if citation.kind.value == "basis" else "dẫn chiếu"
        lines += [
            f"- [{markdown_text(document.name)}]({link}) ({format_date(document.date)}, {markdown_text(document.issuer_label)}) — {role}:",
            "",
            f"    > {markdown_text(citation.sentence)}",
            "",
        ]
    return "\n".join(lines)


def render_stub_index(stubs: list[Stub], prefix: str) -> str:
    page_uri = index_source_uri(prefix)
    lines = [
        f"# {INDEX_TITLE}",
        "",
        f"Các văn bản được trích dẫn nhưng kho chưa lưu: **{len(stubs)}** văn bản, văn bản được dẫn "
        "nhiều nhất trước. Thêm một văn bản vào `directives/` sẽ đưa nó ra khỏi danh sách này.",
        "",
    ]
    if not stubs:
        return "\n".join([*lines, "Mọi văn bản được trích dẫn đều đã có trong kho."])
    lines += [
        "| Số lần dẫn | Văn bản | Ngày | Cơ quan | Trích yếu (theo trích dẫn) |",
        "|---:|---|---|---|---|",
    ]
    for stub in stubs:
        link = posixpath.relpath(stub_source_uri(stub, prefix), posixpath.dirname(page_uri))
        lines.append(
            f"| {len(stub.citations)} | [{markdown_text(stub.name)}]({link}) | {format_date(stub.date) if stub.date else ''} "
            f"| {markdown_text(stub.issuer or '')} | {markdown_text(stub.about or '')} |"
        )
    return "\n".join(lines)
