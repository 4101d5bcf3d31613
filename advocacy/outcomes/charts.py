"""Server-rendered SVG bar charts for the accountability page: no JavaScript, readable
without colour (each outcome has its own fill pattern, each segment its number), and
always followed by a data table with the same figures.

One drawing fits every screen: the chart has no viewBox, so its text keeps the page's
size in CSS pixels, and the bars are laid out in percentages of the chart's width, so
they stretch from a phone to a desktop. Each label stands above its bar, where it has the
whole width. The fill patterns are defined once per page (``chart_patterns.html``)."""

from dataclasses import dataclass, field

# Fill per outcome category: (pattern kind, colour). Patterns differ in shape, not only
# in colour, so the chart reads in greyscale and for colour-blind visitors.
PATTERNS = {
    "implemented": ("solid", "#003a45"),
    "adopted": ("diagonal", "#00505f"),
    "partly_adopted": ("dots", "#00505f"),
    "rejected": ("crosshatch", "#7a3e00"),
    "not_addressed": ("horizontal", "#4a4a55"),
    "pending": ("empty", "#4a4a55"),
}
# Text on a segment: white on the solid fill, dark on the light patterned ones.
LABEL_ON_DARK = {"implemented"}

BAR_HEIGHT = 28
GAP = 14
TOP = 4
LABEL_LINE = 20  # the label line above each bar
LABEL_LIMIT = 40  # characters of a label at 14 px on the narrowest phone
# A segment shows its number only where the number fits at the narrowest chart (a
# 320 px phone, less the page's margins): about 8 px per digit at 13 px bold, plus air.
NARROWEST_PLOT_PX = 280
DIGIT_PX = 8
NUMBER_AIR_PX = 6


@dataclass
class Segment:
    key: str
    label: str
    count: int
    x: float  # per cent of the chart's width
    width: float  # per cent
    show_count: bool
    text_x: float  # per cent
    dark: bool


@dataclass
class Bar:
    label: str
    total: int
    y: float
    text_y: float
    label_y: float
    segments: list = field(default_factory=list)


def short_label(text, limit=LABEL_LIMIT):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value):
    """A coordinate as written in the page: two decimals at most, none when whole."""
    value = round(value, 2)
    return int(value) if value == int(value) else value


def _number_fits(count, width_percent):
    needed = len(str(count)) * DIGIT_PX + NUMBER_AIR_PX
    return NARROWEST_PLOT_PX * width_percent / 100 >= needed


def stacked_bars(rows, categories, chart_id):
    """``rows``: dicts with ``label`` and one count per category key. ``categories``:
    [(key, label)]. Every bar is scaled to the largest total, so lengths compare."""
    largest = max([row["total"] for row in rows] + [1])
    row_height = LABEL_LINE + BAR_HEIGHT + GAP
    bars = []
    for index, row in enumerate(rows):
        top = TOP + index * row_height
        y = top + LABEL_LINE
        bar = Bar(
            label=short_label(row["label"]),
            total=row["total"],
            y=y,
            text_y=y + BAR_HEIGHT // 2 + 5,
            label_y=top + 14,
        )
        x = 0.0
        for key, label in categories:
            count = row.get(key) or 0
            if not count:
                continue
            width = 100 * count / largest
            bar.segments.append(
                Segment(
                    key=key,
                    label=label,
                    count=count,
                    x=_short(x),
                    width=_short(width),
                    show_count=_number_fits(count, width),
                    text_x=_short(x + width / 2),
                    dark=key in LABEL_ON_DARK,
                )
            )
            x += width
        bars.append(bar)
    return {
        "id": chart_id,
        "bars": bars,
        "height": TOP * 2 + len(rows) * row_height - GAP,
        "bar_height": BAR_HEIGHT,
        "legend": [{"key": key, "label": label} for key, label in categories],
    }


def patterns():
    """The fill patterns, for ``chart_patterns.html`` (once per page)."""
    return [
        {"key": key, "kind": kind, "colour": colour} for key, (kind, colour) in PATTERNS.items()
    ]
