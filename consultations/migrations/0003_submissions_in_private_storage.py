from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import consultations.models.records


def move_to_private_storage(apps, schema_editor):
    """Submissions archived before this migration lie in the public media folder: move
    them, under the same name, to the private storage."""
    Submission = apps.get_model("consultations", "Submission")
    private = storages["private"]
    for submission in Submission.objects.exclude(file=""):
        name = submission.file.name
        if private.exists(name) or not default_storage.exists(name):
            continue
        with default_storage.open(name, "rb") as handle:
            saved = private.save(name, handle)
        if saved != name:
            Submission.objects.filter(pk=submission.pk).update(file=saved)
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_alter_consultationresponsepage_body"),
    ]

    operations = [
        migrations.AlterField(
            model_name="submission",
            name="file",
            field=models.FileField(
                max_length=300,
                storage=consultations.models.records.private_storage,
                upload_to=consultations.models.records.submission_upload_to,
                verbose_name="Fil som ble sendt",
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
