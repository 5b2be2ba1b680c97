"""Content pages: per-language text with Vietnamese fallback, sanitised Markdown, the office's editor, the footer."""
import pytest

from shop.pages import services
from shop.pages.defaults import PAGES, load_pages
from shop.pages.models import ContentPage
from tests.conftest import csrf_token_of, login, visible_text
from tests.factories import make_user


def _save(db, slug="about-ocop", **texts):
    services.save_page(db.session, slug, texts)
    db.session.commit()


def test_a_page_shows_in_the_visitors_language(client, db):
    """/zh/pages/<slug> shows the Chinese title and body, rendered from Markdown."""
    _save(db, vi={"title": "Về OCOP", "body": "Văn bản gốc"}, zh={"title": "关于OCOP", "body": "**五星**产品"})
    html = client.get("/zh/pages/about-ocop").get_data(as_text=True)
    assert "<h1>关于OCOP</h1>" in html and "<strong>五星</strong>产品" in html
    assert "Văn bản gốc" not in html


def test_a_missing_language_falls_back_to_vietnamese_marked_lang_vi(client, db):
    """Without an English row the Vietnamese text is shown, marked lang="vi", with a note saying so."""
    _save(db, vi={"title": "Giao hàng và đổi trả", "body": "Miễn phí từ 500.000 ₫"}, slug="shipping-returns")
    response = client.get("/en/pages/shipping-returns")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<h1 lang="vi">Giao hàng và đổi trả</h1>' in html and '<div class="prose" lang="vi">' in html
    assert "has not been translated yet" in html


def test_markdown_is_sanitised(client, db):
    """Script, event handlers and javascript: links written into a page never reach the visitor."""
    _save(db, vi={"title": "Điều khoản", "body": '<script>alert(1)</script>[x](javascript:alert(2)) <img src=x onerror="alert(3)">'},
          slug="terms")
    html = client.get("/vi/pages/terms").get_data(as_text=True)
    assert "<script>alert" not in html and "javascript:alert" not in html and "onerror" not in html


@pytest.mark.parametrize("path", ["/en/pages/about-ocop", "/en/pages/not-a-page"])
def test_unwritten_or_unknown_pages_are_404(client, db, path):
    """A page nobody wrote yet, and a slug outside the fixed set, answer 404."""
    assert client.get(path).status_code == 404


def test_saving_requires_a_vietnamese_title_and_removes_emptied_languages(db):
    """The Vietnamese title is required; emptying a language's title and body removes that translation."""
    with pytest.raises(services.PageError) as error:
        services.save_page(db.session, "privacy", {"vi": {"title": "", "body": "x"}})
    assert error.value.code == "title_required"
    services.save_page(db.session, "privacy", {"vi": {"title": "Quyền riêng tư", "body": "a"},
                                               "en": {"title": "Privacy", "body": "b"}})
    page = services.save_page(db.session, "privacy", {"vi": {"title": "Quyền riêng tư", "body": "a2"},
                                                      "en": {"title": "", "body": ""}})
    assert {row.locale: row.body for row in page.translations} == {"vi": "a2"}
    with pytest.raises(services.PageError):
        services.save_page(db.session, "blog", {"vi": {"title": "x", "body": ""}})


def test_the_office_edits_a_page_in_the_back_office(client, db):
    """An admin saves vi/en/zh texts through /backoffice/pages/<slug>; the public page shows them at once."""
    login(client, make_user(db.session, "admin"))
    db.session.commit()
    html = client.get("/backoffice/pages/").get_data(as_text=True)
    assert "/backoffice/pages/about-ocop" in html and "not written yet" in html
    token = csrf_token_of(client.get("/backoffice/pages/about-ocop").get_data(as_text=True))
    response = client.post("/backoffice/pages/about-ocop", data={
        "csrf_token": token, "title_vi": "Về OCOP", "body_vi": "Ba đến năm sao.",
        "title_en": "About OCOP", "body_en": "Three to five *stars*.", "title_zh": "", "body_zh": ""})
    assert response.status_code == 302
    assert "<em>stars</em>" in client.get("/en/pages/about-ocop").get_data(as_text=True)
    bad = client.post("/backoffice/pages/about-ocop", data={"csrf_token": token, "title_vi": "", "body_vi": "x"})
    assert bad.status_code == 400 and "Vietnamese title" in bad.get_data(as_text=True)


def test_a_producer_cannot_open_the_editor(client, db):
    """The editor is behind the back office's admin check (the access matrix covers every route)."""
    login(client, make_user(db.session, "producer"))
    db.session.commit()
    assert client.get("/backoffice/pages/about-ocop").status_code == 403


def test_demo_defaults_fill_every_page_in_every_language(db):
    """load_pages writes the four pages with vi, en, zh and ko text once, and leaves written pages alone."""
    assert load_pages(db.session) == len(services.PAGE_SLUGS)
    assert load_pages(db.session) == 0
    pages = db.session.query(ContentPage).all()
    assert {p.slug for p in pages} == set(services.PAGE_SLUGS) == set(PAGES)
    for page in pages:
        assert {row.locale for row in page.translations} == {"vi", "en", "zh", "ko"}
        assert all(len(row.body) > 200 for row in page.translations)


def test_footer_has_contact_payment_methods_and_page_links(client, db, config_override):
    """Every page's footer shows the office's contacts from config, the payment methods and the content pages;
    the main menu links the certificate check."""
    config_override(OFFICE_PHONE="0203 3835 686", OFFICE_EMAIL="ocop@example.com", OFFICE_ADDRESS="Hạ Long")
    html = client.get("/zh/fairs").get_data(as_text=True)
    footer = html[html.index('<footer class="site-footer">'):]
    assert 'href="tel:+842033835686"' in footer and 'href="mailto:ocop@example.com"' in footer
    assert "Hạ Long" in footer and "广宁省 OCOP 办公室" in footer
    assert "货到付款" in visible_text(footer)  # cash on delivery, the one method always on
    for slug in services.PAGE_SLUGS:
        assert f'href="/zh/pages/{slug}"' in footer
    assert 'href="/zh/credits"' in footer
    nav = html[html.index('class="main-nav"'):html.index("</nav>", html.index('class="main-nav"'))]
    assert 'href="/zh/verify"' in nav


def test_credits_name_the_artwork_licence(client, db):
    """The credits page names Twemoji and its CC BY 4.0 licence."""
    text = visible_text(client.get("/en/credits").get_data(as_text=True))
    assert "Twemoji" in text and "CC BY 4.0" in text


def test_written_pages_are_in_the_sitemap(client, db):
    """A content page the office wrote is listed in the sitemap with its language twins."""
    _save(db, vi={"title": "Điều khoản", "body": "Nội dung"}, slug="terms")
    xml = client.get("/sitemap.xml").get_data(as_text=True)
    assert "http://localhost/vi/pages/terms" in xml and "http://localhost/zh/pages/terms" in xml
    assert "/pages/privacy" not in xml
