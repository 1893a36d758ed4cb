"""Front matter read by our own code, with the line of every key and item.

MkDocs swallows broken YAML and silently drops the metadata; an archive cannot
afford that, so documents are split and parsed here and every failure names
its line. Dates stay strings (no YAML timestamp magic): the schema reads them,
so "31/02/2023" and "2023-02-31" get the same clear message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml


class _NoTimestampLoader(yaml.SafeLoader):
    """SafeLoader that reads values as written: YAML 1.1's `yes`, `NO`, `on`, `012`, `0x1F`, `1:30`
    and dates stay strings for the schema to read; only `true`/`false` and `null`/`~` are typed
    (the YAML 1.2 core schema's booleans and null)."""


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TYPED: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
for _first in "tTfF":
    _TYPED.setdefault(_first, []).append(("tag:yaml.org,2002:bool", _BOOL))
for _first in ["~", "n", "N", ""]:
    _TYPED.setdefault(_first, []).append(("tag:yaml.org,2002:null", _NULL))
_TYPED[None] = [("tag:yaml.org,2002:null", _NULL)]
_NO_TIMESTAMPS = _TYPED
_NoTimestampLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS

MAX_DEPTH = 16
"""Front matter nests three levels (relations.basis.0.ref); deeper is a mistake or an attack."""

# libyaml's composer is several times faster on a large archive; the pure-Python one is the fallback.
_Composer: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
if yaml.__with_libyaml__:

    class _NoTimestampCLoader(yaml.CSafeLoader):
        pass

    _NoTimestampCLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
    _Composer = _NoTimestampCLoader
else:
    _Composer = _NoTimestampLoader


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class FrontMatter:
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    """Line (1-based, in the file) of each key path: "title", "signer.name", "relations.basis.0"."""
    start_line: int = 1
    body: str = ""
    body_line: int = 1

    def line_of(self, path: str) -> int:
        """Line of a key path, or of its nearest parent, or of the opening `---`."""
        return nearest_line(self.lines, path, self.start_line)


def nearest_line(lines: dict[str, int], path: str, default: int) -> int:
    """Line of a dotted key path or of its nearest parent that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path.rpartition(".")[0]
    return default


def split(text: str) -> tuple[str, int, str, int] | None:
    """Split `---` front matter from the body: (yaml, yaml's first line, body, body's first line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), 2, "".join(lines[index + 1 :]), index + 2
    raise FrontMatterError(1, "front matter mở bằng `---` nhưng không có dòng `---` đóng lại")


def parse(text: str) -> FrontMatter:
    """Parse a whole document file. Raises FrontMatterError naming the line."""
    parts = split(text)
    if parts is None:
        raise FrontMatterError(
            1, "tệp không có front matter: dòng đầu tiên phải là `---`, tiếp theo là các trường YAML"
        )
    source, first_line, body, body_line = parts
    data, lines = load_yaml(source, first_line)
    if not isinstance(data, dict):
        raise FrontMatterError(first_line, "front matter phải là danh sách các trường dạng `tên: giá trị`")
    return FrontMatter(data, lines, 1, body, body_line)


# PyYAML's error kinds, as an editor reads them. The English text never reaches the editor.
_YAML_PROBLEMS = (
    (
        "mapping values are not allowed",
        "dấu hai chấm ở chỗ không được phép (giá trị có dấu `:` cần đặt trong ngoặc kép)",
    ),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên trường"),
    (
        "that cannot start any token",
        "có ký tự không bắt đầu được giá trị (tab, `@`, dấu ngược); thụt lề bằng dấu cách",
    ),
    ("found character '\\t'", "có ký tự tab; YAML chỉ thụt lề bằng dấu cách"),
    ("unacceptable character", "có ký tự điều khiển không được phép"),
    ("unknown escape character", "chuỗi trong ngoặc kép có ký tự thoát `\\` sai; dùng ngoặc đơn"),
    (
        "found unexpected end of stream",
        "hết phần YAML khi còn thiếu dấu đóng (ngoặc kép, ngoặc vuông hoặc nhọn)",
    ),
    ("expected ',' or ']'", "danh sách trong ngoặc vuông thiếu dấu phẩy hoặc dấu đóng `]`"),
    ("expected ',' or '}'", "bảng trong ngoặc nhọn thiếu dấu phẩy hoặc dấu đóng `}`"),
    ("did not find expected key", "thụt lề không đúng (một dòng lệch so với các trường cùng cấp)"),
    ("expected <block end>", "thụt lề không đúng (một dòng lệch so với các trường cùng cấp)"),
    ("did not find expected '-' indicator", "mục danh sách thiếu dấu `-` hoặc thụt lề lệch"),
    ("found undefined tag handle", "có nhãn kiểu `!…` không được dùng"),
    ("while scanning an anchor", "có neo `&` không hợp lệ"),
    ("while scanning an alias", "có bí danh `*` không hợp lệ"),
    ("found duplicate anchor", "có neo `&` trùng tên"),
)


def _in_vietnamese(exc: yaml.YAMLError) -> str:
    text = str(exc)
    for english, vietnamese in _YAML_PROBLEMS:
        if english in text:
            return vietnamese
    return "cú pháp YAML sai"


def _check_events(source: str, first_line: int) -> None:
    """Refuse anchors and aliases (an alias bomb expands a kilobyte into gigabytes, a recursive one
    never ends) and nesting deeper than MAX_DEPTH, from the event stream: linear, no expansion."""
    depth = 0
    for event in yaml.parse(source, Loader=_Composer):
        line = first_line + (event.start_mark.line if event.start_mark else 0)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FrontMatterError(
                line,
                "không dùng neo và bí danh YAML (`&tên`, `*tên`) trong kho; viết đầy đủ giá trị ở mỗi chỗ",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise FrontMatterError(line, f"YAML lồng quá {MAX_DEPTH} cấp; kiểm tra thụt lề")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load_yaml(source: str, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """Parse YAML safely into plain values and the line of every key path."""
    try:
        _check_events(source, first_line)
        node = yaml.compose(source, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise FrontMatterError(
            line,
            f"không đọc được YAML: {_in_vietnamese(exc)}; kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép "
            "ở dòng này",
        ) from exc
    except yaml.YAMLError as exc:
        raise FrontMatterError(first_line, f"không đọc được YAML: {_in_vietnamese(exc)}") from exc
    if node is None:
        return {}, {}
    lines: dict[str, int] = {}
    return _to_python(node, "", first_line, lines), lines


def _to_python(node: yaml.Node, path: str, first_line: int, lines: dict[str, int]) -> Any:
    line = first_line + node.start_mark.line
    if path:
        lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node, first_line))
            child = f"{path}.{key}" if path else key
            key_line = first_line + key_node.start_mark.line
            if key in result:
                raise FrontMatterError(key_line, f"trường `{key}` được khai báo hai lần; hãy giữ một")
            lines[child] = key_line
            result[key] = _to_python(value_node, child, first_line, lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, f"{path}.{index}" if path else str(index), first_line, lines)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, first_line)


_CONSTRUCTOR = _NoTimestampLoader("")
"""Turns scalar nodes into values. Its per-tag functions are called directly: `construct_object`
would memoise every node it ever saw, and one constructor serves every file of the archive."""


def _scalar(node: yaml.Node, first_line: int) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        line = first_line + node.start_mark.line
        raise FrontMatterError(line, "tên trường phải là chữ, không phải danh sách hay bảng")
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None:  # an explicit tag such as !!python/object: not for an archive
        raise FrontMatterError(
            first_line + node.start_mark.line, f"kiểu YAML `{node.tag}` không được dùng ở đây"
        )
    return construct(_CONSTRUCTOR, node)
