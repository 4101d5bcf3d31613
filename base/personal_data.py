"""Finds text that looks like personal data, so an editor is warned before anything is
published (relatives' stories are sensitive; regjeringen.no refuses høringssvar with it).

Four kinds are recognised: Norwegian national identity numbers (fødselsnummer and
D-/H-numbers, checked with both control digits), Norwegian phone numbers, e-mail
addresses, and a person's name next to a diagnosis («Kari Hansen har schizofreni»).
The check is a warning, not a verdict: the editor fixes the text or confirms that it may
stand. What the editor confirmed is remembered as a fingerprint of the findings, so new
findings need a new confirmation.

This module is the one home of the rule; :func:`unconfirmed_findings` is what every
publishing path (page forms, workflow tasks, scheduled and bulk publishing, outcome
events' public notes) asks.
"""

import hashlib
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.rich_text import RichText

KIND_LABELS = {
    "fnr": "fødselsnummer",
    "phone": "telefonnummer",
    "email": "e-postadresse",
    "health": "navn sammen med en diagnose",
}

# Diagnoses and conditions that make a named person's story sensitive (health data,
# GDPR art. 9). Word stems: «schizofren» matches «schizofreni» and «schizofrent».
DIAGNOSES = (
    "schizofren",
    "bipolar",
    "psykose",
    "psykotisk",
    "depresjon",
    "deprimert",
    "angstlidelse",
    "personlighetsforstyrrelse",
    "spiseforstyrrelse",
    "anoreksi",
    "bulimi",
    "adhd",
    "autisme",
    "ptsd",
    "ocd",
    "tvangslidelse",
    "rusavhengig",
    "rusmisbruk",
    "alkoholiker",
    "narkoman",
    "selvmordsforsøk",
    "selvskading",
    "demens",
    "rop-lidelse",
)
# Capitalised words that start names of bodies and places, not of people.
NOT_NAMES = {
    "Helse",
    "Helsedirektoratet",
    "Stortinget",
    "Regjeringen",
    "Departementet",
    "Norge",
    "Norsk",
    "Nasjonal",
    "Nasjonalt",
    "Landsforeningen",
    "Pårørende",
    "Oslo",
    "Bergen",
    "Trondheim",
    "Universitetssykehuset",
    "Sykehuset",
    "Distriktspsykiatrisk",
    "DPS",
    "LPP",
    "NAV",
}

