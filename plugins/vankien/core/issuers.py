"""The registry of issuing bodies, kept by editors in the archive (`co-quan.yml`).

Each body has its full name, the short code its symbols carry ("BTGTU", "TW"),
its parent body and its level. Many bodies share a code (Ban Chấp hành Trung
ương, Bộ Chính trị and Ban Bí thư all sign "/TW"), so the name is the key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vankien.core.dates import DateProblem, read_strict
from vankien.core.frontmatter import FrontMatterError, load_yaml
from vankien.core.problems import ProblemList
from vankien.core.text import fold

REGISTRY_FILE = "co-quan.yml"

LEVELS = ("Trung ương", "tỉnh", "huyện", "cơ sở")
"""Trung ương; tỉnh (tỉnh ủy, thành ủy trực thuộc Trung ương); huyện (huyện ủy, thành ủy thuộc tỉnh); cơ sở."""


def next_level(level: str) -> str | None:
    """The level below ("Trung ương" -> "tỉnh"), None below the lowest."""
    index = LEVELS.index(level)
    return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


_FIELDS = ("name", "code", "parent", "level", "aliases", "from", "until", "successor", "note")
# Provinces were merged and districts abolished in 2025: a body exists `from` a day `until` a day
# (both inclusive), and a merged body names its `successor`.

# The cities run by the Centre (thành phố trực thuộc Trung ương): their Thành ủy is of province level,
# every other Thành ủy of district level. Huế became one in 2025.
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
_CENTRAL_CITIES = tuple(fold(city) for city in CENTRAL_CITIES)
# Names, folded, and the level they show, most specific first.
_LEVEL_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:xa|phuong|thi tran)\b|\bchi bo\b|\bdang uy co so\b"), "cơ sở"),
    (re.compile(r"\b(?:huyen|quan|thi xa|thi uy)\b"), "huyện"),
    (re.compile(r"\btinh\b|\btinh uy\b"), "tỉnh"),
    (
        re.compile(r"trung uong|\bbo chinh tri\b|\bban bi thu\b|\bchinh phu\b|\bquoc hoi\b|^bo\s"),
        "Trung ương",
    ),
)


def level_from_name(name: str) -> str | None:
    """The level a body's name shows ("Ban Tuyên giáo Tỉnh ủy Bắc Kạn" -> tỉnh), or None."""
    folded = " ".join(fold(name).split())
    if re.search(r"\bthanh uy\b|\bthanh pho\b", folded):
        return "tỉnh" if any(city in folded for city in _CENTRAL_CITIES) else "huyện"
    for pattern, level in _LEVEL_RULES:
        if pattern.search(folded):
            return level
    return None


