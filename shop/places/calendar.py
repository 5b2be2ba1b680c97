"""iCalendar (RFC 5545) files for fairs, built with the icalendar library."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from icalendar import Calendar, Event, vGeo

from shop.i18n import translated

PRODID = "-//OCOP Shop Quang Ninh//Fairs//EN"


def fair_event(fair, *, locale: str, url: str, host: str) -> Event:
    """One all-day VEVENT for a fair (DTEND is exclusive: the day after it ends)."""
    event = Event()
    event.add("uid", f"fair-{fair.id}-{fair.slug}@{host}")
    event.add("dtstamp", (fair.updated_at or datetime.now(timezone.utc)).astimezone(timezone.utc))
    event.add("dtstart", fair.starts_on)
    event.add("dtend", fair.ends_on + timedelta(days=1))
    event.add("summary", translated(fair, "name", locale).text)
    venue = translated(fair, "venue", locale).text
    if venue:
        event.add("location", venue)
    description = translated(fair, "description", locale).text
    if description:
        event.add("description", description)
    if fair.latitude is not None and fair.longitude is not None:
        event.add("geo", vGeo((fair.latitude, fair.longitude)))
    event.add("url", url)
    return event


def calendar_of(events: list[Event], name: str) -> bytes:
    """A VCALENDAR holding the events, as bytes with CRLF line ends."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
