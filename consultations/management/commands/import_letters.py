"""Import a folder of past høringssvar (.docx): ``manage.py import_letters MAPPE``.

Reads each file as the admin import does, takes the letter head as read (the authority
must be one the site knows, or be given with ``--myndighet``), suggests themes, and with
``--med-forslag`` saves every proposal candidate as a proposal. A file already imported
(same SHA-256) is skipped. Prints a progress bar and a summary; a file that cannot be
imported is named with the reason and nothing of it is saved."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from advocacy.models import Authority
from consultations.models import Submission
from consultations.word_import import service

BAR = 30


class Command(BaseCommand):
    help = "Importerer tidligere høringssvar (.docx) fra en mappe til høringssvararkivet."

    def add_arguments(self, parser):
        parser.add_argument("mappe", help="Mappen med Word-filene.")
        parser.add_argument(
            "--myndighet", help="Myndigheten brevene gikk til, når brevhodet ikke sier det."
        )
        parser.add_argument(
            "--kanal",
            default=Submission.Channel.EMAIL,
            choices=Submission.Channel.values,
            help="Hvordan brevene ble sendt (standard: epost).",
        )
        parser.add_argument(
            "--med-forslag",
            action="store_true",
            help="Lagre alle forslag importen finner (ellers importeres brevene uten forslag).",
        )

    def handle(self, *args, **options):
        folder = Path(options["mappe"])
        if not folder.is_dir():
            raise CommandError(f"Fant ikke mappen {folder}.")
        fallback = None
        if options["myndighet"]:
            fallback = (
                Authority.objects.filter(name=options["myndighet"]).first()
                or Authority.objects.filter(short_name=options["myndighet"]).first()
            )
            if fallback is None:
                raise CommandError(f"Fant ingen myndighet som heter «{options['myndighet']}».")
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        imported, skipped, refused = [], [], []
        for number, path in enumerate(files, start=1):
            self.progress(number - 1, len(files), path.name)
            try:
                page = service.import_as_read(
                    path.read_bytes(),
                    path.name,
                    fallback_authority=fallback,
                    channel=options["kanal"],
                    with_proposals=options["med_forslag"],
                )
            except ValidationError as error:
                message = " ".join(error.messages)
                if getattr(error, "code", None) == "duplicate":
                    skipped.append(path.name)
                else:
                    refused.append((path.name, _plain(message)))
            else:
                imported.append((path.name, page))
        self.progress(len(files), len(files), "ferdig")
        self.stdout.write(
            f"Importert: {len(imported)}. Allerede importert: {len(skipped)}. "
            f"Avvist: {len(refused)}. Filer i mappen: {len(files)}."
        )
        for name, page in imported:
            proposals = sum(1 for block in page.body if block.block_type == "proposal")
            self.stdout.write(f"  + {name}: «{page.title}» ({proposals} forslag)")
        for name in skipped:
            self.stdout.write(f"  = {name}: allerede importert")
        for name, reason in refused:
            self.stdout.write(f"  ! {name}: {reason}")

    def progress(self, done, total, name):
        filled = BAR * done // total if total else BAR
        line = f"[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total} {name}"
        ending = "\r" if self.stdout.isatty() and done < total else "\n"
        self.stdout.write(line.ljust(79), ending=ending)


def _plain(message):
    import re

    return re.sub(r"<[^>]+>", "", str(message))
