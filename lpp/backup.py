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
import zlib
from datetime import UTC, datetime, time
from pathlib import Path

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.core.serializers import sort_dependencies
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction

FORMAT = "lpp-backup-3"
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


def dump_database(stream=None):
    """The database as JSON fixtures, in the format loaddata reads: written to ``stream``
    (a binary file) object by object, or returned as bytes without one. Returns the number
    of objects per model when streaming."""
    counts = {}

    def objects():
        for model in backed_up_models():
            label = model._meta.label_lower
            for obj in model._base_manager.order_by(model._meta.pk.name).iterator(2000):
                counts[label] = counts.get(label, 0) + 1
                yield obj

    if stream is None:
        out = io.BytesIO()
        dump_database(out)
        return out.getvalue()
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    BackupSerializer().serialize(objects(), stream=text, cls=ExactTimeEncoder)
    text.flush()
    text.detach()
    return counts


# Folder in the archive → file storage (settings.STORAGES).
STORAGE_FOLDERS = {"media": "default", "private": "private"}
# Files go through in pieces of this size: a backup of any size needs the same memory.
CHUNK = 1024 * 1024
FORMATS = {"lpp-backup-2", FORMAT}


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


class _Hashing:
    """A file read through it is hashed (and counted) on the way."""

    def __init__(self, raw):
        self.raw = raw
        self.hash = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.raw.read(size)
        self.hash.update(data)
        self.size += len(data)
        return data


def write_backup(target):
    """Write the backup to ``target`` (a path) and return its manifest.

    Streams: the database is serialised to a temporary file, and it and every media file
    go into the archive piece by piece, hashed on the way, so memory stays the same
    whatever the size of the site. The manifest (with the checksums) comes last. The file
    appears under its name only when complete."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    now = datetime.now(UTC)
    media = {}
    try:
        with tempfile.TemporaryFile() as data_file:
            counts = dump_database(data_file)
            data_size = data_file.seek(0, 2)
            data_file.seek(0)
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                data = _Hashing(data_file)
                _add_stream(archive, "data.json", data, data_size, now)
                for folder, alias in STORAGE_FOLDERS.items():
                    storage = storages[alias]
                    for name in media_files(storage):
                        with storage.open(name, "rb") as handle:
                            content = _Hashing(handle)
                            _add_stream(
                                archive, f"{folder}/{name}", content, storage.size(name), now
                            )
                        media[f"{folder}/{name}"] = content.hash.hexdigest()
                manifest = {
                    "format": FORMAT,
                    "created_at": now.isoformat(),
                    "database_vendor": connection.vendor,
                    "objects": counts,
                    "data_sha256": data.hash.hexdigest(),
                    "media": media,
                }
                _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode(), now)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _add_stream(archive, name, stream, size, now):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(now.timestamp())
    archive.addfile(info, stream)


def _add(archive, name, content, now):
    _add_stream(archive, name, io.BytesIO(content), len(content), now)


def _members(source):
    """(member, file) for each file in the archive, read front to back once."""
    with tarfile.open(source, "r|gz") as archive:
        for member in archive:
            if member.isfile():
                yield member, archive.extractfile(member)


def verify_backup(source, data_out=None):
    """Check a backup against its manifest in one streaming pass, and return the manifest.
    With ``data_out`` (a binary file), the database part is copied into it on the way.
    Raises BackupError (in Norwegian) for anything unreadable, unknown or damaged."""
    hashes = {}
    manifest = None
    try:
        for member, handle in _members(source):
            if member.name == "manifest.json":
                manifest = json.loads(handle.read(10 * CHUNK))
                continue
            if member.name != "data.json" and member.name.split("/", 1)[0] not in STORAGE_FOLDERS:
                continue
            digest = hashlib.sha256()
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                if member.name == "data.json" and data_out is not None:
                    data_out.write(chunk)
            hashes[member.name] = digest.hexdigest()
    except (tarfile.TarError, OSError, EOFError, zlib.error, json.JSONDecodeError) as error:
        raise BackupError(f"Sikkerhetskopien kan ikke leses: {error}") from error
    if manifest is None or "data.json" not in hashes:
        raise BackupError("Filen er ikke en sikkerhetskopi fra LPP (manifest mangler).")
    if manifest.get("format") not in FORMATS:
        raise BackupError(f"Ukjent format på sikkerhetskopien: {manifest.get('format')!r}.")
    if hashes["data.json"] != manifest["data_sha256"]:
        raise BackupError("Databasedelen av sikkerhetskopien er skadet (sjekksummen stemmer ikke).")
    for name, checksum in manifest["media"].items():
        if hashes.get(name) != checksum:
            raise BackupError(f"Mediefilen {name} mangler eller er skadet i sikkerhetskopien.")
    if data_out is not None:
        data_out.flush()
    return manifest


def has_content():
    """Whether the database has pages of its own (a freshly migrated one has only the
    root and Wagtail's "Welcome" placeholder, both plain Page objects)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    plain_page = ContentType.objects.get_for_model(Page)
    return Page.objects.filter(depth__gt=1).exclude(content_type=plain_page).exists()


def _remove_rows_made_after_flush():
    """post_migrate (run by flush) also makes rows the backup has under ids of its own —
    the roles' workflows and tasks, say. Only the backup's may remain; rows referred to by
    natural key (content types, permissions, groups) stay for the fixtures to match."""
    models = [model for model in backed_up_models() if not _natural(model)]
    with connection.constraint_checks_disabled():
        for model in reversed(models):
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                if through._meta.auto_created:
                    through._base_manager.all()._raw_delete(connection.alias)
            model._base_manager.all()._raw_delete(connection.alias)


def restore(source, replace=False):
    """Load a backup into this database and media storage. Refuses a database that
    already has pages unless ``replace``; everything in it is then replaced.

    Streams, in two passes over the file: the first checks every checksum (and copies
    the database part to a temporary file) before anything is changed; the second, after
    the database is loaded, copies the media files into their storages piece by piece."""
    with tempfile.NamedTemporaryFile(suffix=".json") as fixture:
        manifest = verify_backup(source, data_out=fixture)
        if has_content() and not replace:
            raise BackupError(
                "Databasen har allerede innhold. Gjenopprett til en tom database, eller bruk "
                "--erstatt for å erstatte alt innhold."
            )
        with transaction.atomic():
            # Empty every table; migrate's own rows (content types, permissions, roles)
            # come back through post_migrate, and the fixtures match them by natural key.
            call_command("flush", interactive=False, verbosity=0)
            _remove_rows_made_after_flush()
            call_command("loaddata", fixture.name, verbosity=0)
    wanted = set(manifest["media"])
    for member, handle in _members(source):
        if member.name not in wanted:
            continue
        folder, name = member.name.split("/", 1)
        storage = storages[STORAGE_FOLDERS[folder]]
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"Mediefilen {name} ble lagret som {saved}.")
    return manifest
