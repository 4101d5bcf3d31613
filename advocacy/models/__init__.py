from .authorities import Authority
from .proposals import Proposal, ProposalTheme, ProposalVersion
from .themes import Theme, ThemedItem

__all__ = [
    "Authority",
    "Proposal",
    "ProposalTheme",
    "ProposalVersion",
    "Theme",
    "ThemedItem",
]
