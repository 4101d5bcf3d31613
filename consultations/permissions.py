"""Who may do what with consultations and their records, beyond the model permissions that
base/roles.py gives each role."""

from base.permissions import RecordPermissionPolicy

from .models import SentReminder

VIEW = "consultations.view_consultation"
CHANGE = "consultations.change_consultation"
VIEW_REMINDERS = "consultations.view_sentreminder"

# A sent reminder is a record of what went out: nobody adds, edits or deletes one by hand
# (that would defeat «sent once»), superusers included.
reminder_policy = RecordPermissionPolicy(SentReminder, refused={"add", "change", "delete"})
