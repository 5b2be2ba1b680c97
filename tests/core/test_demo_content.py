"""The demo catalogue is complete in every locale and its names follow docs/translating.md."""
import re

import pytest

from config import Config
from shop.demo import content

# Letters that only Vietnamese uses (with their tone-marked forms): what must not appear outside lang="vi".
VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                             r"ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")
LATIN_INTO_CJK = re.compile(r"[A-Za-z][\u4e00-\u9fff\uac00-\ud7a3]|[\u4e00-\u9fff\uac00-\ud7a3][A-Za-z]")

ROWS = [("locality", r["slug"], r, ("name",)) for r in content.LOCALITIES] + \
       [("group", r["code"], r, ("name",)) for r in content.GROUPS] + \
       [("producer", r["slug"], r, ("name", "summary", "story")) for r in content.PRODUCERS] + \
       [("product", r["slug"], r, ("name", "summary", "description")) for r in content.PRODUCTS] + \
       [("sales point", r["slug"], r, ("name", "address", "description")) for r in content.SALES_POINTS] + \
       [("fair", r["slug"], r, ("name", "venue", "description")) for r in content.FAIRS]


def _texts(locale):
    for kind, key, row, fields in ROWS:
        for field in fields:
            yield f"{kind} {key} {field}", row[field].get(locale)


@pytest.mark.parametrize("locale", Config.LOCALES)
def test_every_demo_text_exists_in_every_locale(locale):
    """Every locality, group, producer, product, sales point and fair has each text in each configured locale."""
    assert [where for where, text in _texts(locale) if not text] == []


@pytest.mark.parametrize("locale", [code for code in Config.LOCALES if code != "vi"])
def test_demo_texts_follow_the_naming_convention(locale):
    """No Vietnamese-only letter in en/zh/ko texts, and no Latin letter glued to Han or Hangul."""
    bad = [(where, text) for where, text in _texts(locale)
           if VIETNAMESE_ONLY.search(text) or LATIN_INTO_CJK.search(text)]
    assert bad == []


def test_chinese_and_korean_names_are_not_latin():
    """Producer and product names in zh and ko are written in Han or Hangul only (no half-translated names)."""
    latin = [(row["name"]["zh"], row["name"]["ko"]) for row in content.PRODUCERS + content.PRODUCTS
             if re.search(r"[A-Za-z]", row["name"]["zh"] + row["name"]["ko"])]
    assert latin == []
