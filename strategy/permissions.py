"""Who may do what with the strategy records, beyond the model permissions in lpp/roles.py:
an approved review is locked for everyone (administrators too), and a measure or plan is
never deleted — a measure is retired instead, so its history stays."""

from wagtail.permission_policies import ModelPermissionPolicy

LOCKED_ACTIONS = {"change", "delete", "lock", "unlock", "publish"}


class ReviewPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action in LOCKED_ACTIONS and instance.approved_at is not None:
            return False
        if action == "delete" and instance.live:
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_can_approve(self, user):
        return self.user_has_permission(user, "publish")


class NeverDeletedPolicy(ModelPermissionPolicy):
    """Plans, focus areas and measures: retired, never deleted."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "delete"])

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete":
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "delete"])
