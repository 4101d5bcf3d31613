"""Writers for StreamField blocks, looked up by block class (and its bases).

A block class without a writer raises :class:`UnknownBlockError`: a new block type must get a
writer here instead of vanishing from the exported letter. Other apps' blocks register with::

    from advocacy.docx.blocks import register

    @register(MyBlock)
    def write_my_block(writer, block, value, block_id):
        ...
"""

from wagtail import blocks as wagtail_blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.rich_text import RichText

from advocacy.blocks import DemandBlock, ProposalBlock
from home.blocks import CalloutBlock, HeadingBlock, QuoteBlock, TableWithCaptionBlock

from .errors import UnknownBlockError

_WRITERS = {}


def register(*block_classes):
    def decorator(function):
        for block_class in block_classes:
            _WRITERS[block_class] = function
        return function

    return decorator


def writer_for(block):
    for cls in type(block).__mro__:
        function = _WRITERS.get(cls)
        if function is not None:
            return function
    raise UnknownBlockError(block)


def write_block(writer, block, value, block_id=None):
    writer_for(block)(writer, block, value, block_id)


def rich_source(value):
    if value is None:
        return ""
    if isinstance(value, RichText):
        return value.source
    return str(value)


# -- containers ------------------------------------------------------------------------------


@register(wagtail_blocks.StreamBlock)
def write_stream(writer, block, value, block_id):
    writer.stream(value)


@register(wagtail_blocks.ListBlock)
def write_list(writer, block, value, block_id):
    for item in value.bound_blocks if hasattr(value, "bound_blocks") else value:
        if hasattr(item, "block"):
            write_block(writer, item.block, item.value, getattr(item, "id", None))
        else:
            write_block(writer, block.child_block, item)


# -- plain values ----------------------------------------------------------------------------


@register(wagtail_blocks.RichTextBlock)
def write_rich_text(writer, block, value, block_id):
    writer.rich_text(rich_source(value))


@register(wagtail_blocks.CharBlock, wagtail_blocks.TextBlock)
def write_text(writer, block, value, block_id):
    for part in str(value or "").split("\n\n"):
        if part.strip():
            writer.paragraph(part.strip())


# -- home.blocks.ContentBlock ----------------------------------------------------------------


@register(HeadingBlock)
def write_heading(writer, block, value, block_id):
    offset = 1 if value.get("level") == "h3" else 0
    writer.heading(value.get("text") or "", writer.h2_level + offset)


@register(QuoteBlock)
def write_quote(writer, block, value, block_id):
    writer.paragraph((value.get("text") or "").strip(), "Quote")
    if value.get("source"):
        writer.paragraph(f"– {value['source']}", "QuoteSource")


@register(CalloutBlock)
def write_callout(writer, block, value, block_id):
    with writer.box("callout"):
        if value.get("title"):
            writer.paragraph(value["title"], "BoxTitle")
        writer.rich_text(rich_source(value.get("text")))


def write_table_value(writer, table, caption=""):
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


@register(TableWithCaptionBlock)
def write_table_with_caption(writer, block, value, block_id):
    write_table_value(writer, value.get("table"), value.get("caption"))


@register(TableBlock)
def write_table(writer, block, value, block_id):
    write_table_value(writer, value)


@register(ImageBlock, ImageChooserBlock)
def write_image(writer, block, value, block_id):
    if value is None:
        return
    if getattr(value, "decorative", False):
        alt = ""
    else:
        alt = getattr(value, "contextual_alt_text", None)
    writer.image(value, alt=alt)


# -- advocacy.blocks -------------------------------------------------------------------------


@register(ProposalBlock, DemandBlock)
def write_proposal(writer, block, value, block_id):
    lead_in = getattr(block.meta, "lead_in", "LPP foreslår")
    with writer.box("proposal"):
        writer.paragraph(lead_in, "BoxTitle")
        writer.paragraph((value.get("text") or "").strip(), bold=True)
        writer.rich_text(rich_source(value.get("rationale")))


# -- the document apps' own blocks -----------------------------------------------------------


def _register_app_blocks():
    from django.apps import apps

    if apps.is_installed("political_platform"):
        from political_platform.blocks import LEAD_IN, PlatformPositionBlock, PositionBlock

        @register(PositionBlock)
        def write_position(writer, block, value, block_id):
            with writer.box("position"):
                writer.paragraph(LEAD_IN + " …", "BoxTitle")
                writer.paragraph((value.get("text") or "").strip())

        @register(PlatformPositionBlock)
        def write_platform_position(writer, block, value, block_id):
            text = (value.get("quoted_text") or "").strip()
            if not text and value.get("position") is not None:
                text = value["position"].text
            writer.paragraph(f"{LEAD_IN} {text}", "Quote")
            source = (value.get("quoted_source") or "").strip()
            if source:
                p = writer.paragraph(style="QuoteSource")
                position = value.get("position")
                url = position.get_url() if position is not None else None
                if url and not PlatformPositionBlock.source_state(value) == "gone":
                    writer.text(p, "– ")
                    writer.link(p, writer.absolute_url(url), source)
                else:
                    writer.text(p, f"– {source}")

    if apps.is_installed("agreement"):
        from agreement.blocks import ChangeLogEntryBlock, ClauseBlock

        @register(ClauseBlock)
        def write_clause(writer, block, value, block_id):
            from .agreement import Clause
            from .agreement import write_clause as write

            write(writer, clause_from_value(value, Clause), include_guidance=False)

        @register(ChangeLogEntryBlock)
        def write_change(writer, block, value, block_id):
            from .engine import norwegian_date

            when = norwegian_date(value["date"]) if value.get("date") else ""
            writer.paragraph(
                f"Versjon {value.get('version') or ''} ({when}): {value.get('description') or ''}"
            )


def clause_from_value(value, clause_class):
    return clause_class(
        title=value.get("title") or "",
        text_html=rich_source(value.get("text")),
        subclauses=[rich_source(item) for item in (value.get("subclauses") or [])],
        guidance_html=rich_source(value.get("guidance")),
    )


_register_app_blocks()
