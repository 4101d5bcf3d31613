"""Content blocks for the body of every page type. The DOCX engine knows each of them,
so a new block here needs a writer there."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Overskrift", max_length=200)
    level = blocks.ChoiceBlock(
        label="Nivå",
        choices=[("h2", "Hovedoverskrift (nivå 2)"), ("h3", "Underoverskrift (nivå 3)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Overskrift"
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Sitat")
    source = blocks.CharBlock(label="Kilde", required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = "Sitat"
        template = "blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tittel", required=False, max_length=200)
    text = blocks.RichTextBlock(label="Tekst", features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = "Faktaboks"
        template = "blocks/callout.html"


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label="Tabelltekst", required=False, max_length=300)
    table = TableBlock(
        label="Tabell",
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )

    class Meta:
        icon = "table"
        label = "Tabell"
        template = "blocks/table.html"


class ContentBlock(blocks.StreamBlock):
    """The plain building blocks of any text on the site."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Avsnitt", features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    quote = QuoteBlock()
    callout = CalloutBlock()
    table = TableWithCaptionBlock()
    image = ImageBlock(label="Bilde", template="blocks/image.html")
