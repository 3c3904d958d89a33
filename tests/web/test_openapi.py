"""The API checked against its own OpenAPI document: every path, good and bad values of every parameter.

Every answer must be declared for its path and status and match the schema
declared for it (jsonschema resolves the document's own references); bad
values must be a 4xx with a reason, never a server error.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import jsonschema
import pytest
from jsonschema.validators import validator_for

from tests.web.conftest import Site

#: Values every parameter is tried with, besides the good ones below: each must get a 2xx or 4xx.
HOSTILE = ["", "-1", "99999999999", "2025-13-40", "9999-12-31", "<script>", "a" * 300]
GOOD = {
    "as_of": "2025-05-01",
    "since": "2025-05-01",
    "imposer": "US",
    "target": "CN",
    "sector": "steel",
    "status": "paused",
    "severity": "warning",
    "rule": "new_rate",
    "page": "1",
    "per_page": "2",
    "after": "1",
    "limit": "1",
    "days": "90",
}


@pytest.fixture(scope="module")
def document(site: Site) -> dict[str, Any]:
    with site.client() as client:
        response = client.get("/openapi.json")
    assert response.status_code == 200
    doc: dict[str, Any] = response.json()
    return doc


_VALIDATORS: dict[tuple[str, int], Any] = {}


def check(document: dict[str, Any], path: str, response: httpx.Response) -> None:
    """The response is declared for the path and matches its schema."""
    assert response.status_code < 500, f"{response.request.url}: {response.text}"
    declared = document["paths"][path]["get"]["responses"]
    assert str(response.status_code) in declared, f"{response.request.url}: undeclared {response.status_code}"
    key = (path, response.status_code)
    if key not in _VALIDATORS:
        schema = declared[str(response.status_code)]["content"]["application/json"]["schema"]
        wrapped = {**schema, "components": document["components"]}
        cls = validator_for(wrapped)
        _VALIDATORS[key] = cls(wrapped, format_checker=cls.FORMAT_CHECKER)
    _VALIDATORS[key].validate(response.json())


def concrete(path: str) -> str:
    return path.replace("{measure_id}", "US:CN:*")


def test_the_document_is_valid_openapi_with_every_api_path(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {
        "/api/v1/measures",
        "/api/v1/measures/{measure_id}",
        "/api/v1/alerts",
        "/api/v1/deadlines",
        "/api/v1/feeds",
        "/api/v1/status",
    }
    for schema in document["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_every_path_answers_as_documented(site: Site, document: dict[str, Any]) -> None:
    with site.client() as client:
        for path, item in document["paths"].items():
            check(document, path, client.get(concrete(path)))
            for param in item["get"]["parameters"]:
                if param["in"] != "query":
                    continue
                response = client.get(concrete(path), params={param["name"]: GOOD[param["name"]]})
                check(document, path, response)
                assert response.status_code in (200, 404), response.text


def test_hostile_values_of_every_parameter_get_a_documented_answer(site: Site, document: dict[str, Any]) -> None:
    answered: set[int] = set()
    with site.client() as client:
        for path, item in document["paths"].items():
            for param in item["get"]["parameters"]:
                for value in HOSTILE:
                    if param["in"] == "path":
                        response = client.get(path.replace("{measure_id}", quote(value, safe="") or "x"))
                    else:
                        response = client.get(concrete(path), params={param["name"]: value})
                    check(document, path, response)
                    answered.add(response.status_code)
            response = client.get(concrete(path), params={"no_such_parameter": "1"})
            check(document, path, response)
            assert response.status_code == 400
    assert {200, 400} <= answered
