import pytest

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
    from home.models import StandardPage

    counter = {"n": 0}

    def make(title, body_text="", *, publish=True, parent=None, **fields):
        counter["n"] += 1
        page = StandardPage(title=title, slug=f"side-{counter['n']}", intro=body_text, **fields)
        with django_capture_on_commit_callbacks(execute=True):
            (parent or home_page).add_child(instance=page)
            if publish:
                page.save_revision().publish()
        return page

    return make
