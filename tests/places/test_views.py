"""Sales points and fairs pages, and the fairs' iCalendar files."""
from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select

from shop.places.models import Fair, SalesPoint
from tests.conftest import visible_text


def test_fairs_page_lists_upcoming_before_past(client, db, demo):
    """Upcoming fairs come first (soonest first), past fairs in their own section below."""
    html = client.get("/en/fairs").get_data(as_text=True)
    upcoming_at, past_at = html.index('id="upcoming-heading"'), html.index('id="past-heading"')
    fairs = db.session.scalars(select(Fair)).unique().all()
    upcoming = sorted((f for f in fairs if f.ends_on >= demo), key=lambda f: f.starts_on)
    past = [f for f in fairs if f.ends_on < demo]
    assert upcoming and past
    positions = [html.index(f"/en/fairs/{f.slug}\"") for f in upcoming]
    assert positions == sorted(positions) and all(upcoming_at < p < past_at for p in positions)
    assert all(html.index(f"/en/fairs/{f.slug}\"") > past_at for f in past)


def test_fair_ics_is_a_valid_all_day_event(client, db, demo):
    """A fair's .ics parses and holds one VEVENT with UID, DTSTART, DTEND (exclusive) and LOCATION."""
    fair = db.session.scalars(select(Fair).order_by(Fair.id)).first()
    response = client.get(f"/en/fairs/{fair.slug}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert b"\r\n" in response.data
    events = [c for c in Calendar.from_ical(response.data).walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]).startswith(f"fair-{fair.id}-")
    assert event.decoded("DTSTART") == fair.starts_on
    assert event.decoded("DTEND") == fair.ends_on + timedelta(days=1)
    assert str(event["LOCATION"]) and str(event["SUMMARY"])


def test_fairs_feed_has_every_fair_in_the_requested_language(client, db, demo):
    """/fairs.ics lists every fair once, with unique UIDs, named in ?lang=."""
    fairs = db.session.scalars(select(Fair)).unique().all()
    calendar = Calendar.from_ical(client.get("/fairs.ics?lang=zh").data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(fairs) == len({str(e["UID"]) for e in events})
    zh_names = {next(t.name for t in f.translations if t.locale == "zh") for f in fairs}
    assert {str(e["SUMMARY"]) for e in events} == zh_names
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]


def test_sales_point_page_shows_hours_in_locale_and_products(client, db, demo):
    """A sales point shows its opening hours with localised day names and the products it carries."""
    point = db.session.scalars(select(SalesPoint).order_by(SalesPoint.id)).first()
    en = visible_text(client.get(f"/en/sales-points/{point.slug}").get_data(as_text=True))
    assert "Opening hours" in en or "Mon" in en
    assert any(day in en for day in ("Mon", "Tue", "Sat", "Sun"))
    html = client.get(f"/en/sales-points/{point.slug}").get_data(as_text=True)
    assert html.count('class="card product-card"') == len(point.carried)


def test_sales_points_list_works_without_map(client, db, demo):
    """With no tile server configured the list is the whole page: every point, no map script."""
    html = client.get("/vi/sales-points").get_data(as_text=True)
    points = db.session.scalars(select(SalesPoint)).all()
    assert all(f"/vi/sales-points/{p.slug}\"" in html for p in points)
    assert "leaflet" not in html


def test_sales_points_map_is_added_when_tiles_are_configured(app, client, db, demo):
    """With MAP_TILE_URL set the page adds the self-hosted Leaflet map and its markers."""
    app.config["MAP_TILE_URL"] = "https://tiles.example.test/{z}/{x}/{y}.png"
    try:
        html = client.get("/en/sales-points").get_data(as_text=True)
    finally:
        app.config["MAP_TILE_URL"] = ""
    assert "/static/vendor/leaflet/leaflet." in html and 'id="map-markers"' in html
    assert "unpkg" not in html and "cdn" not in html.lower()
