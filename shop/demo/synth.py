"""Synthetic products for benchmarks: fast bulk inserts, every text in vi, en, zh and ko."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from operator import itemgetter

from sqlalchemy import func, select

from shop import db_prepared
from shop.catalog.models import (Certificate, CertifiedProduct, OcopGroup, Packaging, Product,
                                 ProductTranslation, SearchTerm)
from shop.catalog.search import PRODUCER, PRODUCT, rebuild_words, term_rows
from shop.catalog.services import add_months, certificate_valid_until, new_code
from shop.demo.loader import load_reference
from shop.places.models import Locality
from shop.producers.models import Producer, ProducerTranslation
from shop.sorting import sort_key
from shop.text import slugify

LOCALES = ("vi", "en", "zh", "ko")
# (vi, en, zh, ko, group code)
KINDS = [
    ("Trà hoa vàng", "Golden camellia tea", "金花茶", "금화차", "I.5"),
    ("Chè xanh", "Green tea", "绿茶", "녹차", "I.5"),
    ("Mật ong rừng", "Wild honey", "野生蜂蜜", "야생 꿀", "I.3"),
    ("Chả mực", "Squid cakes", "墨鱼饼", "오징어 어묵", "I.3"),
    ("Nước mắm", "Fish sauce", "鱼露", "액젓", "I.4"),
    ("Miến dong", "Arrowroot noodles", "葛粉丝", "칡 당면", "I.3"),
    ("Rượu ba kích", "Morinda root wine", "巴戟天酒", "파극천 술", "II.1"),
    ("Nước khoáng", "Mineral water", "矿泉水", "광천수", "II.2"),
    ("Gạo nếp", "Sticky rice", "糯米", "찹쌀", "I.2"),
    ("Tinh dầu quế", "Cinnamon oil", "肉桂精油", "계피 오일", "III"),
    ("Cao dược liệu", "Herbal extract", "草药膏", "약초 고", "III"),
    ("Giỏ mây tre", "Rattan basket", "藤编篮", "등나무 바구니", "IV"),
    ("Ngọc trai", "Pearl jewellery", "珍珠饰品", "진주 장신구", "IV"),
    ("Sá sùng khô", "Dried peanut worms", "沙虫干", "말린 땅콩벌레", "I.3"),
    ("Trứng vịt biển", "Sea duck eggs", "海鸭蛋", "바다오리알", "I.1"),
]
QUALITIES = [("đặc biệt", "special", "特级", "특급"), ("truyền thống", "traditional", "传统", "전통"),
             ("hữu cơ", "organic", "有机", "유기농"), ("thượng hạng", "premium", "上等", "최상급"), ("", "", "", "")]
PRODUCER_PREFIX = {"enterprise": ("Công ty", "Company", "公司", "회사"), "cooperative": ("HTX", "Cooperative", "合作社", "협동조합"),
                   "cooperative_group": ("Tổ hợp tác", "Cooperative group", "合作组", "협동조"),
                   "household": ("Hộ sản xuất", "Household", "生产户", "생산 가구")}
BATCH = 5_000


def _insert(session, model, rows: list[dict]) -> None:
    """Insert rows (dicts with the same keys) on the session's connection, in its transaction.

    The DB-API is called directly (PostgreSQL: COPY; SQLite: executemany of tuples): at 100,000
    products (4 million search terms) SQLAlchemy's per-row parameter handling cost more than the
    database. The columns' own bind processors still turn each value into what the ORM would store.
    """
    if not rows:
        return
    table = model.__table__
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    if dialect.name not in ("postgresql", "sqlite"):
        for start in range(0, len(rows), BATCH):
            session.execute(table.insert(), rows[start:start + BATCH])
        return
    get = itemgetter(*columns)  # every table here has several columns: a tuple per row
    if any(processors):
        values = [tuple(v if p is None or v is None else p(v) for p, v in zip(processors, get(row)))
                  for row in rows]
    else:
        values = [get(row) for row in rows]
    names = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
    raw = connection.connection.dbapi_connection
    if dialect.name == "postgresql":
        db_prepared.mark_written(connection)  # a COPY is not seen by SQLAlchemy's events
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for value in values:
                copy.write_row(value)
        return
    cursor = raw.cursor()
    try:
        for start in range(0, len(values), BATCH):
            cursor.executemany(f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})",
                               values[start:start + BATCH])
    finally:
        cursor.close()


def _settle(session) -> None:
    """Refresh the planner's statistics (and PostgreSQL's visibility map) after the bulk load.

    Without it a benchmark run straight after the load measures a database no live one is in:
    PostgreSQL cannot use index-only scans until the table is vacuumed, and with autovacuum off
    (or not yet woken) it plans joins from empty statistics.
    """
    engine = session.get_bind()
    if engine.dialect.name != "postgresql":
        return  # SQLite reads its indexes without a visibility map and plans these queries without statistics
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")


def _code_maker(session, column, prefix: str):
    """new_code(prefix) that never repeats a code of column, nor one it gave before: the unique index would
    refuse the whole bulk insert (100,000 random 8-letter codes collide about once in 200 runs)."""
    taken = set(session.scalars(select(column)))

    def fresh() -> str:
        code = new_code(prefix)
        while code in taken:
            code = new_code(prefix)
        taken.add(code)
        return code
    return fresh


def synthesize(session, *, products: int, today: date, seed: int = 7) -> dict[str, int]:
    """Add `products` synthetic published products with producers, certificates and search terms."""
    rng = random.Random(seed)
    load_reference(session)
    groups = {g.code: g.id for g in session.scalars(select(OcopGroup))}
    localities = [(l.id, {t.locale: t.name for t in l.translations}) for l in session.scalars(select(Locality))]
    next_producer = (session.scalar(select(func.max(Producer.id))) or 0) + 1
    next_product = (session.scalar(select(func.max(Product.id))) or 0) + 1
    next_certificate = (session.scalar(select(func.max(Certificate.id))) or 0) + 1
    now = datetime.now(timezone.utc)

    producer_count = max(1, products // 10)
    producer_rows, producer_texts, producer_terms, producer_names = [], [], [], {}
    for n in range(producer_count):
        pid = next_producer + n
        kind = rng.choice(list(PRODUCER_PREFIX))
        locality_id, place = rng.choice(localities)
        names = {l: f"{PRODUCER_PREFIX[kind][i]} {place.get(l, place['vi'])} {pid}" for i, l in enumerate(LOCALES)}
        producer_names[pid] = names
        producer_rows.append({"id": pid, "slug": f"synth-{slugify(names['vi'])}", "type": kind,
                              "locality_id": locality_id, "phone": "0203 000 0000", "email": "", "website": "",
                              "address": place["vi"], "created_at": now, "updated_at": now})
        for locale, name in names.items():
            producer_texts.append({"producer_id": pid, "locale": locale, "name": name,
                                   "summary": "", "story": "", "sort_key": sort_key(name, locale)})
        producer_terms += term_rows(PRODUCER, pid, [("name", n) for n in names.values()] +
                                    [("locality", n) for n in place.values()])
    _insert(session, Producer, producer_rows)
    _insert(session, ProducerTranslation, producer_texts)
    _insert(session, SearchTerm, producer_terms)

    product_rows, texts, packagings, terms, awards, certificates = [], [], [], [], [], []
    product_code, award_code = _code_maker(session, Product.code, "P"), _code_maker(session, CertifiedProduct.code, "C")
    for n in range(products):
        pid = next_product + n
        vi, en, zh, ko, group = rng.choice(KINDS)
        q_vi, q_en, q_zh, q_ko = rng.choice(QUALITIES)
        producer_id = next_producer + rng.randrange(producer_count)
        place = producer_names[producer_id]
        names = {"vi": " ".join(filter(None, [vi, q_vi, str(pid)])),
                 "en": " ".join(filter(None, [q_en.capitalize(), en.lower() if q_en else en, str(pid)])),
                 "zh": f"{q_zh}{zh} {pid}", "ko": " ".join(filter(None, [q_ko, ko, str(pid)]))}
        summaries = {"vi": f"{vi} của {place['vi']}.", "en": f"{en} from {place['en']}.",
                     "zh": f"{place['zh']}出品的{zh}。", "ko": f"{place['ko']}의 {ko}."}
        product_rows.append({"id": pid, "slug": f"{slugify(names['vi'])}", "code": product_code(),
                             "producer_id": producer_id, "group_id": groups[group], "status": "published",
                             "featured": False, "published_at": now - timedelta(minutes=n),
                             "created_at": now, "updated_at": now, "price_from_vnd": None})
        prices = []
        for position in range(rng.randint(1, 3)):
            price = rng.randrange(20, 2000) * 1000
            prices.append(price)
            packagings.append({"product_id": pid, "container": rng.choice(["jar", "bottle", "box", "bag"]),
                               "quantity": rng.choice([100, 250, 500, 1000]), "unit": rng.choice(["g", "ml"]),
                               "price_vnd": price, "stock": rng.randrange(0, 200), "position": position,
                               "active": True})
        product_rows[-1]["price_from_vnd"] = min(prices)
        for locale in LOCALES:
            texts.append({"product_id": pid, "locale": locale, "name": names[locale],
                          "summary": summaries[locale], "description": summaries[locale],
                          "sort_key": sort_key(names[locale], locale)})
        terms += term_rows(PRODUCT, pid, [("name", t) for t in names.values()] +
                           [("summary", t) for t in summaries.values()] +
                           [("producer_name", t) for t in place.values()])
        if n % 100 == 0:
            decision = add_months(today, -rng.randrange(0, 40))
            certificates.append({"id": next_certificate + len(certificates),
                                 "decision_number": f"SYNTH-{next_certificate + len(certificates)}/QĐ-UBND",
                                 "decision_date": decision, "authority": "UBND tỉnh Quảng Ninh",
                                 "valid_until": certificate_valid_until(decision), "status": "valid",
                                 "revoked_reason": "", "created_at": now, "updated_at": now})
        if rng.random() < 0.8:
            stars = rng.choices([3, 4, 5], weights=[70, 25, 5])[0]
            awards.append({"certificate_id": certificates[-1]["id"], "product_id": pid, "stars": stars,
                           "score": {3: 60, 4: 80, 5: 95}[stars], "kind": "new", "is_current": True,
                           "code": award_code()})
    _insert(session, Product, product_rows)
    _insert(session, ProductTranslation, texts)
    _insert(session, Packaging, packagings)
    _insert(session, Certificate, certificates)
    _insert(session, CertifiedProduct, awards)
    _insert(session, SearchTerm, terms)
    # Bulk writes bypass the reindex hooks: recount the words once, from the terms as they now stand.
    words = rebuild_words(session)
    session.commit()
    _settle(session)
    return {"producers": producer_count, "products": products, "certificates": len(certificates),
            "search_terms": len(terms) + len(producer_terms), "search_words": words}
