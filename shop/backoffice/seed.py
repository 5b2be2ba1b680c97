"""The programme's 2017–2020 figures as sample data (research article on Quảng Ninh's OCOP):
456 products (food 314, beverages 90, herbal 41, handicrafts 8, services 3), 236 rated 3–5 stars,
and the 177 producers of 2022 (47 enterprises, 65 cooperatives, 65 households).
Names are generic and certificate numbers start with DEMO-, so nothing passes for real."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.models import OcopGroup, Packaging, Product, ProductStatus, ProductTranslation
from shop.catalog.services import add_months, new_code, record_certificate, refresh_price_from
from shop.demo.loader import load_reference
from shop.places.models import Locality
from shop.producers.models import Producer, ProducerTranslation
from shop.sorting import sort_key

# (group code, products): the article's five groups, food and beverages spread over their subgroups.
PRODUCTS_BY_GROUP = [("I.1", 40), ("I.2", 30), ("I.3", 150), ("I.4", 40), ("I.5", 44), ("I.6", 10),
                     ("II.1", 60), ("II.2", 30), ("III", 41), ("IV", 8), ("VI", 3)]
PRODUCERS_BY_TYPE = [("enterprise", 47), ("cooperative", 65), ("household", 65)]
# 236 rated products; the split by stars is a sample (the article gives only the total).
RATED_BY_STARS = [(3, 176), (4, 56), (5, 4)]
AWARDS_PER_DECISION = 10
SEED_LOCALES = ("vi", "en", "zh", "ko")
GROUP_NAMES = {"I": ("Thực phẩm", "Food", "食品", "식품"), "II": ("Đồ uống", "Beverage", "饮料", "음료"),
               "III": ("Dược liệu", "Herbal", "药材", "약재"), "IV": ("Thủ công", "Handicraft", "手工艺品", "수공예품"),
               "VI": ("Du lịch", "Tourism service", "旅游服务", "관광 서비스")}


class SeedError(Exception):
    pass


def seed_programme_2020(session, today: date) -> dict[str, int]:
    """Load the distribution into a catalog without products; the caller commits."""
    if session.scalar(select(Product.id).limit(1)) is not None:
        raise SeedError("the catalog already has products")
    load_reference(session)
    groups = {g.code: g for g in session.scalars(select(OcopGroup))}
    localities = list(session.scalars(select(Locality).order_by(Locality.position)))
    producers: list[Producer] = []
    n = 0
    for kind, count in PRODUCERS_BY_TYPE:
        for _ in range(count):
            n += 1
            names = (f"Chủ thể OCOP mẫu {n:03d}", f"Sample OCOP producer {n:03d}", f"示例 OCOP 主体 {n:03d}",
                     f"샘플 OCOP 생산자 {n:03d}")
            producer = Producer(slug=f"chu-the-mau-{n:03d}", type=kind, locality_id=localities[n % len(localities)].id,
                                translations=[ProducerTranslation(locale=l, name=v, summary="", story="",
                                                                  sort_key=sort_key(v, l))
                                              for l, v in zip(SEED_LOCALES, names)])
            session.add(producer)
            producers.append(producer)
    session.flush()
    products: list[Product] = []
    start = datetime.combine(today, datetime.min.time(), tzinfo=timezone.utc)
    n = 0
    for code, count in PRODUCTS_BY_GROUP:
        top = GROUP_NAMES[code.split(".")[0]]
        for _ in range(count):
            n += 1
            names = (f"{top[0]} mẫu {n:03d}", f"Sample {top[1].lower()} {n:03d}", f"示例{top[2]} {n:03d}",
                     f"샘플 {top[3]} {n:03d}")
            product = Product(
                slug=f"san-pham-mau-2020-{n:03d}", code=new_code("P"), producer_id=producers[n % len(producers)].id,
                group_id=groups[code].id, status=ProductStatus.PUBLISHED, published_at=start - timedelta(hours=n),
                translations=[ProductTranslation(locale=l, name=v, summary="", description="", sort_key=sort_key(v, l))
                              for l, v in zip(SEED_LOCALES, names)],
                packagings=[Packaging(container="pack", quantity=1, unit="piece", price_vnd=50_000 + 1_000 * (n % 50),
                                      stock=20, position=0)])
            refresh_price_from(product)
            session.add(product)
            products.append(product)
    session.flush()
    # Every other product is rated until 236 are, stars as in RATED_BY_STARS.
    stars = [s for s, count in RATED_BY_STARS for _ in range(count)]
    rated = (products[::2] + products[1::2])[:len(stars)]
    awards = [(p, s, {3: 60, 4: 78, 5: 92}[s], "new") for p, s in zip(rated, stars)]
    decisions = 0
    for index in range(0, len(awards), AWARDS_PER_DECISION):
        decisions += 1
        # Decisions spread over the last 35 months, so every one is still valid and lapses are spread out.
        decision_date = add_months(today, -(decisions * 35 // 24 % 36)) - timedelta(days=decisions)
        record_certificate(session, decision_number=f"DEMO-2020-{decisions:03d}/QĐ-UBND", decision_date=decision_date,
                           authority="UBND tỉnh Quảng Ninh", awards=awards[index:index + AWARDS_PER_DECISION])
    for producer in producers:
        search.reindex_producer(session, producer)
    for product in products:
        search.reindex_product(session, product)
    session.flush()
    return {"producers": len(producers), "products": len(products), "rated": len(awards), "certificates": decisions}
