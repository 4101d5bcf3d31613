from wagtail import hooks

from . import contributions, strategy_metric

hooks.register("lpp_theme_sections", contributions.agreement_clauses_section)
# The strategy follow-up reads this app's figure through its hook (strategy/metrics.py).
hooks.register("register_strategy_metric", strategy_metric.register)

# Word export (agreement/docx.py): how its pages and blocks are written.
from . import docx  # noqa: E402

hooks.register("register_docx_block_writers", docx.block_writers)
hooks.register("register_docx_page_layouts", docx.page_layouts)
