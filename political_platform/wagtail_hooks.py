from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from base import params  # noqa: F401 - registers the <page_id:…> converter

from . import contributions, strategy_metric
from .editions import NEW_EDITION_URL_NAME, copy_editions_through_new_edition, new_edition_button
from .models import Position
from .permissions import position_policy
from .quotes import warn_about_changed_platform_quotes
from .views import new_edition
from .viewsets import PositionViewSet

register_permission_policy(Position, position_policy)
register_snippet(PositionViewSet)


@hooks.register("register_admin_urls")
def platform_admin_urls():
    # <page_id:…> (base.params): an id too large for the page table is a 404.
    return [path("plattform/<page_id:page_id>/ny-utgave/", new_edition, name=NEW_EDITION_URL_NAME)]


hooks.register("register_page_header_buttons", new_edition_button)
hooks.register("before_copy_page", copy_editions_through_new_edition)
hooks.register("before_edit_page", warn_about_changed_platform_quotes)
hooks.register("lpp_theme_sections", contributions.platform_positions_section)
hooks.register("lpp_theme_sections", contributions.platform_demands_section)
hooks.register("lpp_unsent_proposal_pages", contributions.platform_chapter_pages)
hooks.register("lpp_platform_demand_pages", contributions.adopted_chapter_pages)
# The strategy follow-up reads this app's figure through its hook (strategy/metrics.py).
hooks.register("register_strategy_metric", strategy_metric.register)

# Word export (political_platform/docx.py): how its pages and blocks are written.
from . import docx  # noqa: E402

hooks.register("register_docx_block_writers", docx.block_writers)
hooks.register("register_docx_page_layouts", docx.page_layouts)
