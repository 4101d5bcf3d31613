"""Who may use the watched sources: the secretariat (roles.STAFF) and administrators."""

from advocacy.permissions import ADD_EVENT, PUBLISH_EVENT  # noqa: F401 - the outcome rights

USE_RADAR = "sources.change_candidate"
LINK_CASES = "sources.add_caselink"
READ_DOCUMENTS = "sources.add_evidencedocument"
VIEW_HEALTH = "sources.view_sourcestatus"
