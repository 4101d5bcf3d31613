"""Images: a Wagtail image (or an image embedded in rich text) as an inline picture with its
alt text; a missing file is named in the document instead of failing the export."""

import io

from lxml import etree

from .xml import WP_NS, clean_text, to_int, w


class ImagesMixin:
    """The images of :class:`~wordexport.engine.DocxWriter`."""

    def image(self, image, alt=None, max_width_cm=16.0):
        alt = clean_text(alt if alt is not None else getattr(image, "default_alt_text", ""))
        alt = alt or clean_text(getattr(image, "title", ""))
        try:
            rendition = image.get_rendition("max-1600x1600")
            with rendition.file.open("rb") as handle:
                data = io.BytesIO(handle.read())
        except (OSError, ValueError):
            # the image file is missing on this server: say so in the document, don't fail
            title = clean_text(getattr(image, "title", "")) or "uten tittel"
            return self.paragraph(
                f"[Bildet «{title}» kunne ikke tas med i Word-filen.{' ' + alt if alt else ''}]",
                italic=True,
            )
        from docx.shared import Cm

        p = self.paragraph()
        width_cm = min(max_width_cm, rendition.width / 96 * 2.54)
        inline = self.part.new_pic_inline(data, Cm(width_cm), None)
        self._image_id += 1
        for doc_pr in inline.iter(f"{{{WP_NS}}}docPr"):
            doc_pr.set("id", str(self._image_id))
            doc_pr.set("descr", alt)
        etree.SubElement(etree.SubElement(p, w("r")), w("drawing")).append(inline)
        return p

    def _embed(self, element):
        """An ``<embed embedtype="image">`` of rich text; other embeds are left out."""
        if element.get("embedtype") != "image":
            return
        from wagtail.images import get_image_model

        image = get_image_model().objects.filter(pk=to_int(element.get("id"))).first()
        if image is not None:
            self.image(image, alt=element.get("alt"))