_FNR = re.compile(r"(?<![\d/])(?<!\d[.,:-])(\d{6})[ .]?(\d{5})(?!\d|[.,/:-]\d)")
_PHONE = re.compile(
    r"(?<![\w+./:-])"
    r"(?:(?:\+|00)47[ .-]?)?"
    r"([2-9]\d{7}|[2-9]\d{2}[ .-]\d{2}[ .-]\d{3}|[2-9]\d[ .-]\d{2}[ .-]\d{2}[ .-]\d{2})"
    r"(?![\w/-]|[.,]\d)"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9æøåÆØÅ-]+(?:\.[A-Za-z0-9æøåÆØÅ-]+)*\.[A-Za-z]{2,}"
)
_NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?)\s+([A-ZÆØÅ][a-zæøåéü]+)\b")
_DIAGNOSIS = re.compile(r"(?i)\b(?:" + "|".join(re.escape(d) for d in DIAGNOSES) + r")\w*")
_SENTENCE = re.compile(r"[^.!?\n]+")
_HREF = re.compile(r"""href=["']([^"']*)["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str

    @property
    def label(self):
        return KIND_LABELS[self.kind]

    @property
    def normalized(self):
        return re.sub(r"[^\w@.]", "", self.value).lower()


def is_valid_fnr(digits):
    """True for an 11-digit fødselsnummer (or D-/H-number) whose date part is plausible
    and whose two control digits are right."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    day, month = int(digits[0:2]), int(digits[2:4])
    if day > 40:  # D-number
        day -= 40
    if month > 40:  # H-number (help number)
        month -= 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    numbers = [int(d) for d in digits]
    k1 = 11 - sum(n * w for n, w in zip(numbers, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=False)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10 or k1 != numbers[9]:
        return False
    k2 = 11 - sum(n * w for n, w in zip(numbers, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=False)) % 11
    k2 = 0 if k2 == 11 else k2
    return k2 != 10 and k2 == numbers[10]


def find_in_text(text):
    """Findings in one string, in the order they appear."""
    findings = []
    taken = []
    for match in _EMAIL.finditer(text):
        findings.append((match.start(), Finding("email", match.group(0))))
        taken.append(match.span())
    for match in _FNR.finditer(text):
        if is_valid_fnr(match.group(1) + match.group(2)):
            findings.append((match.start(), Finding("fnr", match.group(0))))
            taken.append(match.span())
    for sentence in _SENTENCE.finditer(text):
        if not _DIAGNOSIS.search(sentence.group(0)):
            continue
        for match in _NAME.finditer(sentence.group(0)):
            if match.group(1) in NOT_NAMES or match.group(2) in NOT_NAMES:
                continue
            start = sentence.start() + match.start()
            findings.append((start, Finding("health", match.group(0))))
    for match in _PHONE.finditer(text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        findings.append((start, Finding("phone", match.group(0))))
    return [finding for _, finding in sorted(findings, key=lambda pair: pair[0])]


def _html_to_text(html):
    # Keep link targets: a "mailto:" address may hide behind a name.
    hrefs = " ".join(_HREF.findall(html))
    return strip_tags(re.sub(r"<[^>]+>", " ", html)) + " " + hrefs.replace("mailto:", " ")


def texts_of(value):
    """Every piece of text in a field value: strings, rich text, StreamField content
    (struct blocks, lists, tables)."""
    if value is None:
        return
    if isinstance(value, RichText):
        yield _html_to_text(value.source)
    elif isinstance(value, str):
        yield _html_to_text(value) if "<" in value else value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from texts_of(child.value)
    elif isinstance(value, (StructValue, dict)):
        for item in value.values():
            yield from texts_of(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from texts_of(item)
    elif hasattr(value, "bound_blocks"):  # ListValue
        for item in value:
            yield from texts_of(item)


def find_personal_data(*values):
    """Findings in any number of field values, without duplicates."""
    seen = set()
    result = []
    for value in values:
        for text in texts_of(value):
            for finding in find_in_text(text):
                key = (finding.kind, finding.normalized)
                if key not in seen:
                    seen.add(key)
                    result.append(finding)
    return result


def fingerprint(findings):
    """A digest of the findings, stored instead of the personal data itself."""
    if not findings:
        return ""
    joined = "\n".join(sorted(f"{f.kind}:{f.normalized}" for f in findings))
    return hashlib.sha256(joined.encode()).hexdigest()


def describe(findings):
    """«2 telefonnummer (…), 1 e-postadresse (…)» for a warning message."""
    parts = []
    for kind, label in KIND_LABELS.items():
        values = [f.value for f in findings if f.kind == kind]
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    return "; ".join(parts)


# Page fields that are never shown to readers (addresses and bookkeeping).
_SKIPPED_FIELDS = {"slug", "url_path", "draft_title", "personal_data_fingerprint"}


def text_field_names(model):
    """The text-bearing fields of a page model (or any model): every character, text, rich
    text and StreamField field except slugs, links and bookkeeping."""
    from django.db import models
    from wagtail.fields import StreamField

    names = []
    for field in model._meta.concrete_fields:
        if field.name in _SKIPPED_FIELDS or field.choices:
            continue
        if isinstance(field, (models.URLField, models.EmailField, models.SlugField)):
            continue
        if isinstance(field, (models.CharField, models.TextField, StreamField)):
            names.append(field.name)
    return names


def field_values(obj):
    return [getattr(obj, name) for name in text_field_names(type(obj))]


def unconfirmed_findings(obj):
    """Findings in ``obj`` that nobody has confirmed may be published (an empty list when
    the text is clean or its findings match the stored fingerprint)."""
    findings = find_personal_data(*field_values(obj))
    if findings and getattr(obj, "personal_data_fingerprint", "") == fingerprint(findings):
        return []
    return findings


def warning_text(findings):
    return (
        "Teksten ser ut til å inneholde personopplysninger ("
        + describe(findings)
        + "). Fjern dem, eller bekreft at de kan publiseres."
    )
