"""Order mails over real SMTP (aiosmtpd on loopback): the buyer's in their language, each producer's in Vietnamese."""
import logging

from sqlalchemy import select

from shop.orders.models import Order
from tests.conftest import csrf_token_of, form_value
from tests.factories import make_producer, make_product


def _order(client, db, locale, products, **fields):
    for product in products:
        page = client.get(f"/{locale}/products/{product.slug}").get_data(as_text=True)
        client.post(f"/{locale}/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": 2,
                                                 "packaging_id": product.packagings[0].id})
    html = client.get(f"/{locale}/checkout").get_data(as_text=True)
    data = {"csrf_token": csrf_token_of(html), "idempotency_key": form_value(html, "idempotency_key"),
            "name": "Wang Fang", "phone": "+86 139 1234 5678", "email": "wang@example.cn", "fulfilment": "delivery",
            "province": "22", "commune": "06712", "street": "5 Hùng Vương", "payment_method": "cod"}
    data.update(fields)
    response = client.post(f"/{locale}/checkout", data=data)
    assert response.status_code == 303
    return db.session.scalar(select(Order))


def _catalog(db):
    ba_che = make_producer(db.session, name={"vi": "HTX Ba Chẽ", "en": "Ba Che Co-op", "zh": "巴扯合作社"},
                           email="bache@example.vn")
    quy_hoa = make_producer(db.session, name={"vi": "Cty Quy Hoa", "en": "Quy Hoa Ltd", "zh": "归华公司"},
                            email="quyhoa@example.vn")
    tea = make_product(db.session, producer=quy_hoa, prices=(200_000,),
                       name={"vi": "Trà hoa vàng", "en": "Golden camellia tea", "zh": "金花茶"})
    wine = make_product(db.session, producer=ba_che, prices=(150_000,),
                        name={"vi": "Rượu ba kích", "en": "Morinda wine", "zh": "巴戟酒"})
    db.session.commit()
    return tea, wine


def test_buyer_gets_a_chinese_confirmation_and_each_producer_a_vietnamese_notice(client, db, smtp_server):
    """A checkout in Chinese mails the buyer in Chinese and each producer, in Vietnamese, only its own lines."""
    tea, wine = _catalog(db)
    order = _order(client, db, "zh", [tea, wine])
    by_recipient = {message["To"]: message for message in smtp_server.messages}
    assert set(by_recipient) == {"wang@example.cn", "quyhoa@example.vn", "bache@example.vn"}

    buyer = by_recipient["wang@example.cn"]
    body = buyer.get_content()
    assert order.code in buyer["Subject"]
    assert "金花茶" in body and "巴戟酒" in body and "₫700,000" in body  # 400 000 + 300 000, free shipping
    assert f"/zh/orders/{order.token}" in body
    assert "Trà hoa vàng" not in body

    notice = by_recipient["quyhoa@example.vn"].get_content()
    assert "Trà hoa vàng" in notice and "Rượu ba kích" not in notice and "巴戟酒" not in notice
    assert "400.000" in notice and "Wang Fang" in notice
    assert "Rượu ba kích" in by_recipient["bache@example.vn"].get_content()


def test_english_buyer_gets_an_english_confirmation(client, db, smtp_server):
    """The same order placed in English mails the buyer in English."""
    tea, _wine = _catalog(db)
    _order(client, db, "en", [tea])
    buyer = next(m for m in smtp_server.messages if m["To"] == "wang@example.cn")
    assert "Golden camellia tea" in buyer.get_content() and "₫400,000" in buyer.get_content()


def test_without_mail_server_mails_go_to_the_log(client, db, caplog):
    """With no MAIL_SERVER (development) the order succeeds and the mail text is logged instead."""
    tea, _wine = _catalog(db)
    with caplog.at_level(logging.INFO, logger="shop.mailer"):
        order = _order(client, db, "en", [tea])
    assert "MAIL_SERVER not set" in caplog.text and order.code in caplog.text


def test_a_failing_mail_server_never_undoes_the_order(client, db, config_override, caplog):
    """If SMTP is down, the order stands and its mails wait in the outbox for another attempt."""
    from shop.outbox.models import OutboxMail
    tea, _wine = _catalog(db)
    config_override(MAIL_SERVER="127.0.0.1", MAIL_PORT=9, MAIL_USE_TLS=False)  # nothing listens on discard
    order = _order(client, db, "en", [tea])
    mails = db.session.scalars(select(OutboxMail).order_by(OutboxMail.id)).all()
    assert order is not None and [m.kind for m in mails] == ["order_confirmation", "producer_notice"]
    assert all(m.status == "pending" and m.attempts == 1 and "refused" in m.last_error for m in mails)


def test_korean_buyer_gets_a_korean_confirmation(client, db, smtp_server):
    """An order placed on /ko/ mails the buyer in Korean: subject, greeting, names, province in Korean."""
    producer = make_producer(db.session, name={"vi": "Cty Quy Hoa", "ko": "꾸이호아 유한회사"}, email="qh@example.vn")
    tea = make_product(db.session, producer=producer, prices=(200_000,),
                       name={"vi": "Trà hoa vàng", "en": "Golden camellia tea", "zh": "金花茶", "ko": "금화차"})
    db.session.commit()
    order = _order(client, db, "ko", [tea])
    buyer = next(m for m in smtp_server.messages if m["To"] == "wang@example.cn")
    body = buyer.get_content()
    assert order.code in buyer["Subject"] and "OCOP" in buyer["Subject"] and "주문" in buyer["Subject"]
    assert "금화차" in body and "꽝닌성" in body and f"/ko/orders/{order.token}" in body
    assert "Golden camellia tea" not in body and "Thank you" not in body
