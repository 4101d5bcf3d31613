"""The Word (DOCX) export library: one engine that turns rich text and StreamField blocks into
Word (engine.py and the modules it composes), the registries through which content apps
plug in their block writers and page layouts (blocks.py, layouts.py), what a page's export
contains and its cache (pages.py), and the admin action and public download (views.py,
wagtail_hooks.py). It knows Word, not LPP's page types: each content app's ``docx.py`` owns
the export of its pages and blocks."""


def export_page(page, **kwargs):
    from .pages import export_page as export

    return export(page, **kwargs)


def published_export(page, **kwargs):
    from .pages import published_export as export

    return export(page, **kwargs)
