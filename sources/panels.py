from wagtail.admin.ui.components import Component

from . import health


class SourceHealthPanel(Component):
    """Dashboard panel: the watched sources, and any that do not answer or changed format."""

    name = "source_health"
    template_name = "sources/health_panel.html"
    order = 300

    def get_context_data(self, parent_context=None):
        rows = health.rows()
        return {"sources": rows, "faults": [r for r in rows if not r["ok"]]}
