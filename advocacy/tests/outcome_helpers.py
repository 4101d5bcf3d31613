"""Helpers for the outcome-tracking tests: proposals in a live (or draft) document,
created directly as the tracking would."""

import datetime

from django.utils import timezone

from advocacy.models import Authority, Proposal
from home.models import StandardPage


def make_document(parent, title="Høringssvar om pårørendes rettigheter", slug=None, live=True):
    page = StandardPage(title=title, slug=slug or f"dok-{StandardPage.objects.count() + 1}")
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return page


def make_proposal(
    document,
    text="Pårørende må få rett til informasjon.",
    submitted=None,
    authority=None,
    themes=(),
    position=None,
    kind="forslag",
):
    submitted = submitted or datetime.date(2025, 3, 1)
    published = timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(12)))
    count = Proposal.objects.filter(source_page=document).count()
    proposal = Proposal.objects.create(
        source_page=document,
        document_title=document.title,
        block_id=f"b{document.pk}-{count + 1}",
        position=position or count + 1,
        text=text,
        kind=kind,
        target_authority=authority,
        first_published_at=published,
        last_published_at=published,
        submitted_on=submitted,
    )
    if themes:
        proposal.themes.set(themes)
    return proposal


def authority(name="Helse- og omsorgsdepartementet", short_name="HOD"):
    return Authority.objects.get_or_create(
        name=name, defaults={"short_name": short_name, "kind": Authority.Kind.MINISTRY}
    )[0]


def event_data(kind="adopted", date=datetime.date(2025, 6, 1), **extra):
    data = {
        "kind": kind,
        "date": date,
        "evidence_kind": "bill",
        "evidence_title": "Prop. 85 L (2024–2025)",
        "evidence_chapter": "kap. 6.4",
        "evidence_url": "https://www.regjeringen.no/no/dokumenter/prop.-85-l-20242025/id1",
        "evidence_quote": "Departementet slutter seg til LPPs forslag.",
        "lpp_named": True,
        "public_note": "",
        "staff_note": "",
    }
    data.update(extra)
    return data


def form_data(kind="adopted", date="01.06.2025", action="draft", **extra):
    data = {
        "kind": kind,
        "date": date,
        "evidence_kind": "bill",
        "evidence_title": "Prop. 85 L (2024–2025)",
        "evidence_chapter": "kap. 6.4",
        "evidence_url": "https://www.regjeringen.no/no/dokumenter/prop.-85-l-20242025/id1",
        "evidence_quote": "Departementet slutter seg til forslaget.",
        "public_note": "",
        "staff_note": "",
        "action": action,
    }
    data.update(extra)
    return data
