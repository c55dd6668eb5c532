"""Hostile and careless requests to the live server (issue 9): every bad query gets a clear problem-details answer
naming the field, no body over the limit is held in memory (413, declared or chunked), and the server keeps serving."""
import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest

# The limits of the server (Sources/BourgWeb): 64 KB for a body to a route that takes no upload, 5 MB for the survey.
PAGE_LIMIT = 64 * 1024
SURVEY_LIMIT = 5 * 1024 * 1024


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def assert_healthy(server):
    status, _, body = fetch(server + "/health")
    assert status == 200 and json.loads(body)["status"] == "ok"


CHECKS = [
    # unknown codes
    ("/communes/99999.json", 404, None),
    ("/comparer.json?codes=46102,99999", 404, None),
    ("/comparer.json?codes=46102,Xyzzyville", 400, "codes"),
    ("/communes/4610%D9%A3.json", 400, "code"),  # an Arabic-Indic digit is not a digit of an INSEE code
    # too many towns to compare
    ("/comparer.json?codes=46102,01004,2A004,75056,12300", 400, "codes"),
    # ratings outside 0–5, or not whole
    ("/classement.json?nature=6", 400, "nature"),
    ("/classement.json?sante=-1", 400, "sante"),
    ("/classement.json?culture=2.5", 400, "culture"),
    ("/trouver.json?numerique=nan", 400, "numerique"),
    # unknown need or type, repeated parameter (unknown parameters are ignored: see test_unknown_parameters_are_ignored)
    ("/trouver.json?besoins=piscine", 400, "besoins"),
    ("/trouver.json?types=volcan", 400, "types"),
    ("/classement.json?nature=3&nature=4", 400, "nature"),
    # absurd distances and durations (the last one used to crash the server: integer overflow)
    ("/trouver.json?pres=Paris:5000km", 400, "pres"),
    ("/trouver.json?pres=Paris:99999min", 400, "pres"),
    ("/trouver.json?pres=Paris:153722867280912931h", 400, "pres"),
    ("/trouver.json?besoins=gp:2000km", 400, "besoins"),
    ("/trouver.json?gare_tgv_km=99999", 400, "gare_tgv_km"),
    # overlong query strings
    ("/recherche.json?q=" + "a" * 101, 400, "q"),
    ("/classement.json?departement=" + "1" * 3000, 414, None),
    # exports answer errors as problem details too
    ("/classement.csv?limite=0", 400, "limite"),
    ("/trouver.geojson?top=1000", 400, "top"),
]


@pytest.mark.parametrize("url,status,field", CHECKS)
def test_bad_requests_get_clear_problem_details(server, url, status, field):
    got, headers, body = fetch(server + url)
    assert got == status, body[:300]
    assert headers["Content-Type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]
    if field:
        assert [param["name"] for param in problem["invalid-params"]] == [field]
    assert_healthy(server)


@pytest.mark.parametrize("path", ["/classement", "/classement.json", "/trouver", "/trouver.json", "/carte", "/carte.json", "/communes/46102"])
def test_unknown_parameters_are_ignored(server, path):
    """A shared link keeps its tracking tags (utm_source, fbclid): the page answers as without them."""
    plain, _, _ = fetch(server + path)
    tagged, _, body = fetch(server + path + "?utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc")
    assert plain == tagged == 200, body[:300]


def connect(server):
    address = urllib.parse.urlsplit(server)
    return http.client.HTTPConnection(address.hostname, address.port, timeout=60)


@pytest.mark.parametrize("method,path,size", [
    ("POST", "/enquete.json", SURVEY_LIMIT + 1),
    ("GET", "/index.json", PAGE_LIMIT + 1),
    ("POST", "/trouver.json", 1024 * 1024),
    ("PUT", "/pas-une-page.json", 1024 * 1024),
])
def test_a_declared_body_over_the_limit_is_413_and_the_connection_still_serves(server, method, path, size):
    connection = connect(server)
    connection.request(method, path, body=b"a" * size,
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(size)})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 413, body[:300]
    assert response.getheader("Content-Type") == "application/problem+json"
    assert json.loads(body)["status"] == 413
    # The rest of the body was read and discarded: the same connection answers the next request.
    connection.request("GET", "/health")
    assert connection.getresponse().status == 200
    connection.close()


def chunked(total, chunk=64 * 1024):
    sent = 0
    while sent < total:
        size = min(chunk, total - sent)
        yield b"a" * size
        sent += size


@pytest.mark.parametrize("path,size", [("/sources.json", 4 * PAGE_LIMIT), ("/enquete.json", SURVEY_LIMIT + 512 * 1024)])
def test_a_chunked_body_over_the_limit_is_413(server, path, size):
    connection = connect(server)
    # No Content-Length: http.client sends the generator with Transfer-Encoding: chunked.
    connection.request("POST", path, body=chunked(size), headers={"Content-Type": "application/x-www-form-urlencoded"},
                       encode_chunked=True)
    response = connection.getresponse()
    body = response.read()
    assert response.status == 413, body[:300]
    assert json.loads(body)["status"] == 413
    connection.request("GET", "/health")
    assert connection.getresponse().status == 200
    connection.close()


def test_an_endless_chunked_body_does_not_grow_the_server(server):
    """A client streaming 64 MB to a page is answered 413 while it sends; the server only reads and drops it."""
    address = urllib.parse.urlsplit(server)
    with socket.create_connection((address.hostname, address.port), timeout=60) as sock:
        sock.sendall(b"POST /index.json HTTP/1.1\r\nHost: bourg\r\nTransfer-Encoding: chunked\r\n\r\n")
        block = b"a" * (1024 * 1024)
        for _ in range(64):
            sock.sendall(b"%x\r\n%s\r\n" % (len(block), block))
        sock.sendall(b"0\r\n\r\n")
        answer = sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert_healthy(server)


def test_other_methods_get_405_with_allow_and_head_answers(server):
    status, headers, body = fetch(server + "/communes/46102.json", method="DELETE")
    assert status == 405
    assert headers["Allow"] == "GET, HEAD"
    assert json.loads(body)["status"] == 405
    status, headers, body = fetch(server + "/communes/46102.json", method="HEAD")
    assert status == 200 and body == b""
    assert headers["Content-Type"] == "application/json"
