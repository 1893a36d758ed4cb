"""Sanity check for references.json: offsets, field values, same_document_as links.
Adapted from the shared texts' check_references.py (../shared/texts/) for this corpus:
- texts live in texts/, references.json next to this script;
- a State symbol may follow its number with '/' (e.g. '03/NQ-CP') as well as '-' (Party, '57-NQ/TW');
- every ref must have a 'target' key whose value is null or a file of this corpus;
- every file in texts/ must be annotated, and self must carry level/place/source_url/form."""

import json
import os
import re
import unicodedata
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = os.path.join(HERE, "texts")
KEYS = [
    "surface",
    "start",
    "end",
    "type",
    "number",
    "symbol",
    "date",
    "issuer",
    "term",
    "role",
    "numbered",
    "same_document_as",
    "target",
]
SELF_KEYS = ["kind", "level", "place", "source_url", "form"]
LEVELS = (None, "Trung ương", "tỉnh", "huyện", "cơ sở")
FORMS = {
    "portal-chrome",
    "citation-title-line",
    "flattened-header",
    "pipe-table-header",
    "ocr",
    "news-wrapper",
    "state-document",
    "nonstandard-heading",
    "clean",
}

data = json.loads(Path(HERE, "references.json").read_text(encoding="utf-8"))
errors, total = [], 0
files = sorted(f for f in os.listdir(TEXTS) if f.endswith(".txt"))
for f in files:
    if f not in data:
        errors.append(f"{f}: not annotated")
for fn, entry in data.items():
    if fn not in files:
        errors.append(f"{fn}: annotated but no such text")
        continue
    text = Path(TEXTS, fn).read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", text) != text:
        errors.append(f"{fn}: text not NFC")
    s = entry["self"]
    for k in SELF_KEYS:
        if k not in s:
            errors.append(f"{fn}: self missing {k}")
    if s.get("level") not in LEVELS:
        errors.append(f"{fn}: bad level {s.get('level')!r}")
    if s.get("kind") == "news" and s.get("level") is not None:
        errors.append(f"{fn}: news with a level")
    bad_forms = set(s.get("form") or []) - FORMS
    if bad_forms or not s.get("form"):
        errors.append(f"{fn}: bad form {s.get('form')!r}")
    if s.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["date"]):
        errors.append(f"{fn}: bad self date {s['date']!r}")
    if s.get("issuer") and unicodedata.normalize("NFC", s["issuer"]) != s["issuer"]:
        errors.append(f"{fn}: issuer not NFC")
    refs = entry["refs"]
    for a in s.get("about") or []:
        if not (0 <= a["ref_index"] < len(refs)):
            errors.append(f"{fn}: about ref_index {a['ref_index']} out of range")
    for i, r in enumerate(refs):
        total += 1
        where = f"{fn}#{i}"
        missing = [k for k in KEYS if k not in r]
        if missing:
            errors.append(f"{where}: missing {missing}")
            continue
        if text[r["start"] : r["end"]] != r["surface"]:
            errors.append(
                f"{where}: text[{r['start']}:{r['end']}]={text[r['start'] : r['end']]!r} != {r['surface']!r}"
            )
        if r["role"] not in ("basis", "cites"):
            errors.append(f"{where}: bad role {r['role']!r}")
        if s.get("kind") == "news" and r["role"] != "cites":
            errors.append(f"{where}: news ref with role {r['role']!r}")
        if r["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"{where}: bad date {r['date']!r}")
        if r["numbered"] != (r["number"] is not None):
            errors.append(f"{where}: numbered={r['numbered']} but number={r['number']!r}")
        if r["symbol"] is not None and not (
            r["number"] is not None
            and (r["symbol"].startswith(r["number"] + "-") or r["symbol"].startswith(r["number"] + "/"))
        ):
            errors.append(f"{where}: symbol {r['symbol']!r} does not start with number")
        sd = r["same_document_as"]
        if sd is not None and not (0 <= sd < i and refs[sd]["type"] == r["type"]):
            errors.append(f"{where}: bad same_document_as {sd}")
        if sd is not None and refs[sd].get("same_document_as") is not None:
            errors.append(f"{where}: same_document_as {sd} is not a first mention")
        if sd is not None and refs[sd].get("target") != r["target"]:
            errors.append(f"{where}: target {r['target']!r} differs from that of mention {sd}")
        if r["target"] is not None and r["target"] not in files:
            errors.append(f"{where}: target {r['target']!r} is not a corpus file")
        if i and (r["start"], r["end"]) < (refs[i - 1]["start"], refs[i - 1]["end"]):
            errors.append(f"{where}: refs not in text order")
    print(f"{fn}: {len(refs)} refs checked")

# cascades: every derived file must record a basis ref whose target is a file one level up
cpath = os.path.join(HERE, "cascades.json")
if os.path.exists(cpath):
    for n, ch in enumerate(json.loads(Path(cpath).read_text(encoding="utf-8"))):
        lv = ch["levels"]
        if lv.get(ch["root"]) != 0:
            errors.append(f"cascade {n}: root not at depth 0")
        for f, d in lv.items():
            if f not in data:
                errors.append(f"cascade {n}: {f} not annotated")
                continue
            if d == 0:
                continue
            ups = {r["target"] for r in data[f]["refs"] if r["role"] == "basis"}
            if not any(lv.get(t) == d - 1 for t in ups):
                errors.append(f"cascade {n}: {f} at depth {d} has no basis ref targeting depth {d - 1}")
print(f"{total} refs, {len(errors)} errors")
for e in errors:
    print("ERROR", e)
raise SystemExit(1 if errors else 0)
