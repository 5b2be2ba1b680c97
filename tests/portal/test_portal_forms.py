"""Portal forms that help: prices as Vietnamese write them, all packagings saved together, several photos at
once with cover and order, a checklist before submitting, errors as errors with a summary."""
import io

from sqlalchemy import select

from shop.catalog.models import Product
from tests.conftest import session_token, visible_text
from tests.portal.test_portal import _jpeg, _new_listing, _upload, producer_client  # noqa: F401


def _add_packaging(client, product_id, price, stock="3"):
    return client.post(f"/portal/products/{product_id}/packagings", data={
        "csrf_token": session_token(client), "container": "jar", "quantity": "250", "unit": "g",
        "price_vnd": price, "stock": stock})


def test_prices_are_accepted_as_vietnamese_write_them(producer_client, db):
    """"280.000", "280,000" and "280000 ₫" are 280 000 đồng; "280.5" is refused with a message and a summary."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    for text in ("280.000", "280,000", "280000 ₫"):
        assert _add_packaging(client, product.id, text).status_code == 302
    db.session.expire_all()
    assert [p.price_vnd for p in db.session.get(Product, product.id).packagings] == [280_000] * 3
    response = _add_packaging(client, product.id, "280.5")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="error-summary"' in html
    assert "Write a whole number from 1 to 1,000,000,000, for example 280.000." in visible_text(html) and 'aria-invalid="true"' in html


def test_all_packagings_are_saved_together_or_not_at_all(producer_client, db):
    """One form saves every row; a bad row saves nothing and keeps what was typed in the others."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    _add_packaging(client, product.id, "100.000")
    _add_packaging(client, product.id, "200.000")
    db.session.expire_all()
    first, second = db.session.get(Product, product.id).packagings
    data = {"csrf_token": session_token(client), f"p{first.id}-price_vnd": "120.000", f"p{first.id}-stock": "9",
            f"p{first.id}-active": "y", f"p{second.id}-price_vnd": "abc", f"p{second.id}-stock": "4",
            f"p{second.id}-active": "y"}
    response = client.post(f"/portal/products/{product.id}/packagings/save", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'value="120.000"' in html and 'value="abc"' in html
    db.session.expire_all()
    assert db.session.get(Product, product.id).packagings[0].stock == 3
    data[f"p{second.id}-price_vnd"] = "210.000"
    assert client.post(f"/portal/products/{product.id}/packagings/save", data=data).status_code == 302
    db.session.expire_all()
    first, second = db.session.get(Product, product.id).packagings
    assert (first.price_vnd, first.stock, second.price_vnd, second.stock) == (120_000, 9, 210_000, 4)


def test_several_photos_at_once_then_choose_the_cover(producer_client, db):
    """Two photos in one upload are both kept; another can be made the cover; removal asks first."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    response = client.post(f"/portal/products/{product.id}/photos", data={
        "csrf_token": session_token(client),
        "photo": [(io.BytesIO(_jpeg()), "a.jpg", "image/jpeg"), (io.BytesIO(_jpeg(size=(800, 800))), "b.jpg",
                                                                   "image/jpeg")]},
        content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    first, second = db.session.get(Product, product.id).photos
    assert client.post(f"/portal/products/{product.id}/photos/{second.id}/move",
                       data={"csrf_token": session_token(client), "to": "cover"}).status_code == 302
    db.session.expire_all()
    assert [p.id for p in db.session.get(Product, product.id).photos] == [second.id, first.id]
    page = client.get(f"/portal/products/{product.id}").get_data(as_text=True)
    assert "data-confirm=" in page and 'multiple' in page and 'data-preview="photo-previews"' in page


def test_a_checklist_comes_before_the_submit_button(producer_client, db):
    """Without packaging and photo the page lists what is missing and offers no submit; with both it does."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    page = client.get(f"/portal/products/{product.id}").get_data(as_text=True)
    assert 'class="todo"' in page and f"/portal/products/{product.id}/submit" not in page
    _add_packaging(client, product.id, "100.000")
    assert _upload(client, product.id, _jpeg()).status_code == 302
    page = client.get(f"/portal/products/{product.id}").get_data(as_text=True)
    assert 'class="todo"' not in page and f"/portal/products/{product.id}/submit" in page
    assert "Markdown" not in visible_text(page).split("Photos")[0].replace("Markdown:", "")


def test_messages_show_once(producer_client, db):
    """A flash message appears in one place only."""
    client, _user = producer_client
    product = _new_listing(client, db, name_vi="Trà")
    page = client.get(f"/portal/products/{product.id}").get_data(as_text=True)
    assert page.count("Draft saved.") == 1
    assert db.session.scalar(select(Product.id)) == product.id
