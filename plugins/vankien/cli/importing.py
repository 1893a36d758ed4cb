"""`vankien import FILE...`: raw texts into archive files, with what was found and what to fill.

Writes through `vankien.importer.writer` (schema field order, atomic write, no overwrite
without --force) and checks what it wrote with the same validation as `vankien check`: a file
the archive would reject with an error is taken back (the previous file, if any, restored), so an
import never leaves the archive broken. A body missing from `co-quan.yml` is proposed as a ready
entry; `--add-issuers` writes the entries.

The verdict is the archive's one verdict (`Analysis.fails`, at the site's level): exit 0 when every
file was written and passes `vankien check --strict`; 2 when every file was written but a written
file has a warning the editor must act on (each printed as `file:line: cảnh báo: ...`), which the
strict build would fail on; 1 when a file could not be written (or was taken back).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from vankien.cli.archive_context import ArchiveContext
from vankien.cli.options import (
    display_root,
    echo,
    force_option,
    format_option,
    out_option,
    progress_option,
    quiet_option,
)
from vankien.cli.progress import Progress, wanted
from vankien.cli.site_settings import site_analysis
from vankien.cli.vietnamese import WritingCommand
from vankien.core.issuers import REGISTRY_FILE
from vankien.core.problems import Problem, Severity
from vankien.importer import Imported, ImportFailure, import_text, read_source
from vankien.importer.registry import level_guessed, propose_issuers, registry_entries
from vankien.importer.writer import (
    WriteError,
    append_registry,
    document_id,
    named_by_content,
    original_name,
    relative_path,
    render,
    write_bytes,
    write_document,
)


def _found(doc: Imported, registry_size: int) -> list[str]:
    if doc.kind == "news":
        items = [f"tin bài: “{doc.title}”"]
        if doc.date:
            items.append(f"ngày đăng {doc.date:%d/%m/%Y}" + (f" lúc {doc.time}" if doc.time else ""))
        if doc.source:
            items.append(f"nguồn {doc.source}")
        if doc.author:
            items.append(f"tác giả {doc.author}")
        items += [f"đưa tin về: {c.text}" for c in doc.about]
        return items
    items = [f"loại {doc.type}"] if doc.type else []
    if doc.symbol:
        items.append(f"số ký hiệu {doc.symbol}")
    if doc.date:
        items.append(f"ngày ban hành {doc.date:%d/%m/%Y}")
    if doc.place:
        items.append(f"địa danh {doc.place}")
    if doc.issuer:
        known = " (có trong danh mục)" if doc.issuer_known else ""
        items.append(f"cơ quan ban hành {doc.issuer}{known}")
    if doc.title:
        items.append(f"trích yếu “{doc.title}”")
    if doc.signer:
        parts = [p for p in (doc.signer.authority, doc.signer.title, doc.signer.name) if p]
        items.append("người ký " + " · ".join(parts))
    if doc.recipients:
        items.append(f"nơi nhận {len(doc.recipients)} mục")
    items += [f"căn cứ: {c.text}" for c in doc.basis]
    return items


# What the editor must fill when the text does not state it: (field of Imported, what to say).
_NEWS_GAPS = (
    ("issuer", "cơ quan đăng tin (`issuer`, đang ghi `chưa rõ`)"),
    ("date", "ngày đăng (`date`, đang ghi `chưa rõ`)"),
    ("source", "nguồn (`source`): bài không ghi"),
    ("author", "tác giả (`author`): bài không ghi"),
)
_DOCUMENT_GAPS = (
    ("type", "loại văn bản (`type`, đang ghi `chưa rõ`)"),
    ("symbol", "số ký hiệu (`symbol`): văn bản không ghi; bỏ trống nếu văn bản không số"),
    ("date", "ngày ban hành (`date`, đang ghi `chưa rõ`)"),
    ("issuer", "cơ quan ban hành (`issuer`, đang ghi `chưa rõ`)"),
    ("title", "trích yếu (`title`)"),
    ("signer", "người ký (`signer`): văn bản không có phần ký"),
    ("recipients", "nơi nhận (`recipients`)"),
)


def _to_fill(doc: Imported, registry_size: int) -> list[str]:
    gaps = _NEWS_GAPS if doc.kind == "news" else _DOCUMENT_GAPS
    items = [message for name, message in gaps if not getattr(doc, name)]
    if doc.issuer and not doc.issuer_known and registry_size:
        items.append(
            f"cơ quan `{doc.issuer}` chưa có trong co-quan.yml: thêm mục đề xuất dưới đây hoặc sửa tên"
        )
    for citation in (*doc.basis, *doc.about):
        if citation.external:
            items.append(f"kho chưa có `{citation.text}` (đang ghi `external: true`)")
    items.append("chủ đề (`topics`) và hiệu lực (`status`)")
    return items


def _propose(doc: Imported, context: ArchiveContext, add_issuers: bool) -> list[str]:
    """Report lines for the bodies `co-quan.yml` lacks; with `add_issuers`, add them to the registry."""
    proposals = propose_issuers(doc, context.registry)
    if not proposals:
        return []
    verb = "sẽ thêm vào" if add_issuers else "đề xuất thêm vào (hoặc chạy lại với --add-issuers)"
    lines = [f"  cơ quan chưa có trong danh mục, {verb} {REGISTRY_FILE}:"]
    lines += [f"    {line}" if line else "" for line in registry_entries(proposals).splitlines()]
    lines += [
        f"  cần xem lại: cấp (`level`) của `{p.name}` đoán là {p.level}; sửa nếu sai"
        for p in proposals
        if level_guessed(p)
    ]
    if add_issuers:
        for proposal in proposals:
            context.registry.add(proposal)
            context.new_issuers.append(proposal)
        doc.issuer_known = True
    return lines


EXIT_OK = 0
"""Every file written, and the archive with them passes `vankien check --strict`."""
EXIT_FAILED = 1
"""A file could not be written (or was taken back because the archive would reject it)."""
EXIT_ACT = 2
"""Every file written, but a written file has a warning: the strict build fails until it is fixed."""


@dataclass
class FileReport:
    """What the import of one source file did, for the text report and for `--format json`."""

    source: Path
    target: Path | None = None
    original: Path | None = None
    encoding: str | None = None
    found: list[str] = field(default_factory=list)
    to_fill: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Why the file was not written or not kept (`lỗi: ...` lines)."""
    problems: list[Problem] = field(default_factory=list)
    """What the archive's analysis says about the written file."""

    @property
    def written(self) -> bool:
        return self.target is not None and not self.errors

    def text_lines(self) -> list[str]:
        if self.target is None:
            return []
        kept = f" (bản gốc: {self.original.name})" if self.original else ""
        return [
            f"{self.source} → {self.target}{kept}",
            f"  bảng mã: {self.encoding}",
            "  đã nhận ra: " + ("; ".join(self.found) or "không nhận ra thông tin nào"),
            "  cần bổ sung: " + "; ".join(self.to_fill),
            *[f"  cần xem lại: {item}" for item in self.review],
            *self.proposals,
        ]

    def to_json(self) -> dict[str, object]:
        return {
            "source": str(self.source),
            "target": str(self.target) if self.target else None,
            "written": self.written,
            "original": str(self.original) if self.original else None,
            "encoding": self.encoding,
            "found": self.found,
            "to_fill": self.to_fill,
            "review": self.review,
            # The ready `co-quan.yml` entries (the report indents them by four spaces).
            "proposed_issuers": "\n".join(
                line[4:] for line in self.proposals if line.startswith("    ") or not line
            ).strip()
            or None,
            "errors": self.errors,
            "problems": [p.to_json() for p in self.problems],
        }


