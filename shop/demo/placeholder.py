"""Generated demo photos: an illustration of the product's group on its colour, so the demo needs no downloads.

The illustrations are Twemoji graphics (CC BY 4.0, credited on /<locale>/credits),
committed as PNG under shop/demo/art/twemoji/ with their SVG sources and licence.
A producer's real upload replaces the picture: these are only written for the demo.
"""
from __future__ import annotations

import io
import os
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter

ART_DIR = os.path.join(os.path.dirname(__file__), "art", "twemoji")
SIZE = (800, 600)

# One illustration per OCOP product group (Decision 148/QĐ-TTg codes).
GROUP_ART = {
    "I": "1f372", "I.1": "1f95a", "I.2": "1f33e", "I.3": "1f96b", "I.4": "1f9c2", "I.5": "1f375",
    "I.6": "2615", "II": "1f964", "II.1": "1f376", "II.2": "1f4a7", "III": "1f33f", "IV": "1f9fa",
    "V": "1fab4", "VI": "1f3dd",
}
# A closer picture when a word of the product's slug names it (first match wins).
WORD_ART = (
    ("ngoc-trai", "1f9aa"), ("hau", "1f9aa"), ("co-trai", "1f9aa"), ("sa-sung", "1f41a"), ("muc", "1f991"),
    ("mam", "1fad9"), ("ga", "1f414"), ("trung", "1f95a"), ("mien", "1f35c"), ("nem", "1f356"),
    ("gio-cha", "1f356"), ("keo-lac", "1f95c"), ("tau-xi", "1fad8"), ("dua-cai", "1f96c"), ("nep", "1f35a"),
    ("mat-ong", "1f36f"), ("ruou", "1f376"),
)
# One illustration per kind of producer (shop.producers.models.ProducerType values).
PRODUCER_ART = {"enterprise": "1f3ed", "cooperative": "1f9d1-200d-1f33e", "cooperative_group": "1f91d",
                "household": "1f3e1"}
FALLBACK_ART = "1f372"


def art_for_product(slug: str, group_code: str | None) -> str:
    """The Twemoji code point file that pictures a product: by a word of its slug, else by its group."""
    padded = f"-{slug}-"
    for word, art in WORD_ART:
        if f"-{word}-" in padded:
            return art
    code = group_code or ""
    while code:
        if code in GROUP_ART:
            return GROUP_ART[code]
        code = code.rpartition(".")[0]
    return FALLBACK_ART


@lru_cache(maxsize=64)
def _art(name: str) -> Image.Image:
    with Image.open(os.path.join(ART_DIR, f"{name}.png")) as image:
        return image.convert("RGBA")


def compose(color: str, art: str, size: tuple[int, int] = SIZE, scale: float = 0.55) -> Image.Image:
    """The illustration on a soft plate over a shaded background of the given colour (RGB)."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for step in range(0, height, 4):  # a soft vertical shade
        draw.line([(0, step), (width, step)], fill=_shade(color, int(46 * step / height) - 18), width=4)
    side = int(min(width, height) * scale)
    plate = int(side * 1.28)
    cx, cy = width // 2, height // 2
    shadow = Image.new("L", size, 0)
    ImageDraw.Draw(shadow).ellipse([cx - plate / 2, cy - plate / 2 + 14, cx + plate / 2, cy + plate / 2 + 14],
                                   fill=90)
    image.paste(_shade(color, 70), mask=shadow.filter(ImageFilter.GaussianBlur(18)))
    draw.ellipse([cx - plate / 2, cy - plate / 2, cx + plate / 2, cy + plate / 2], fill=_tint(color, 0.82))
    picture = _art(art).resize((side, side), Image.Resampling.LANCZOS)
    image.paste(picture, (cx - side // 2, cy - side // 2), picture)
    return image


def write_placeholder(storage, key: str, color: str, name: str, *, slug: str = "", group_code: str | None = None
                      ) -> tuple[int, int]:
    """A WebP picturing the product (by slug word or group) on its colour, put in the media store
    (a folder or a bucket) with its narrower copies; returns its size.

    name is kept for callers of the old signature; nothing of it is drawn (no initials)."""
    if storage.exists(key):  # generated before: same name, same picture
        return SIZE
    image = compose(color, art_for_product(slug, group_code))
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=82, method=4)
    storage.put(key, buffer.getvalue(), "image/webp")
    from shop.catalog.photos import write_renditions
    write_renditions(image, key, storage)
    return SIZE


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _shade(color: str, amount: int) -> tuple[int, int, int]:
    """Darker by amount (lighter when negative)."""
    return tuple(min(max(c - amount, 0), 255) for c in _rgb(color))  # type: ignore[return-value]


def _tint(color: str, amount: float) -> tuple[int, int, int]:
    """Mixed with white: 0 keeps the colour, 1 is white."""
    return tuple(int(c + (255 - c) * amount) for c in _rgb(color))  # type: ignore[return-value]
