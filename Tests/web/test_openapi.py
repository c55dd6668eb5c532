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
    ("/communes/46102/synthese.json", "/communes/{code}/synthese.json", 200),
    ("/communes/75056/synthese.json", "/communes/{code}/synthese.json", 404),
    ("/communes/abc/synthese.json", "/communes/{code}/synthese.json", 400),
    ("/recherche.json?q=saint", "/recherche.json", 200),
    ("/classement.json", "/classement.json", 200),
    ("/classement.json?preset=equal&agregation=geometric&limite=5", "/classement.json", 200),
    ("/classement.json?nature=5&sante=4&type=littoral", "/classement.json", 200),
    ("/classement.json?nature=7", "/classement.json", 400),
    ("/classement.geojson?limite=10", "/classement.geojson", 200),
    ("/comparer.json?codes=46102,01004", "/comparer.json", 200),
    ("/comparer.json?codes=46102", "/comparer.json", 200),
    ("/comparer.json", "/comparer.json", 200),
    ("/comparer.json?commune1=Figeac%20(46102)&commune2=01004", "/comparer.json", 200),
    ("/comparer.json?codes=46102,01004,2A004,75056,12300", "/comparer.json", 400),
    ("/comparer.json?codes=46102,99999", "/comparer.json", 404),
    ("/trouver.json", "/trouver.json", 200),
    ("/trouver.json?numerique=5&mobilite=4&nature=4&sante=3&pres=Paris:90min&besoins=gp:5km&top=10", "/trouver.json", 200),
    ("/trouver.json?sante=5&besoins=college,lycee,creche&prix_maison=2500&types=littoral,montagne&par_departement=2", "/trouver.json", 200),
    ("/trouver.json?nature=5&comme=Figeac&top=5", "/trouver.json", 200),
    ("/trouver.json?pres=Marseille:90min", "/trouver.json", 200),
    ("/trouver.json?besoins=piscine", "/trouver.json", 400),
    ("/trouver.geojson?nature=5&top=5", "/trouver.geojson", 200),
    ("/enquete.json", "/enquete.json", 200),
    ("/methode.json", "/methode.json", 200),
    ("/indicateurs.json", "/indicateurs.json", 200),
    ("/sources.json", "/sources.json", 200),
]


def test_gzip_answers_decode_to_the_plain_ones_with_their_own_etag(server):
    """HTML and JSON are gzipped when asked (RFC 9110): Vary, an ETag per encoding, 304 for each."""
    import gzip
    for path in ["/communes/46102.json", "/communes/46102", "/indicateurs.json"]:
        with urllib.request.urlopen(server + path, timeout=30) as plain:
            plain_body, plain_tag = plain.read(), plain.headers["ETag"]
        request = urllib.request.Request(server + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Vary"] == "Accept-Encoding"
            assert response.headers["ETag"] != plain_tag
            assert gzip.decompress(response.read()) == plain_body
            gzip_tag = response.headers["ETag"]
        for headers in [{"If-None-Match": plain_tag}, {"If-None-Match": gzip_tag, "Accept-Encoding": "gzip"}]:
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(urllib.request.Request(server + path, headers=headers), timeout=30)
            assert answer.value.code == 304


@pytest.mark.parametrize("url,path,expected", CASES)
def test_response_matches_the_openapi_document(server, spec, url, path, expected):
    status, content_type, body = fetch(server + url)
    assert status == expected, body[:300]
    schema = response_schema(spec, path, status, content_type)
    errors = sorted(Draft202012Validator(schema).iter_errors(json.loads(body)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_validation_matches_the_openapi_document(server, spec):
    """/validation.json: 200 with the report on an atlas built from the real data, 404 on the fixtures' (too few towns)."""
    status, content_type, body = fetch(server + "/validation.json")
    assert status in (200, 404), body[:300]
    schema = response_schema(spec, "/validation.json", status, content_type)
    errors = sorted(Draft202012Validator(schema).iter_errors(json.loads(body)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    csv_status, _, csv = fetch(server + "/validation.csv")
    assert csv_status == status
    if status == 200:
        towns = json.loads(body)["report"]["towns"]
        lines = csv.decode().splitlines()
        assert len(lines) == len(towns) + 1 and lines[0].startswith("code,commune,departement,population,note_barometre")
        for path in ["/classement.json?preset=revelee", "/trouver.json?preset=revelee", "/carte.json?preset=revelee"]:
            assert fetch(server + path)[0] == 200, path


def test_every_documented_path_is_tested(spec):
    tested = {path for _, path, _ in CASES} | {"/classement.csv", "/trouver.csv", "/enquete/poids.csv", "/validation.json", "/validation.csv",
                                                "/validation/trajets.csv"}
    assert set(spec["paths"]) <= tested


def multipart(fields, boundary="----BourgPytestBoundary"):
    """A multipart/form-data body: fields maps a name to text, or to (file name, text) for an uploaded file."""
    body = b""
    for name, value in fields.items():
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"".encode()
        if isinstance(value, tuple):
            body += f"; filename=\"{value[0]}\"\r\nContent-Type: text/csv".encode()
            value = value[1]
        body += b"\r\n\r\n" + value.encode() + b"\r\n"
    return {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body + f"--{boundary}--\r\n".encode()


def post(url, headers, body):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


def test_survey_upload_and_weights_match_the_openapi_document(server, spec):
    from pathlib import Path
    example = Path(__file__).resolve().parent.parent.parent / "examples" / "survey"
    headers, body = multipart({
        "questionnaire_fichier": ("questionnaire-barometre.json", (example / "questionnaire-barometre.json").read_text()),
        "reponses_fichier": ("reponses.csv", (example / "reponses-synthetiques.csv").read_text()),
        "marges_fichier": ("marges.csv", (example / "margins-france.csv").read_text()),
    })
    assert "multipart/form-data" in spec["paths"]["/enquete.json"]["post"]["requestBody"]["content"]
    status, content_type, answer = post(server + "/enquete.json", headers, body)
    assert status == 200, answer[:300]
    schema = {**spec["paths"]["/enquete.json"]["post"]["responses"]["200"]["content"]["application/json"]["schema"], "components": spec["components"]}
    assert not list(Draft202012Validator(schema).iter_errors(json.loads(answer)))
    status, content_type, answer = post(server + "/enquete/poids.csv", headers, body)
    assert status == 200 and content_type.startswith("text/csv")
    lines = answer.decode().splitlines()
    assert lines[0] == "ligne,poids_depart,poids" and len(lines) == 1001
    status, content_type, answer = fetch(server + "/enquete/poids.csv")
    assert status == 200 and content_type.startswith("text/csv")
    assert len(answer.decode().splitlines()) == 1001
