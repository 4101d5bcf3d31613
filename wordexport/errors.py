"""Errors of the DOCX export."""


class DocxExportError(Exception):
    """The export could not be made; the message is Norwegian and can be shown to users."""


class UnknownBlockError(DocxExportError):
    """A StreamField block the engine has no writer for. Raised instead of leaving the
    block out silently: a new block type needs a writer (see wordexport.blocks)."""

    def __init__(self, block):
        self.block = block
        cls = type(block)
        name = getattr(block, "name", "") or cls.__name__
        super().__init__(
            f"Word-eksporten kjenner ikke blokktypen «{name}» "
            f"({cls.__module__}.{cls.__qualname__}). Registrer en skriver for den med hooken "
            "register_docx_block_writers i appens docx.py."
        )
