"""Demo pictures: a Twemoji illustration per product group, slug word and producer kind; no initials."""
import os

from PIL import Image

from shop.storage import LocalStorage

from shop.demo import content
from shop.demo.placeholder import (ART_DIR, GROUP_ART, PRODUCER_ART, WORD_ART, art_for_product,
                                   write_placeholder)
from shop.producers.models import ProducerType
from shop.storage import LocalStorage


def test_every_illustration_named_exists_with_its_licence():
    """Each code point the demo uses has its PNG and SVG, and the CC BY 4.0 licence text is beside them."""
    names = set(GROUP_ART.values()) | {art for _w, art in WORD_ART} | set(PRODUCER_ART.values())
    for name in names:
        assert os.path.exists(os.path.join(ART_DIR, f"{name}.png")) and os.path.exists(os.path.join(ART_DIR, f"{name}.svg"))
    with open(os.path.join(ART_DIR, "LICENSE-GRAPHICS"), encoding="utf-8") as handle:
        assert "Attribution 4.0 International" in handle.read()
    assert set(PRODUCER_ART) == {kind.value for kind in ProducerType}


def test_a_product_is_pictured_by_a_word_of_its_slug_else_its_group():
    """Pearls get the oyster, an unknown tea its group's cup, a sub-group without art its parent's."""
    assert art_for_product("ngoc-trai-ha-long", "IV") == "1f9aa"
    assert art_for_product("tra-moi", "I.5") == GROUP_ART["I.5"]
    assert art_for_product("san-pham", "II.9") == GROUP_ART["II"]
    assert art_for_product("ga-tien-yen", "I.1") == "1f414" and art_for_product("gao", "I.2") == GROUP_ART["I.2"]


def test_every_demo_product_gets_its_own_picture_with_renditions(tmp_path):
    """write_placeholder makes an 800×600 WebP in the product's colour with the illustration, plus a 400 px copy."""
    row = next(p for p in content.PRODUCTS if p["slug"] == "ngoc-trai-ha-long")
    from shop.storage import LocalStorage
    path = tmp_path / "demo" / "p.webp"
    assert write_placeholder(LocalStorage(str(tmp_path)), "demo/p.webp", row["color"], row["name"]["vi"],
                             slug=row["slug"], group_code=row["group"]) == (800, 600)
    with Image.open(path) as image:
        picture = image.convert("RGB")
    assert picture.size == (800, 600)
    # The oyster's colours are in the middle; the corners keep the product's colour (shaded).
    colours = {picture.getpixel((x, y)) for x in range(300, 500, 10) for y in range(200, 400, 10)}
    assert len(colours) > 20
    assert (tmp_path / "demo" / "p-w400.webp").exists()
