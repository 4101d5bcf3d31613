"""Platform positions quoted in other documents: which quotes in a draft have a source
that changed, was taken out of the platform or is gone, and the editor's warning."""

from wagtail.admin import messages

from .blocks import PlatformPositionBlock


def stale_platform_quotes(page):
    """(state, quote value) for each platform quote in the page's latest draft whose
    source has changed, been removed from the platform or is gone."""
    found = []
    for field in page._meta.get_fields():
        stream_block = getattr(field, "stream_block", None)
        if stream_block is None or not _can_hold_quotes(stream_block):
            continue
        for _block, value in _walk(stream_block, getattr(page, field.name)):
            state = PlatformPositionBlock.source_state(value)
            if state != "current":
                found.append((state, value))
    return found


def _can_hold_quotes(block):
    """Whether a block definition can contain a PlatformPositionBlock (so pages without
    one are not walked at all)."""
    from wagtail.blocks import ListBlock

    if isinstance(block, PlatformPositionBlock):
        return True
    if isinstance(block, ListBlock):
        return _can_hold_quotes(block.child_block)
    children = getattr(block, "child_blocks", None) or {}
    return any(_can_hold_quotes(child) for child in children.values())


def _walk(block, value):
    from wagtail.blocks import ListBlock, StreamBlock, StructBlock

    if isinstance(block, PlatformPositionBlock):
        yield block, value
    elif isinstance(block, StreamBlock):
        for child in value:
            yield from _walk(child.block, child.value)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _walk(child_block, value.get(name))
    elif isinstance(block, ListBlock):
        for item in value:
            yield from _walk(block.child_block, item)


STATE_NOTICES = {
    "changed": "Standpunktet «{quote}» er endret i plattformen siden det ble sitert. "
    "Tøm feltet «Sitert ordlyd» og lagre for å bruke den nye ordlyden.",
    "retired": "Standpunktet «{quote}» er tatt ut av plattformen siden det ble sitert.",
    "gone": "Standpunktet «{quote}» finnes ikke lenger i plattformen. Siden viser den "
    "siterte kopien og sier at kilden er borte.",
}


def warn_about_changed_platform_quotes(request, page):
    """Tell the editor, when a page is opened for editing, which platform positions it
    quotes have changed (or gone) since they were quoted."""
    if request.method != "GET":
        return None
    draft = page.get_latest_revision_as_object()
    for state, value in stale_platform_quotes(draft):
        quote = (value.get("quoted_text") or "")[:80]
        messages.warning(request, STATE_NOTICES[state].format(quote=quote))
    return None
