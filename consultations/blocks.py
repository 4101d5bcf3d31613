"""The body of a consultation response (høringssvar)."""

from advocacy.blocks import ProposalBlock
from home.blocks import ContentBlock
from political_platform.blocks import PlatformPositionBlock


class ResponseBodyBlock(ContentBlock):
    """The plain content blocks plus inline proposals and quotes of platform positions,
    so a response speaks with the platform's voice."""

    proposal = ProposalBlock()
    platform_position = PlatformPositionBlock()
