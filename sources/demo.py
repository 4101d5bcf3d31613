"""The watched sources on the demo site: the themes' starting signal words, the radar
filled from the recorded samples in sources/samples/ (read through file:// addresses,
never from the internet), an example Stortinget case linked to an example consultation,
and the recorded bill chapter read for evidence. Draft events wait for staff under
«Foreslåtte hendelser»; nothing is published. Idempotent."""

from django.db.models import F, Value
from django.db.models.functions import Concat

from advocacy.models import OutcomeEvent
from consultations.models import Consultation

from . import conf, evidence, followup
from .models import CaseLink, EvidenceDocument
from .signals import ensure_default_signals
from .watch import run_source

DEMO_CASE = "104567"
DEMO_BILL = "https://www.regjeringen.no/no/dokumenter/prop.-45-l-20262027/id3100100/?ch=6"


def reads_samples(name):
    return conf.base_url(name).startswith(conf.SAMPLES_DIR.as_uri())


def mark_as_examples():
    """The samples are made up: the drafts they give are marked as examples, like every
    demo outcome (advocacy.outcomes.demo)."""
    OutcomeEvent.objects.filter(
        source_origin__isnull=False, published_at__isnull=True, public_note=""
    ).update(
        public_note="Eksempel: foreslått fra en innspilt kilde.",
        evidence_title=Concat(F("evidence_title"), Value(" (eksempel)")),
    )


def load(stdout):
    created = ensure_default_signals()
    read = []
    for name in conf.SOURCES:
        if conf.is_enabled(name) and reads_samples(name):
            read.append(f"{name}: {run_source(name).get_state_display().lower()}")
    if reads_samples("stortinget"):
        nou = Consultation.objects.filter(case_number="23/998 (eksempel)").first()
        if nou is not None:
            link, _ = CaseLink.objects.get_or_create(case_id=DEMO_CASE, consultation=nou)
            followup.check_link(link)
            mark_as_examples()
    if reads_samples("regjeringen"):
        guideline = Consultation.objects.filter(case_number="24/3117 (eksempel)").first()
        if guideline is not None and not EvidenceDocument.objects.filter(url=DEMO_BILL).exists():
            evidence.find_evidence(guideline, url=DEMO_BILL)
    stdout.write(f"  kilder: {created} nye signalord; {', '.join(read) or 'ingen kilder lest'}")