def _import_one(path: Path, context: ArchiveContext, force: bool, add_issuers: bool) -> FileReport:
    report = FileReport(path)
    try:
        decoded = read_source(path)
        doc = import_text(
            decoded.text,
            encoding=decoded.encoding,
            resolve_issuer=context.issuer_name,
            in_archive=context.holds,
        )
    except ImportFailure as exc:
        report.errors.append(f"lỗi: {path}: {exc}; không ghi tệp nào cho tệp này")
        return report
    if doc.kind == "news" and doc.source and not doc.issuer:
        doc.issuer = context.issuer_name(doc.source)
        doc.issuer_known = doc.issuer is not None
    duplicate = context.same_identity(doc)
    target = context.root / relative_path(doc)
    doc_id, explicit = document_id(doc)
    if (
        explicit
        and not named_by_content(doc)
        and (target in context.written or target.exists() or context.archive.get(doc_id) is not None)
    ):
        # Texts with neither number nor title: each gets a file and an id of its own.
        suffix = 2
        while (
            (context.root / relative_path(doc)).exists()
            or context.root / relative_path(doc) in context.written
            or context.archive.get(document_id(doc)[0]) is not None
        ):
            doc.explicit_id = f"{doc_id}-{suffix}"
            suffix += 1
        target = context.root / relative_path(doc)
    if duplicate is not None and (context.root / duplicate).resolve() != target.resolve():
        report.errors.append(
            f"lỗi: {path}: kho đã có văn bản số {doc.symbol} cùng ngày ban hành ({duplicate}); không ghi"
        )
        return report
    proposal_lines = _propose(doc, context, add_issuers) if doc.kind == "document" else []
    note = "; ".join(doc.notes)
    note = f"{note[:1].upper()}{note[1:]}." if note else ""
    # The Word file read is kept beside the document as its original, for readers to download.
    original = original_name(path, target)
    text = render(doc, source=f"Nhập từ tệp {path.name}", note=note or None, original_file=original)
    previous = target.read_bytes() if target.exists() else None
    original_target = target.with_name(original) if original else None
    original_before = original_target.read_bytes() if original_target and original_target.exists() else None
    wrote_original = False
    try:
        if original_target is not None:
            write_bytes(original_target, path.read_bytes(), force=force)
            wrote_original = True
        write_document(target, text, force=force)
    except (WriteError, OSError) as exc:
        # Nothing half-done: the original copied for a document that could not be written goes back.
        if wrote_original and original_target is not None:
            if original_before is None:
                original_target.unlink(missing_ok=True)
            else:
                original_target.write_bytes(original_before)
        reason = (
            str(exc) if isinstance(exc, WriteError) else f"không ghi được {target} ({exc.strerror or exc})"
        )
        report.errors.append(f"lỗi: {path}: {reason}")
        return report
    context.written.append(target)
    context.previous.setdefault(target, previous)
    if original_target is not None:
        context.originals[target] = original_target
        context.previous.setdefault(original_target, original_before)
    report.target = target
    report.original = original_target
    report.encoding = decoded.label
    report.found = _found(doc, len(context.registry))
    report.to_fill = _to_fill(doc, len(context.registry))
    report.review = list(doc.notes)
    report.proposals = proposal_lines
    return report


