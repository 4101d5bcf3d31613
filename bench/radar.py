"""Benchmark: the consultation radar and the evidence finder against labelled sets.

* Radar: ``sources/data/radar_labels.json`` (72 consultation items the signal words were
  written against) and ``sources/data/radar_labels_unseen.json`` (45 items labelled
  before the radar scored them), scored with the default theme signals
  (``sources/signals.py``); precision and recall at the default threshold, per set and
  together. Goal: recall ≥ 0.95, precision ≥ 0.6.
* Evidence finder: ``sources/data/evidence_labels.json`` (46 passages of two recorded bill
  chapters and a committee recommendation; the chapter of Prop. 112 L was labelled before
  the finder read it); every passage naming LPP must be found, and the
  right proposal ranked first in ≥ 80 % of the passages that answer one.

    .venv/bin/python bench/radar.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "lpp.settings.test"
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from sources import radar  # noqa: E402
from sources.evaluation import evidence_figures, radar_figures  # noqa: E402


def main():
    print(f"Høringsradaren, terskel {radar.DEFAULT_THRESHOLD}")
    for label, which in (
        ("tilpasset sett", "tuned"),
        ("nytt sett", "unseen"),
        ("begge", ("tuned", "unseen")),
    ):
        r = radar_figures(which=which)
        print(
            f"  {label}: {r['items']} merkede høringer, presisjon {r['precision']:.2f}, "
            f"treffsikkerhet (recall) {r['recall']:.2f}"
        )
        if isinstance(which, str):
            for title, score, relevant in r["misses"]:
                print(f"    {'bommet på' if relevant else 'feilaktig med'}: {title} ({score:g})")
    e = evidence_figures()
    print(f"Svarfinneren: {e['passages']} merkede avsnitt")
    print(f"  LPP nevnt: {e['named_found']} av {e['named']} funnet, {e['named_false']} feilaktige")
    share = e["first_right"] / e["answered"] if e["answered"] else 0
    print(f"  riktig forslag først: {e['first_right']} av {e['answered']} ({share:.0%})")


if __name__ == "__main__":
    main()
