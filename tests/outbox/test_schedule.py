"""The worker's schedule: certificate reminders once each, forgotten carts, lapsing at 00:05 in
Vietnam, expiring unpaid orders, and catalog PDFs kept until the catalog changes."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from shop.cart.models import Cart, CartLine
from shop.cart.services import forget_abandoned_carts
from shop.catalog.reminders import queue_reminders
from shop.models_base import utcnow
from tests.factories import certify, make_producer, make_product


def _certificate_lapsing(db, valid_until: date):
    producer = make_producer(db.session, name="HTX Ba Chẽ", email="bache@example.vn")
    product = make_product(db.session, producer=producer, name="Trà hoa vàng")
    certificate = certify(db.session, product, stars=4)
    certificate.valid_until = valid_until
    db.session.commit()
    return certificate


def _reminders(db, today):
    count = queue_reminders(db.session, today, base_url="http://shop.test/", now=utcnow(),
                            office_emails=["office@ocop.vn"])
    db.session.commit()
    return count


def test_reminders_90_30_7_days_ahead_once_each_in_vietnamese(app, db, smtp_server):
    """Producer and office get one Vietnamese mail at 90, 30 and 7 days before the lapse, never twice."""
    lapse = date(2026, 12, 31)
    certificate = _certificate_lapsing(db, lapse)
    assert _reminders(db, lapse - timedelta(days=91)) == 0
    assert _reminders(db, lapse - timedelta(days=90)) == 2
    assert _reminders(db, lapse - timedelta(days=89)) == 0  # the 90-day one was sent
    assert _reminders(db, lapse - timedelta(days=30)) == 2
    assert _reminders(db, lapse - timedelta(days=30)) == 0
    assert _reminders(db, lapse - timedelta(days=7)) == 2
    assert _reminders(db, lapse - timedelta(days=1)) == 0
    subjects = [(m["To"], m["Subject"]) for m in smtp_server.messages]
    assert len(subjects) == 6 and {to for to, _s in subjects} == {"bache@example.vn", "office@ocop.vn"}
    number = certificate.decision_number
    assert f"Chứng nhận OCOP {number} hết hạn sau 90 ngày" in [s for _t, s in subjects]
    body = smtp_server.messages[0].get_content()
    assert "Trà hoa vàng" in body and "31/12/2026" in body


def test_a_late_certificate_gets_only_the_nearest_reminder(app, db, smtp_server):
    """A certificate recorded 20 days before it lapses gets the 30-day reminder, not the 90-day one too."""
    lapse = date(2026, 12, 31)
    _certificate_lapsing(db, lapse)
    assert _reminders(db, lapse - timedelta(days=20)) == 2
    assert _reminders(db, lapse - timedelta(days=19)) == 0
    assert all("30 ngày" in m["Subject"] for m in smtp_server.messages)


def test_carts_untouched_for_30_days_are_forgotten(app, db):
    """A cart with no change for 30 days goes, lines and all; a cart with a recent line stays."""
    product = make_product(db.session)
    old = utcnow() - timedelta(days=31)
    stale = Cart(token="stale", created_at=old, updated_at=old)
    kept = Cart(token="kept", created_at=old, updated_at=old)
    stale.lines.append(CartLine(packaging_id=product.packagings[0].id, quantity=1, added_at=old))
    kept.lines.append(CartLine(packaging_id=product.packagings[0].id, quantity=1, added_at=utcnow()))
    db.session.add_all([stale, kept])
    db.session.commit()
    assert forget_abandoned_carts(db.session, utcnow(), days=30) == 1
    db.session.commit()
    assert db.session.scalars(select(Cart.token)).all() == ["kept"]
    assert db.session.scalar(select(CartLine.cart_id)) == kept.id


def test_lapsing_runs_at_five_past_midnight_in_vietnam(app):
    """The daily lapse fires at 00:05 Asia/Ho_Chi_Minh (17:05 UTC), and at no other minute."""
    from zoneinfo import ZoneInfo
    huey = app.extensions["jobs"].huey
    local = datetime(2026, 3, 1, 0, 5, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    utc = local.astimezone(timezone.utc).replace(tzinfo=None)
    due = lambda moment: sorted(task.name for task in huey.read_periodic(moment))  # noqa: E731
    assert due(utc) == ["every_minute", "lapse_certificates"]
    assert due(utc + timedelta(minutes=10)) == ["daily", "every_minute"]  # reminders and carts at 00:15
    assert due(utc + timedelta(minutes=1)) == ["every_minute"]


def test_catalog_pdfs_are_built_once_and_rebuilt_when_the_catalog_changes(app, db):
    """The worker builds each locale's catalog once; a renamed product makes a new one and the old goes."""
    from shop.showroom.pdf_cache import build_missing
    from shop.storage import storage
    product = make_product(db.session, name="Chè Hải Hà")
    db.session.commit()
    locales = len(app.config["LOCALES"])
    assert build_missing(app) == locales  # one per locale; no sales point yet
    assert build_missing(app) == 0
    from shop.outbox.models import JobMark
    first = db.session.scalar(select(JobMark.value).where(JobMark.key.like("pdf:pdf/catalog-vi-%")))
    assert storage().exists(first)
    product.translations[0].summary = "Mới"
    db.session.commit()
    assert build_missing(app) == locales
    db.session.expire_all()
    second = db.session.scalar(select(JobMark.value).where(JobMark.key.like("pdf:pdf/catalog-vi-%")))
    assert second != first and storage().exists(second) and not storage().exists(first)


def test_burst_expires_unpaid_orders(app, db, vietqr):
    """`worker --burst` runs the minute's jobs: an order unpaid past its limit is cancelled, stock back."""
    from shop.cart.services import CartItem
    from shop.orders.placement import place_order
    from tests.factories import make_checkout, order_settings
    product = make_product(db.session, stock=5)
    past = utcnow() - timedelta(hours=3)
    order = place_order(db.session, [CartItem(product.packagings[0].id, 2)],
                        make_checkout(payment_method="bank_transfer"), locale="vi", now=past,
                        settings=order_settings(app, payment_minutes=30))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["shop", "worker", "--burst"])
    assert result.exit_code == 0 and "'orders_expired': 1" in result.output
    db.session.expire_all()
    assert db.session.get(type(order), order.id).status == "cancelled"
    assert db.session.get(type(product.packagings[0]), product.packagings[0].id).stock == 5


def test_the_sqlite_queue_skips_the_fsync_per_message_but_keeps_wal(app, tmp_path):
    """Without Redis the queue is a WAL SQLite file with synchronous=NORMAL (no disk flush per doorbell)."""
    from shop.jobs import make_huey

    app.config.update(JOBS_IMMEDIATE=False, REDIS_URL="", JOBS_SQLITE_PATH=str(tmp_path / "jobs.sqlite3"))
    huey = make_huey(app)
    huey.storage.enqueue(b"ring")
    conn = huey.storage.conn
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("pragma synchronous").fetchone()[0] == 1  # NORMAL (huey's default is FULL, 2)
    assert huey.storage.queue_size() == 1
