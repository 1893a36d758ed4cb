"""Factories for small archives written into tmp folders."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from tests.conftest import TODAY, write_files
from vankien.graph.analysis import Analysis, analyse_archive

REGISTRY = """\
- name: Ban Chấp hành Trung ương Đảng
  code: TW
  level: Trung ương
  aliases: [BCH Trung ương, Ban Chấp hành Trung ương]
- name: Ban Bí thư
  code: TW
  parent: Ban Chấp hành Trung ương Đảng
  level: Trung ương
- name: Bộ Chính trị
  code: TW
  parent: Ban Chấp hành Trung ương Đảng
  level: Trung ương
- name: Ban Tuyên giáo Trung ương
  code: BTGTW
  parent: Ban Chấp hành Trung ương Đảng
  level: Trung ương
- name: Tỉnh ủy Bắc Kạn
  code: TU
  parent: Ban Chấp hành Trung ương Đảng
  level: tỉnh
- name: Đảng ủy Khối
  code: ĐUK
  parent: Tỉnh ủy Bắc Kạn
  level: tỉnh
- name: Đại hội đại biểu toàn quốc lần thứ XIII của Đảng
  level: Trung ương
"""


def doc(
    symbol: str | None,
    type_: str,
    issuer: str,
    date: str,
    title: str = "x",
    extra: str = "",
    body: str = "",
    id_: str | None = None,
) -> str:
    """One document file: front matter from the arguments, then the body."""
    lines = ["---"]
    if symbol:
        lines.append(f"symbol: {symbol}")
    if id_:
        lines.append(f"id: {id_}")
    lines += [f"type: {type_}", f"issuer: {issuer}", f"date: {date}", f"title: {title}"]
    if extra:
        lines.append(extra.strip("\n"))
    lines += ["---", body]
    return "\n".join(lines) + "\n"


def analyse_files(root: Path, files: dict[str, str]) -> Analysis:
    return analyse_archive(write_files(root, {"co-quan.yml": REGISTRY, **files}), today=TODAY)


# -- a province with many districts, generated for each run (the implementation overview) --

PROVINCE = "Tỉnh ủy Thử Nghiệm"
ISSUED = dt.date(2023, 3, 10)


def generated_province(rng: random.Random, districts: int) -> tuple[str, dict[str, str], list[str]]:
    """A registry with one province and `districts` districts, some abolished before the plan or
    created after it, one merged into another; the names of those existing on the plan's date."""
    entries = [
        REGISTRY,
        f"- name: {PROVINCE}\n  code: TU\n  parent: Ban Chấp hành Trung ương Đảng\n  level: tỉnh\n",
    ]
    entries.append(f"- name: Ban Tuyên giáo {PROVINCE}\n  code: BTGTU\n  parent: {PROVINCE}\n  level: tỉnh\n")
    existing: list[str] = []
    for number in range(1, districts + 1):
        name = f"Huyện ủy Số {number}"
        fate = rng.choice(["live", "live", "live", "gone", "new"])
        extra = ""
        if fate == "gone":
            extra = "  until: 31/12/2022\n"
        elif fate == "new":
            extra = "  from: 01/01/2024\n"
        else:
            existing.append(name)
        entries.append(f"- name: {name}\n  code: HU\n  parent: {PROVINCE}\n  level: huyện\n{extra}")
        # A department of each district, whose documents count for the district.
        entries.append(
            f"- name: Ban Tuyên giáo {name}\n  code: BTGHU\n  parent: {name}\n  level: huyện\n{extra}"
        )
    registry = "\n".join(entries)
    plan = doc("5-KH/BTGTU", "Kế hoạch", f"Ban Tuyên giáo {PROVINCE}", ISSUED.strftime("%d/%m/%Y"))
    return registry, {"plan.md": plan}, existing
