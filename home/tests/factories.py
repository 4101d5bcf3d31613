"""Factories for the home app's pages: a standard page («Om LPP» and the like), published
through a revision as editors publish it. Apps above home build plain pages here too."""

import factory
import wagtail_factories

from advocacy.tests.factories import site_root
from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A standard page under the home page with one saved revision: published, unless
    ``live=False`` (a draft that never was public)."""

    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(site_root)
    title = factory.Sequence(lambda n: f"Side {n + 1}")
    slug = factory.Sequence(lambda n: f"side-{n + 1}")
    intro = ""
    live = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        return page