def _validate_written(
    context: ArchiveContext, errors_before: set[str], reports: list[FileReport]
) -> list[str]:
    """Analyse the archive with the written files, as the site build would, and give each report
    the problems of its file; take back every written file that an error the archive did not have
    before names (restoring what it replaced). Returns the other new errors (in files not written)."""
    if not context.written:
        return []
    display = display_root(context.root)
    shown = {display + p.relative_to(context.root).as_posix(): p for p in context.written}
    by_target = {report.target: report for report in reports if report.target is not None}
    problems = site_analysis(context.root, shown_root=display).reported
    elsewhere: list[str] = []
    for problem in problems:
        if problem.path in shown:
            by_target[shown[problem.path]].problems.append(problem)
    rejected: set[Path] = set()
    for problem in problems.errors:
        if problem.format() in errors_before:
            continue
        if problem.path not in shown:
            elsewhere.append(problem.format())
        rejected |= {path for name, path in shown.items() if name == problem.path or name in problem.message}
    for path in sorted(rejected):
        for written in (path, context.originals.get(path)):
            if written is None:
                continue
            before = context.previous.get(written)
            if before is None:
                written.unlink(missing_ok=True)
            else:
                written.write_bytes(before)
        by_target[path].errors.append(
            f"lỗi: {path}: kho sẽ báo lỗi với tệp này (xem các dòng trên); đã không giữ tệp"
        )
    return elsewhere


