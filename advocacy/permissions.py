"""Who may do what with the tracked proposals and their outcome events, beyond the model
permissions that base/roles.py gives each role."""

from base.permissions import RecordPermissionPolicy

from .models import Proposal

ADD_EVENT = "advocacy.add_outcomeevent"
PUBLISH_EVENT = "advocacy.publish_outcomeevent"
VIEW_PROPOSAL = "advocacy.view_proposal"

# Proposal records are written by the tracking when a document is published: in the admin
# they are looked at and given outcome events, never added, edited or deleted. Whoever
# records events may see the proposals they record them on.
proposal_policy = RecordPermissionPolicy(Proposal, allowed={"view"}, view_with=[ADD_EVENT])
