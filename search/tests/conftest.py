import pytest

from home.tests.factories import StandardPageFactory
from search import health, indexer


@pytest.fixture(autouse=True)
def _fresh_engine_state():
    health.reset()
    yield
    health.reset()


@pytest.fixture
def indexed_site(demo_site):
    """The demo site with its public search index built (the demo loader runs inside
    the test's transaction, so the after-commit indexing never fires)."""
    indexer.rebuild()
    return demo_site


@pytest.fixture
def make_page(home_page, django_capture_on_commit_callbacks):
    """A standard page, with the after-commit search indexing run."""

    def make(title, body_text="", *, publish=True, parent=None, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return StandardPageFactory(
                parent=parent or home_page, title=title, intro=body_text, live=publish, **fields
            )

    return make
