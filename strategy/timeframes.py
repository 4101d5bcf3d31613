"""Time frames as the plans write them, read into something a date can be compared with.

The plans say «2025–2032» (a span), «2027» (a year), «2025, 2027, 2029, 2031» (a list),
«Kontinuerlig» or «Årlig». Anything else is refused with a Norwegian message rather than
guessed at: a measure whose deadline cannot be read can never be shown as overdue."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

CONTINUOUS = "kontinuerlig"
ANNUAL = "arlig"
SPAN = "spenn"
YEAR = "ar"
YEARS = "liste"

KIND_LABELS = {
    CONTINUOUS: "Kontinuerlig",
    ANNUAL: "Årlig",
    SPAN: "Periode",
    YEAR: "Årstall",
    YEARS: "Enkeltår",
}
FIRST_YEAR, LAST_YEAR = 2000, 2100
_DASHES = "-–—‐‑"
_SPAN = re.compile(rf"^(\d{{4}})\s*[{_DASHES}]\s*(\d{{4}})$")
_YEAR = re.compile(r"^\d{4}$")
UNREADABLE = (
    "Tidsrammen «{text}» kan ikke leses. Skriv et årstall (2027), en periode (2025–2032), "
    "en liste med årstall (2025, 2027, 2029) eller «Kontinuerlig» / «Årlig»."
)


@dataclass(frozen=True)
class TimeFrame:
    kind: str
    years: tuple = ()

    @property
    def deadline_year(self):
        """The last year the measure is due; None for continuous and annual measures."""
        return self.years[-1] if self.kind in (SPAN, YEAR, YEARS) else None

    def has_started_by(self, year):
        """Whether the measure has begun by ``year``: a span or list from its first year,
        a single year, continuous and annual measures from the start of the plan."""
        if self.kind in (SPAN, YEARS):
            return self.years[0] <= year
        return True

    def is_due_in(self, year):
        """Whether a deadline of the measure falls in ``year``."""
        if self.kind == ANNUAL:
            return True
        if self.kind == YEARS:
            return year in self.years
        return self.deadline_year == year

    def is_overdue_in(self, year):
        """Past its last year and so overdue unless it is done or stopped."""
        return self.deadline_year is not None and year > self.deadline_year

    def display(self):
        if self.kind == CONTINUOUS:
            return "Kontinuerlig"
        if self.kind == ANNUAL:
            return "Årlig"
        if self.kind == SPAN:
            return f"{self.years[0]}–{self.years[1]}"
        return ", ".join(str(y) for y in self.years)


def _year(text, original):
    value = int(text)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValidationError(UNREADABLE.format(text=original), code="timeframe")
    return value


def parse_timeframe(text):
    """``text`` as a :class:`TimeFrame`; ValidationError in Norwegian when it can't be read."""
    original = (text or "").strip()
    compact = " ".join(original.split()).rstrip(".")
    lowered = compact.lower()
    if lowered in ("kontinuerlig", "løpende"):
        return TimeFrame(CONTINUOUS)
    if lowered in ("årlig", "hvert år"):
        return TimeFrame(ANNUAL)
    span = _SPAN.match(compact)
    if span:
        start, end = _year(span[1], original), _year(span[2], original)
        if end < start:
            raise ValidationError(
                f"Tidsrammen «{original}» slutter før den begynner.", code="timeframe"
            )
        return TimeFrame(SPAN, (start, end))
    if _YEAR.match(compact):
        return TimeFrame(YEAR, (_year(compact, original),))
    parts = [p.strip() for p in re.split(r"[,;]|\bog\b", compact) if p.strip()]
    if len(parts) > 1 and all(_YEAR.match(p) for p in parts):
        years = sorted({_year(p, original) for p in parts})
        return TimeFrame(YEARS, tuple(years))
    raise ValidationError(UNREADABLE.format(text=original or "(tom)"), code="timeframe")
