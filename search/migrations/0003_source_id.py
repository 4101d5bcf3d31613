from django.db import migrations, models


class Migration(migrations.Migration):
    # Wagtail's SQLite search backend annotates its queries with "object_id", which
    # clashed with this field in `manage.py update_index`.

    dependencies = [
        ("search", "0002_fulltext_indexes"),
    ]

    operations = [
        migrations.RemoveConstraint("searchdocument", "search_document_unique_object"),
        migrations.RenameField("searchdocument", "object_id", "source_id"),
        migrations.AddConstraint(
            "searchdocument",
            models.UniqueConstraint(
                fields=["content_type", "source_id"], name="search_document_unique_object"
            ),
        ),
    ]
