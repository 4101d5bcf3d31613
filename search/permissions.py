"""Who may see the search health (the dashboard panel, the settings page): the
secretariat and administrators."""

from base.roles import STAFF


def can_see_search_health(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=STAFF).exists())
