"""Server-rendered SVG bar charts for the accountability page: no JavaScript, readable
without colour (each outcome has its own fill pattern, each segment its number), and
always followed by a data table with the same figures."""

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
LABEL_WIDTH = 190
PLOT_WIDTH = 420
TOTAL_WIDTH = 60
TOP = 8


@dataclass
class Segment:
    key: str
    label: str
    count: int
    x: float
    width: float
    show_count: bool
    text_x: float
    dark: bool


@dataclass
class Bar:
    label: str
    total: int
    y: float
    text_y: float
    segments: list = field(default_factory=list)


def short_label(text, limit=26):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stacked_bars(rows, categories, chart_id):
    """``rows``: dicts with ``label`` and one count per category key. ``categories``:
    [(key, label)]. Every bar is scaled to the largest total, so lengths compare."""
    largest = max([row["total"] for row in rows] + [1])
    bars = []
    for index, row in enumerate(rows):
        y = TOP + index * (BAR_HEIGHT + GAP)
        bar = Bar(
            label=short_label(row["label"]), total=row["total"], y=y, text_y=y + BAR_HEIGHT / 2 + 5
        )
        x = LABEL_WIDTH
        for key, label in categories:
            count = row.get(key) or 0
            if not count:
                continue
            width = PLOT_WIDTH * count / largest
            bar.segments.append(
                Segment(
                    key=key,
                    label=label,
                    count=count,
                    x=round(x, 2),
                    width=round(width, 2),
                    show_count=width >= 22,
                    text_x=round(x + width / 2, 2),
                    dark=key in LABEL_ON_DARK,
                )
            )
            x += width
        bars.append(bar)
    height = TOP * 2 + len(rows) * (BAR_HEIGHT + GAP)
    return {
        "id": chart_id,
        "bars": bars,
        "width": LABEL_WIDTH + PLOT_WIDTH + TOTAL_WIDTH,
        "height": height,
        "total_x": LABEL_WIDTH + PLOT_WIDTH + 8,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "legend": [
            {"key": key, "label": label, "pattern": PATTERNS[key][0], "colour": PATTERNS[key][1]}
            for key, label in categories
        ],
        "patterns": [
            {"key": key, "kind": kind, "colour": colour} for key, (kind, colour) in PATTERNS.items()
        ],
    }
