"""The watch as a django-tasks task, for the task worker (``manage.py db_worker``)."""

from django_tasks import task


@task()
def watch_sources_task(names=None, send_digest=True):
    from .radar import send_daily_digest
    from .watch import run_all

    statuses = run_all(names)
    sent = send_daily_digest() if send_digest else 0
    return {"sources": {s.name: s.state for s in statuses}, "digest": sent}
