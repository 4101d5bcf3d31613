"""Who may do what with the strategy records, beyond the model permissions in base/roles.py:
an approved review is locked for everyone (administrators too), and a measure or plan is
never deleted — a measure is retired instead, so its history stays."""

from wagtail.permission_policies import ModelPermissionPolicy

from base.permissions import RecordPermissionPolicy

LOCKED_ACTIONS = {"change", "delete", "lock", "unlock", "publish"}


class ReviewPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action in LOCKED_ACTIONS and instance.approved_at is not None:
            return False
        if action == "delete" and instance.live:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


def never_deleted_policy(model):
    """Plans, focus areas and measures: retired, never deleted (base.permissions)."""
    return RecordPermissionPolicy(model, refused={"delete"})
