"""The model agreement in Word (agreement/docx.py): clauses numbered by Word, fill-in
fields as content controls, guidance by choice, signatures and change log."""

import datetime
import io

import docx

from agreement.docx import AgreementData, Clause, write_agreement
from tools.word_readback import read_docx
from wordexport.styles import NUM_CLAUSES


def agreement(**fields):
    data = dict(
        title="Pårørendeavtale",
        version="1.0",
        version_date=datetime.date(2026, 11, 24),
        organisation="LPP",
        intro_html="<p>En mal.</p>",
        clauses=[
            Clause(
                "Formål",
                "<p>[[Pårørende]] får informasjon fra [[Enhet]].</p>",
                ["<p>Første underpunkt.</p>", "<p>Andre underpunkt.</p><p>Forts.</p>"],
                "<p>Tilpass teksten.</p>",
            ),
            Clause(
                "Evaluering",
                "<p>Avtalen evalueres innen [[Dato for evaluering]].</p>",
                ["<p>Ett underpunkt.</p>"],
                "<p>Sett en dato.</p>",
            ),
        ],
        change_log=[("1.0", datetime.date(2026, 11, 24), "Første versjon")],
    )
    data.update(fields)
    return AgreementData(**data)


def test_agreement_clauses_are_numbered_by_word_with_sub_clauses():
    report = read_docx(write_agreement(agreement()))
    clauses = [(p.text, p.num_id, p.ilvl) for p in report.paragraphs if p.style_id == "Clause"]
    assert clauses == [("Formål", NUM_CLAUSES, 0), ("Evaluering", NUM_CLAUSES, 0)]
    subclauses = [(p.text, p.ilvl) for p in report.paragraphs if p.style_id == "SubClause"]
    assert subclauses == [
        ("Første underpunkt.", 1),
        ("Andre underpunkt.", 1),
        ("Ett underpunkt.", 1),
    ]
    # a sub-clause's second paragraph is not a new number
    assert [p for p in report.paragraphs if p.text == "Forts."][0].num_id is None
    with open_numbering(write_agreement(agreement())) as numbering:
        assert "§\u00a0%1" in numbering and "%1.%2" in numbering


class open_numbering:
    def __init__(self, data):
        import zipfile

        self.archive = zipfile.ZipFile(io.BytesIO(data))

    def __enter__(self):
        return self.archive.read("word/numbering.xml").decode()

    def __exit__(self, *exc):
        self.archive.close()


def test_agreement_fill_in_fields_are_content_controls():
    report = read_docx(write_agreement(agreement()))
    controls = report.content_controls
    assert ("Pårørende", "felt:Pårørende", "text") in controls
    assert ("Enhet", "felt:Enhet", "text") in controls
    assert ("Dato for evaluering", "felt:Dato for evaluering", "date") in controls
    # the signature table has fields for place/date and name for each party
    assert sum(1 for alias, _tag, _kind in controls if alias.startswith("Sted og dato")) == 2
    assert "[[" not in report.text


def test_agreement_guidance_is_a_choice_at_export():
    with_guidance = read_docx(write_agreement(agreement(), include_guidance=True))
    without = read_docx(write_agreement(agreement(), include_guidance=False))
    assert "Tilpass teksten." in with_guidance.text
    assert [p.style_id for p in with_guidance.paragraphs if p.text == "Tilpass teksten."] == [
        "Guidance"
    ]
    assert "Tilpass teksten." not in without.text and "Sett en dato." not in without.text
    assert "Første underpunkt." in without.text


def test_agreement_has_signature_table_and_change_log():
    data = write_agreement(agreement())
    document = docx.Document(io.BytesIO(data))
    signature = document.tables[0]
    assert [c.text for c in signature.rows[0].cells] == ["For tjenesten", "For pårørende"]
    assert "Underskrift" in signature.rows[2].cells[0].text
    log = document.tables[1]
    assert [c.text for c in log.rows[0].cells] == ["Versjon", "Dato", "Endring"]
    assert [c.text for c in log.rows[1].cells] == ["1.0", "24. november 2026", "Første versjon"]


# -- every demo document -----------------------------------------------------------------------
