"""``{% snippet_url "advocacy.proposal" "inspect" event.proposal_id %}`` or
``{% snippet_url consultation "edit" %}``: a snippet's admin URL from its viewset
(base.admin_urls), never a hard-coded «wagtailsnippets_…» name."""

from django import template

from base.admin_urls import snippet_url as url_of

register = template.Library()


@register.simple_tag
def snippet_url(model, view_name, *args):
    return url_of(model, view_name, *args)
