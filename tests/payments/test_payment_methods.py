"""Payment methods behind one interface: hidden when unconfigured, VietQR instructions, the office's CLI."""
import inspect
from datetime import datetime, timedelta, timezone

from shop.cart.services import CartItem
from shop.catalog.models import Packaging
from shop.orders import placement, services, status
from shop.orders.models import Order, OrderStatus
from shop.payments import base, registry
from shop.payments.bank_transfer import BankTransfer
from shop.payments.vietqr import parse_tlv
from tests.conftest import VIETQR_SETTINGS
from tests.factories import make_checkout, make_product, order_settings

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def _transfer_order(app, db, stock=5, quantity=1):
    product = make_product(db.session, prices=(100_000,), stock=stock)
    order = placement.place_order(db.session, [CartItem(product.packagings[0].id, quantity)],
                                 make_checkout(payment_method="bank_transfer"), locale="vi", now=NOW,
                                 settings=order_settings(app))
    db.session.commit()
    return order, product.packagings[0].id


def test_every_method_implements_the_interface():
    """Each method has a unique code, a label, a description, and calls taking every argument the interface passes."""
    methods = registry.all_methods()
    assert len({m.code for m in methods}) == len(methods) >= 4
    for method in methods:
        assert isinstance(method, base.PaymentMethod) and str(method.label) and str(method.description)
        assert isinstance(method.pay_before_fulfilment, bool)
        for name in ("start", "refund_at_provider", "instructions", "is_configured"):
            interface = inspect.signature(getattr(base.PaymentMethod, name)).parameters
            own = inspect.signature(getattr(type(method), name)).parameters
            assert set(interface) <= set(own), (method.code, name, sorted(set(interface) - set(own)))


def test_a_method_with_missing_or_bad_settings_is_hidden(app):
    """Bank transfer is offered only when all four VietQR settings are present and valid; cash always."""
    assert [m.code for m in registry.available_methods(app.config)] == ["cod"]
    assert [m.code for m in registry.available_methods({**app.config, **VIETQR_SETTINGS})] == ["cod", "bank_transfer"]
    for broken in ({"VIETQR_ACCOUNT_NAME": ""}, {"VIETQR_BANK_BIN": "97043"}, {"VIETQR_ACCOUNT": "12 34"}):
        assert registry.get_method("bank_transfer", {**app.config, **VIETQR_SETTINGS, **broken}) is None


def test_vietqr_instructions_carry_account_amount_and_reference(app, db, vietqr):
    """The order page's QR payload names the bank BIN, account, exact amount and the order reference."""
    order, _packaging = _transfer_order(app, db)
    payment = services.payment_of(db.session, order)
    with app.test_request_context("/vi/"):
        found = BankTransfer().instructions(order, payment, config=app.config)
    payload = parse_tlv(found.context["payload"])
    assert payload["38"]["01"] == {"00": "970436", "01": "1023456789"}
    assert payload["54"] == str(order.total_vnd) == "120000"
    assert payload["62"]["08"] == order.code.replace("-", "")
    assert payload["59"] == "HTX DICH VU OCOP QUANG NI"  # folded to ASCII, cut at 25
    assert found.context["qr_svg"].startswith('<svg role="img"')


def test_start_of_manual_methods_sends_the_buyer_to_the_order_page(app, db, vietqr):
    """Cash and transfer need no provider: start() returns no redirect."""
    order, _packaging = _transfer_order(app, db)
    payment = services.payment_of(db.session, order)
    manual = [m for m in registry.all_methods() if m.code in ("cod", "bank_transfer")]
    assert len(manual) == 2
    for method in manual:
        assert method.start(db.session, order, payment, config=app.config, now=NOW, pay_url="/pay").redirect_url is None


def test_office_marks_a_transfer_paid_from_the_command_line(app, db, vietqr):
    """`flask shop mark-paid CODE` confirms the order and logs the office as the actor."""
    order, _packaging = _transfer_order(app, db)
    result = app.test_cli_runner().invoke(args=["shop", "mark-paid", order.code.lower(), "--note", "VCB 123"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == OrderStatus.CONFIRMED
    assert (order.events[-1].actor, order.events[-1].note) == ("office", "VCB 123")


def test_a_payment_for_a_cancelled_order_is_refused_by_the_command(app, db, vietqr):
    """mark-paid on a cancelled order fails with a message and changes nothing."""
    order, _packaging = _transfer_order(app, db)
    status.cancel_order(db.session, order, actor="buyer", now=NOW, buyer=True)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["shop", "mark-paid", order.code])
    assert result.exit_code != 0 and "not_payable" in result.output
    result = app.test_cli_runner().invoke(args=["shop", "mark-paid", "QN-NOPE00"])
    assert result.exit_code != 0 and "No order" in result.output
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == OrderStatus.CANCELLED


def test_expire_orders_command_gives_stock_back(app, db, vietqr, config_override):
    """`flask shop expire-orders` cancels unpaid orders past the limit and restores their stock."""
    order, packaging_id = _transfer_order(app, db, stock=5, quantity=3)
    db.session.execute(Order.__table__.update().where(Order.id == order.id)
                       .values(expires_at=datetime.now(timezone.utc) - timedelta(minutes=1)))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["shop", "expire-orders"])
    assert result.exit_code == 0 and "1 unpaid order(s) expired." in result.output
    db.session.expire_all()
    assert db.session.get(Packaging, packaging_id).stock == 5
    assert db.session.get(Order, order.id).status == OrderStatus.CANCELLED
