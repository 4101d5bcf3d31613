"""The consultation radar: score each item read from a source against the policy themes,
store it whole as a :class:`~sources.models.Candidate`, recognise the same consultation
from another source, and let staff accept, dismiss or snooze it.

Relevance is the sum of the weights of the theme signal words found (with the project's
Norwegian analysis: stems and compound parts, :mod:`base.analysis`) in the title
(counted 1.5 times), the summary, and — at half weight — the list of consulted bodies.
LPP itself among the consulted bodies is the strongest signal: it adds
:data:`LPP_CONSULTED_BONUS`.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from advocacy.models import Authority
from base import roles
from base.analysis import query_words, terms

from .models import Candidate, RadarSettings, ThemeSignal
from .names import names_lpp

LPP_CONSULTED_BONUS = 6.0
TITLE_FACTOR = 1.5
CONSULTED_FACTOR = 0.5
DEFAULT_THRESHOLD = Decimal("2")
# Words every consultation title has; they say nothing about which consultation it is.
GENERIC = set(
    terms(
        "høring høringsnotat forslag endring endringer lov loven forskrift forskriften "
        "ny nye mv om til og i av innspill utkast prop proposisjon"
    )
)
DUPLICATE_OVERLAP = 0.6
# A ministry's consultation reaches Stortinget as a bill within months, not years.
DUPLICATE_WINDOW_DAYS = 540


@dataclass(frozen=True)
class Signal:
    theme_id: int
    theme: str
    phrase: str
    weight: float
    words: tuple


def load_signals():
    return [
        Signal(s.theme_id, s.theme.name, s.phrase, float(s.weight), tuple(query_words(s.phrase)))
        for s in ThemeSignal.objects.select_related("theme")
    ]


# Compounds whose first part is a theme word in another sense: enforcement of debts and
# fines is not coercion in health care. Their parts must not count as the theme.
FALSE_FRIENDS = re.compile(
    r"\b(?:tvangs(?:mulkt|fullbyrd|salg|auksjon|innfordr|grunnlag|gjennomfør|oppløs|avvikl"
    r"|bot|lisens|fravikel)\w*)",
    re.IGNORECASE,
)


def _has(words, termset):
    """Whether every word of a phrase is in the text: as itself, or all its compound
    parts (so «pårørendeavtale» matches a text with «avtale» and «pårørende»). A word
    only partly split (``omsorgsstønad`` → just «omsorg») is matched as itself: its one
    known part alone would make «omsorgsstønad» match any text about «omsorg»."""
    return bool(words) and all(
        word[0] in termset or (len(word) > 2 and all(part in termset for part in word[1:]))
        for word in words
    )


def _terms(text):
    return set(terms(FALSE_FRIENDS.sub(" ", text or "")))


def score_text(title, summary="", consulted=(), signals=()):
    """(score, matched, theme ids, lpp_consulted) for one item."""
    title_terms = _terms(title)
    body_terms = title_terms | _terms(summary)
    consulted_terms = _terms("\n".join(consulted))
    score, matched, themes = 0.0, [], set()
    for signal in signals:
        if _has(signal.words, title_terms):
            factor, where = TITLE_FACTOR, "tittel"
        elif _has(signal.words, body_terms):
            factor, where = 1.0, "sammendrag"
        elif _has(signal.words, consulted_terms):
            factor, where = CONSULTED_FACTOR, "høringsinstanser"
        else:
            continue
        score += signal.weight * factor
        themes.add(signal.theme_id)
        matched.append({"phrase": signal.phrase, "theme": signal.theme, "where": where})
    lpp_consulted = any(names_lpp(name) for name in consulted)
    if lpp_consulted:
        score += LPP_CONSULTED_BONUS
        matched.insert(
            0, {"phrase": "LPP er høringsinstans", "theme": "", "where": "høringsinstanser"}
        )
    return round(score, 2), matched, themes, lpp_consulted


def threshold():
    return float(RadarSettings.load().threshold)


def match_authority(name):
    if not name:
        return None
    return Authority.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=name)).first()


def title_key(text):
    return set(terms(text)) - GENERIC


def find_duplicate(candidate):
    """An earlier candidate from another source about the same consultation: the same
    authority's case number, or titles sharing most of their meaningful words."""
    others = Candidate.objects.exclude(source=candidate.source).exclude(pk=candidate.pk)
    if candidate.case_number:
        same = others.filter(case_number=candidate.case_number).exclude(case_number="").first()
        if same:
            return same.duplicate_of or same
    key = title_key(candidate.title)
    if len(key) < 3:
        return None
    recent = timezone.now() - datetime.timedelta(days=DUPLICATE_WINDOW_DAYS)
    others = others.filter(duplicate_of__isnull=True, first_seen_at__gte=recent)
    for other in others.only("pk", "title").order_by("pk"):
        other_key = title_key(other.title)
        if (
            len(other_key) >= 3
            and len(key & other_key) / min(len(key), len(other_key)) >= DUPLICATE_OVERLAP
        ):
            return other
    return None


