"""Sales point staff services: every call is scoped to the point id it is given."""
from datetime import date

import pytest
from sqlalchemy import select

from shop.catalog.models import ProductStatus
from shop.places import services as places
from shop.places import staff
from shop.places.models import SalesPointProduct
from tests.factories import certify, make_product, make_sales_point

DAY = date(2026, 3, 1)


def _carried(db, point):
    return {r.product_id: r.in_stock for r in db.session.scalars(
        select(SalesPointProduct).where(SalesPointProduct.sales_point_id == point.id))}


def test_carried_products_lists_producer_stars_price_and_stock_by_name(db):
    """The list has each carried product with its producer, badge and in-stock flag, sorted by name."""
    tea = make_product(db.session, name="Trà hoa vàng", prices=(250_000,))
    honey = make_product(db.session, name="Mật ong rừng")
    certify(db.session, tea, stars=5)
    point = make_sales_point(db.session, carries=[tea, honey])
    staff.set_in_stock(db.session, point.id, honey.id, False)
    db.session.expire_all()  # the certificate's current award is a view-only relationship, loaded afresh
    rows = staff.carried_products(db.session, point.id, locale="vi", today=DAY)
    assert [(r.product.id, r.in_stock) for r in rows] == [(honey.id, False), (tea.id, True)]
    assert rows[1].product.producer is not None and rows[1].product.price_from_vnd == 250_000
    assert rows[1].product.current_award.stars == 5


def test_carried_products_keeps_unpublished_ones_so_staff_can_remove_them(db):
    """A carried product sent back to review stays on the staff list, flagged as not published."""
    product = make_product(db.session, status=ProductStatus.PENDING_REVIEW)
    point = make_sales_point(db.session, carries=[product])
    [row] = staff.carried_products(db.session, point.id, locale="en", today=DAY)
    assert row.product.id == product.id and not row.is_published


def test_add_product_carries_a_published_product_in_stock(db):
    """Adding a published product makes the point carry it, in stock."""
    product = make_product(db.session)
    point = make_sales_point(db.session)
    staff.add_product(db.session, point.id, product.id)
    assert _carried(db, point) == {product.id: True}


def test_adding_an_unpublished_product_is_refused(db):
    """A draft, pending or withdrawn product cannot be carried, by id or by code."""
    point = make_sales_point(db.session)
    for status in (ProductStatus.DRAFT, ProductStatus.PENDING_REVIEW, ProductStatus.WITHDRAWN):
        product = make_product(db.session, status=status)
        with pytest.raises(staff.StaffError) as by_id:
            staff.add_product(db.session, point.id, product.id)
        assert by_id.value.code == "unknown_product"
        with pytest.raises(staff.StaffError) as by_code:
            staff.add_product_by_code(db.session, point.id, product.code)
        assert by_code.value.code == "not_published"
    assert _carried(db, point) == {}


def test_add_by_code_reads_a_code_typed_from_a_label(db):
    """A code in lower case with spaces or dashes finds the product; an unknown code is refused."""
    product = make_product(db.session)
    point = make_sales_point(db.session)
    typed = f" {product.code[:4].lower()}-{product.code[4:].lower()} "
    assert staff.add_product_by_code(db.session, point.id, typed).id == product.id
    with pytest.raises(staff.StaffError) as error:
        staff.add_product_by_code(db.session, point.id, "PZZZZZZZZ")
    assert error.value.code == "unknown_code"


def test_adding_twice_is_refused(db):
    """A product already carried is not added a second time."""
    product = make_product(db.session)
    point = make_sales_point(db.session, carries=[product])
    with pytest.raises(staff.StaffError) as error:
        staff.add_product(db.session, point.id, product.id)
    assert error.value.code == "already_carried"


def test_a_point_cannot_touch_another_points_products(db):
    """Removing or flagging a product carried only by point B, with point A's id, changes nothing."""
    product = make_product(db.session)
    point_a = make_sales_point(db.session)
    point_b = make_sales_point(db.session, carries=[product])
    for call in (lambda: staff.remove_product(db.session, point_a.id, product.id),
                 lambda: staff.set_in_stock(db.session, point_a.id, product.id, False)):
        with pytest.raises(staff.StaffError) as error:
            call()
        assert error.value.code == "not_carried"
    assert _carried(db, point_b) == {product.id: True}


def test_remove_and_stock_flags_change_only_this_point(db):
    """Point A's out-of-stock and removal leave point B's row alone; the public lookups follow at once."""
    kept, dropped = make_product(db.session), make_product(db.session)
    point_a = make_sales_point(db.session, carries=[kept, dropped])
    point_b = make_sales_point(db.session, carries=[kept, dropped])
    staff.set_in_stock(db.session, point_a.id, kept.id, False)
    staff.remove_product(db.session, point_a.id, dropped.id)
    assert _carried(db, point_a) == {kept.id: False}
    assert _carried(db, point_b) == {kept.id: True, dropped.id: True}
    assert places.carried_stock(db.session, point_a.id) == {kept.id: False}
    assert (point_a, False) in places.sales_points_carrying(db.session, kept.id)


def test_find_products_by_code_or_words_skips_carried_and_unpublished(db):
    """The search finds published products not yet carried, by exact code or by name words."""
    tea = make_product(db.session, name="Trà hoa vàng Ba Chẽ")
    carried = make_product(db.session, name="Trà hoa vàng Đầm Hà")
    make_product(db.session, name="Trà hoa vàng nháp", status=ProductStatus.DRAFT)
    point = make_sales_point(db.session, carries=[carried])
    assert [p.id for p in staff.find_products(db.session, point.id, "tra hoa vang")] == [tea.id]
    assert [p.id for p in staff.find_products(db.session, point.id, tea.code.lower())] == [tea.id]
    assert staff.find_products(db.session, point.id, carried.code) == []
    assert staff.find_products(db.session, point.id, "   ") == []
    with pytest.raises(staff.StaffError) as error:
        staff.find_products(db.session, point.id, "x" * 500)
    assert error.value.code == "query_too_long"
