from .authorities import Authority
from .outcomes import (
    EvidenceKind,
    FollowUpReminder,
    OutcomeEvent,
    OutcomeKind,
    OutcomeSettings,
)
from .proposals import Proposal, ProposalTheme, ProposalVersion
from .themes import Theme, ThemedItem

__all__ = [
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
]
