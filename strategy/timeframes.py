"""Time frames as the plans write them, read into something a date can be compared with.

The plans say «2025–2032» (a span), «2027» (a year), «2025, 2027, 2029, 2031» (a list),
«Kontinuerlig» or «Årlig». A board member may also type «2025 - 32», «2026/2027»,
«2025, 2027 og 2029», «fra 2025 til 2032», «Løpende», «Hvert år», «Innen 2030» or «Høsten
2026» (due that year); the text is stored as typed. Anything else («snart», «hvert andre
år», «2025–») is refused with a Norwegian message naming the value rather than guessed at:
a measure whose deadline cannot be read can never be shown as overdue."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

CONTINUOUS = "kontinuerlig"
ANNUAL = "arlig"
SPAN = "spenn"
YEAR = "ar"
YEARS = "liste"
BY = "innen"

KIND_LABELS = {
    CONTINUOUS: "Kontinuerlig",
    ANNUAL: "Årlig",
    SPAN: "Periode",
    YEAR: "Årstall",
    YEARS: "Enkeltår",
    BY: "Innen et år",
}
FIRST_YEAR, LAST_YEAR = 2000, 2100
CONTINUOUS_WORDS = {"kontinuerlig", "kontinuerlig arbeid", "løpende", "fortløpende", "pågående"}
ANNUAL_WORDS = {"årlig", "årlige", "hvert år", "hvert år i perioden", "en gang i året"}
# «Høsten 2026», «1. halvår 2026»: the measure is due that year.
_PART_OF_YEAR = (
    r"(?:(?:våren|høsten|sommeren|vinteren|[12]\.\s*halvår|første halvår|andre halvår)\s+)"
)
_DASHES = "-–—‐‑"
# «2025–2032», «2025 - 32», «2026/2027», «fra 2025 til 2032»
_SPAN = re.compile(
    rf"^(?:fra\s+)?([0-9]{{4}})\s*(?:[{_DASHES}/]|\btil\b)\s*([0-9]{{4}}|[0-9]{{2}})$"
)
_YEAR = re.compile(rf"^{_PART_OF_YEAR}?([0-9]{{4}})$")
_BY = re.compile(r"^(?:innen|senest|før utgangen av)\s+([0-9]{4})$")
_LIST_SEPARATORS = re.compile(r"\s*(?:,|;|\bog\b|&)\s*")
UNREADABLE = (
    "Tidsrammen «{text}» kan ikke leses. Skriv et årstall (2027), en periode (2025–2032), "
    "en liste med årstall (2025, 2027, 2029), «Innen 2030», «Kontinuerlig» eller «Årlig»."
)


@dataclass(frozen=True)
class TimeFrame:
    kind: str
    years: tuple = ()

    @property
    def deadline_year(self):
        """The last year the measure is due; None for continuous and annual measures."""
        return self.years[-1] if self.kind in (SPAN, YEAR, YEARS, BY) else None

    def has_started_by(self, year):
        """Whether the measure has begun by ``year``: a span or list from its first year,
        a single year, «innen», continuous and annual measures from the start of the plan."""
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
        if self.kind == BY:
            return f"Innen {self.years[0]}"
        return ", ".join(str(y) for y in self.years)


def _shown(text):
    """The value as the message names it: printable, and short."""
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
    return (text[:60] + "…") if len(text) > 60 else (text or "(tom)")


def _refuse(original):
    return ValidationError(UNREADABLE.format(text=_shown(original)), code="timeframe")


def _year(text, original):
    value = int(text)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise _refuse(original)
    return value


def _span(match, original):
    start = _year(match[1], original)
    end_text = match[2]
    if len(end_text) == 2:  # «2025-32»: the same century as the first year
        end_text = str(start)[:2] + end_text
    end = _year(end_text, original)
    if end < start:
        raise ValidationError(
            f"Tidsrammen «{_shown(original)}» slutter før den begynner.", code="timeframe"
        )
    return TimeFrame(SPAN, (start, end))


def parse_timeframe(text):
    """``text`` as a :class:`TimeFrame`; ValidationError in Norwegian when it can't be read."""
    original = text or ""
    compact = " ".join(original.split()).rstrip(".").strip()
    lowered = compact.lower()
    if lowered in CONTINUOUS_WORDS:
        return TimeFrame(CONTINUOUS)
    if lowered in ANNUAL_WORDS:
        return TimeFrame(ANNUAL)
    if match := _SPAN.match(lowered):
        return _span(match, original)
    if match := _YEAR.match(lowered):
        return TimeFrame(YEAR, (_year(match[1], original),))
    if match := _BY.match(lowered):
        return TimeFrame(BY, (_year(match[1], original),))
    parts = _LIST_SEPARATORS.split(lowered)
    if len(parts) > 1 and all(re.fullmatch(r"[0-9]{4}", p) for p in parts):
        return TimeFrame(YEARS, tuple(sorted({_year(p, original) for p in parts})))
    raise _refuse(original)
