from wagtail.snippets.models import register_snippet

from .viewsets import AdvocacyViewSetGroup

register_snippet(AdvocacyViewSetGroup)

from .outcomes import hooks  # noqa: E402, F401  (outcome tracking: admin URLs, bulk actions, reports)
