"""Word (DOCX) export of LPP's documents: one engine (engine.py, blocks.py), three layouts
(letter.py, platform_document.py, agreement.py), page adapters (pages.py), the admin action
and public download (views.py, wagtail_hooks.py)."""


def export_page(page, **kwargs):
    from .pages import export_page as export

    return export(page, **kwargs)


def render_response_letter(page, **kwargs):
    """Bytes of a ConsultationResponsePage's letter (.docx) for the submission archive."""
    from .pages import render_response_letter as render

    return render(page, **kwargs)
