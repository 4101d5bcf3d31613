from wagtail.admin.panels import Panel


class ConsultationStatusPanel(Panel):
    """Read-only summary at the top of the consultation form: where it stands, its
    response page and what was sent."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "consultations/admin/status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            consultation = self.instance
            response = consultation.get_response()
            try:
                submission = consultation.submission
            except consultation._meta.get_field("submission").related_model.DoesNotExist:
                submission = None
            context.update(consultation=consultation, response=response, submission=submission)
            return context
