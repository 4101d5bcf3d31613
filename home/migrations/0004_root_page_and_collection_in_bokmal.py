"""Wagtail's root page and root collection are called «Root» in the database, and every
editor meets them: the page chooser's breadcrumb when linking to a page, moving a page,
the collection of an uploaded image or document, a group's permissions. Neither is
content anyone visits, so their names are only the admin's words for the top of a tree."""

from django.db import migrations

ENGLISH = "Root"
PAGES, COLLECTIONS = "Alle sider", "Alle samlinger"


def rename(apps, page_title, collection_name, old_page, old_collection):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=old_page).update(title=page_title, draft_title=page_title)
    Collection.objects.filter(depth=1, name=old_collection).update(name=collection_name)


def forwards(apps, schema_editor):
    rename(apps, PAGES, COLLECTIONS, ENGLISH, ENGLISH)


def backwards(apps, schema_editor):
    rename(apps, ENGLISH, ENGLISH, PAGES, COLLECTIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_lpp_moderation_instead_of_wagtail_defaults"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
