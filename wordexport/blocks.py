"""Writers for StreamField blocks, looked up by block class (and its bases).

The library writes Wagtail's own blocks (streams, lists, rich text, text, tables, images).
A content app writes its blocks itself and registers the writers with the Wagtail hook
``register_docx_block_writers``, from its ``wagtail_hooks.py``::

    hooks.register("register_docx_block_writers", docx.block_writers)

where ``block_writers()`` returns ``{BlockClass: writer}`` and a writer is
``writer(docx_writer, block, value, block_id)``. A block class without a writer raises
:class:`~wordexport.errors.UnknownBlockError`: a new block type must get a writer instead of
vanishing from the exported letter.
"""

from wagtail import blocks as wagtail_blocks
from wagtail import hooks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.rich_text import RichText

from .errors import UnknownBlockError

BLOCK_WRITERS_HOOK = "register_docx_block_writers"


class BlockWriters:
    """The writers of one export: the library's own and every app's."""

    def __init__(self, writers):
        self._writers = writers
        self._by_class = {}

    def writer_for(self, block):
        cls = type(block)
        function = self._by_class.get(cls)
        if function is None:
            function = self._by_class[cls] = self._lookup(block)
        return function

    def _lookup(self, block):
        for cls in type(block).__mro__:
            function = self._writers.get(cls)
            if function is not None:
                return function
        raise UnknownBlockError(block)


def block_writers():
    """The writers of the library's blocks and those the apps register with the hook."""
    writers = dict(_WRITERS)
    for hook in hooks.get_hooks(BLOCK_WRITERS_HOOK):
        writers.update(hook())
    return BlockWriters(writers)


def write_block(writer, block, value, block_id=None):
    writer.write_block(block, value, block_id)


def rich_source(value):
    if value is None:
        return ""
    if isinstance(value, RichText):
        return value.source
    return str(value)


# -- Wagtail's blocks --------------------------------------------------------------------------


def write_stream(writer, block, value, block_id):
    writer.stream(value)


def write_list(writer, block, value, block_id):
    for item in value.bound_blocks if hasattr(value, "bound_blocks") else value:
        if hasattr(item, "block"):
            writer.write_block(item.block, item.value, getattr(item, "id", None))
        else:
            writer.write_block(block.child_block, item)


def write_rich_text(writer, block, value, block_id):
    writer.rich_text(rich_source(value))


def write_text(writer, block, value, block_id):
    for part in str(value or "").split("\n\n"):
        if part.strip():
            writer.paragraph(part.strip())


def write_table_value(writer, table, caption=""):
    """A TableBlock value (optionally with a caption above it) as a Word table."""
    table = table or {}
    caption = caption or table.get("table_caption") or ""
    if caption:
        writer.paragraph(caption, "Caption")
    rows = table.get("data") or []
    writer.table(
        rows,
        header_rows=1 if table.get("first_row_is_table_header") else 0,
        first_col_header=bool(table.get("first_col_is_header")),
        merged=table.get("mergedCells") or [],
    )
    # keep the next block's text off the table's last row
    writer.paragraph(style="TableText")


def write_table(writer, block, value, block_id):
    write_table_value(writer, value)


def write_image(writer, block, value, block_id):
    if value is None:
        return
    if getattr(value, "decorative", False):
        alt = ""
    else:
        alt = getattr(value, "contextual_alt_text", None)
    writer.image(value, alt=alt)


_WRITERS = {
    wagtail_blocks.StreamBlock: write_stream,
    wagtail_blocks.ListBlock: write_list,
    wagtail_blocks.RichTextBlock: write_rich_text,
    wagtail_blocks.CharBlock: write_text,
    wagtail_blocks.TextBlock: write_text,
    TableBlock: write_table,
    ImageBlock: write_image,
    ImageChooserBlock: write_image,
}
