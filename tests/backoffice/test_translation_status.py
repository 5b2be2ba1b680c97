"""The office sees, per locale, which shown products, producers, sales points and fairs lack a translation."""
from sqlalchemy import select

from shop.backoffice.completeness import missing_translations
from shop.catalog.models import ProductStatus
from tests.conftest import login
from tests.factories import make_producer, make_product, make_user


def test_missing_translations_per_locale_counts_only_what_visitors_see(db):
    """A published product without Korean is listed for ko only; a draft is not listed; a half text counts."""
    full = {"vi": "Chè", "en": "Tea", "zh": "茶", "ko": "차"}
    producer = make_producer(db.session, name=full)
    complete = make_product(db.session, producer=producer, name=full, description="x")
    no_korean = make_product(db.session, producer=producer, name={"vi": "Mực", "en": "Squid", "zh": "鱿鱼"},
                             description="x")
    make_product(db.session, producer=producer, name={"vi": "Nháp"}, status=ProductStatus.DRAFT)
    for product in (complete, no_korean):
        for row in product.translations:
            row.summary = "s"
    db.session.flush()
    ko = {m.kind: m for m in missing_translations(db.session, "ko")}
    en = {m.kind: m for m in missing_translations(db.session, "en")}
    assert ko["products"].total == 2 and [p.id for p in ko["products"].first] == [no_korean.id]
    assert en["products"].lacking == 0
    # The producer has names in every locale but no summary or story: it lacks a full translation.
    assert ko["producers"].lacking == 1 and en["producers"].lacking == 1


def test_office_page_lists_missing_korean_in_the_office_language(client, db):
    """/backoffice/translations lists the product without Korean under 한국어, its name marked lang="vi"."""
    make_product(db.session, name={"vi": "Mực khô Cô Tô", "en": "Co To dried squid"})
    login(client, make_user(db.session, "admin", locale="zh"))
    db.session.commit()
    html = client.get("/backoffice/translations").get_data(as_text=True)
    assert "缺少的翻译" in html and '<span lang="ko">한국어</span>' in html
    assert '<span lang="vi">Mực khô Cô Tô</span>' in html


def test_portal_completeness_includes_korean(client, db):
    """The producer's dashboard shows per-language completeness, Korean included."""
    producer = make_producer(db.session)
    make_product(db.session, producer=producer, name={"vi": "Chè", "en": "Tea"})
    login(client, make_user(db.session, "producer", producer=producer, locale="en"))
    db.session.commit()
    html = client.get("/portal/").get_data(as_text=True)
    assert "한국어" in html
