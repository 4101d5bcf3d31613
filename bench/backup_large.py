"""Backup benchmark: `backup_site` and `restore_site` on a site with a lot of media, and
the peak memory of each (they stream, so it should not grow with the media).

Builds a throw-away site (SQLite and media folders in a temporary directory, the demo
content), adds BACKUP_MEDIA_MB of incompressible media (default 2048, as files of 128 MB),
then runs the two commands as separate processes and prints for each: seconds, MB/s and
peak resident memory (ru_maxrss). Prints the figures; asserts no times.

    .venv/bin/python bench/backup_large.py          # BACKUP_MEDIA_MB=2048 by default
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEDIA_MB = int(os.environ.get("BACKUP_MEDIA_MB", "2048"))
FILE_MB = 128


def run(env, *args):
    """Run manage.py in a child; return (seconds, peak resident memory of that child, MB)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            sys.exit(f"manage.py {' '.join(args)} feilet:\n{output.read().decode()}")
    return time.monotonic() - started, usage.ru_maxrss / 1024


def main():
    with tempfile.TemporaryDirectory(prefix="lpp-backup-bench-") as tmp:
        tmp = Path(tmp)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lpp.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp / 'site.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
            "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        }
        print("Bygger et nettsted med demoinnhold …", flush=True)
        run(env, "migrate", "--noinput", "-v0")
        run(env, "load_demo_content")
        _seconds, baseline = run(env, "check")
        big = tmp / "media" / "documents" / "stor"
        big.mkdir(parents=True, exist_ok=True)
        chunk = os.urandom(1024 * 1024)
        for number in range(MEDIA_MB // FILE_MB):
            with open(big / f"fil-{number:03d}.bin", "wb") as handle:
                for index in range(FILE_MB):
                    # Incompressible, and not one repeated block gzip could shorten.
                    handle.write(chunk[index:] + chunk[:index])
        print(f"Media: {MEDIA_MB} MB i {MEDIA_MB // FILE_MB} filer", flush=True)

        backup = tmp / "lpp.tar.gz"
        seconds, peak = run(env, "backup_site", "-o", str(backup))
        size = backup.stat().st_size / 2**20
        print(
            f"backup_site:  {seconds:6.1f} s  {MEDIA_MB / seconds:6.1f} MB/s  "
            f"fil {size:,.0f} MB  toppminne {peak:,.0f} MB (Django alene: {baseline:,.0f} MB)"
        )
        restore_env = {
            **env,
            "DATABASE_URL": f"sqlite:///{tmp / 'restored.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "restored-media"),
            "PRIVATE_MEDIA_ROOT": str(tmp / "restored-private"),
        }
        run(restore_env, "migrate", "--noinput", "-v0")
        seconds, peak = run(restore_env, "restore_site", str(backup))
        print(
            f"restore_site: {seconds:6.1f} s  {MEDIA_MB / seconds:6.1f} MB/s  "
            f"toppminne {peak:,.0f} MB"
        )
        print(
            "Mål: toppminnet avhenger ikke av mengden media (sammenlign med BACKUP_MEDIA_MB=256)."
        )


if __name__ == "__main__":
    main()
