"""The current award is the one with the latest decision date among those not revoked, whatever the order
in which decisions are recorded; the office is told when an older decision leaves a newer one current."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone

from flask_migrate import upgrade
from sqlalchemy import create_engine, select, text

from shop import create_app
from shop.catalog import certificates, services
from shop.catalog.models import CertificateStatus, CertifiedProduct
from tests.conftest import login, session_token, visible_text
from tests.factories import certify, make_product, make_user

TODAY = date(2026, 6, 1)


def _current(db, product) -> CertifiedProduct:
    db.session.expire_all()
    return db.session.scalar(select(CertifiedProduct).where(CertifiedProduct.product_id == product.id,
                                                            CertifiedProduct.is_current.is_(True)))


def test_an_older_decision_recorded_later_keeps_the_newer_one_current(db):
    """A decision 37 months old, recorded after a valid newer one, does not take the product's badge."""
    product = make_product(db.session)
    newer = certify(db.session, product, stars=4, decision_date=date(2025, 9, 1))
    older = certify(db.session, product, stars=3, decision_date=date(2023, 5, 1))
    db.session.commit()
    assert _current(db, product).certificate_id == newer.id
    product = db.session.merge(product)
    badge = services.badge_for(product, TODAY)
    assert badge.shows_mark and badge.stars == 4
    kept = services.newer_awards_kept(db.session, older)
    assert [(a.certificate_id, c.certificate_id) for a, c in kept] == [(older.id, newer.id)]
    assert services.newer_awards_kept(db.session, newer) == []


def test_revoking_the_newer_certificate_makes_the_latest_unrevoked_current(db):
    """Revoke the newest award: the latest one not revoked becomes current; with all revoked, the latest shows."""
    product = make_product(db.session)
    first = certify(db.session, product, stars=3, decision_date=date(2024, 1, 1))
    second = certify(db.session, product, stars=5, decision_date=date(2025, 1, 1))
    db.session.commit()
    certificates.revoke_certificate(db.session, second.id, on=TODAY, reason="Nhãn sai")
    assert _current(db, product).certificate_id == first.id
    certificates.revoke_certificate(db.session, first.id, on=TODAY, reason="Tạm dừng sản xuất")
    current = _current(db, product)
    assert current.certificate_id == second.id
    assert services.badge_for(db.session.merge(product), TODAY).status == CertificateStatus.REVOKED


def test_same_day_decisions_prefer_the_one_recorded_last(db):
    """Two decisions of the same day: the one recorded last is current (a correction)."""
    product = make_product(db.session)
    certify(db.session, product, stars=3, decision_date=date(2025, 3, 1))
    correction = certify(db.session, product, stars=4, decision_date=date(2025, 3, 1))
    db.session.commit()
    assert _current(db, product).certificate_id == correction.id


def test_the_office_is_told_when_an_older_decision_is_recorded(client, db):
    """Recording the old decision through the back office keeps the badge and flashes which decision stays."""
    admin = make_user(db.session, "admin", locale="en")
    product = make_product(db.session, name="Miến dong Bình Liêu")
    day = date.today()
    certify(db.session, product, stars=4, decision_date=day.replace(day=1), number="DEMO-NEW/QĐ-UBND")
    db.session.commit()
    login(client, admin)
    old_day = services.add_months(day, -37)  # as in the report: a decision 37 months old
    response = client.post("/backoffice/certificates/new", follow_redirects=True, data={
        "csrf_token": session_token(client), "decision_number": "DEMO-OLD/QĐ-UBND",
        "decision_date": old_day.isoformat(), "authority": "UBND tỉnh Quảng Ninh",
        "awards": f"{product.code} 3 60 new"})
    page = visible_text(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Certificate DEMO-OLD/QĐ-UBND recorded." in page
    assert "Miến dong Bình Liêu keeps its newer certificate DEMO-NEW/QĐ-UBND" in page
    assert "a newer decision is current" in page
    assert "OCOP ★★★★" in visible_text(client.get(f"/en/products/{product.slug}").get_data(as_text=True))


def test_migration_recomputes_current_awards(tmp_path):
    """The data migration makes the latest unrevoked award current where an older one was flagged."""
    url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    app = create_app("test", SQLALCHEMY_DATABASE_URI=url, MEDIA_DIR=str(tmp_path))
    directory = os.path.join(app.root_path, os.pardir, "migrations")
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with app.app_context():
        from shop.extensions import db
        upgrade(directory=directory, revision="b8020e61daf9")
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                for cid, day, status in ((1, date(2025, 9, 1), "valid"), (2, date(2022, 8, 1), "valid"),
                                         (3, date(2026, 1, 1), "revoked")):
                    conn.execute(text("INSERT INTO certificates (id, decision_number, decision_date, authority, "
                                      "valid_until, status, revoked_reason, created_at, updated_at) VALUES "
                                      "(:id, :n, :d, 'UBND', :d, :s, '', :t, :t)"),
                                 {"id": cid, "n": f"DEMO-{cid}", "d": day, "s": status, "t": now})
                # Product 7: the old decision (certificate 2) was recorded last and flagged current.
                for aid, cid, current in ((1, 1, False), (2, 2, True), (3, 3, False)):
                    conn.execute(text("INSERT INTO certified_products (id, certificate_id, product_id, stars, score, "
                                      "kind, is_current, code) VALUES (:a, :c, 7, 4, 80, 'new', :cur, :code)"),
                                 {"a": aid, "c": cid, "cur": current, "code": f"C{aid}"})
            upgrade(directory=directory, revision="heads")  # every branch of the history
            with engine.connect() as conn:
                flags = dict(conn.execute(text("SELECT id, is_current FROM certified_products")).all())
        finally:
            engine.dispose()
        db.engine.dispose()
    assert flags == {1: 1, 2: 0, 3: 0}
