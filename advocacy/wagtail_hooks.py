from wagtail.snippets.models import register_snippet

from .viewsets import AdvocacyViewSetGroup

register_snippet(AdvocacyViewSetGroup)
