"""Front matter read by our own code, with the line of every key and item.

MkDocs swallows broken YAML and silently drops the metadata; an archive cannot
afford that, so documents are split and parsed here and every failure names
its line. Dates stay strings (no YAML timestamp magic): the schema reads them,
so "31/02/2023" and "2023-02-31" get the same clear message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


class _NoTimestampLoader(yaml.SafeLoader):
    """SafeLoader that leaves `2023-06-26` a string for the schema to read."""


_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_NoTimestampLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS

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


def load_yaml(source: str, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """Parse YAML safely into plain values and the line of every key path."""
    try:
        node = yaml.compose(source, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise FrontMatterError(
            line,
            f"không đọc được YAML ({exc.problem or exc.context}); kiểm tra dấu hai chấm, "
            "thụt lề và dấu ngoặc kép ở dòng này",
        ) from exc
    except yaml.YAMLError as exc:
        raise FrontMatterError(first_line, f"không đọc được YAML ({exc})") from exc
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
