"""The sources, each behind one small interface (:class:`base.Connector`):
``fetch(known_ids) -> list[Item | Rejected]``."""

from .helsedirektoratet import HelsedirektoratetConnector
from .regjeringen import RegjeringenConnector
from .stortinget import StortingetConnector

CONNECTORS = {
    connector.name: connector
    for connector in (RegjeringenConnector, StortingetConnector, HelsedirektoratetConnector)
}
