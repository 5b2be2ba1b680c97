"""Producer pages: list with type filter, profile with story and products."""
from sqlalchemy import select

from shop.producers.models import Producer
from tests.conftest import visible_text
from tests.factories import make_producer, make_product


def test_producer_list_filters_by_type(client, db):
    """?type=household lists households only."""
    make_producer(db.session, name="Hộ Bà Lan", type="household")
    make_producer(db.session, name="HTX Đình Trung", type="cooperative")
    db.session.commit()
    text = visible_text(client.get("/en/producers?type=household").get_data(as_text=True))
    assert "Hộ Bà Lan" in text and "HTX Đình Trung" not in text


def test_producer_page_renders_story_markdown_safely(client, db):
    """The story's Markdown becomes HTML; a script inside it does not survive."""
    producer = make_producer(db.session, story="**Ba thế hệ** làm miến.\n\n<script>alert(1)</script>")
    make_product(db.session, name="Miến dong", producer=producer)
    db.session.commit()
    html = client.get(f"/vi/producers/{producer.slug}").get_data(as_text=True)
    assert "<strong>Ba thế hệ</strong>" in html
    assert "<script>alert(1)" not in html
    assert "Miến dong" in html


def test_demo_producers_have_stories_in_three_languages(client, db, demo):
    """Every demo producer's page shows a story in vi, en and zh without falling back."""
    producers = list(db.session.scalars(select(Producer).order_by(Producer.id)))
    assert len(producers) > 1
    fallbacks = []
    for producer in producers:
        for locale in ("vi", "en", "zh"):
            response = client.get(f"/{locale}/producers/{producer.slug}")
            html = response.get_data(as_text=True)
            assert response.status_code == 200 and 'class="prose' in html, (producer.slug, locale)
            if 'class="prose" lang="vi"' in html and locale != "vi":
                fallbacks.append((producer.slug, locale))
    assert fallbacks == []
