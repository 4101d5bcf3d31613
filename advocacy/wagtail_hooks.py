from wagtail.hooks import register as register_hook
from wagtail.snippets.models import register_snippet

from .viewsets import AdvocacyViewSetGroup

register_snippet(AdvocacyViewSetGroup)

# outcome tracking: admin URLs, bulk actions, reports; the figure strategy reads
from .outcomes import hooks, strategy_metric  # noqa: E402, F401

# The strategy follow-up reads the outcome figures through its hook (strategy/metrics.py).
register_hook("register_strategy_metric", strategy_metric.register)

# The one public rule (advocacy.visibility) also for serving: an expired page is gone.
from .visibility import refuse_expired_page  # noqa: E402

register_hook("before_serve_page", refuse_expired_page)
