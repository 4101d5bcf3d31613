"""The one permission policy for records that the system writes or keeps itself.

Proposals (written by publishing a document), positions (by publishing a platform
chapter), sent reminders (by the reminder command) and the strategy's plans, focus areas
and measures (retired, never deleted) are all the same rule: some admin actions are
refused to everyone, superusers included, because doing them by hand would break a
record's history; every other action follows the model permissions. Each model
configures the rule where it registers the policy (``<app>/permissions.py``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy


class RecordPermissionPolicy(ModelPermissionPolicy):
    """``refused``: actions nobody may do. ``allowed``: if given, the only actions anybody
    may do (everything else is refused). ``view_with``: permissions («app.codename») that
    also let a user view, for those who work on the records without the view permission."""

    def __init__(self, model, *, refused=(), allowed=None, view_with=()):
        super().__init__(model)
        self.refused = frozenset(refused)
        self.allowed = None if allowed is None else frozenset(allowed)
        self.view_with = tuple(view_with)

    def permits(self, action):
        """Whether the action can be done on this model at all (by anybody)."""
        if action in self.refused:
            return False
        return self.allowed is None or action in self.allowed

    def user_has_permission(self, user, action):
        if not self.permits(action):
            return False
        if super().user_has_permission(user, action):
            return True
        return action == "view" and any(user.has_perm(name) for name in self.view_with)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if self.permits(action)]
        users = get_user_model().objects
        if not actions:
            return users.none()
        matches = Q(pk__in=super().users_with_any_permission(actions).values("pk"))
        if "view" in actions and self.view_with:
            matches |= Q(pk__in=self._users_with(self.view_with).values("pk"))
        return users.filter(matches)

    @staticmethod
    def _users_with(names):
        match = Q(pk__in=[])
        for name in names:
            app_label, codename = name.split(".", 1)
            match |= Q(content_type__app_label=app_label, codename=codename)
        permissions = Permission.objects.filter(match)
        return get_user_model().objects.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permissions)
            | Q(groups__permissions__in=permissions),
            is_active=True,
        )
