"""Writes the committed artwork under static/img/ from the Twemoji PNGs in shop/demo/art/twemoji/:
the home page's hero (two widths, WebP and AVIF) and one picture per kind of producer.

Run again only to change the pictures: `.venv/bin/python scripts/make-art.py`. Needs Pillow only."""
from __future__ import annotations

import os
import sys

from PIL import Image, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from shop.demo.placeholder import PRODUCER_ART, _art, compose  # noqa: E402

OUT = os.path.join(ROOT, "static", "img")


def _gradient(size, top, bottom):
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        t = y / max(size[1] - 1, 1)
        draw.line([(0, y), (size[0], y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return image


def _place(image, art, side, x, y):
    picture = _art(art).resize((side, side), Image.Resampling.LANCZOS)
    image.paste(picture, (int(x - side / 2), int(y - side / 2)), picture)


def hero(width: int, height: int) -> Image.Image:
    """Hạ Long bay in emoji: limestone islands on the sea, a sailing junk, and the province's products."""
    image = _gradient((width, height), (250, 214, 165), (14, 90, 122))
    sea = _gradient((width, height // 2), (56, 142, 170), (12, 70, 98))
    image.paste(sea, (0, height - height // 2))
    unit = height / 5
    for x, y, s in ((0.12, 2.35, 1.9), (0.3, 2.5, 1.3), (0.52, 2.3, 2.2), (0.78, 2.45, 1.5), (0.93, 2.4, 1.7)):
        _place(image, "26f0", int(unit * s), width * x, unit * y)
    draw = ImageDraw.Draw(image)
    for i in range(14):  # ripples on the water
        y = unit * (2.9 + (i % 5) * 0.38)
        x = width * ((i * 0.137) % 1.0)
        draw.line([(x, y), (x + width * 0.08, y)], fill=(120, 190, 210), width=max(2, int(unit * 0.03)))
    _place(image, "26f5", int(unit * 1.1), width * 0.41, unit * 2.72)
    return image


def main() -> None:
    for width, height, name in ((1200, 500, "hero-1200"), (800, 600, "hero-800")):
        image = hero(width, height)
        image.save(os.path.join(OUT, f"{name}.webp"), "WEBP", quality=78, method=6)
        image.save(os.path.join(OUT, f"{name}.avif"), "AVIF", quality=55, speed=4)
    os.makedirs(os.path.join(OUT, "producers"), exist_ok=True)
    colors = {"enterprise": "#2f6f8f", "cooperative": "#5e8c3a", "cooperative_group": "#b8860b",
              "household": "#a0522d"}
    for kind, art in PRODUCER_ART.items():
        compose(colors[kind], art, size=(320, 320), scale=0.5).save(
            os.path.join(OUT, "producers", f"{kind}.webp"), "WEBP", quality=80, method=6)


if __name__ == "__main__":
    main()
