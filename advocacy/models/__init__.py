from .authorities import Authority
from .outcomes import (
    PUBLIC_EVENT_DETAILS,
    PUBLIC_EVENT_FIELDS,
    EvidenceKind,
    FollowUpReminder,
    OutcomeEvent,
    OutcomeKind,
    OutcomeSettings,
    status_label,
)
from .proposals import Proposal, ProposalTheme, ProposalVersion
from .themes import Theme, ThemedItem

__all__ = [
    "PUBLIC_EVENT_DETAILS",
    "PUBLIC_EVENT_FIELDS",
    "Authority",
    "EvidenceKind",
    "FollowUpReminder",
    "OutcomeEvent",
    "OutcomeKind",
    "OutcomeSettings",
    "Proposal",
    "ProposalTheme",
    "ProposalVersion",
    "Theme",
    "ThemedItem",
    "status_label",
]
