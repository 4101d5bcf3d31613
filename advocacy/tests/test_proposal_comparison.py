"""Wagtail's revision comparison («Sammenlign») of a proposal block reads as an editor
would: theme names, and nothing where no authority is chosen – not «[]» or «None»."""

import pytest
from wagtail.admin.compare import get_comparison_class_for_block

from advocacy.blocks import ProposalBlock

from .factories import AuthorityFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def value(**overrides):
    block = ProposalBlock()
    data = {"text": "Pårørende får en fast kontakt.", "rationale": "", "themes": []}
    data.update(overrides)
    return block, block.to_python(data)


def test_an_empty_proposal_shows_no_python_values():
    block, empty = value()
    comparison = get_comparison_class_for_block(block)(block, True, True, empty, empty)
    shown = comparison.htmlvalue(empty)
    assert "None" not in shown and "[]" not in shown
    assert "Pårørende får en fast kontakt." in shown


def test_themes_and_the_authority_are_shown_by_name():
    theme = ThemeFactory(name="Barn som pårørende")
    authority = AuthorityFactory(name="Helsedirektoratet")
    block, before = value()
    _, after = value(themes=[theme.pk], target_authority=authority.pk)
    diff = get_comparison_class_for_block(block)(block, True, True, before, after).htmldiff()
    assert "Barn som pårørende" in diff and "Helsedirektoratet" in diff
    assert "None" not in diff and "[]" not in diff


def test_an_added_proposal_is_compared_with_nothing():
    block, added = value()
    comparison = get_comparison_class_for_block(block)(block, False, True, None, added)
    assert "Pårørende får en fast kontakt." in comparison.htmlvalue(added)
