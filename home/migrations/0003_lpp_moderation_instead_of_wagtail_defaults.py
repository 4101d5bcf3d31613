"""Wagtail's default «Moderators» and «Editors» groups and its «Moderators approval»
workflow are removed: they could edit the root page, no LPP role is in them, and
pages offered «Send inn til Moderators approval», a dead end. In their place the whole
site gets LPP's own workflow for web pages (home page, standard pages): a second reader
in the secretariat or the board. The document sections (responses, platform, agreement)
have their own workflows below it (set up by the demo loaders)."""

from django.db import migrations

WAGTAIL_GROUPS = ["Moderators", "Editors"]
WAGTAIL_WORKFLOW = "Moderators approval"
WEB_WORKFLOW = "Nettsider: gjennomgang av en annen leser"
WEB_TASK = "Gjennomgang av en annen leser"
# base.roles.STAFF and base.roles.BOARD (groups are get_or_create'd: roles.ensure_roles
# fills in their permissions after migrate).
READER_GROUPS = ["Sekretariat", "Landsstyret"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    SecondReaderTask = apps.get_model("home", "SecondReaderTask")

    for workflow in Workflow.objects.filter(name=WAGTAIL_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        task_ids = list(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True))
        if WorkflowState.objects.filter(workflow=workflow).exists():
            # Pages went through it: keep the history, switch it off.
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
            GroupApprovalTask.objects.filter(pk__in=task_ids).update(active=False)
        else:
            WorkflowTask.objects.filter(workflow=workflow).delete()
            workflow.delete()
            GroupApprovalTask.objects.filter(pk__in=task_ids, workflow_tasks__isnull=True).delete()
    Group.objects.filter(name__in=WAGTAIL_GROUPS).delete()

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None or WorkflowPage.objects.filter(page=root).exists():
        return
    workflow, _ = Workflow.objects.get_or_create(name=WEB_WORKFLOW, defaults={"active": True})
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="secondreadertask")
    task = SecondReaderTask.objects.filter(name=WEB_TASK).first()
    if task is None:
        task = SecondReaderTask.objects.create(
            name=WEB_TASK, content_type=content_type, active=True, second_reader=True
        )
        task.groups.set([Group.objects.get_or_create(name=name)[0] for name in READER_GROUPS])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page=root, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_second_reader_task_and_personal_data"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
