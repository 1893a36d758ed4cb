"""`vankien import FILE...`: raw texts into archive files, with what was found and what to fill.

Writes through `vankien.importer.writer` (schema field order, atomic write, no overwrite
without --force) and checks what it wrote with the same validation as `vankien check`: a file
the archive would reject with an error is taken back (the previous file, if any, restored), so an
import never leaves the archive broken. A body missing from `co-quan.yml` is proposed as a ready
entry; `--add-issuers` writes the entries.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vankien.cli.archive_context import ArchiveContext
from vankien.cli.options import display_root, echo, force_option, out_option
from vankien.core.issuers import REGISTRY_FILE
from vankien.graph.analysis import analyse_archive
from vankien.importer import Imported, ImportFailure, import_text, read_source
from vankien.importer.registry import level_guessed, propose_issuers, registry_entries
from vankien.importer.writer import (
    WriteError,
    append_registry,
    document_id,
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


def _import_one(path: Path, context: ArchiveContext, force: bool, add_issuers: bool) -> bool:
    try:
        decoded = read_source(path)
        doc = import_text(
            decoded.text,
            encoding=decoded.encoding,
            resolve_issuer=context.issuer_name,
            in_archive=context.holds,
        )
    except ImportFailure as exc:
        echo(f"lỗi: {path}: {exc}; không ghi tệp nào cho tệp này", err=True)
        return False
    if doc.kind == "news" and doc.source and not doc.issuer:
        doc.issuer = context.issuer_name(doc.source)
        doc.issuer_known = doc.issuer is not None
    duplicate = context.same_identity(doc)
    target = context.root / relative_path(doc)
    doc_id, explicit = document_id(doc)
    if explicit and (target in context.written or target.exists() or context.archive.get(doc_id) is not None):
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
        echo(
            f"lỗi: {path}: kho đã có văn bản số {doc.symbol} cùng ngày ban hành ({duplicate}); không ghi",
            err=True,
        )
        return False
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
        echo(f"lỗi: {path}: {reason}", err=True)
        return False
    context.written.append(target)
    context.previous.setdefault(target, previous)
    if original_target is not None:
        context.originals[target] = original_target
        context.previous.setdefault(original_target, original_before)
    echo(f"{path} → {target}" + (f" (bản gốc: {original_target.name})" if original_target else ""))
    echo(f"  bảng mã: {decoded.label}")
    echo("  đã nhận ra: " + ("; ".join(_found(doc, len(context.registry))) or "không nhận ra thông tin nào"))
    echo("  cần bổ sung: " + "; ".join(_to_fill(doc, len(context.registry))))
    for item in doc.notes:
        echo(f"  cần xem lại: {item}")
    for line in proposal_lines:
        echo(line)
    return True


def _validate_written(context: ArchiveContext, errors_before: set[str]) -> int:
    """Check the archive with the written files and print their problems; take back every written
    file that an error the archive did not have before names (restoring what it replaced).
    Returns how many were taken back."""
    if not context.written:
        return 0
    display = display_root(context.root)
    shown = {display + p.relative_to(context.root).as_posix(): p for p in context.written}
    problems = analyse_archive(context.root, display_root=display).problems
    for problem in problems:
        if problem.path in shown:
            echo(problem.format(), err=True)
    rejected: set[Path] = set()
    for problem in problems.errors:
        if problem.format() in errors_before:
            continue
        if problem.path not in shown:
            echo(problem.format(), err=True)
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
        echo(f"lỗi: {path}: kho sẽ báo lỗi với tệp này (xem các dòng trên); đã không giữ tệp", err=True)
    return len(rejected)


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@force_option
@click.option(
    "--add-issuers",
    is_flag=True,
    help="Thêm vào co-quan.yml các cơ quan ban hành chưa có trong danh mục, theo mục đề xuất trong báo cáo.",
)
def import_command(files: tuple[Path, ...], out: Path, force: bool, add_issuers: bool) -> None:
    """Nhập văn bản thô (.txt, .docx; UTF-8, UTF-16, Windows-1258, TCVN3, VNI) vào kho: mỗi văn bản một tệp
    Markdown, kèm những thông tin nhận ra được và những gì biên tập viên cần bổ sung."""
    context = ArchiveContext.load(out)
    errors_before = (
        {p.format() for p in analyse_archive(out, display_root=display_root(out)).problems.errors}
        if out.is_dir()
        else set()
    )
    ok = [_import_one(path, context, force, add_issuers) for path in files]
    if context.new_issuers:
        append_registry(context.root / REGISTRY_FILE, registry_entries(context.new_issuers))
        echo(f"Đã thêm {len(context.new_issuers)} cơ quan vào {context.root / REGISTRY_FILE}.", err=True)
    rejected = _validate_written(context, errors_before)
    failed = ok.count(False) + rejected
    echo(f"Đã nhập {ok.count(True) - rejected} tệp, {failed} tệp lỗi.", err=True)
    sys.exit(0 if failed == 0 else 1)
