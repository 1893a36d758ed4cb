"""The build's date: `SOURCE_DATE_EPOCH` when it is set, else the clock, read in this one place.

Two builds of the same archive must give the same bytes, also on another day, so releases can be
diffed. The only date a build legitimately depends on is "today" for the derived hiệu lực (a plan
whose `expiry_date` has passed is no longer in force) and for the loader's check that no document
is dated in the future. With `SOURCE_DATE_EPOCH` set (the reproducible-builds convention; CI sets it
to the commit's time) that date is the build's today and the clock is never read. Without it the
clock gives today, and a build on another day differs only where the truth changed in between: a
status that an effective or expiry date flipped. Every other date a build writes (sitemap
`lastmod`, Atom `updated`) comes from the documents' own dates (`vankien.exports.dates`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

ENVIRONMENT = "SOURCE_DATE_EPOCH"


def source_date(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """The UTC day of `SOURCE_DATE_EPOCH` (seconds since 1970), or None when it is not set."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"{ENVIRONMENT}={value!r} không hợp lệ: phải là số giây kể từ 01/01/1970 (UTC)")
    return dt.datetime.fromtimestamp(int(value), dt.UTC).date()


def today(environ: Mapping[str, str] | None = None) -> dt.date:
    """The build's today: `SOURCE_DATE_EPOCH`'s day when set, else the clock's."""
    return source_date(environ) or _clock()


def _clock() -> dt.date:
    # The one read of the clock in a build (tests replace it to prove it is never read).
    return dt.date.today()