def _exit_code(reports: list[FileReport]) -> int:
    if any(not report.written for report in reports):
        return EXIT_FAILED
    if any(problem.severity is Severity.WARNING for report in reports for problem in report.problems):
        return EXIT_ACT
    return EXIT_OK


@click.command(
    "import",
    cls=WritingCommand,
    epilog="""Ví dụ:

\b
  vankien import van-ban.docx                  # ghi vào directives/<năm>/<mã>.md
  vankien import *.txt --out directives        # nhiều tệp, có tiến độ trên màn hình
  vankien import van-ban.txt --force           # ghi đè tệp đã có
  vankien import *.txt --add-issuers           # thêm cơ quan đề xuất vào co-quan.yml
  vankien import *.docx --format json          # kết quả JSON cho công cụ khác

\b
Mã thoát: 0 đã ghi mọi tệp và kho đạt `vankien check --strict`;
2 đã ghi mọi tệp nhưng biên tập viên cần sửa (các dòng `tệp:dòng: cảnh báo: …`);
1 có tệp không ghi được (hoặc đã bị gỡ lại vì kho sẽ báo lỗi).""",
)
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar="TỆP...",
    type=click.Path(dir_okay=False, path_type=Path),
)
@out_option
@force_option
@click.option(
    "--add-issuers",
    is_flag=True,
    help="Thêm vào co-quan.yml các cơ quan ban hành chưa có trong danh mục, theo mục đề xuất trong báo cáo.",
)
@format_option
@quiet_option
@progress_option
def import_command(
    files: tuple[Path, ...],
    out: Path,
    force: bool,
    add_issuers: bool,
    output_format: str,
    quiet: bool,
    progress: bool | None,
) -> None:
    """Nhập văn bản thô (.txt, .docx; UTF-8, UTF-16, Windows-1258, TCVN3, VNI) vào kho: mỗi văn bản một tệp
    Markdown, kèm những thông tin nhận ra được và những gì biên tập viên cần bổ sung."""
    as_json = output_format == "json"
    context = ArchiveContext.load(out)
    errors_before = {p.format() for p in site_analysis(out).reported.errors} if out.is_dir() else set()
    bar = Progress(
        len(files), enabled=wanted(progress, quiet=quiet, json_output=as_json) and len(files) > 1, verb="Nhập"
    )
    reports: list[FileReport] = []
    for path in files:
        bar.start(path.name)
        reports.append(_import_one(path, context, force, add_issuers))
        bar.advance()
    bar.clear()
    if context.new_issuers:
        append_registry(context.root / REGISTRY_FILE, registry_entries(context.new_issuers))
        if not (quiet or as_json):
            echo(f"Đã thêm {len(context.new_issuers)} cơ quan vào {context.root / REGISTRY_FILE}.", err=True)
    elsewhere = _validate_written(context, errors_before, reports)
    code = _exit_code(reports)
    written = sum(report.written for report in reports)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "exit_code": code,
                    "written": written,
                    "failed": len(reports) - written,
                    "to_act": sum(bool(r.problems) and r.written for r in reports),
                    "files": [report.to_json() for report in reports],
                    "other_errors": elsewhere,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        sys.exit(code)
    for report in reports:
        if not quiet:
            for line in report.text_lines():
                echo(line)
        for problem in report.problems:
            if not quiet or problem.severity is not Severity.NOTICE:
                echo(problem.format(), err=True)
        for line in report.errors:
            echo(line, err=True)
    for line in elsewhere:
        echo(line, err=True)
    if not quiet:
        echo(f"Đã nhập {written} tệp, {len(reports) - written} tệp lỗi.", err=True)
        if code == EXIT_ACT:
            echo(
                "Đã ghi mọi tệp nhưng còn cảnh báo (các dòng `tệp:dòng: cảnh báo` ở trên): sửa để kho đạt "
                "`vankien check --strict` và bản dựng trang (mã thoát 2).",
                err=True,
            )
    sys.exit(code)
