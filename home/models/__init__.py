from .pages import HomePage, StandardPage
from .settings import OrganisationSettings

__all__ = ["HomePage", "OrganisationSettings", "StandardPage"]
