"""Import raw texts (plain text in any Vietnamese encoding, Word .docx) into archive files.

Stages, one module each: `encodings` (detect and decode), `docx` (read a Word
file), `cleanup` (look-alikes, page chrome, broken lines), `metadata` (heading,
số, date, issuer, signature, Nơi nhận, basis), `news` (headline, publication,
source, author, about), `markdown` (the body), `writer` (front matter and file);
`pipeline` chains them. The core imports nothing from MkDocs.
"""

from __future__ import annotations

from vankien.importer.model import Imported
from vankien.importer.pipeline import ImportFailure, import_text, read_source

__all__ = ["ImportFailure", "Imported", "import_text", "read_source"]
