"""Errors of the DOCX export."""


class DocxExportError(Exception):
    """The export could not be made; the message is Norwegian and can be shown to users."""


class UnknownBlockError(DocxExportError):
    """A StreamField block the engine has no writer for. Raised instead of leaving the
    block out silently: a new block type needs a writer (see advocacy.docx.blocks)."""

    def __init__(self, block):
        self.block = block
        cls = type(block)
        name = getattr(block, "name", "") or cls.__name__
        super().__init__(
            f"Word-eksporten kjenner ikke blokktypen «{name}» "
            f"({cls.__module__}.{cls.__qualname__}). Legg til en skriver for den i "
            "advocacy.docx.blocks."
        )


class TemplateStyleError(DocxExportError):
    """The shipped template lacks a style the engine applies."""
