"""The public «Endringer fra versjon …» compares clause by clause, part by part."""

import re

import pytest

from agreement.compare import compare_agreements
from agreement.models import AgreementPage

from .factories import AgreementPageFactory, clause

pytestmark = pytest.mark.django_db


def publish_versions(home, first, second):
    """An agreement published as 0.1 with ``first`` and as 0.2 with ``second``; the
    clauses of ``second`` keep the block ids of ``first`` where they share a place."""
    page = AgreementPageFactory(parent=home, version="0.1", clauses=first)
    ids = [child.id for child in page.clauses]
    page.clauses = second
    for child, block_id in zip(page.clauses, ids, strict=False):
        child.id = block_id
    page.version = "0.2"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def changes_section(client):
    html = client.get("/parorendeavtale/versjon/0-2/").content.decode()
    return html.split('id="endringer"', 1)[1].split("</section>", 1)[0]


def test_heading_text_and_guidance_are_compared_as_separate_parts(home_page):
    old = AgreementPage(
        clauses=[clause("Formål", "Avtalen sikrer informasjon.", guidance="Les avtalen høyt.")]
    )
    new = AgreementPage(
        clauses=[clause("Formålet", "Avtalen sikrer informasjon.", guidance="Les avtalen sammen.")]
    )
    new.clauses[0].id = old.clauses[0].id
    [change] = compare_agreements(old, new)
    assert change.kind == "endret"
    assert [(part.label, part.kind) for part in change.parts] == [
        ("Overskrift", "endret"),
        ("Veiledning", "endret"),
    ]
    guidance = change.parts[1].diff
    assert "sammen." in guidance and "høyt." in guidance
    assert "Formål" not in guidance and "informasjon" not in guidance


def test_fill_in_fields_show_as_labelled_blanks_not_markers(client, home_page):
    publish_versions(
        home_page,
        [clause("Formål", "[[Pårørende]] får informasjon.")],
        [clause("Formål", "[[Pårørende]] får informasjon fra [[Ansvarlig leder]].")],
    )
    section = changes_section(client)
    assert "[[" not in section and "]]" not in section
    assert 'aria-label="Fylles ut: Pårørende"' in section
    # A label with a space is one blank, added as a whole.
    assert re.search(
        r"<ins>.*fra <span class=\"fill-in\" role=\"group\" "
        r"aria-label=\"Fylles ut: Ansvarlig leder\">",
        section,
    )


def test_each_changed_part_is_its_own_row_with_its_label(client, home_page):
    publish_versions(
        home_page,
        [clause("Formål", "Avtalen sikrer informasjon.", subclauses=["Første punkt."])],
        [
            clause(
                "Formål",
                "Avtalen sikrer informasjon.",
                subclauses=["Første punkt endret."],
                guidance="Ny veiledning.",
            )
        ],
    )
    section = changes_section(client)
    terms = [re.sub(r"\s+", " ", t).strip() for t in re.findall(r"<dt>(.*?)</dt>", section, re.S)]
    assert terms == ["Underpunkt 1.1", "Veiledning (lagt til)"]
    # The unchanged clause text is not repeated as a change.
    assert "Avtaletekst" not in section


def test_a_removed_clause_lists_what_it_said(client, home_page):
    publish_versions(
        home_page,
        [
            clause("Formål", "Avtalen sikrer informasjon."),
            clause("Parter", "[[Enhet]] og [[Pasient]]."),
        ],
        [clause("Formål", "Avtalen sikrer informasjon.")],
    )
    section = changes_section(client)
    assert "§ 2 Parter: fjernet" in section
    removed = section.split("§ 2 Parter: fjernet", 1)[1]
    assert "<dt>Avtaletekst (fjernet)</dt>" in removed
    assert '<del><span class="visually-hidden">Fjernet: </span>' in removed
    assert 'aria-label="Fylles ut: Enhet"' in removed


def test_an_ampersand_in_the_text_is_escaped_once(home_page):
    old = AgreementPage(clauses=[clause("Formål", "Pasient og pårørende.")])
    new = AgreementPage(clauses=[clause("Formål", "Pasient &amp; pårørende.")])
    new.clauses[0].id = old.clauses[0].id
    [change] = compare_agreements(old, new)
    assert "&amp;" in change.parts[0].diff and "&amp;amp;" not in change.parts[0].diff
