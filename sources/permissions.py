"""Who may use the watched sources: the secretariat (roles.STAFF) and administrators."""

USE_RADAR = "sources.change_candidate"
LINK_CASES = "sources.add_caselink"
READ_DOCUMENTS = "sources.add_evidencedocument"
ADD_EVENT = "advocacy.add_outcomeevent"
PUBLISH_EVENT = "advocacy.publish_outcomeevent"
VIEW_HEALTH = "sources.view_sourcestatus"

STAFF_PERMISSIONS = [
    "sources.view_candidate",
    USE_RADAR,
    "sources.view_caselink",
    LINK_CASES,
    "sources.delete_caselink",
    "sources.view_evidencedocument",
    READ_DOCUMENTS,
    "sources.view_themesignal",
    "sources.add_themesignal",
    "sources.change_themesignal",
    "sources.delete_themesignal",
    "sources.change_radarsettings",
    VIEW_HEALTH,
]
