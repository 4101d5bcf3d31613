"""Backup and restore of the whole site: the database as Django fixtures (natural keys,
so it loads into any fresh database - SQLite or PostgreSQL - whatever ids its content
types and permissions got) and every media file (images, documents, archived
submissions), in one .tar.gz with a manifest of checksums.

Left out, because they are rebuilt or worthless in a restored site: content types and
permissions (made by migrate, and referred to by natural key), sessions, login-attempt logs,
queued background tasks, editing-session heartbeats, and the search indexes: they are
derived from the content, their tables differ between SQLite and PostgreSQL, and
restore_site rebuilds them.
"""

import hashlib
import io
import json
import tarfile
import tempfile
from datetime import UTC, datetime, time
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.core.serializers import sort_dependencies
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction

FORMAT = "lpp-backup-2"
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "django_tasks_database",
    "wagtailsearch",
    "wagtailadmin.editingsession",
    "wagtailcore.uploadedfile",
    "search",
]


class BackupError(Exception):
    """A backup that can't be read or doesn't match its manifest (Norwegian message)."""


# Rows that migrate makes in every database, under ids of its own: referred to by
# natural key (app label and model, codename, group name). Everything else keeps its id,
# so a page, revision or log entry is restored exactly - even a log entry of a page
# deleted long ago, which points at an id that no longer exists.
NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission", "auth.group"}


class ExactTimeEncoder(DjangoJSONEncoder):
    """Times with all their microseconds: DjangoJSONEncoder cuts them to milliseconds, so
    a restored site would differ (12:08:46.000412 came back as 12:08:46)."""

    def default(self, o):
        if isinstance(o, datetime | time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class BackupSerializer(JSONSerializer):
    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = _natural(field.remote_field.model)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = _natural(field.remote_field.model)
        super().handle_m2m_field(obj, field)

    def get_dump_object(self, obj):
        self.use_natural_primary_keys = _natural(type(obj))
        return super().get_dump_object(obj)


def _natural(model):
    return model._meta.label_lower in NATURAL_KEY_MODELS


def _is_excluded(model):
    label = model._meta.label_lower
    return any(label == item or label.split(".")[0] == item for item in EXCLUDED)


def backed_up_models():
    app_list = [(config, None) for config in apps.get_app_configs() if config.models_module]
    return [
        model
        for model in sort_dependencies(app_list, allow_cycles=True)
        if model._meta.managed and not model._meta.proxy and not _is_excluded(model)
    ]


def dump_database():
    """The database as JSON fixtures (bytes), in the format loaddata reads."""

    def objects():
        for model in backed_up_models():
            yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    out = io.StringIO()
    BackupSerializer().serialize(objects(), stream=out, cls=ExactTimeEncoder)
    return out.getvalue().encode()


# Folder in the archive → file storage (settings.STORAGES).
STORAGE_FOLDERS = {"media": "default", "private": "private"}


def media_files(storage=default_storage, directory=""):
    """Every file in a file storage, as storage names."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # no media folder yet: nothing uploaded
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(directories):
        yield from media_files(storage, f"{directory}/{sub}" if directory else sub)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def write_backup(target):
    """Write the backup to ``target`` (a path); returns the manifest."""
    data = dump_database()
    media = {}
    for folder, alias in STORAGE_FOLDERS.items():
        storage = storages[alias]
        for name in media_files(storage):
            with storage.open(name) as handle:
                media[f"{folder}/{name}"] = handle.read()
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "database_vendor": connection.vendor,
        "objects": _count_objects(data),
        "data_sha256": sha256(data),
        "media": {name: sha256(content) for name, content in media.items()},
    }
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(target, "w:gz") as archive:
        _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        _add(archive, "data.json", data)
        for name, content in media.items():
            _add(archive, name, content)
    return manifest


def _add(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(content))


def _count_objects(data):
    counts = {}
    for item in json.loads(data):
        counts[item["model"]] = counts.get(item["model"], 0) + 1
    return counts


def read_backup(source):
    """(manifest, data, media) from a backup file, checked against its manifest."""
    try:
        with tarfile.open(source, "r:gz") as archive:
            members = {m.name: m for m in archive.getmembers() if m.isfile()}
            if "manifest.json" not in members or "data.json" not in members:
                raise BackupError("Filen er ikke en sikkerhetskopi fra LPP (manifest mangler).")
            manifest = json.loads(archive.extractfile(members["manifest.json"]).read())
            data = archive.extractfile(members["data.json"]).read()
            media = {
                name: archive.extractfile(member).read()
                for name, member in members.items()
                if name.split("/", 1)[0] in STORAGE_FOLDERS
            }
    except (tarfile.TarError, OSError, json.JSONDecodeError) as error:
        raise BackupError(f"Sikkerhetskopien kan ikke leses: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Ukjent format på sikkerhetskopien: {manifest.get('format')!r}.")
    if sha256(data) != manifest["data_sha256"]:
        raise BackupError("Databasedelen av sikkerhetskopien er skadet (sjekksummen stemmer ikke).")
    for name, checksum in manifest["media"].items():
        if name not in media or sha256(media[name]) != checksum:
            raise BackupError(f"Mediefilen {name} mangler eller er skadet i sikkerhetskopien.")
    return manifest, data, media


def has_content():
    """Whether the database has pages of its own (a freshly migrated one has only the
    root and Wagtail's "Welcome" placeholder, both plain Page objects)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    plain_page = ContentType.objects.get_for_model(Page)
    return Page.objects.filter(depth__gt=1).exclude(content_type=plain_page).exists()


def restore(source, replace=False):
    """Load a backup into this database and media storage. Refuses a database that
    already has pages unless ``replace``; everything in it is then replaced."""
    manifest, data, media = read_backup(source)
    if has_content() and not replace:
        raise BackupError(
            "Databasen har allerede innhold. Gjenopprett til en tom database, eller bruk "
            "--erstatt for å erstatte alt innhold."
        )
    with tempfile.NamedTemporaryFile(suffix=".json") as fixture:
        fixture.write(data)
        fixture.flush()
        with transaction.atomic():
            # Empty every table; migrate's own rows (content types, permissions, roles)
            # come back through post_migrate, and the fixtures match them by natural key.
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", fixture.name, verbosity=0)
    for path, content in media.items():
        folder, name = path.split("/", 1)
        storage = storages[STORAGE_FOLDERS[folder]]
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(content))
        if saved != name:
            raise BackupError(f"Mediefilen {name} ble lagret som {saved}.")
    return manifest
