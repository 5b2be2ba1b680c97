"""The API against its own OpenAPI document, with generated requests on the demo data."""
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from shop.api.openapi import document

# The document is plain data, so it is loaded at import; the requests go to the test app (WSGI, no network).
schema = schemathesis.openapi.from_dict(document())


@pytest.fixture(scope="module")
def demo_once(app):
    """The demo catalog, loaded once for every operation (the API only reads); emptied afterwards."""
    from shop.demo.loader import load_demo
    from shop.extensions import db
    from shop.clock import today
    with app.app_context():
        with app.test_request_context():
            day = today()
        load_demo(db.session, media_dir=app.config["MEDIA_DIR"], today=day)
        db.session.commit()
        db.session.remove()
    yield day
    from tests.conftest import empty_tables
    with app.app_context():
        empty_tables()


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case, app, demo_once):
    """Generated valid and invalid requests get no server error and answers that match the document."""
    # The WSGI transport does not undo Content-Encoding, and the app compresses what a client accepts.
    case.call_and_validate(app=app, headers={"Accept-Encoding": "identity"})


def test_served_document_is_the_one_tested(client, db):
    """/api/v1/openapi.json serves exactly the document the generated tests use."""
    assert client.get("/api/v1/openapi.json").get_json() == document()
