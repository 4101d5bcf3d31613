"""The radar's and the evidence finder's figures on the labelled sets in sources/data/
(printed by bench/radar.py, held to their goals by tests/test_evaluation.py)."""

import json
from pathlib import Path

from base.analysis import query_words

from . import evidence, radar
from .conf import SAMPLES_DIR
from .signals import DEFAULT_SIGNALS

DATA = Path(__file__).resolve().parent / "data"


def default_signals():
    return [
        radar.Signal(slug, slug, phrase, float(weight), tuple(query_words(phrase)))
        for slug, phrases in DEFAULT_SIGNALS.items()
        for phrase, weight in phrases
    ]


RADAR_SETS = {
    "tuned": "radar_labels.json",  # the set the signal words were written against
    "unseen": "radar_labels_unseen.json",  # labelled before the radar ever scored it
}


def radar_items(which=("tuned", "unseen")):
    items = []
    for name in (which,) if isinstance(which, str) else which:
        text = (DATA / RADAR_SETS[name]).read_text(encoding="utf-8")
        items += json.loads(text)["items"]
    return items


def radar_figures(threshold=float(radar.DEFAULT_THRESHOLD), which=("tuned", "unseen")):
    items = radar_items(which)
    signals = default_signals()
    tp = fp = fn = 0
    misses = []
    for item in items:
        score, *_ = radar.score_text(item["title"], item["summary"], item["consulted"], signals)
        predicted = score >= threshold
        tp += predicted and item["relevant"]
        fp += predicted and not item["relevant"]
        fn += (not predicted) and item["relevant"]
        if predicted != item["relevant"]:
            misses.append((item["title"], score, item["relevant"]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"items": len(items), "precision": precision, "recall": recall, "misses": misses}


def evidence_figures():
    labels = json.loads((DATA / "evidence_labels.json").read_text(encoding="utf-8"))
    proposals = list(labels["proposals"].items())
    named_total = named_found = named_false = answered = first_right = total = 0
    for path, expected in labels["documents"].items():
        passages, _title = evidence.passages_from_html(
            (SAMPLES_DIR / path).read_text(encoding="utf-8")
        )
        by_anchor = {p.anchor: p for p in passages}
        chosen = [by_anchor[anchor] for anchor in expected]
        ranked = evidence.rank(chosen, proposals)
        for (_anchor, (names, proposal)), (found_name, scores) in zip(
            expected.items(), ranked, strict=True
        ):
            total += 1
            named_total += names
            named_found += names and found_name
            named_false += found_name and not names
            if proposal:
                answered += 1
                first_right += scores[0][1] == proposal and scores[0][0] >= evidence.MIN_CLOSENESS
    return {
        "passages": total,
        "named": named_total,
        "named_found": named_found,
        "named_false": named_false,
        "answered": answered,
        "first_right": first_right,
    }
