"""Every error of the public API is in Norwegian (issue 12 item 7)."""

import ast
import pathlib
import re

import pytest
import wagtail.api

from lpp.api_support import GENERAL_ERROR, norwegian

pytestmark = pytest.mark.django_db

WAGTAIL_API = pathlib.Path(wagtail.api.__file__).parent
ERROR_CLASSES = {"BadRequestError", "FieldsParameterParseError", "RichTextFormatError"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=-1", "limit må være et heltall fra 0 til 100."),
        ("limit=500", "limit kan ikke være høyere enn 100."),
        ("offset=x", "offset må være et heltall fra 0 til 2147483647."),
        ("bogus=1", "Ukjent parameter: bogus."),
        ("fields=nothing", "Ukjente felt: nothing."),
        ("fields=title(id)", "Feltet «title» har ingen underfelt."),
        ("fields=title,", "Feil i fields: uventet tegn «,» på plass 6."),
        ("fields=foo(", "Feil i fields: mangler en avsluttende parentes."),
        ("order=nothing", "Kan ikke sortere etter «nothing» (ukjent felt)."),
        ("order=random&offset=1", "order=random kan ikke brukes sammen med offset."),
        ("type=nothing.Nothing", "Ukjent sidetype i type."),
        ("child_of=x", "child_of må være et side-ID (et positivt heltall) eller «root»."),
        ("child_of=999999", "Fant ikke siden i child_of."),
        ("descendant_of=999999", "Fant ikke siden i descendant_of."),
        ("first_published_at=i går", "«i går» er ikke en gyldig verdi for first_published_at."),
        ("site=www.lpp.no:x", "site må være et vertsnavn, eventuelt med port: www.lpp.no:443."),
    ],
)
def test_a_bad_pages_request_gets_a_norwegian_400(client, home_page, query, message):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_an_unknown_rich_text_format_is_a_norwegian_400(client, home_page):
    response = client.get("/api/v2/pages/?rich_text_format=x")
    assert response.status_code == 400
    message = response.json()["message"]
    assert message.startswith("rich_text_format må være en av ") and message.endswith("ikke «x».")


def test_an_unknown_object_is_a_norwegian_404(client, home_page):
    for path in ("/api/v2/pages/999999/", "/api/v2/proposals/999999/", "/api/v2/themes/find/?id=5"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json() == {"message": "Fant ikke det du ba om."}


def test_a_post_is_refused_in_norwegian(client, home_page):
    response = client.post("/api/v2/pages/")
    assert response.status_code == 405
    assert response.json() == {"message": 'Metoden "POST" ikke gyldig.'}


def _message_samples(node):
    """The messages a ``raise SomeError(<literal>)`` can give, with placeholders filled."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        parts = [part.value if isinstance(part, ast.Constant) else "x" for part in node.values]
        return ["".join(parts)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        left = _message_samples(node.left)
        right = _message_samples(node.right) if isinstance(node.op, ast.Add) else [""]
        return [re.sub(r"%[sd]", "7", a) + b for a in left for b in right]
    if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format":
        return [re.sub(r"{[^}]*}", "x", s) for s in _message_samples(node.func.value)]
    return []


def wagtail_api_messages():
    messages = []
    for path in sorted(WAGTAIL_API.rglob("*.py")):
        if "v2" not in path.parts and path.name != "rich_text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ERROR_CLASSES
                and node.args
            ):
                messages += _message_samples(node.args[0])
    return messages


def test_every_error_message_of_wagtails_api_has_a_norwegian_wording():
    """Read from Wagtail's own source, so a message added in a Wagtail upgrade fails
    here instead of reaching a user in English."""
    messages = wagtail_api_messages()
    assert len(messages) > 30
    untranslated = [m for m in messages if norwegian(m) == GENERAL_ERROR]
    assert untranslated == []
