"""The import contract (tools/layers.py) on small trees written for each case: it must fail
on what it exists to catch, not only pass on the project."""

import textwrap

from tools import layers


def tree(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    for app in layers.LAYER_OF:
        (tmp_path / app).mkdir(exist_ok=True)
        (tmp_path / app / "__init__.py").touch()
    return tmp_path


def test_imports_down_the_layers_pass(tmp_path):
    root = tree(
        tmp_path,
        {
            "base/dates.py": "import datetime\n",
            "advocacy/models.py": "from base.dates import datetime\n",
            "consultations/views.py": "from advocacy import models\nfrom base import dates\n",
            "lpp/urls.py": "import consultations.views\n",
        },
    )
    assert layers.breaches(root) == []


def test_an_upward_import_is_named_with_file_and_line(tmp_path):
    root = tree(
        tmp_path,
        {
            "consultations/models.py": "X = 1\n",
            "advocacy/tracking.py": "import os\nfrom consultations.models import X\n",
        },
    )
    assert layers.breaches(root) == [
        "advocacy/tracking.py:2: advocacy.tracking importerer consultations.models "
        "fra et høyere lag"
    ]


def test_an_import_inside_a_function_counts(tmp_path):
    root = tree(
        tmp_path,
        {
            "lpp/api.py": "X = 1\n",
            "base/cache.py": "def purge():\n    from lpp import api\n    return api.X\n",
        },
    )
    assert [b.split(": ", 1)[1] for b in layers.breaches(root)] == [
        "base.cache importerer lpp.api fra et høyere lag"
    ]


def test_a_relative_import_is_resolved(tmp_path):
    root = tree(
        tmp_path,
        {
            "home/blocks.py": "X = 1\n",
            "home/models.py": "from .blocks import X\n",
            "advocacy/docx.py": "from home.blocks import X\n",
        },
    )
    assert len(layers.breaches(root)) == 1


def test_a_module_cycle_inside_one_app_fails(tmp_path):
    root = tree(
        tmp_path,
        {
            "search/a.py": "from . import b\n",
            "search/b.py": "def f():\n    from search import a\n",
        },
    )
    assert layers.breaches(root) == ["modulsyklus: search.a → search.b"]


def test_apps_of_one_layer_must_not_import_each_other_in_a_circle(tmp_path):
    root = tree(
        tmp_path,
        {
            "home/models.py": "from agreement import blocks\n",
            "agreement/blocks.py": "X = 1\n",
            "agreement/models.py": "from home import models\n",
        },
    )
    assert layers.breaches(root) == ["appsyklus: agreement ↔ home"]


def test_tests_use_factories_of_lower_apps_but_no_other_helpers(tmp_path):
    root = tree(
        tmp_path,
        {
            "advocacy/tests/__init__.py": "",
            "advocacy/tests/factories.py": "X = 1\n",
            "advocacy/tests/helpers.py": "X = 1\n",
            "consultations/tests/__init__.py": "",
            "consultations/tests/test_ok.py": "from advocacy.tests.factories import X\n",
            "consultations/tests/test_bad.py": "from advocacy.tests import helpers\n",
        },
    )
    assert layers.breaches(root) == [
        "consultations.tests.test_bad:1: testen importerer hjelpere fra en annen app "
        "(advocacy.tests.helpers)"
    ]


def test_tests_may_not_use_the_factories_of_a_higher_app(tmp_path):
    root = tree(
        tmp_path,
        {
            "consultations/tests/__init__.py": "",
            "consultations/tests/factories.py": "X = 1\n",
            "advocacy/tests/__init__.py": "",
            "advocacy/tests/test_up.py": "def f():\n    from consultations.tests import factories\n",
        },
    )
    assert layers.breaches(root) == [
        "advocacy.tests.test_up:2: testen importerer hjelpere fra en annen app "
        "(consultations.tests.factories)"
    ]
