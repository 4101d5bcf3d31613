from .lpp_page import LppPage, PersonalDataError
from .pages import HomePage, StandardPage
from .settings import OrganisationSettings
from .workflows import SecondReaderTask

__all__ = [
    "HomePage",
    "OrganisationSettings",
    "LppPage",
    "PersonalDataError",
    "SecondReaderTask",
    "StandardPage",
]