def store_item(item, signals):
    """Store one parsed item as a candidate, whole or not at all. Returns it, or None
    when the source already gave it (a dismissed item never returns)."""
    score, matched, theme_ids, lpp_consulted = score_text(
        item.title, item.summary, item.consulted_bodies, signals
    )
    with transaction.atomic():
        if Candidate.objects.filter(source=item.source, external_id=item.external_id).exists():
            return None
        candidate = Candidate(
            source=item.source,
            external_id=item.external_id[:300],
            title=item.title[:500],
            authority_name=item.authority_name[:300],
            authority=match_authority(item.authority_name),
            case_number=item.case_number[:60],
            url=item.url[:500],
            published_on=item.published_on,
            deadline=item.deadline,
            summary=item.summary,
            consulted_bodies="\n".join(item.consulted_bodies),
            documents=item.documents,
            stortinget_case_id=item.stortinget_case_id[:20],
            score=score,
            matched=matched,
            lpp_consulted=lpp_consulted,
        )
        candidate.full_clean(exclude=["authority", "duplicate_of", "consultation", "decided_by"])
        candidate.save()
        duplicate = find_duplicate(candidate)
        if duplicate is not None:
            candidate.duplicate_of = duplicate
            if duplicate.status in (Candidate.Status.ACCEPTED, Candidate.Status.DISMISSED):
                # Already decided under another source: the same decision holds.
                candidate.status = duplicate.status
                candidate.consultation = duplicate.consultation
                candidate.dismiss_reason = duplicate.dismiss_reason
            candidate.save()
        candidate.themes.set(theme_ids)
    return candidate


def open_candidates(on=None):
    """Candidates waiting for a decision: new ones and snoozed ones whose time is up."""
    on = on or timezone.localdate()
    return Candidate.objects.filter(
        Q(status=Candidate.Status.NEW) | Q(status=Candidate.Status.SNOOZED, snoozed_until__lte=on),
        duplicate_of__isnull=True,
    )


# --- decisions ------------------------------------------------------------------------


def accept(candidate, user=None, authority=None, new_authority_kind=None):
    """Create the consultation from the candidate (or link to the one already registered
    with the same case number). Returns the consultation. Raises ValidationError with a
    Norwegian message and changes nothing when it cannot."""
    from consultations.models import Consultation

    if candidate.deadline is None:
        raise ValidationError("Kilden oppga ingen høringsfrist. Registrer høringen for hånd.")
    with transaction.atomic():
        # Locked, so two people pressing «Ta inn» at once make one consultation.
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if locked.status == Candidate.Status.ACCEPTED and locked.consultation_id:
            raise ValidationError("Denne høringen er allerede tatt inn.")
        authority = authority or candidate.authority
        if authority is None:
            name = candidate.authority_name.strip()
            if not name or not new_authority_kind:
                raise ValidationError("Velg myndigheten som sendte høringen.")
            if Authority.objects.filter(name__iexact=name).exists():
                authority = Authority.objects.get(name__iexact=name)
            else:
                authority = Authority(name=name, kind=new_authority_kind)
                authority.full_clean()
                authority.save()
        existing = None
        if candidate.case_number:
            existing = Consultation.objects.filter(
                authority=authority, case_number=candidate.case_number
            ).first()
        if existing is None:
            announced = min(candidate.published_on or timezone.localdate(), candidate.deadline)
            consultation = Consultation(
                title=candidate.title[:300],
                authority=authority,
                case_number=candidate.case_number,
                url=candidate.url,
                announced_on=announced,
                deadline=candidate.deadline,
                notes=consultation_notes(candidate),
            )
            consultation.full_clean(exclude=["responsible", "working_group"])
            consultation.save()
            consultation.themes.set(list(candidate.themes.all()))
            consultation.save()
        else:
            consultation = existing
        now = timezone.now()
        for each in [candidate, *candidate.duplicates.all()]:
            each.status = Candidate.Status.ACCEPTED
            each.consultation = consultation
            each.authority = authority
            each.decided_by = user
            each.decided_at = now
            each.save()
        if candidate.stortinget_case_id:
            from .models import CaseLink

            CaseLink.objects.get_or_create(
                case_id=candidate.stortinget_case_id,
                consultation=consultation,
                defaults={"title": candidate.title[:500], "created_by": user},
            )
    return consultation