# The issuer codes of a symbol that name a Ban or Văn phòng: "BTGTW", "BTCTU", "VPHU", "UBKTQU".
_DEPARTMENT_CODES = (
    ("BTGDV", "Ban Tuyên giáo và Dân vận"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("BTG", "Ban Tuyên giáo"),
    ("BTC", "Ban Tổ chức"),
    ("BDV", "Ban Dân vận"),
    ("BKT", "Ban Kinh tế"),
    ("BNC", "Ban Nội chính"),
    ("BĐN", "Ban Đối ngoại"),
    ("VP", "Văn phòng"),
)
_COMMITTEE_CODES = {"TW": "Trung ương", "TU": "Tỉnh ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "TXU": "Thị ủy"}
# At the Centre some departments have their own full names.
_CENTRAL_DEPARTMENTS = {
    "Văn phòng": "Văn phòng Trung ương Đảng",
    "Ủy ban Kiểm tra": "Ủy ban Kiểm tra Trung ương",
}


def department_from_code(code: str) -> tuple[str, str] | None:
    """(department, committee) a symbol's issuer code names: "BTGTW" -> ("Ban Tuyên giáo Trung
    ương", "Trung ương"), "BTCTU" -> ("Ban Tổ chức", "Tỉnh ủy"); None for a committee's own code."""
    code = code.upper().replace("Ư", "U")
    for prefix, department in _DEPARTMENT_CODES:
        committee = _COMMITTEE_CODES.get(code[len(prefix) :]) if code.startswith(prefix) else None
        if committee == "Trung ương":
            return _CENTRAL_DEPARTMENTS.get(department, f"{department} Trung ương"), committee
        if committee is not None:
            return department, committee
    return None


def form_heading(registry: IssuerRegistry, name: str) -> tuple[str, ...]:
    """The issuing body as the paper form's heading writes it, line by line, in capitals.

    As the forms read: the central committee heads its own documents and those of the Bộ Chính
    trị and Ban Bí thư as "BAN CHẤP HÀNH TRUNG ƯƠNG" (corpus 003, 007, 010); a Ban or Văn phòng
    goes under its committee by its short name ("BAN CHẤP HÀNH TRUNG ƯƠNG" / "VĂN PHÒNG", corpus
    009); a Tỉnh ủy heads its documents alone ("TỈNH ỦY THỪA THIÊN HUẾ", corpus 021). What the
    registry does not tell (a body without its committee) is written as the document names it.
    """
    body = registry.lookup(name)
    if body is None:
        return (name.upper(),)
    committee = registry.committee(body)
    heading = re.sub(r"\s+Đảng$", "", committee.name).upper()
    if body is committee:
        return (heading,)
    department = next((d for _, d in _DEPARTMENT_CODES if fold(body.name).startswith(fold(d) + " ")), None)
    return (heading, department.upper()) if department else (heading,)


def is_local_body(name: str) -> bool:
    """A body below the Centre, by its name: its "TƯ" symbols mean "TU"."""
    return level_from_name(name) not in (None, "Trung ương")


@dataclass(frozen=True)
class Issuer:
    name: str
    level: str
    code: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    note: str | None = None
    line: int = 0
    since: dt.date | None = None
    """First day the body existed (`from`); None when the registry does not say."""
    until: dt.date | None = None
    """Last day the body existed; None while it exists."""
    successor: str | None = None
    """The body that took over its work when it was merged or abolished."""

    def existed_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class IssuerRegistry:
    def __init__(self, issuers: list[Issuer] | None = None) -> None:
        self.issuers: list[Issuer] = []
        self._by_folded: dict[str, Issuer] = {}
        self._children: dict[str, list[Issuer]] | None = None
        for issuer in issuers or []:
            self.add(issuer)

    def add(self, issuer: Issuer) -> Issuer | None:
        """Add a body; returns the body that already holds one of its names, if any."""
        for name in (issuer.name, *issuer.aliases):
            clash = self._by_folded.get(fold(name))
            if clash is not None:
                return clash
        self.issuers.append(issuer)
        self._children = None
        for name in (issuer.name, *issuer.aliases):
            self._by_folded[fold(name)] = issuer
        return None

    def lookup(self, name: str) -> Issuer | None:
        """The body with this name or alias, ignoring case, diacritics and spacing."""
        return self._by_folded.get(fold(" ".join(name.split())))

    def suggest(self, name: str) -> str | None:
        folded = {fold(i.name): i.name for i in self.issuers}
        match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
        return folded[match[0]] if match else None

    def children(self, issuer: Issuer) -> list[Issuer]:
        """The bodies whose parent is this one, in the registry's order."""
        if self._children is None:
            index: dict[str, list[Issuer]] = {}
            for body in self.issuers:
                parent = self.lookup(body.parent) if body.parent else None
                if parent is not None:
                    index.setdefault(parent.name, []).append(body)
            self._children = index
        return self._children.get(issuer.name, [])

    def committee(self, issuer: Issuer) -> Issuer:
        """The party committee a body belongs to: the body itself, or its highest ancestor of the
        same level (Ban Tuyên giáo Tỉnh ủy X -> Tỉnh ủy X; Bộ Chính trị -> Ban Chấp hành Trung ương)."""
        top = issuer
        for parent in self.chain(issuer)[1:]:
            if parent.level != issuer.level:
                break
            top = parent
        return top

    def chain(self, issuer: Issuer) -> list[Issuer]:
        """The body and its parents up to the root, nearest first."""
        result = [issuer]
        seen = {issuer.name}
        while result[-1].parent:
            parent = self.lookup(result[-1].parent)
            if parent is None or parent.name in seen:
                break
            seen.add(parent.name)
            result.append(parent)
        return result

    def __len__(self) -> int:
        return len(self.issuers)


def load_registry(root: Path, problems: ProblemList, display_root: str = "") -> IssuerRegistry:
    """Read `co-quan.yml` in the archive folder; a missing file is an empty registry."""
    path = root / REGISTRY_FILE
    shown = f"{display_root}{REGISTRY_FILE}"
    registry = IssuerRegistry()
    if not path.exists():
        return registry
    try:
        data, lines = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.error(shown, 1, "not-utf8", "tệp không phải UTF-8; hãy lưu lại với bảng mã UTF-8")
        return registry
    except FrontMatterError as exc:
        problems.error(shown, exc.line, "yaml", exc.message)
        return registry
    if not isinstance(data, list):
        problems.error(
            shown, 1, "registry", "danh mục cơ quan phải là một danh sách, mỗi mục bắt đầu bằng `- name:`"
        )
        return registry
    for index, entry in enumerate(data):
        line = lines.get(str(index), 1)
        issuer = _read_entry(entry, line, shown, problems, lines, str(index))
        if issuer is None:
            continue
        clash = registry.add(issuer)
        if clash is not None:
            problems.error(
                shown,
                line,
                "registry-duplicate",
                f"cơ quan `{issuer.name}` trùng tên hoặc tên gọi khác với `{clash.name}` (dòng {clash.line})",
            )
    _check_parent_cycles(registry, shown, problems)
    for issuer in registry.issuers:
        if issuer.parent and registry.lookup(issuer.parent) is None:
            problems.error(
                shown,
                issuer.line,
                "registry-parent",
                f"cơ quan cấp trên `{issuer.parent}` của `{issuer.name}` không có trong danh mục; "
                "thêm cơ quan đó hoặc sửa tên cho đúng",
            )
        if issuer.successor and registry.lookup(issuer.successor) is None:
            problems.error(
                shown,
                issuer.line,
                "registry-successor",
                f"cơ quan kế thừa `{issuer.successor}` của `{issuer.name}` không có trong danh mục; "
                "thêm cơ quan đó hoặc sửa tên cho đúng",
            )
    return registry


def _check_parent_cycles(registry: IssuerRegistry, shown: str, problems: ProblemList) -> None:
    """A body that is, through its parents, its own parent would vanish from the tree of bodies."""
    reported: set[str] = set()
    for issuer in registry.issuers:
        path: list[str] = []
        current: Issuer | None = issuer
        while current is not None and current.name not in path:
            path.append(current.name)
            current = registry.lookup(current.parent) if current.parent else None
        if current is not None and current.name == issuer.name and issuer.name not in reported:
            cycle = path[path.index(current.name) :]
            reported.update(cycle)
            problems.error(
                shown,
                issuer.line,
                "registry-cycle",
                "cơ quan cấp trên tạo thành vòng: "
                + " → ".join([*cycle, cycle[0]])
                + "; sửa trường `parent`",
            )


def _read_entry(
    entry: Any, line: int, shown: str, problems: ProblemList, lines: dict[str, int], key: str
) -> Issuer | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        problems.error(shown, line, "registry", "mỗi cơ quan cần trường `name` (tên đầy đủ)")
        return None
    for field_name in entry:
        if field_name not in _FIELDS:
            problems.warning(
                shown,
                lines.get(f"{key}.{field_name}", line),
                "unknown-field",
                f"trường `{field_name}` không được dùng trong danh mục cơ quan; các trường: {', '.join(_FIELDS)}",
            )
    level = next((lv for lv in LEVELS if fold(lv) == fold(str(entry.get("level", "")))), None)
    if level is None:
        problems.error(
            shown,
            lines.get(f"{key}.level", line),
            "registry-level",
            f"cấp của `{entry['name']}` phải là một trong: {', '.join(LEVELS)}",
        )
        return None
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    # A name has letters: `aliases: 5` is a slip, not a body called "5".
    if not isinstance(aliases, list) or not all(
        isinstance(a, str) and re.search(r"[^\W\d_]", a) for a in aliases
    ):
        problems.error(
            shown,
            lines.get(f"{key}.aliases", line),
            "registry",
            f"`aliases` của `{entry['name']}` phải là danh sách tên, vd. `aliases: [BCH Trung ương, BCH TW]`",
        )
        return None
    for field_name in ("code", "parent", "successor", "note"):
        if isinstance(entry.get(field_name), list | dict | bool):
            problems.error(
                shown,
                lines.get(f"{key}.{field_name}", line),
                "registry",
                f"`{field_name}` của `{entry['name']}` phải là một dòng chữ",
            )
            return None

    def text(name: str) -> str | None:
        value = entry.get(name)
        return str(value).strip() if value not in (None, "") else None

    dates: dict[str, dt.date | None] = {}
    for field_name in ("from", "until"):
        value = text(field_name)
        date = read_strict(value) if value is not None else None
        if isinstance(date, DateProblem):
            problems.error(
                shown,
                lines.get(f"{key}.{field_name}", line),
                "registry-date",
                f"`{field_name}`: {date.message}",
            )
            return None
        dates[field_name] = date
    since, until = dates["from"], dates["until"]
    if since is not None and until is not None and until < since:
        problems.error(
            shown,
            lines.get(f"{key}.until", line),
            "registry-date",
            f"`until` của `{entry['name']}` ({until:%d/%m/%Y}) trước `from` ({since:%d/%m/%Y}); sửa một trong hai",
        )
        return None
    if text("successor") is not None and until is None:
        problems.warning(
            shown,
            lines.get(f"{key}.successor", line),
            "registry-successor",
            f"`{entry['name']}` có cơ quan kế thừa nhưng không ghi `until` (ngày cuối cùng hoạt động); thêm `until`",
        )

    return Issuer(
        name=" ".join(str(entry["name"]).split()),
        level=level,
        code=text("code"),
        parent=text("parent"),
        aliases=tuple(str(a).strip() for a in aliases),
        note=text("note"),
        line=line,
        since=since,
        until=until,
        successor=text("successor"),
    )
