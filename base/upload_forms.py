"""The base forms of Wagtail's image and document uploads (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE): single and multiple upload, edit and replace. A broken
image is a form error in Norwegian instead of a server error; a document must be what its
extension says (``base/file_checks.py``: no program renamed .pdf, no zip bomb named .docx
offered for download from the site); and a refused document gets the one message that
says why (empty, too large, not what it claims) instead of a second, misleading one about
its extension."""

import logging
import os
from io import BytesIO

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from . import file_checks

logger = logging.getLogger("lpp.uploads")

BROKEN_IMAGE = (
    "Filen kan ikke leses som et bilde: den er skadet, eller innholdet stemmer ikke med "
    "filendelsen. Last opp bildet på nytt som GIF, JPG, PNG eller WebP."
)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, which trusts an image whose header looks right; this one
    also decodes it, so a file that only starts like a GIF is refused at upload and
    cannot break a page later when a rendition is made."""

    def to_python(self, data):
        try:
            f = super().to_python(data)
            if f is not None:
                self._decode(data)
        except ValidationError:
            raise
        # Pillow's decoders raise many kinds of error on a damaged file (OSError,
        # SyntaxError, ValueError, struct.error, …); every one means "not a usable image".
        except Exception as error:  # noqa: BLE001
            logger.info("Refused a damaged image upload: %r", error)
            raise ValidationError(BROKEN_IMAGE, code="invalid_image") from error
        return f

    @staticmethod
    def _decode(data):
        if hasattr(data, "temporary_file_path"):
            source = data.temporary_file_path()
        else:
            data.seek(0)
            source = BytesIO(data.read())
        with PILImage.open(source) as image:
            image.load()
        if hasattr(data, "seek"):
            data.seek(0)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            field.__class__ = CheckedImageField


class CheckedDocumentField(WagtailDocumentField):
    """Wagtail's document field, which checks only the size (the model checks the
    extension); this one also checks that the bytes are what the extension says, for
    every extension :mod:`base.file_checks` knows. Others are left to the extension
    list (WAGTAILDOCS_EXTENSIONS)."""

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return f
        extension = os.path.splitext(f.name or "")[1].lower()
        if extension in file_checks.CHECKS:
            f.seek(0)
            content = f.read()
            f.seek(0)
            file_checks.check_content(f.name, content)
        return f


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailDocumentField:
            field.__class__ = CheckedDocumentField

    def _update_errors(self, errors):
        # The model's own validation (allowed extensions) runs on a file the form field
        # already refused, and would add «Filendelsen "" er ikke tillatt».
        if "file" in self._errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)
