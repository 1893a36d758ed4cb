"""What the commands share: how paths are shown, and the options every writing command takes."""

from __future__ import annotations

from pathlib import Path

import click

from vankien.core.text import printable

ARCHIVE_DIR = "directives"


def display_root(directory: Path) -> str:
    """Show paths as the user typed the folder, so they can be opened from the same place."""
    text = directory.as_posix().rstrip("/")
    return "" if text in ("", ".") else f"{text}/"


out_option = click.option(
    "--out",
    default=ARCHIVE_DIR,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục kho văn bản để ghi tệp vào.",
)
force_option = click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")


def echo(text: str, *, err: bool = False) -> None:
    """Print a line with its control characters escaped (values and file names come from files)."""
    click.echo(printable(text), err=err)
