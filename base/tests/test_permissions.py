"""The one permission policy for records the system keeps itself (base.permissions), as
each app configures it."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import policy_registry as policies

from advocacy.models import Proposal
from base.permissions import RecordPermissionPolicy
from consultations.models import SentReminder
from political_platform.models import Position
from strategy.models import Measure

pytestmark = pytest.mark.django_db


def user_with(django_user_model, *names, superuser=False):
    user = django_user_model.objects.create_user(
        username=f"u{django_user_model.objects.count()}", is_superuser=superuser
    )
    for name in names:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return django_user_model.objects.get(pk=user.pk)  # a fresh permission cache


def test_every_record_model_registers_the_one_policy():
    for model in (Proposal, Position, SentReminder, Measure):
        assert isinstance(policies.get_by_type(model), RecordPermissionPolicy), model


def test_a_refused_action_is_refused_to_a_superuser(django_user_model):
    root = user_with(django_user_model, superuser=True)
    reminders = policies.get_by_type(SentReminder)
    assert not reminders.user_has_permission(root, "add")
    assert not reminders.user_has_permission_for_instance(root, "delete", SentReminder())
    assert not policies.get_by_type(Measure).user_has_permission(root, "delete")
    assert not policies.get_by_type(Position).user_has_permission(root, "change")


def test_actions_that_are_not_refused_follow_the_model_permissions(django_user_model):
    reader = user_with(django_user_model, "consultations.view_sentreminder")
    nobody = user_with(django_user_model)
    reminders = policies.get_by_type(SentReminder)
    assert reminders.user_has_permission(reader, "view")
    assert not reminders.user_has_permission(nobody, "view")
    assert policies.get_by_type(Measure).user_has_permission(
        user_with(django_user_model, "strategy.change_measure"), "change"
    )


def test_with_allowed_only_those_actions_exist(django_user_model):
    root = user_with(django_user_model, superuser=True)
    proposals = policies.get_by_type(Proposal)
    assert proposals.user_has_permission(root, "view")
    for action in ("add", "change", "delete", "publish", "lock"):
        assert not proposals.user_has_permission(root, action), action


def test_view_with_lets_those_who_record_events_see_the_proposals(django_user_model):
    recorder = user_with(django_user_model, "advocacy.add_outcomeevent")
    nobody = user_with(django_user_model)
    proposals = policies.get_by_type(Proposal)
    assert proposals.user_has_any_permission(recorder, ["view", "change"])
    assert not proposals.user_has_permission(nobody, "view")
    viewers = proposals.users_with_any_permission(["view"])
    assert recorder in viewers
    assert nobody not in viewers


def test_users_with_only_refused_actions_is_nobody(django_user_model):
    user_with(django_user_model, superuser=True)
    reminders = policies.get_by_type(SentReminder)
    assert not reminders.users_with_any_permission(["add", "change", "delete"]).exists()
    assert reminders.users_with_any_permission(["view"]).exists()


def test_the_policy_is_a_model_permission_policy():
    """So Wagtail's views that expect one (index, inspect, usage) keep working."""
    policy = RecordPermissionPolicy(Measure, refused={"delete"})
    assert isinstance(policy, ModelPermissionPolicy)
    assert policy.permits("change") and not policy.permits("delete")
