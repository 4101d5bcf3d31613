from .evidence import EvidenceDocument, EvidencePassage
from .followup import CaseLink, CaseStep, SourcedEvent
from .health import HttpCacheEntry, SourceStatus
from .radar import Candidate, RadarSettings, ThemeSignal

__all__ = [
    "Candidate",
    "CaseLink",
    "CaseStep",
    "EvidenceDocument",
    "EvidencePassage",
    "HttpCacheEntry",
    "RadarSettings",
    "SourceStatus",
    "SourcedEvent",
    "ThemeSignal",
]
