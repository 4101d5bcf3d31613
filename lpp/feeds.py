"""RSS and Atom feeds for other systems and news readers:

* /feed/horingssvar/ (RSS) and /feed/horingssvar/atom/: LPP's newest published
  consultation responses;
* /feed/utfall/ (RSS) and /feed/utfall/atom/: the newest published outcome events - what
  authorities did with LPP's proposals.

Only what the public may see (base.visibility): public pages, published and
current events on public proposals, never a staff note.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.text import Truncator

from base.visibility import restrict_to_public

ITEMS = 30


def absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


class ResponsesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "LPPs høringssvar"
    description = "Nye høringssvar fra Landsforeningen for Pårørende innen Psykisk helse (LPP)."
    language = "nb"

    def link(self):
        from consultations.models import ConsultationResponseIndexPage

        archive = restrict_to_public(ConsultationResponseIndexPage.objects.all()).first()
        return absolute(archive.url if archive else "/")

    def items(self):
        from consultations.models import ConsultationResponsePage

        return (
            restrict_to_public(ConsultationResponsePage.objects.all())
            .select_related("consultation__authority")
            .order_by("-first_published_at", "-pk")[:ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute(item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return "LPP"

    def item_categories(self, item):
        consultation = getattr(item, "consultation", None)
        authority = getattr(consultation, "authority", None) if consultation else None
        return [authority.name] if authority else []


class ResponsesAtomFeed(ResponsesFeed):
    feed_type = Atom1Feed
    subtitle = ResponsesFeed.description


class OutcomesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Hva skjedde med LPPs forslag"
    description = (
        "Nye hendelser for forslagene LPP har fremmet: behandling, vedtak og gjennomføring."
    )
    language = "nb"

    def link(self):
        return absolute(reverse("advocacy:outcomes"))

    def items(self):
        from advocacy.models import OutcomeEvent, Proposal

        return (
            OutcomeEvent.objects.public()
            .filter(proposal__in=Proposal.objects.followed().values("pk"))
            .select_related("proposal", "proposal__target_authority")
            .order_by("-published_at", "-pk")[:ITEMS]
        )

    def item_title(self, item):
        proposal = Truncator(item.proposal.text).chars(90)
        return f"{item.get_kind_display()}: {proposal}"

    def item_description(self, item):
        parts = [item.public_note]
        if item.evidence_title:
            source = item.evidence_title
            if item.evidence_chapter:
                source += f", {item.evidence_chapter}"
            parts.append(f"Kilde: {source}")
        if item.evidence_quote:
            parts.append(f"«{item.evidence_quote}»")
        return "\n\n".join(part for part in parts if part)

    def item_link(self, item):
        return absolute(reverse("advocacy:proposal_outcome", args=[item.proposal_id]))

    def item_guid(self, item):
        return f"{absolute('/')}#hendelse-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        authority = item.proposal.target_authority
        return [authority.name] if authority else []


class OutcomesAtomFeed(OutcomesFeed):
    feed_type = Atom1Feed
    subtitle = OutcomesFeed.description
