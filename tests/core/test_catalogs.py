"""The UI catalogs of every configured locale are complete and consistent."""
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from config import Config

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]")


def _catalog(locale: str):
    with open(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=locale)


def _template_ids() -> set:
    with open(TRANSLATIONS / "messages.pot", "rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


@pytest.mark.parametrize("locale", Config.LOCALES)
def test_catalog_has_every_message_translated_and_none_fuzzy(locale):
    """Every msgid of messages.pot is in the locale's catalog, translated, not fuzzy, same placeholders."""
    catalog = _catalog(locale)
    problems = []
    missing = _template_ids() - {m.id for m in catalog if m.id}
    problems += [f"missing: {m}" for m in sorted(map(str, missing))]
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        if message.fuzzy:
            problems.append(f"fuzzy: {source}")
        if not all(strings):
            problems.append(f"untranslated: {source}")
        for text in strings:
            if text and set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {source} → {text}")
    assert problems == []


def test_every_configured_locale_has_a_catalog():
    """Adding a locale to LOCALES without its catalog is caught here."""
    assert all((TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").exists() for code in Config.LOCALES)
