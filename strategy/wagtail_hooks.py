from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import FocusArea, Measure, Plan, Review
from .permissions import ReviewPermissionPolicy, never_deleted_policy
from .viewsets import StrategyViewSetGroup

register_permission_policy(Review, ReviewPermissionPolicy(Review))
for _model in (Plan, FocusArea, Measure):
    register_permission_policy(_model, never_deleted_policy(_model))
register_snippet(StrategyViewSetGroup)
