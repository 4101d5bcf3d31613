import re

from django import forms
from taggit.forms import TagField as TaggitTagField
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.tags import TagField

from base.text import norwegian_slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ThemeForm(WagtailAdminModelForm):
    """Themes are public URLs (/tema/<slug>/): the slug is plain ASCII, made from the
    name when left empty, and neither name nor slug may clash with another theme."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = "Navn"
        # A plain field: clean_slug gives the one Norwegian message for a bad address.
        self.fields["slug"] = forms.CharField(
            label="Adresse (slug)",
            required=False,
            max_length=100,
            help_text="Brukes i adressen /tema/<slug>/. Lages av navnet hvis feltet er tomt.",
        )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Temaet må ha et navn.")
        clash = self._meta.model.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Det finnes allerede et tema med dette navnet.")
        return name

    def clean_slug(self):
        slug = (self.cleaned_data.get("slug") or "").strip().lower()
        if not slug:
            slug = norwegian_slugify(self.data.get("name", ""))
        if not SLUG_PATTERN.match(slug):
            raise forms.ValidationError(
                "Adressen kan bare inneholde små bokstaver a–z, tall og bindestrek."
            )
        if self._meta.model.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                f"Adressen «{slug}» brukes allerede av et annet tema. Velg en annen."
            )
        return slug

    def _post_clean(self):
        # Our messages above replace Django's English-shaped unique checks.
        self._validate_unique = False
        super()._post_clean()


class ControlledTagField(TagField):
    """A tag field on a controlled vocabulary (``free_tagging = False``, the themes)
    refuses a name that is not in it, instead of Wagtail's silent drop: an editor who
    typed «Rusomsorg» must know it was not saved."""

    def clean(self, value):
        names = TaggitTagField.clean(self, value)
        if self.free_tagging:
            return super().clean(value)
        known = set(self.tag_model.objects.filter(name__in=names).values_list("name", flat=True))
        unknown = [name for name in names if name not in known]
        if unknown:
            listed = ", ".join(f"«{name}»" for name in unknown)
            raise forms.ValidationError(
                f"Finnes ikke som tema: {listed}. Velg blant temaene som foreslås mens du "
                "skriver. Sekretariatet kan legge til nye temaer under «Temaer».",
                code="unknown_tag",
            )
        return super().clean(value)


def controlled_tag_field_override(db_field):
    return {"form_class": ControlledTagField, "tag_model": db_field.related_model}
