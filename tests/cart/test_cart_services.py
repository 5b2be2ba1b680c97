"""Cart rules: quantities, stock caps, unavailable products, prices recomputed, grouping by producer."""
import pytest
from sqlalchemy import func, select

from shop.cart import services
from shop.cart.models import Cart
from shop.cart.services import CartError
from shop.catalog.models import ProductStatus
from tests.factories import make_producer, make_product

MAX = 99


def _add(db, token, packaging_id, quantity) -> services.Added:
    return services.add_to_cart(db.session, token, packaging_id, quantity, max_quantity=MAX, locale="vi")


def _cart_with(db, *items) -> Cart:
    """A stored cart holding each (packaging id, quantity) of items, loaded as the views load it."""
    token = None
    for packaging_id, quantity in items:
        token = _add(db, token, packaging_id, quantity).token
    return services.get_cart(db.session, token)


def _carts(db) -> int:
    return db.session.scalar(select(func.count()).select_from(Cart))


def test_add_then_add_again_sums_the_line(db):
    """Adding the same packaging twice makes one line with both quantities."""
    product = make_product(db.session, stock=10)
    first = _add(db, None, product.packagings[0].id, 2)
    assert _add(db, first.token, product.packagings[0].id, 3) == services.Added(first.token, 5)
    cart = services.get_cart(db.session, first.token)
    assert [(l.packaging_id, l.quantity) for l in cart.lines] == [(product.packagings[0].id, 5)]


def test_quantity_is_capped_by_stock_and_kept(db):
    """Asking for more than the stock keeps the stock's quantity and says so with code 'capped'."""
    product = make_product(db.session, stock=3)
    added = _add(db, None, product.packagings[0].id, 5)
    assert added.quantity == 3
    assert added.capped.code == "capped" and added.capped.params["quantity"] == 3
    assert services.get_cart(db.session, added.token).lines[0].quantity == 3


@pytest.mark.parametrize("quantity", [0, -1, MAX + 1, 10**30, "3", 2.5, True])
def test_bad_quantities_are_refused(db, quantity):
    """Zero, negative, huge, non-integer quantities raise 'bad_quantity' and store no cart."""
    product = make_product(db.session)
    with pytest.raises(CartError) as caught:
        _add(db, None, product.packagings[0].id, quantity)
    assert caught.value.code == "bad_quantity"
    assert _carts(db) == 0


@pytest.mark.parametrize("packaging_id", [0, -5, 10**12, 987654, "1"])
def test_unknown_packaging_is_refused(db, packaging_id):
    """A packaging id that does not exist (or is not an id) raises 'unknown_item' and stores no cart."""
    with pytest.raises(CartError) as caught:
        _add(db, None, packaging_id, 1)
    assert caught.value.code == "unknown_item"
    assert _carts(db) == 0


def test_unpublished_and_out_of_stock_products_cannot_be_added(db):
    """A draft product is 'unavailable'; a packaging with no stock is 'out_of_stock'."""
    draft = make_product(db.session, status=ProductStatus.DRAFT)
    empty = make_product(db.session, stock=0)
    with pytest.raises(CartError, match="unavailable"):
        _add(db, None, draft.packagings[0].id, 1)
    with pytest.raises(CartError, match="out_of_stock"):
        _add(db, None, empty.packagings[0].id, 1)


def test_set_quantity_zero_removes_the_line(db):
    """Setting a line to 0 takes it out of the cart."""
    product = make_product(db.session)
    cart = _cart_with(db, (product.packagings[0].id, 2))
    services.set_quantity(db.session, cart, product.packagings[0].id, 0, max_quantity=MAX, locale="vi")
    assert cart.lines == []


def test_view_groups_by_producer_and_prices_now(db):
    """The cart view groups lines by producer and uses today's price, not the price when added."""
    first, second = make_producer(db.session, name="HTX A"), make_producer(db.session, name="HTX B")
    tea = make_product(db.session, producer=first, prices=(100_000,))
    wine = make_product(db.session, producer=second, prices=(250_000,))
    honey = make_product(db.session, producer=first, prices=(80_000,))
    cart = _cart_with(db, *((product.packagings[0].id, 1) for product in (tea, wine, honey)))
    tea.packagings[0].price_vnd = 120_000
    db.session.flush()
    view = services.view_cart(db.session, cart, locale="en")
    assert [len(g.lines) for g in view.groups] == [2, 1]
    assert view.groups[0].producer.id == first.id
    assert view.subtotal_vnd == 120_000 + 250_000 + 80_000
    assert view.count == 3


