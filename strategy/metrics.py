"""Figures the product can measure itself, shown beside the board's own assessment.

Why a hook and not a link model: the strategy app sits beside the content apps and must
not import them (DESIGN.md, Architecture). A generic link (content type + object id) would
still leave strategy knowing what to *read* from a platform edition, a consultation or the
agreement — their states and rules belong to their own apps and change with them. So each
app tells strategy what it can measure: from its own ``wagtail_hooks.py`` it registers a
:class:`Metric` under the hook ``register_strategy_metric``; a measure stores only the
metric's key (chosen from the registered ones in the admin). Strategy asks each metric
once per period, whatever the number of measures, so the review screen and the report
cost the same number of queries for 10 or 100 measures.

The registering apps must not import strategy either, so the hook speaks plain Python: a
registered function returns ``{"key": …, "label": …, "compute": compute}``, and
``compute(start, end)`` returns ``[(label, value), …]`` for the period. A metric only
counts; the board sees the figures, the public never does."""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "register_strategy_metric"


@dataclass(frozen=True)
class Figure:
    label: str
    value: str


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    # compute(start, end) -> list[Figure]
    compute: object = field(compare=False)


def registered_metrics():
    """Every metric the installed apps register, by key (first registration wins)."""
    metrics = {}
    for register in hooks.get_hooks(HOOK):
        spec = register()
        metric = Metric(key=spec["key"], label=spec["label"], compute=spec["compute"])
        metrics.setdefault(metric.key, metric)
    return metrics


def metric_choices():
    return [("", "Ingen")] + [(m.key, m.label) for m in registered_metrics().values()]


def figures_for_period(keys, start, end):
    """{key: [Figure, …]} for the metrics named in ``keys``, each computed once."""
    metrics = registered_metrics()
    return {
        key: [Figure(str(label), str(value)) for label, value in metrics[key].compute(start, end)]
        for key in set(keys)
        if key in metrics
    }
