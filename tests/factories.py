"""Factories for small archives written into tmp folders."""

from __future__ import annotations

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
