"""Small text helpers shared by models, forms and exports."""

from django.utils.text import slugify

_NORWEGIAN = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def norwegian_slugify(value):
    """A URL slug in plain ASCII: "Barn som pårørende" -> "barn-som-parorende"."""
    return slugify(str(value).translate(_NORWEGIAN))
