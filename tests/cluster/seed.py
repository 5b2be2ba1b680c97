"""Seeds the cluster test's database (run as a separate process with DATABASE_URL set): a producer
with a signed-in user and one product on sale; prints their ids as JSON."""
import json

from shop import create_app
from shop.extensions import db
from tests.factories import PASSWORD, make_producer, make_product, make_user


def main() -> None:
    app = create_app("development")
    with app.app_context():
        producer = make_producer(db.session, name="HTX Trà hoa vàng Ba Chẽ", email="bache@example.vn")
        product = make_product(db.session, producer=producer, name="Trà hoa vàng", stock=100, prices=(120_000,))
        photo_product = make_product(db.session, producer=producer, name="Mật ong rừng", status="draft")
        user = make_user(db.session, "producer", producer=producer, email="producer@example.vn", locale="vi")
        db.session.commit()
        print(json.dumps({"product_slug": product.slug, "packaging_id": product.packagings[0].id,
                          "photo_product_id": photo_product.id, "photo_product_slug": photo_product.slug,
                          "producer_email": user.email, "password": PASSWORD, "stock": 100}))


if __name__ == "__main__":
    main()