def consultation_notes(candidate):
    lines = [f"Hentet fra {candidate.get_source_label()}: {candidate.url}"]
    if candidate.summary:
        lines += ["", candidate.summary]
    if candidate.documents:
        lines += ["", "Dokumenter:"] + [f"– {d['title']}: {d['url']}" for d in candidate.documents]
    if candidate.consulted_bodies:
        count = len(candidate.consulted_bodies.splitlines())
        lines += [
            "",
            f"Høringsinstanser ({count}), LPP er {'med' if candidate.lpp_consulted else 'ikke med'}.",
        ]
    return "\n".join(lines)


def dismiss(candidate, reason, user=None):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Skriv hvorfor høringen ikke er aktuell.")
    if candidate.status == Candidate.Status.ACCEPTED:
        raise ValidationError("Høringen er allerede tatt inn og kan ikke avvises her.")
    now = timezone.now()
    with transaction.atomic():
        for each in [candidate, *candidate.duplicates.all()]:
            each.status = Candidate.Status.DISMISSED
            each.dismiss_reason = reason
            each.decided_by = user
            each.decided_at = now
            each.save()


def snooze(candidate, until, user=None):
    today = timezone.localdate()
    if until is None or until <= today:
        raise ValidationError("Velg en dato etter i dag.")
    if until > today + datetime.timedelta(days=366):
        raise ValidationError("Høringer kan utsettes i høyst ett år.")
    if candidate.status in (Candidate.Status.ACCEPTED, Candidate.Status.DISMISSED):
        raise ValidationError("Høringen er allerede avgjort.")
    candidate.status = Candidate.Status.SNOOZED
    candidate.snoozed_until = until
    candidate.decided_by = user
    candidate.save()


# --- the daily e-mail -------------------------------------------------------------------


def digest_recipients():
    configured = RadarSettings.load().digest_email
    if configured:
        return [configured]
    users = get_user_model().objects.filter(groups__name=roles.STAFF, is_active=True)
    return sorted({u.email for u in users if u.email})


def send_daily_digest(now=None):
    """Once a day (Oslo time): e-mail the secretariat the new candidates at or above the
    threshold that nobody has been told about. Returns how many were listed."""
    from django.utils.formats import date_format

    now = now or timezone.now()
    today = timezone.localdate(now)
    radar = RadarSettings.load()
    if radar.last_digest_on == today:
        return 0
    due = list(
        open_candidates(today)
        .filter(notified_at__isnull=True, score__gte=float(radar.threshold))
        .order_by("-score", "deadline")
    )
    recipients = digest_recipients()
    if not due or not recipients:
        return 0
    lines = []
    for c in due:
        deadline = date_format(c.deadline, "j. F Y") if c.deadline else "ukjent"
        lines.append(
            f"• {c.title}\n  {c.authority_name or c.get_source_label()}, frist {deadline}, "
            f"relevans {c.score:g} ({c.matched_words})\n  {c.url}"
        )
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    body = (
        f"Høringsradaren fant {len(due)} nye høringer som kan angå LPP:\n\n"
        + "\n\n".join(lines)
        + f"\n\nTa inn, avvis eller utsett dem under «Nye høringer»: {base}{reverse('sources_radar:index')}\n"
    )
    with transaction.atomic():
        Candidate.objects.filter(pk__in=[c.pk for c in due]).update(notified_at=now)
        radar.last_digest_on = today
        radar.save(update_fields=["last_digest_on"])
        send_mail(
            f"Høringsradaren: {len(due)} nye høringer",
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    return len(due)