def test_lines_that_became_unavailable_are_flagged_not_dropped(db):
    """A withdrawn product and a packaging whose stock fell below the quantity stay in the cart, flagged."""
    gone = make_product(db.session, stock=5)
    short = make_product(db.session, stock=5)
    cart = _cart_with(db, (gone.packagings[0].id, 1), (short.packagings[0].id, 4))
    gone.status = ProductStatus.WITHDRAWN
    short.packagings[0].stock = 2
    db.session.flush()
    view = services.view_cart(db.session, cart, locale="vi")
    problems = {line.product.id: line.problem for line in view.lines}
    assert problems == {gone.id: "unavailable", short.id: "short"}
    assert view.subtotal_vnd == 4 * short.packagings[0].price_vnd  # unavailable lines are not counted


def test_item_count_reads_the_token_cart(db):
    """The header count sums quantities of the session token's cart only."""
    product = make_product(db.session)
    token = _add(db, None, product.packagings[0].id, 3).token
    assert services.item_count(db.session, token) == 3
    assert services.item_count(db.session, "someone-else") == 0


def test_on_sale_reads_each_packaging_column_into_its_field(db):
    """on_sale's Core rows fill PackagingRow field by field (the statement's columns are PACKAGING_COLUMNS, in
    the same order), typed as the ORM would load them, with the product's names in the locale or in Vietnamese."""
    from shop.cart.queries import PACKAGING_COLUMNS
    from shop.catalog.models import Packaging

    assert services.PackagingRow._fields == PACKAGING_COLUMNS
    product = make_product(db.session, prices=(45_000, 90_000), stock=7)
    db.session.commit()
    found = services.on_sale(db.session, [p.id for p in product.packagings], "zh")
    assert set(found) == {p.id for p in product.packagings}
    for packaging in db.session.query(Packaging).filter_by(product_id=product.id):
        row = found[packaging.id].packaging
        assert row == tuple(getattr(packaging, name) for name in PACKAGING_COLUMNS)
        assert row.active is True and isinstance(row.price_vnd, int)
        assert found[packaging.id].buyable and found[packaging.id].product_name


def test_add_to_cart_makes_the_cart_sums_caps_and_refuses_before_writing(db):
    """add_to_cart creates a cart for an unknown token and returns its token, adds to the same line on the next
    add, stores a capped quantity and says so, and refuses an unknown or sold-out packaging without creating
    any cart."""
    from shop.cart.models import CartLine

    product = make_product(db.session, stock=5)
    db.session.commit()
    packaging_id = product.packagings[0].id
    sold_out = make_product(db.session, stock=0)
    db.session.commit()
    for packaging_id_refused, code in ((2**31 - 1, "unknown_item"), (sold_out.packagings[0].id, "out_of_stock")):
        with pytest.raises(CartError) as refused:
            services.add_to_cart(db.session, None, packaging_id_refused, 1, max_quantity=99, locale="en")
        assert refused.value.code == code and db.session.scalar(select(func.count()).select_from(Cart)) == 0
    first = services.add_to_cart(db.session, "no-such-token", packaging_id, 2, max_quantity=99, locale="en")
    assert first.token != "no-such-token" and first.quantity == 2 and first.capped is None
    again = services.add_to_cart(db.session, first.token, packaging_id, 2, max_quantity=99, locale="en")
    assert again.token == first.token and again.quantity == 4
    capped = services.add_to_cart(db.session, first.token, packaging_id, 3, max_quantity=99, locale="en")
    assert capped.quantity == 5 and capped.capped is not None and capped.capped.code == "capped"
    db.session.commit()
    lines = db.session.execute(select(CartLine.quantity).join(Cart).where(Cart.token == first.token)).scalars().all()
    assert lines == [5]
