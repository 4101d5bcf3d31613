"""Position records: the rules that give each «LPP mener at …» block of a published
platform chapter a stable identity other documents can quote.

* Identity is the block: (chapter page, block id). Wagtail keeps a block's id across
  revisions (and across a page copy, but the copy is another chapter), so editing the
  wording updates the same record and ``text_changed_at`` says when.
* A block that disappears from a later published version retires its record; a block
  that comes back is reinstated. Records are never deleted here.
"""

from django.db import transaction
from django.utils import timezone

from .models import PlatformPage, Position


def source_label(chapter, edition):
    edition_title = edition.title if edition else "Politisk plattform"
    return f"{edition_title}, kapittel «{chapter.title}»"


@transaction.atomic
def sync_positions(page):
    """Bring the chapter's position records in line with its published content.

    Returns the chapter's active positions in document order."""
    now = timezone.now()
    chapter = page.specific
    edition = PlatformPage.objects.filter(path=chapter.path[: -chapter.steplen]).first()
    label = source_label(chapter, edition)
    existing = {p.block_id: p for p in Position.objects.filter(chapter=chapter)}
    seen = set()
    result = []
    for bound in chapter.positions:
        text = (bound.value.get("text") or "").strip()
        block_id = str(bound.id)
        if not text or block_id in seen:
            continue
        seen.add(block_id)
        position = existing.get(block_id)
        if position is None:
            position = Position(
                chapter=chapter, block_id=block_id, first_published_at=now, text_changed_at=now
            )
        elif position.text != text:
            position.text_changed_at = now
        position.edition = edition
        position.source_label = label
        position.order = len(result) + 1
        position.text = text
        position.last_published_at = now
        position.retired_at = None
        position.save()
        position.themes.set(list(bound.value.get("themes") or []))
        result.append(position)
    for block_id, position in existing.items():
        if block_id not in seen and position.retired_at is None:
            position.retired_at = now
            position.save(update_fields=["retired_at"])
    return result
