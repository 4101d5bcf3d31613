"""{% load lpp_docx %}{% word_download page %}: the public "Last ned som Word" link of a
published document (nothing for a page that is not live or has no Word export)."""

from django import template
from django.urls import reverse

from ..pages import has_guidance_choice, is_exportable

register = template.Library()


@register.inclusion_tag("lpp_docx/download_link.html")
def word_download(page):
    links = []
    if page is not None and page.live and is_exportable(page):
        url = reverse("advocacy:docx_download", args=[page.pk])
        if has_guidance_choice(page):
            links = [
                (url, "Last ned som Word-fil, med veiledning"),
                (f"{url}?veiledning=nei", "Last ned som Word-fil, uten veiledning"),
            ]
        else:
            links = [(url, "Last ned som Word-fil")]
    return {"links": links, "title": page.title if page is not None else ""}
