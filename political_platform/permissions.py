"""Who may do what with the platform's records, beyond the model permissions in
base/roles.py."""

from base.permissions import RecordPermissionPolicy

from .models import Position

# Positions are written by publishing a chapter, never by hand: nobody adds or edits them
# in the admin (not even administrators); viewing follows the model's view permission.
position_policy = RecordPermissionPolicy(Position, refused={"add", "change"})
