"""Generated placeholder photos, so the demo needs no downloads."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from shop.text import fold

SIZE = (800, 600)


def _initials(name: str) -> str:
    words = [w for w in fold(name).split() if w]
    return "".join(w[0] for w in words[:3]).upper() or "OCOP"


def write_placeholder(storage, key: str, color: str, name: str) -> tuple[int, int]:
    """A WebP of the product's colour with its initials and an OCOP ring, put in the media store; its size."""
    if storage.exists(key):  # generated before: same name, same picture
        return SIZE
    image = Image.new("RGB", SIZE, color)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    for step in range(0, height, 4):  # a soft vertical shade
        shade = int(40 * step / height)
        draw.line([(0, step), (width, step)], fill=_darker(color, shade), width=4)
    draw.ellipse([width / 2 - 170, height / 2 - 170, width / 2 + 170, height / 2 + 170],
                 outline="white", width=10)
    font = ImageFont.load_default(size=120)
    draw.text((width / 2, height / 2), _initials(name), fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80)
    storage.put(key, buffer.getvalue(), "image/webp")
    return SIZE


def _darker(color: str, amount: int) -> tuple[int, int, int]:
    color = color.lstrip("#")
    r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return max(r - amount, 0), max(g - amount, 0), max(b - amount, 0)
