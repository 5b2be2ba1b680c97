"""Loads the demo catalog of shop/demo/content.py: reference data, producers, products,
certificates, sales points and fairs, every text in each language the content gives (vi, en, zh, ko)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, select

from shop.catalog import search
from shop.catalog.models import (OcopGroup, OcopGroupTranslation, Packaging, Product, ProductPhoto,
                                 ProductStatus, ProductTranslation)
from shop.catalog.services import add_months, new_code, record_certificate, refresh_price_from
from shop.demo import content, placeholder
from shop.places.models import (AdminUnit, Fair, FairParticipant, FairTranslation, Locality,
                                LocalityTranslation, SalesPoint, SalesPointProduct,
                                SalesPointTranslation)
from shop.producers.models import Producer, ProducerTranslation
from shop.sorting import sort_key

def load_reference(session) -> None:
    """OCOP groups, traditional localities and current units, unless already there."""
    if session.scalar(select(func.count()).select_from(OcopGroup)):
        return
    by_code: dict[str, OcopGroup] = {}
    for position, row in enumerate(content.GROUPS):
        group = OcopGroup(code=row["code"], legal_basis=row["legal_basis"], position=position,
                          parent_id=by_code[row["parent"]].id if row["parent"] else None,
                          translations=[OcopGroupTranslation(locale=l, name=name) for l, name in row["name"].items()])
        session.add(group)
        session.flush()
        by_code[row["code"]] = group
    localities = {}
    for position, row in enumerate(content.LOCALITIES):
        locality = Locality(slug=row["slug"], kind=row["kind"], position=position,
                            translations=[LocalityTranslation(locale=l, name=name) for l, name in row["name"].items()])
        session.add(locality)
        localities[row["slug"]] = locality
    session.flush()
    for row in content.ADMIN_UNITS:
        session.add(AdminUnit(name=row["name"], kind=row["kind"], locality_id=localities[row["locality"]].id))
    session.flush()


def _texts(row: dict, *fields: str) -> dict[str, dict[str, str]]:
    """locale → {field: text} for the translated fields of a content row, in each locale it gives."""
    return {l: {f: row[f][l] for f in fields} for l in row[fields[0]]}


def load_demo(session, *, media_dir: str = "", today: date, storage=None) -> dict[str, int]:
    """Load the whole demo; the caller commits. Returns counts by kind."""
    load_reference(session)
    groups = {g.code: g for g in session.scalars(select(OcopGroup))}
    localities = {l.slug: l for l in session.scalars(select(Locality))}
    units = {u.name: u for u in session.scalars(select(AdminUnit))}

    producers: dict[str, Producer] = {}
    for row in content.PRODUCERS:
        texts = _texts(row, "name", "summary", "story")
        producer = Producer(
            slug=row["slug"], type=row["type"], locality_id=localities[row["locality"]].id,
            admin_unit_id=units[row["admin_unit"]].id if row.get("admin_unit") in units else None,
            phone=row["phone"], email=row["email"], address=row["address"],
            translations=[ProducerTranslation(locale=l, sort_key=sort_key(texts[l]["name"], l), **texts[l])
                          for l in texts])
        session.add(producer)
        producers[row["slug"]] = producer
    session.flush()

    if storage is None:  # the local media folder (tests, scripts)
        from shop.storage import LocalStorage
        storage = LocalStorage(media_dir)
    products: dict[str, Product] = {}
    start = datetime.combine(today, time(9), tzinfo=timezone.utc)
    for index, row in enumerate(content.PRODUCTS):
        texts = _texts(row, "name", "summary", "description")
        product = Product(
            slug=row["slug"], code=new_code("P"), producer_id=producers[row["producer"]].id,
            group_id=groups[row["group"]].id, status=ProductStatus.PUBLISHED,
            featured=bool(row.get("featured")), published_at=start - timedelta(days=3 * index),
            translations=[ProductTranslation(locale=l, sort_key=sort_key(texts[l]["name"], l), **texts[l])
                          for l in texts],
            packagings=[Packaging(position=i, **p) for i, p in enumerate(row["packagings"])])
        filename = f"demo/{row['slug']}.webp"
        width, height = placeholder.write_placeholder(storage, filename, row["color"], row["name"]["vi"],
                                                      slug=row["slug"], group_code=row["group"])
        product.photos.append(ProductPhoto(filename=filename, width=width, height=height, position=0))
        refresh_price_from(product)
        session.add(product)
        products[row["slug"]] = product
    session.flush()

    for row in sorted(content.CERTIFICATES, key=lambda c: -c["months_ago"]):
        decision_date = add_months(today, -row["months_ago"])
        certificate = record_certificate(
            session, decision_number=row["number"], decision_date=decision_date, authority=row["authority"],
            awards=[(products[i["product"]], i["stars"], i["score"], i["kind"]) for i in row["items"]])
        if row["status"] == "revoked":
            certificate.status = "revoked"
            certificate.revoked_on = decision_date + timedelta(days=200)
            certificate.revoked_reason = row.get("revoked_reason") or ""

    for row in content.SALES_POINTS:
        texts = _texts(row, "name", "address", "description")
        point = SalesPoint(
            slug=row["slug"], kind=row["kind"], locality_id=localities[row["locality"]].id,
            latitude=row["latitude"], longitude=row["longitude"], phone=row["phone"],
            opening_hours=row["opening_hours"],
            translations=[SalesPointTranslation(locale=l, **texts[l]) for l in texts],
            carried=[SalesPointProduct(product_id=products[s].id) for s in row["products"]])
        session.add(point)

    for row in content.FAIRS:
        texts = _texts(row, "name", "venue", "description")
        starts = today + timedelta(days=row["starts_in_days"])
        fair = Fair(
            slug=row["slug"], kind=row["kind"], starts_on=starts, ends_on=starts + timedelta(days=row["days"] - 1),
            locality_id=localities[row["locality"]].id, latitude=row["latitude"], longitude=row["longitude"],
            translations=[FairTranslation(locale=l, **texts[l]) for l in texts],
            participants=[FairParticipant(producer_id=producers[p["producer"]].id, booth=p["booth"])
                          for p in row["participants"]])
        session.add(fair)
    session.flush()

    for producer in producers.values():
        search.reindex_producer(session, producer)
    for product in products.values():
        search.reindex_product(session, product)
    session.flush()
    from shop.pages.defaults import load_pages
    load_pages(session)
    return {"producers": len(producers), "products": len(products), "certificates": len(content.CERTIFICATES),
            "sales_points": len(content.SALES_POINTS), "fairs": len(content.FAIRS)}
