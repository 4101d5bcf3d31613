"""Factories for the model relatives' agreement: the agreement page, published through a
revision as editors publish it, and the clause blocks it is made of."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from advocacy.tests.factories import site_root
from agreement.models import AgreementPage


def clause(title, text, subclauses=(), guidance="", themes=()):
    """A numbered clause block: heading, text, sub-clauses, guidance for the services."""
    return (
        "clause",
        {
            "title": title,
            "text": RichText(f"<p>{text}</p>"),
            "subclauses": [RichText(f"<p>{s}</p>") for s in subclauses],
            "guidance": RichText(f"<p>{guidance}</p>" if guidance else ""),
            "themes": list(themes),
        },
    )


class AgreementPageFactory(wagtail_factories.PageFactory):
    """«Pårørendeavtale» version 0.1 under the home page with one saved revision,
    published unless ``live=False``."""

    class Meta:
        model = AgreementPage

    parent = factory.LazyFunction(site_root)
    title = "Pårørendeavtale"
    slug = "parorendeavtale"
    version = "0.1"
    clauses = factory.LazyFunction(lambda: [clause("Formål", "Avtalen sikrer informasjon.")])
    live = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        page.refresh_from_db()
        return page
