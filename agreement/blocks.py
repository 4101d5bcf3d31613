"""Blocks of the model relatives' agreement.

Structure (for the DOCX engine and anyone else walking an agreement):

* ``AgreementPage.clauses`` — a stream of :class:`ClauseBlock`. A clause's number is its
  place in the stream (§ 1, § 2 …), never stored, so reordering renumbers. Each clause:
  ``title`` (str), ``text`` (RichText, the agreement text), ``subclauses`` (list of
  RichText, numbered 1.1, 1.2 …), ``guidance`` (RichText, «Veiledning» for the service
  adopting the agreement, not part of the agreement itself) and ``themes``.
  Fill-in fields are ``[[Label]]`` markers in the texts (see agreement.text).
* ``AgreementPage.change_log`` — a stream of :class:`ChangeLogEntryBlock`.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from advocacy.blocks import ThemeChoiceBlock

from .text import unclosed_marker

CLAUSE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def is_blank(rich_text):
    return not strip_tags(
        str(rich_text.source if hasattr(rich_text, "source") else rich_text or "")
    ).strip()


def _marker_error(rich_text):
    bad = unclosed_marker(getattr(rich_text, "source", rich_text))
    if bad:
        return ValidationError(
            f"Utfyllingsfeltet «{bad}» er ikke skrevet riktig. Skriv feltet med doble "
            "hakeparenteser på begge sider, for eksempel [[Pasient]]."
        )
    return None


class ClauseBlock(blocks.StructBlock):
    """A numbered clause («§ n Tittel»)."""

    title = blocks.CharBlock(
        label="Overskrift",
        max_length=200,
        help_text="For eksempel «Formål». Nummeret settes automatisk.",
    )
    text = blocks.RichTextBlock(
        label="Avtaletekst",
        required=False,
        features=CLAUSE_FEATURES,
        help_text="Utfyllingsfelt skrives med doble hakeparenteser, for eksempel [[Pasient]], "
        "[[Pårørende]], [[Enhet]], [[Kontaktperson]] eller [[Dato]].",
    )
    subclauses = blocks.ListBlock(
        blocks.RichTextBlock(features=CLAUSE_FEATURES, label="Underpunkt"),
        label="Underpunkter",
        default=[],
        help_text="Nummereres automatisk (1.1, 1.2 …).",
    )
    guidance = blocks.RichTextBlock(
        label="Veiledning",
        required=False,
        features=CLAUSE_FEATURES,
        help_text="Råd til tjenesten som tar i bruk avtalen. Vises sammenfoldet under punktet.",
    )
    themes = ThemeChoiceBlock(label="Temaer")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if is_blank(value.get("text")):
            title = (value.get("title") or "").strip()
            errors["text"] = ValidationError(
                f"Punktet «{title}» mangler avtaletekst. Skriv teksten eller fjern punktet."
                if title
                else "Punktet mangler avtaletekst. Skriv teksten eller fjern punktet."
            )
        else:
            marker_error = _marker_error(value.get("text"))
            if marker_error:
                errors["text"] = marker_error
        for name in ("guidance",):
            marker_error = _marker_error(value.get(name))
            if marker_error:
                errors[name] = marker_error
        for item in value.get("subclauses") or []:
            marker_error = _marker_error(item)
            if marker_error:
                errors["subclauses"] = marker_error
                break
        if errors:
            raise StructBlockValidationError(
                block_errors={name: ErrorList([error]) for name, error in errors.items()}
            )
        return value

    class Meta:
        icon = "list-ol"
        label = "Punkt"
        template = "agreement/blocks/clause.html"


class ClauseStreamBlock(blocks.StreamBlock):
    clause = ClauseBlock()

    class Meta:
        min_num = 1


class ChangeLogEntryBlock(blocks.StructBlock):
    """One line of the change log: version, date and what changed."""

    version = blocks.CharBlock(label="Versjon", max_length=20)
    date = blocks.DateBlock(label="Dato")
    description = blocks.TextBlock(label="Hva er endret")

    class Meta:
        icon = "history"
        label = "Endring"
