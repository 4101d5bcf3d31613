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
TOP = 8


@dataclass(frozen=True)
class Layout:
    """Where the labels go. ``wide``: the label left of its bar; ``narrow`` (phones, where
    the wide chart would shrink its text to 7 px): the label above its bar, the chart a
    phone's width, so its text stays at about the size of the page's."""

    name: str
    label_width: int
    plot_width: int
    total_width: int
    label_limit: int
    label_above: bool


LAYOUTS = (
    Layout(
        "wide", label_width=190, plot_width=420, total_width=60, label_limit=26, label_above=False
    ),
    Layout(
        "narrow", label_width=0, plot_width=280, total_width=40, label_limit=40, label_above=True
    ),
)
LABEL_LINE = 20  # the height of a label line above a bar (narrow layout)


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
    label_y: float
    segments: list = field(default_factory=list)


def short_label(text, limit=26):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _draw(rows, categories, layout):
    largest = max([row["total"] for row in rows] + [1])
    label_line = LABEL_LINE if layout.label_above else 0
    row_height = label_line + BAR_HEIGHT + GAP
    bars = []
    for index, row in enumerate(rows):
        top = TOP + index * row_height
        y = top + label_line
        text_y = y + BAR_HEIGHT / 2 + 5
        bar = Bar(
            label=short_label(row["label"], layout.label_limit),
            total=row["total"],
            y=y,
            text_y=text_y,
            label_y=top + 14 if layout.label_above else text_y,
        )
        x = layout.label_width
        for key, label in categories:
            count = row.get(key) or 0
            if not count:
                continue
            width = layout.plot_width * count / largest
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
    return {
        "name": layout.name,
        "bars": bars,
        "width": layout.label_width + layout.plot_width + layout.total_width,
        "height": TOP * 2 + len(rows) * row_height,
        "total_x": layout.label_width + layout.plot_width + 8,
        "label_x": 0 if layout.label_above else layout.label_width - 8,
        "label_anchor": "start" if layout.label_above else "end",
    }


def stacked_bars(rows, categories, chart_id):
    """``rows``: dicts with ``label`` and one count per category key. ``categories``:
    [(key, label)]. Every bar is scaled to the largest total, so lengths compare. Drawn
    in each of :data:`LAYOUTS`; the style sheet shows the one that fits the screen."""
    return {
        "id": chart_id,
        "layouts": [_draw(rows, categories, layout) for layout in LAYOUTS],
        "bar_height": BAR_HEIGHT,
        "legend": [
            {"key": key, "label": label, "pattern": PATTERNS[key][0], "colour": PATTERNS[key][1]}
            for key, label in categories
        ],
        "patterns": [
            {"key": key, "kind": kind, "colour": colour} for key, (kind, colour) in PATTERNS.items()
        ],
    }
