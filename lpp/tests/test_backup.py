"""Nothing lost: `backup_site` then `restore_site` on a fresh database gives the same
content, revisions and files."""

import hashlib
import json
import os
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from consultations.models import Submission
from lpp.backup import BackupError, dump_database, verify_backup, write_backup

from .test_settings import ROOT

pytestmark = pytest.mark.django_db


def content_of(data):
    """The dump as a comparable set: one JSON string per object."""
    return {json.dumps(item, sort_keys=True) for item in json.loads(data)}


@pytest.fixture
def site_with_history(demo_site):
    page = Page.objects.get(slug="om-lpp").specific
    page.intro = "Andre publiserte versjon"
    page.save_revision().publish()
    page.intro = "Et utkast som ikke er publisert"
    page.save_revision()
    get_document_model().objects.create(
        title="Høringssvar sendt", file=ContentFile(b"%PDF-1.4 sendt fil", name="sendt.pdf")
    )
    # A time less than a millisecond past the second: Django's own JSON dump would cut it.
    revision = page.get_latest_revision()
    revision.created_at = revision.created_at.replace(microsecond=412)
    revision.save(update_fields=["created_at"])
    return page


def test_backup_and_restore_on_a_fresh_database_give_the_same_site(site_with_history, tmp_path):
    backup = tmp_path / "lpp.tar.gz"
    call_command("backup_site", output=str(backup), stdout=open(os.devnull, "w"))
    before = content_of(dump_database())
    manifest = verify_backup(backup)
    media = manifest["media"]
    assert manifest["objects"]["wagtailcore.revision"] == Revision.objects.count()
    assert any(name.startswith("media/") and name.endswith("sendt.pdf") for name in media)
    # The archived submissions, from the private storage.
    submission = Submission.objects.order_by("pk").first()
    assert f"private/{submission.file.name}" in media

    # A fresh database, migrated from scratch in another process, restored from the file.
    database = tmp_path / "ny.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="lpp.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )

    def manage(*args, ok=True):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert (result.returncode == 0) == ok, result.stdout + result.stderr
        return result.stdout + result.stderr

    manage("migrate", "--noinput", "-v0")
    assert "Gjenopprettet" in manage("restore_site", str(backup))
    # The search indexes are rebuilt from the restored content.
    found = manage(
        "shell",
        "-c",
        "from django.test import Client; "
        "print(Client(HTTP_HOST='localhost').get('/sok/', {'q': 'møteplass'}).content.decode())",
    )
    assert "/parorende-moteplass/" in found
    exported = tmp_path / "etter.json"
    manage(
        "shell",
        "-c",
        f"from lpp.backup import dump_database; open({str(exported)!r}, 'wb').write(dump_database())",
    )
    after = content_of(exported.read_bytes())
    missing, extra = sorted(before - after), sorted(after - before)
    assert not missing and not extra, "\n".join(["mangler:", *missing[:5], "ekstra:", *extra[:5]])
    pdf = next((tmp_path / "media").rglob("sendt*.pdf"))
    assert pdf.read_bytes() == b"%PDF-1.4 sendt fil"
    # The submission is back where only staff reach it, with the checksum it was sent with.
    assert not list((tmp_path / "media").rglob("hoeringssvar"))
    archived = tmp_path / "private" / submission.file.name
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == submission.sha256

    # A database with content is only overwritten when asked to (and then exactly).
    refused = manage("restore_site", str(backup), ok=False)
    assert "Databasen har allerede innhold" in refused
    manage(
        "shell",
        "-c",
        "from wagtail.models import Page; Page.objects.filter(slug='om-lpp').update(title='Endret')",
    )
    manage("restore_site", str(backup), "--erstatt")
    manage(
        "shell",
        "-c",
        f"from lpp.backup import dump_database; open({str(exported)!r}, 'wb').write(dump_database())",
    )
    assert content_of(exported.read_bytes()) == before


def test_a_damaged_backup_is_refused_with_a_clear_message(tmp_path):
    broken = tmp_path / "skadet.tar.gz"
    broken.write_bytes(b"ikke en sikkerhetskopi")
    with pytest.raises(BackupError, match="kan ikke leses"):
        verify_backup(broken)


def _tamper(source, target, name, content):
    """A copy of the backup with one member's content replaced."""
    import io
    import tarfile

    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == name:
                data = content
                member.size = len(data)
            new.addfile(member, io.BytesIO(data))


def test_a_backup_with_a_changed_media_file_is_refused_and_changes_nothing(demo_site, tmp_path):
    from django.core.files.storage import default_storage

    document = get_document_model().objects.create(
        title="Vedlegg", file=ContentFile(b"%PDF-1.4 original", name="vedlegg.pdf")
    )
    backup = tmp_path / "lpp.tar.gz"
    manifest = write_backup(backup)
    name = f"media/{document.file.name}"
    assert name in manifest["media"]
    tampered = tmp_path / "endret.tar.gz"
    _tamper(backup, tampered, name, b"%PDF-1.4 endret")
    titles = list(Page.objects.values_list("title", flat=True))
    with pytest.raises(BackupError, match="skadet"):
        from lpp.backup import restore

        restore(tampered, replace=True)
    assert list(Page.objects.values_list("title", flat=True)) == titles
    with default_storage.open(name.split("/", 1)[1]) as handle:
        assert handle.read() == b"%PDF-1.4 original"


def test_backup_streams_media_in_constant_memory(db, tmp_path, settings):
    """A 40 MB file goes into the backup without ever being held whole in memory."""
    import tracemalloc

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    from django.core.files.storage import storages

    storages._storages.pop("default", None)
    big = tmp_path / "media" / "documents" / "stor.bin"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as handle:
        for _ in range(40):
            handle.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    try:
        manifest = write_backup(tmp_path / "lpp.tar.gz")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        storages._storages.pop("default", None)
    assert (
        manifest["media"]["media/documents/stor.bin"]
        == hashlib.sha256(big.read_bytes()).hexdigest()
    )
    assert peak < 10 * 1024 * 1024, f"toppforbruk {peak / 2**20:.1f} MB"
