"""CSV import that cannot surprise: a plan per row, flagged moves and unpublishing, separators, BOM, kept file."""
import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from shop.backoffice import csv_io, uploads
from shop.catalog.models import Product, ProductStatus
from shop.money import parse_whole_amount
from tests.factories import certify, make_group, make_product, make_producer, make_user

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
LOCALES = ("vi", "en", "zh")


def _csv(rows: list[dict], delimiter: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def _row(**overrides):
    row = {"slug": "ruou-ba-kich", "producer": "htx-ba-che", "group": "II.1", "status": "published",
           "name_vi": "Rượu ba kích, loại 1", "name_en": "Morinda wine", "name_zh": "巴戟天酒",
           "price_vnd": "250000", "container": "bottle", "quantity": "500", "unit": "ml", "stock": "7"}
    row.update(overrides)
    return row


@pytest.fixture()
def setting(db):
    make_group(db.session, "II.1")
    make_producer(db.session, slug="htx-ba-che")
    db.session.commit()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("bom", [False, True])
def test_comma_semicolon_and_tab_files_with_or_without_bom_are_read(db, setting, delimiter, bom):
    """The separator is found from the header (even with commas inside the Vietnamese text) and a BOM is ignored."""
    report = csv_io.import_products(db.session, _csv([_row()], delimiter, bom), LOCALES, NOW, apply=False)
    assert report.ok, (report.file_error, report.errors)
    assert report.delimiter == delimiter and [(p.action, p.slug) for p in report.plan] == [("create", "ruou-ba-kich")]
    assert ("price_vnd", "", "250000") in report.plan[0].changes


def test_another_producers_certified_product_is_not_moved_without_confirmation(db, setting):
    """A row whose slug belongs to another producer's published 4-star product is flagged twice and applied
    only when confirmed; the plan says what would change."""
    owner = make_producer(db.session, slug="ctcp-ngoc-trai")
    product = make_product(db.session, producer=owner, slug="ruou-ba-kich", prices=(300_000,), stock=4)
    certify(db.session, product, stars=4, decision_date=NOW.date() - timedelta(days=100))
    db.session.commit()
    data = _csv([_row(status="draft")])
    report = csv_io.import_products(db.session, data, LOCALES, NOW)
    assert report.ok and not report.applied
    plan = report.plan[0]
    assert plan.action == "update"
    assert set(plan.flags) == {csv_io.FLAG_PRODUCER_CHANGE, csv_io.FLAG_UNPUBLISH_CERTIFIED}
    assert ("producer", "ctcp-ngoc-trai", "htx-ba-che") in plan.changes
    assert ("status", "published", "draft") in plan.changes and ("price_vnd", "300000", "250000") in plan.changes
    db.session.rollback()
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert product.producer_id == owner.id and product.status == ProductStatus.PUBLISHED
    report = csv_io.import_products(db.session, data, LOCALES, NOW, confirmed=True)
    assert report.applied
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == ProductStatus.DRAFT


def test_an_update_by_its_own_producer_needs_no_confirmation(db, setting):
    """Changing price and stock of one's own product is planned as an update and applied at once."""
    product = make_product(db.session, producer=db.session.scalar(select(csv_io.Producer)), slug="ruou-ba-kich")
    db.session.commit()
    report = csv_io.import_products(db.session, _csv([_row(price_vnd="280.000")]), LOCALES, NOW)
    assert report.applied and report.plan[0].flags == [] and report.updated == 1
    assert ("price_vnd", "100000", "280000") in report.plan[0].changes
    db.session.commit()
    assert db.session.get(Product, product.id).price_from_vnd == 280_000


def test_each_error_carries_the_cells_value(db, setting):
    """An error names the line, the column and the value the file has there."""
    report = csv_io.import_products(db.session, _csv([_row(group="IX.9", price_vnd="hai trăm")]), LOCALES, NOW)
    assert not report.ok and not report.applied
    assert {(e.line, e.column, e.code, e.value) for e in report.errors} == {
        (2, "group", "unknown_group", "IX.9"), (2, "price_vnd", "not_a_whole_number", "hai trăm")}


def test_the_checked_file_is_kept_for_its_user_only(db):
    """A kept file comes back by its token for the user who checked it; another user or a day later it is gone."""
    office = make_user(db.session, "admin")
    other = make_user(db.session, "admin")
    upload = uploads.keep_upload(db.session, kind="products", filename="a.csv", data=b"slug\n", user_id=office.id,
                                now=NOW)
    db.session.commit()
    assert uploads.kept_upload(db.session, upload.token, user_id=office.id, now=NOW).data == b"slug\n"
    with pytest.raises(uploads.UploadGone):
        uploads.kept_upload(db.session, upload.token, user_id=other.id, now=NOW)
    with pytest.raises(uploads.UploadGone):
        uploads.kept_upload(db.session, upload.token, user_id=office.id, now=NOW + timedelta(days=2))


@pytest.mark.parametrize("text, value", [("280.000", 280000), ("280,000", 280000), ("280000 ₫", 280000),
                                         ("1.250.000 đ", 1250000), ("280 000", 280000), ("7", 7),
                                         ("280.5", None), ("-5", None), ("", None), ("12,34", None)])
def test_amounts_are_read_as_vietnamese_write_them(text, value):
    """Thousands grouped by dot, comma or space and a đồng sign are accepted; decimals are refused, not guessed."""
    assert parse_whole_amount(text) == value


def _admin(client, db):
    from tests.conftest import login
    user = make_user(db.session, "admin", locale="en")
    db.session.commit()
    login(client, user)
    return user


def _check(client, data: bytes, kind="products"):
    from tests.conftest import session_token
    return client.post("/backoffice/import", content_type="multipart/form-data", data={
        "csrf_token": session_token(client), "kind": kind, "file": (io.BytesIO(data), "hang.csv", "text/csv")})


def test_the_page_keeps_the_checked_file_and_asks_to_confirm_a_move(client, db, setting):
    """A semicolon file moving a certified product is checked once; the import uses the kept file (no second
    upload), refuses without the confirmation, and moves the product with it."""
    import re

    from tests.conftest import session_token
    _admin(client, db)
    owner = make_producer(db.session, slug="ctcp-ngoc-trai")
    product = make_product(db.session, producer=owner, slug="ruou-ba-kich")
    certify(db.session, product, stars=4, decision_date=datetime.now(timezone.utc).date() - timedelta(days=30))
    db.session.commit()
    page = _check(client, _csv([_row()], ";", bom=True))
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "semicolon-separated" in html
    assert "Moves the product to another producer" in html and 'name="confirm"' in html
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    refused = client.post("/backoffice/import/apply", data={"csrf_token": session_token(client), "token": token})
    assert refused.status_code == 400 and "Tick the confirmation" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Product, product.id).producer_id == owner.id
    done = client.post("/backoffice/import/apply", data={"csrf_token": session_token(client), "token": token,
                                                         "confirm": "y"})
    assert done.status_code == 303
    db.session.expire_all()
    assert db.session.get(Product, product.id).producer.slug == "htx-ba-che"
    # The kept file is used once.
    again = client.post("/backoffice/import/apply", data={"csrf_token": session_token(client), "token": token})
    assert again.status_code == 303 and again.headers["Location"].endswith("/backoffice/import")


def test_the_page_shows_each_bad_cells_value(client, db, setting):
    """The error table shows the value of the bad cell; a tab-separated file is read."""
    _admin(client, db)
    page = _check(client, _csv([_row(group="IX.9")], "\t"))
    html = page.get_data(as_text=True)
    assert page.status_code == 400 and "<code>IX.9</code>" in html and "Unknown product group." in html
