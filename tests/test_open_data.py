"""Open data (`api/`), the Atom feeds and the sitemap of a real build, and hostile text in them.

The site is built from a small archive: a Kết luận with HTML and `<script>` in every field it
can carry (its issuer too, a registry entry of that name) citing a document the archive does not
hold, a Hướng dẫn implementing it whose title a spreadsheet would take for a formula, and a
`mật` document the site (level `thường`) must never show.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest

from tests.conftest import REPO, write_files
from tests.factories import REGISTRY
from vankien.adapters.staged_build import build_site
from vankien.exports.files import SCHEMA_FILE
from vankien.exports.spreadsheet import HEADERS, safe_cell

pytestmark = pytest.mark.build

SITE_URL = "https://intranet.example/van-kien/"
SCRIPT = "<script>alert(1)</script>"
HOSTILE = f"{SCRIPT} & <b>đậm</b>"
BODY = f"Ban {SCRIPT} Thử"
SECRET = "qzxsecretmarker"
FORMULA = '=HYPERLINK("http://x.example","bấm")'
ATOM = "{http://www.w3.org/2005/Atom}"


def _archive(root: Path) -> None:
    write_files(
        root,
        {
            "co-quan.yml": REGISTRY + f'- name: "{BODY}"\n  level: tỉnh\n  parent: Tỉnh ủy Bắc Kạn\n',
            "2023/hostile.md": f"""\
                ---
                symbol: 12-KL/TW
                type: Kết luận
                issuer: "{BODY}"
                date: 02/03/2023
                title: "Tiêu đề {HOSTILE}"
                topics: ["chủ đề {HOSTILE}"]
                recipients: ["nơi nhận {HOSTILE}"]
                signer: {{name: "Người {HOSTILE}", title: "chức {HOSTILE}", authority: "T/M {HOSTILE}"}}
                place: "nơi {HOSTILE}"
                term: "khóa {HOSTILE}"
                note: "ghi chú {HOSTILE}"
                source: "nguồn {HOSTILE}"
                author: "tác giả {HOSTILE}"
                relations:
                  basis:
                    - ref: "Kết luận số 5-KL/TW ngày 01/01/2020 của Bộ Chính trị"
                      external: true
                ---

                Nội dung {HOSTILE}.
                """,
            "2023/implementing.md": f"""\
                ---
                symbol: 13-HD/TW
                type: Hướng dẫn
                issuer: Bộ Chính trị
                date: 01/04/2023
                title: '{FORMULA}'
                relations:
                  basis:
                    - Kết luận số 12-KL/TW ngày 02/03/2023
                ---

                Thực hiện Kết luận số 12-KL/TW ngày 02/03/2023.
                """,
            "2023/secret.md": f"""\
                ---
                symbol: 14-KL/TW
                type: Kết luận
                issuer: Bộ Chính trị
                date: 05/05/2023
                title: Văn bản {SECRET}
                classification: mật
                relations:
                  basis:
                    - Kết luận số 12-KL/TW ngày 02/03/2023
                ---
                """,
        },
    )


def _project(tmp: Path, *, site_url: str | None) -> Path:
    project = tmp / "project"
    project.mkdir()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url:
        config = config.replace("site_name: Văn kiện\n", f"site_name: Văn kiện\nsite_url: {site_url}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", project / "docs")
    _archive(project / "directives")
    build_site(project / "mkdocs.yml", project / "site", strict=False)
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("open-data"), site_url=SITE_URL)


def _documents(site: Path) -> dict[str, dict[str, object]]:
    data = json.loads((site / "api/documents.json").read_text(encoding="utf-8"))
    return {d["id"]: d for d in data["documents"]}


def test_documents_json_follows_its_schema(site: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert (site / "api/documents.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
    data = json.loads((site / "api/documents.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["format"] == "vankien-documents/1" and data["level"] == "thường" and data["count"] == 2


def test_documents_json_has_pages_files_and_resolved_relations(site: Path) -> None:
    documents = _documents(site)
    hostile, implementing = documents["12-kl-tw"], documents["13-hd-tw"]
    assert (
        hostile["url"] == "van-ban/2023/12-kl-tw/" and (site / "van-ban/2023/12-kl-tw/index.html").is_file()
    )
    assert hostile["markdown_path"] == "directives/2023/hostile.md"
    assert hostile["date"] == "2023-03-02" and hostile["symbol"] == "12-KL/TW"
    assert implementing["relations"] == {"basis": [{"id": "12-kl-tw", "url": "van-ban/2023/12-kl-tw/"}]}
    assert hostile["inverse_relations"] == {"derived": [{"id": "13-hd-tw", "url": "van-ban/2023/13-hd-tw/"}]}
    (absent,) = hostile["relations"]["basis"]  # type: ignore[index]
    assert absent["citation"] == "Kết luận số 5-KL/TW ngày 01/01/2020 của Bộ Chính trị"
    assert (site / absent["url"] / "index.html").is_file()


def test_graph_json_has_typed_edges_between_its_nodes(site: Path) -> None:
    graph = json.loads((site / "api/graph.json").read_text(encoding="utf-8"))
    assert graph["format"] == "vankien-graph/1"
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert {n["kind"] for n in nodes.values()} == {"document", "stub"}
    edges = {(e["source"], e["kind"], e["target"]) for e in graph["edges"]}
    assert ("13-hd-tw", "basis", "12-kl-tw") in edges
    assert any(s == "12-kl-tw" and t.startswith("stub:") for s, _, t in edges)
    assert all(s in nodes and t in nodes for s, _, t in edges)
    assert graph["relation_kinds"]["basis"]["inverse"] == "derived"
    assert graph["relation_kinds"]["replaces"]["inverse"] == "replaced_by"


def test_a_withheld_document_is_in_no_export(site: Path) -> None:
    for path in [*sorted((site / "api").rglob("*")), site / "sitemap.xml"]:
        if path.is_file():
            text = path.read_bytes().decode("utf-8").lower()
            assert SECRET not in text and "14-kl-tw" not in text, path
    assert SECRET not in gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()


def test_csv_opens_in_a_spreadsheet(site: Path) -> None:
    raw = (site / "api/van-ban.csv").read_bytes()
    assert (
        raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    )
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADERS
    assert rows[0][:6] == [
        "Mã",
        "Số ký hiệu",
        "Loại văn bản",
        "Cơ quan ban hành",
        "Ngày ban hành",
        "Trích yếu",
    ]
    by_id = {row[0]: dict(zip(HEADERS, row, strict=True)) for row in rows[1:]}
    assert by_id["13-hd-tw"]["Trích yếu"] == "'" + FORMULA
    assert by_id["13-hd-tw"]["Ngày ban hành"] == "2023-04-01"
    assert by_id["13-hd-tw"]["Địa chỉ"] == "van-ban/2023/13-hd-tw/"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(start: str) -> None:
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell(f"a{start}1") == f"a{start}1"


def test_atom_feeds_parse_and_hold_the_required_elements(site: Path) -> None:
    feeds = sorted((site / "api").rglob("*.xml"))
    assert site / "api/atom.xml" in feeds and site / "api/co-quan/bo-chinh-tri.xml" in feeds
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        root = ET.fromstring(path.read_bytes())
        for element in ("id", "title", "updated", "author/" + ATOM + "name"):
            assert root.find(ATOM + element) is not None, (path, element)
        self_link = root.find(f"{ATOM}link[@rel='self']")
        assert self_link is not None and self_link.get("href") == SITE_URL + path.relative_to(site).as_posix()
        for entry in root.iter(ATOM + "entry"):
            for element in ("id", "title", "updated", "summary", "author/" + ATOM + "name"):
                assert entry.find(ATOM + element) is not None, (path, element)
            link = entry.find(ATOM + "link")
            assert link is not None and (link.get("href") or "").startswith(SITE_URL)
    main = feedparser.parse((site / "api/atom.xml").read_bytes())
    assert [e.link for e in main.entries] == [
        SITE_URL + "van-ban/2023/13-hd-tw/",
        SITE_URL + "van-ban/2023/12-kl-tw/",
    ]
    assert main.feed.updated == "2023-04-01T00:00:00+07:00"


def test_sitemap_is_absolute_and_dated_by_the_archive(site: Path) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {u.findtext(ns + "loc"): u.findtext(ns + "lastmod") for u in root.iter(ns + "url")}
    assert all(loc and loc.startswith(SITE_URL) for loc in lastmod)
    # The Kết luận's page shows the Hướng dẫn implementing it: it changed when that one came.
    assert lastmod[SITE_URL + "van-ban/2023/12-kl-tw/"] == "2023-04-01"
    assert lastmod[SITE_URL] == "2023-04-01"  # the newest published document
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # no time stamp in the gzip header


def test_without_site_url_no_feed_and_an_empty_sitemap(tmp_path: Path) -> None:
    site = _project(tmp_path, site_url=None)
    assert not list((site / "api").rglob("*.xml"))
    assert "<url>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "api/documents.json").is_file() and (site / "api/van-ban.csv").is_file()


def test_html_and_script_in_every_field_are_text_in_every_output(site: Path) -> None:
    raw_markup = ("<script>alert", "<b>đậm")
    # Pages (and the lineage drawn in SVG): the fields are shown, as text.
    page = (site / "van-ban/2023/12-kl-tw/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not any(m in html for m in raw_markup), path
    svgs = re.findall(r"<svg\b.*?</svg>", (site / "van-ban/2023/13-hd-tw/index.html").read_text(), re.S)
    assert any("alert(1)" in svg for svg in svgs)
    for svg in svgs:
        tree = ET.fromstring(svg)
        assert not [e for e in tree.iter() if e.tag.endswith("script")]
    # JSON: valid, the same strings, and no markup even for a parser that is not one.
    for name in ("documents.json", "graph.json"):
        text = (site / "api" / name).read_text(encoding="utf-8")
        assert not any(m in text for m in raw_markup)
    hostile = _documents(site)["12-kl-tw"]
    assert hostile["title"] == f"Tiêu đề {HOSTILE}" and hostile["issuer"] == BODY
    assert hostile["signer"] == {
        "name": f"Người {HOSTILE}",
        "title": f"chức {HOSTILE}",
        "authority": f"T/M {HOSTILE}",
    }
    for field in ("place", "term", "note", "source", "author"):
        assert str(hostile[field]).endswith(HOSTILE), field
    assert hostile["topics"] == [f"chủ đề {HOSTILE}"] and hostile["recipients"] == [f"nơi nhận {HOSTILE}"]
    # CSV: data, not markup: quoted by the csv module and read back exactly.
    rows = list(csv.reader(io.StringIO((site / "api/van-ban.csv").read_text("utf-8-sig"), newline="")))
    row = dict(zip(HEADERS, next(r for r in rows if r[0] == "12-kl-tw"), strict=True))
    assert row["Trích yếu"] == f"Tiêu đề {HOSTILE}" and row["Cơ quan ban hành"] == BODY
    assert row["Chủ đề"] == f"chủ đề {HOSTILE}"
    # Atom: valid XML, the markup escaped, and readers show it as the text it is.
    for path in (site / "api").rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        assert not any(m in text for m in raw_markup), path
        ET.fromstring(text)
    feed = feedparser.parse((site / "api/atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("12-kl-tw/"))
    assert entry.author == BODY and HOSTILE in entry.summary
