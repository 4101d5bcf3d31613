"""Which page becomes which Word document: the page layouts the content apps register.

The library knows no page types. A content app describes how one of its page types is
written with a :class:`PageLayout` subclass in its ``docx.py`` and registers it from its
``wagtail_hooks.py``::

    hooks.register("register_docx_page_layouts", docx.page_layouts)

where ``page_layouts()`` returns ``{PageModel: LayoutClass}``. A page type without a layout has
no Word export (no admin action, no public download).
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from wagtail import hooks

PAGE_LAYOUTS_HOOK = "register_docx_page_layouts"
LETTER_HEAD_HOOK = "register_docx_letter_head"


@dataclass
class ExportOptions:
    draft_label: str | None = None
    include_guidance: bool = True
    published_only: bool = True  # parts that are pages of their own (chapters): live ones only


class PageLayout(ABC):
    """How one page type is written. An instance serves one export of one page; the
    defaults suit a page whose document is the page alone."""

    # the document has guidance for services that a download may leave out (?veiledning=nei)
    guidance_choice = False

    def __init__(self, page):
        self.page = page

    @abstractmethod
    def write(self, options):
        """The Word file of ``self.page`` (bytes)."""

    def cache_parts(self):
        """What else the published file depends on besides the page's live revision (the
        public download's cache key): e.g. the live revision of each part, the letter head."""
        return []

    def write_published(self, options):
        """The published file; a layout may reuse what :meth:`cache_parts` read."""
        return self.write(options)

    def approved_revisions(self):
        """(revision, approved at or ``APPROVED``) the page's own records hold, besides its
        workflow: e.g. the revision a consultation recorded as the board's approval."""
        return []

    def has_draft_parts(self):
        """Whether parts of the document that are pages of their own are still drafts."""
        return False


def page_layouts():
    """{page model: layout class} from every app's ``register_docx_page_layouts`` hook."""
    layouts = {}
    for hook in hooks.get_hooks(PAGE_LAYOUTS_HOOK):
        layouts.update(hook())
    return layouts


def layout_class(page_or_class):
    """The layout class of a page (or page class), None when it has no Word export."""
    if isinstance(page_or_class, type):
        cls = page_or_class
    else:
        cls = page_or_class.specific_class or type(page_or_class)
    return page_layouts().get(cls)


def letter_head(site):
    """The sender of the documents exported for ``site`` (name, address, …), from the app
    that registers the ``register_docx_letter_head`` hook (a function of the site); for
    exports that are not a page's, whose layout passes the letter head in. None when no app
    registers one."""
    for hook in reversed(hooks.get_hooks(LETTER_HEAD_HOOK)):
        return hook(site)
    return None
