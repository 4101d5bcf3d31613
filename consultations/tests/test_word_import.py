"""Importing a past høringssvar: the admin's upload → review → save, the saved records
(consultation, published response with proposals, the original as the imported
submission), refusal of a second import of the same file, and the folder command."""

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from advocacy.models import Authority, Proposal
from advocacy.tests.factories import AuthorityFactory, ThemeFactory
from base import roles
from consultations.models import Consultation, ConsultationResponsePage, Submission
from consultations.status import Status

from . import factories

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples" / "word"
URL = "consultations_admin:word_import"


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF, first_name="Siri", last_name="Sekretær")


@pytest.fixture
def archive(home_page):
    AuthorityFactory(name="Helse- og omsorgsdepartementet")
    AuthorityFactory(name="Helsedirektoratet", kind=Authority.Kind.DIRECTORATE)
    ThemeFactory(name="Barn som pårørende")
    ThemeFactory(name="Tvang")
    index = factories.ResponseIndexPageFactory(parent=home_page)
    roles.grant_site_permissions(home_page)
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    return index


def sample(name="01-stiler"):
    return (SAMPLES / f"{name}.docx").read_bytes()


def upload(client, content, name="01-stiler.docx"):
    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, content)})


def review_data(response, **changes):
    """The review form as staff see it, with ``changes`` typed in."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        if name == "themes":
            data[name] = [t.pk for t in value or []]
            continue
        if name.startswith("ok_"):
            if value:
                data[name] = "on"
            continue
        if hasattr(value, "isoformat"):
            value = value.strftime("%d.%m.%Y")
        data[name] = "" if value is None else value
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def private_files():
    # The field's own storage (a test that changes settings.STORAGES leaves
    # `storages["private"]` a different object).
    storage = Submission._meta.get_field("file").storage

    def walk(path):
        folders, files = storage.listdir(path)
        found = [f"{path}/{name}".lstrip("/") for name in files]
        for folder in folders:
            found += walk(f"{path}/{folder}".lstrip("/"))
        return found

    return set(walk(""))


def test_review_shows_letter_head_candidates_and_themes_before_saving(client, staff, archive):
    before = private_files()
    client.force_login(staff)
    response = upload(client, sample())
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == "forslag til endringer i pasient- og brukerrettighetsloven"
    assert form.initial["authority"].name == "Helse- og omsorgsdepartementet"
    assert form.initial["case_number"] == "23/4512"
    assert [t.name for t in form.initial["themes"]] == ["Barn som pårørende"]
    assert len(form.candidates) == 4
    html = response.content.decode()
    assert "Kontroller importen" in html and "sporede endringer" in html
    assert not Consultation.objects.exists() and private_files() == before


def test_saving_the_review_imports_the_letter_with_confirmed_proposals(client, staff, archive):
    client.force_login(staff)
    response = upload(client, sample())
    keys = [c.key for c in response.context["form"].candidates]
    data = review_data(response, **{f"text_{keys[1]}": "Pårørende skal få informasjon."})
    data.pop(f"ok_{keys[3]}")  # rejected by staff
    response = client.post(reverse(URL), data)
    assert response.status_code == 302
    page = ConsultationResponsePage.objects.get()
    consultation = page.consultation
    assert consultation.status == Status.AWAITING_OUTCOME
    assert consultation.case_number == "23/4512"
    assert page.live and page.letter_date.isoformat() == "2024-03-12"
    proposals = [b.value["text"] for b in page.body if b.block_type == "proposal"]
    assert proposals == [
        "LPP foreslår at barn som pårørende får en lovfestet rett til samtale med helsepersonell.",
        "Pårørende skal få informasjon.",
        "Helseforetakene skal ha en pårørendekontakt.",
    ]
    assert Proposal.objects.filter(source_page_id=page.pk, retired_at__isnull=True).count() == 3


def test_original_is_archived_byte_identical_as_imported_submission(client, staff, archive):
    client.force_login(staff)
    content = sample()
    client.post(reverse(URL), review_data(upload(client, content)))
    submission = Submission.objects.get()
    assert submission.imported
    assert submission.read_bytes() == content
    assert submission.sha256 == hashlib.sha256(content).hexdigest()
    assert submission.submitted_on.isoformat() == "2024-03-12"
    assert submission.recorded_by == staff


def test_same_file_twice_is_refused_with_a_link_to_the_first_import(client, staff, archive):
    client.force_login(staff)
    client.post(reverse(URL), review_data(upload(client, sample())))
    page = ConsultationResponsePage.objects.get()
    response = upload(client, sample(), name="kopi.docx")
    assert response.status_code == 400
    html = response.content.decode()
    assert "allerede importert" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert Submission.objects.count() == 1


def test_review_errors_are_norwegian_and_save_nothing(client, staff, archive):
    before = private_files()
    client.force_login(staff)
    response = upload(client, sample())
    data = review_data(response, sent_on="31.02.2024", authority="")
    response = client.post(reverse(URL), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["sent_on"] == ["Skriv en gyldig dato, for eksempel 12.03.2024."]
    assert errors["authority"] == ["Velg hvem som sendte høringen på høring."]
    assert not Consultation.objects.exists() and private_files() == before


def test_confirmed_proposal_without_wording_is_refused(client, staff, archive):
    client.force_login(staff)
    response = upload(client, sample())
    key = response.context["form"].candidates[0].key
    response = client.post(reverse(URL), review_data(response, **{f"text_{key}": " "}))
    assert response.status_code == 400
    assert "må ha en ordlyd" in response.content.decode()
    assert not Consultation.objects.exists()


def test_case_number_clash_is_a_form_error_and_nothing_is_left(client, staff, archive):
    factories.ConsultationFactory(
        authority=Authority.objects.get(name="Helse- og omsorgsdepartementet"),
        case_number="23/4512",
    )
    before = private_files()
    client.force_login(staff)
    response = client.post(reverse(URL), review_data(upload(client, sample())))
    assert response.status_code == 400
    assert "samme saksnummer" in response.content.decode()
    assert not ConsultationResponsePage.objects.exists() and private_files() == before


def test_expired_review_asks_for_the_file_again(client, staff, archive):
    client.force_login(staff)
    data = review_data(upload(client, sample()), token="ukjent")
    response = client.post(reverse(URL), data, follow=True)
    assert "Last opp filen på nytt" in response.content.decode()
    assert not Consultation.objects.exists()


def test_working_group_member_may_not_import(client, make_user, archive):
    client.force_login(make_user(roles.RESPONSES_GROUP))
    response = client.get(reverse(URL))
    # Wagtail turns a refused admin view into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_menu_offers_the_import_to_staff_only(client, staff, make_user, archive):
    client.force_login(staff)
    response = client.get(reverse("wagtailadmin_home"))
    assert reverse(URL) in response.content.decode()
    client.force_login(make_user(roles.RESPONSES_GROUP))
    assert reverse(URL) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_imported_response_is_in_the_public_archive(client, staff, archive):
    client.force_login(staff)
    client.post(reverse(URL), review_data(upload(client, sample())))
    client.logout()
    html = client.get(archive.url).content.decode()
    assert "forslag til endringer i pasient- og brukerrettighetsloven" in html


def test_folder_command_imports_reports_and_skips_duplicates(archive, tmp_path):
    AuthorityFactory(name="Arbeids- og inkluderingsdepartementet")
    for name in ("01-stiler", "02-direkte-formatering", "03-pandoc", "04-libreoffice"):
        shutil.copy(SAMPLES / f"{name}.docx", tmp_path / f"{name}.docx")
    (tmp_path / "gammel.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    out = io.StringIO()
    call_command("import_letters", str(tmp_path), "--med-forslag", stdout=out)
    text = out.getvalue()
    assert "Importert: 3. Allerede importert: 0. Avvist: 2. Filer i mappen: 5." in text
    assert "04-libreoffice.docx: Fant ikke myndigheten i brevhodet" in text
    assert "gammel.doc: Filen er et gammelt Word-dokument" in text
    assert "[##############################] 5/5" in text
    assert Submission.objects.filter(imported=True).count() == 3
    again = io.StringIO()
    call_command("import_letters", str(tmp_path), stdout=again)
    assert "Importert: 0. Allerede importert: 3." in again.getvalue()
    assert Submission.objects.count() == 3


def test_pdf_letter_is_read_and_archived_as_the_pdf(client, staff, archive):
    content = (SAMPLES / "pdf" / "02-direkte-formatering.pdf").read_bytes()
    client.force_login(staff)
    response = upload(client, content, name="02-direkte-formatering.pdf")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == "Nasjonal faglig retningslinje for tvang i psykisk helsevern"
    assert form.initial["authority"].name == "Helsedirektoratet"
    assert form.initial["case_number"] == "24/118-3"
    assert form.initial["deadline"].isoformat() == "2024-06-10"
    assert [c.text for c in form.candidates] == [
        "Pårørende skal informeres før vedtak om tvang.",
        "Direktoratet bør lage en veileder om samtykke:",
        "Evalueringen skal ta med pårørendes erfaringer.",
        "Vi ber direktoratet om et møte om oppfølgingen.",
    ]
    assert "bare teksten er lest" in response.content.decode()
    client.post(reverse(URL), review_data(response))
    submission = Submission.objects.get()
    assert submission.filename.endswith(".pdf") and submission.read_bytes() == content


def letter_with_phone_number():
    import docx

    document = docx.Document()
    document.add_paragraph("Helse- og omsorgsdepartementet")
    document.add_paragraph("Deres ref.: 24/77")
    document.add_paragraph("Oslo, 2. februar 2024")
    document.add_paragraph("Høringssvar – samtykke for pårørende")
    document.add_paragraph("Ring Kari på 912 34 567 om saken. LPP foreslår en samtykkeblankett.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_personal_data_must_be_confirmed_before_the_import_publishes(client, staff, archive):
    before = private_files()
    client.force_login(staff)
    response = upload(client, letter_with_phone_number(), name="telefon.docx")
    assert "912 34 567" in response.context["form"].personal_data
    data = review_data(response)
    response = client.post(reverse(URL), data)
    assert response.status_code == 400
    assert "personopplysninger" in response.content.decode()
    assert not Consultation.objects.exists() and private_files() == before
    data["confirm_personal_data"] = "on"
    assert client.post(reverse(URL), data).status_code == 302
    assert ConsultationResponsePage.objects.get().live


def test_imported_page_opens_in_the_editor_and_renders_in_public(client, staff, archive):
    AuthorityFactory(name="Arbeids- og inkluderingsdepartementet")
    client.force_login(staff)
    client.post(reverse(URL), review_data(upload(client, sample("03-pandoc"))))
    page = ConsultationResponsePage.objects.get()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    client.logout()
    html = client.get(page.url).content.decode()
    assert "Pleiepenger for pårørende av voksne." in html
    assert "<table" in html and "Omsorgsstønad" in html
    assert "Pårørendeundersøkelsen 2022, LPP." in html
    assert '<a href="https://www.regjeringen.no/nou2023-5">rapporten</a>' in html
