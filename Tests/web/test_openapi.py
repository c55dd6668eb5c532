"""Every JSON route answers what /openapi.json says, for good and bad requests."""
import json
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


@pytest.fixture(scope="module")
def spec(server):
    status, _, body = fetch(server + "/openapi.json")
    assert status == 200
    document = json.loads(body)
    validate(document)
    return document


def response_schema(spec, path, status, content_type):
    responses = spec["paths"][path]["get"]["responses"]
    response = responses[str(status)]
    media = content_type.split(";")[0].strip()
    schema = response["content"][media]["schema"]
    # Resolve #/components/... against the whole document.
    return {**schema, "components": spec["components"]}


CASES = [
    ("/health", "/health", 200),
    ("/index.json", "/index.json", 200),
    ("/carte.json", "/carte.json", 200),
    ("/carte.json?mesure=sante&nature=5&sante=4", "/carte.json", 200),
    ("/carte.json?mesure=medecins_generalistes_pour_10000&departement=46", "/carte.json", 200),
    ("/carte.json?mesure=zone_abc&limite=20", "/carte.json", 200),
    ("/carte.json?mesure=gare_dans_commune&preset=equal&agregation=geometric", "/carte.json", 200),
    ("/carte.json?mesure=inconnue", "/carte.json", 400),
    ("/carte.json?nature=9", "/carte.json", 400),
    ("/communes/46102.json", "/communes/{code}.json", 200),
    ("/communes/2A004.json", "/communes/{code}.json", 200),
    ("/communes/75056.json", "/communes/{code}.json", 200),
    ("/communes/99999.json", "/communes/{code}.json", 404),
    ("/communes/abc.json", "/communes/{code}.json", 400),
    ("/recherche.json?q=saint", "/recherche.json", 200),
    ("/classement.json", "/classement.json", 200),
    ("/classement.json?preset=equal&agregation=geometric&limite=5", "/classement.json", 200),
    ("/classement.json?nature=5&sante=4&type=littoral", "/classement.json", 200),
    ("/classement.json?nature=7", "/classement.json", 400),
    ("/classement.geojson?limite=10", "/classement.geojson", 200),
    ("/comparer.json?codes=46102,01004", "/comparer.json", 200),
    ("/comparer.json?codes=46102", "/comparer.json", 400),
    ("/comparer.json?codes=46102,99999", "/comparer.json", 404),
    ("/trouver.json", "/trouver.json", 200),
    ("/trouver.json?numerique=5&mobilite=4&nature=4&sante=3&pres=Paris:90min&besoins=gp:5km&top=10", "/trouver.json", 200),
    ("/trouver.json?sante=5&besoins=college,lycee,creche&prix_maison=2500&types=littoral,montagne&par_departement=2", "/trouver.json", 200),
    ("/trouver.json?nature=5&comme=Figeac&top=5", "/trouver.json", 200),
    ("/trouver.json?pres=Marseille:90min", "/trouver.json", 400),
    ("/trouver.json?besoins=piscine", "/trouver.json", 400),
    ("/trouver.geojson?nature=5&top=5", "/trouver.geojson", 200),
    ("/enquete.json", "/enquete.json", 200),
    ("/methode.json", "/methode.json", 200),
    ("/sources.json", "/sources.json", 200),
]


@pytest.mark.parametrize("url,path,expected", CASES)
def test_response_matches_the_openapi_document(server, spec, url, path, expected):
    status, content_type, body = fetch(server + url)
    assert status == expected, body[:300]
    schema = response_schema(spec, path, status, content_type)
    errors = sorted(Draft202012Validator(schema).iter_errors(json.loads(body)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_every_documented_path_is_tested(spec):
    tested = {path for _, path, _ in CASES} | {"/classement.csv", "/trouver.csv"}
    assert set(spec["paths"]) <= tested
