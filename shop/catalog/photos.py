"""Product photo uploads: checked by content, bounded in bytes and pixels, re-encoded as WebP.

Nothing about an upload is trusted: not its name, not its declared type. The
header is read first (Pillow reads only the header on open) so that a
decompression bomb is refused before a single pixel is decoded; then the image
is verified, fully decoded (a truncated file fails here), turned upright,
shrunk, and rebuilt from raw pixels so that no EXIF (GPS position, camera
serial) or other metadata survives.
"""
from __future__ import annotations

import functools
import io
import secrets
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from shop.domain import DomainError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")


class PhotoError(DomainError):
    """An upload was refused; code says why (too_large, too_many_pixels, not_an_image, broken)."""

    domain = "photo"


@dataclass(frozen=True)
class PhotoLimits:
    max_bytes: int
    max_pixels: int
    max_side: int
    thumb_side: int


@dataclass(frozen=True)
class StoredPhoto:
    filename: str  # the main rendition, relative to the media directory
    thumb_filename: str
    width: int
    height: int


def read_limited(stream, max_bytes: int) -> bytes:
    """At most max_bytes of an upload; one byte more means it is too large."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PhotoError("too_large", mb=max_bytes // (1024 * 1024))
    if not data:
        raise PhotoError("not_an_image")
    return data


def decode(data: bytes, limits: PhotoLimits) -> Image.Image:
    """The decoded image, after checking format, pixel count and integrity."""
    with warnings.catch_warnings():
        # Pillow warns (and past twice its limit, raises) on huge images; both are a refusal here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError("too_many_pixels", mp=limits.max_pixels // 1_000_000)
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise PhotoError("not_an_image")
        width, height = probe.size
        if width < 1 or height < 1 or width * height > limits.max_pixels:
            raise PhotoError("too_many_pixels", mp=limits.max_pixels // 1_000_000)
        try:
            probe.verify()
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError("too_many_pixels", mp=limits.max_pixels // 1_000_000)
        except Exception:  # Pillow raises many kinds on corrupt data; each means a broken file
            raise PhotoError("broken")
    return image


def clean_copy(image: Image.Image, side: int) -> Image.Image:
    """Upright, at most side×side, rebuilt from pixels only (no EXIF, ICC or text chunks)."""
    upright = ImageOps.exif_transpose(image)
    mode = "RGBA" if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info else "RGB"
    upright = upright.convert(mode)
    upright.thumbnail((side, side), Image.Resampling.LANCZOS)
    return Image.frombytes(mode, upright.size, upright.tobytes())


def _webp(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=quality, method=4)
    return buffer.getvalue()


def store(data: bytes, *, storage, subdir: str, limits: PhotoLimits) -> StoredPhoto:
    """Check an upload and write its WebP renditions to the media store (a folder or a bucket) under subdir."""
    image = decode(data, limits)
    main = clean_copy(image, limits.max_side)
    thumb = clean_copy(image, limits.thumb_side)
    token = secrets.token_hex(8)
    filename = f"{subdir}/{token}.webp"
    thumb_filename = f"{subdir}/{token}-{limits.thumb_side}.webp"
    storage.put(filename, _webp(main, 82), "image/webp")
    storage.put(thumb_filename, _webp(thumb, 80), "image/webp")
    write_renditions(main, filename, storage)
    return StoredPhoto(filename, thumb_filename, main.width, main.height)


# Narrower copies for srcset: a phone downloads the 400 or 800 px one, not the 1600 px original.
RENDITION_WIDTHS = (400, 800)


@functools.cache
def avif_supported() -> bool:
    """Whether this Pillow can write AVIF (Pillow 11.2+ built with libavif)."""
    from PIL import features
    return bool(features.check("avif"))


def rendition_name(filename: str, width: int, ext: str = "webp") -> str:
    """'products/1/ab12.webp' → 'products/1/ab12-w800.webp' (or .avif)."""
    stem = filename[:-len(".webp")] if filename.endswith(".webp") else filename.rpartition(".")[0]
    return f"{stem}-w{width}.{ext}"


def _encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def write_renditions(image: Image.Image, filename: str, storage) -> list[int]:
    """Put the narrower WebP (and AVIF, where Pillow can) copies of filename in the media store; their widths.

    WebP copies are written for widths narrower than the image (the original is the widest WebP);
    AVIF copies also at the image's own width when it is one of RENDITION_WIDTHS."""
    written = []
    for width in RENDITION_WIDTHS:
        if width > image.width:
            continue
        copy = image if width == image.width else image.resize(
            (width, max(1, round(image.height * width / image.width))), Image.Resampling.LANCZOS)
        if width < image.width:
            storage.put(rendition_name(filename, width, "webp"), _encoded(copy, "WEBP", quality=80, method=4),
                        "image/webp")
        if avif_supported():
            storage.put(rendition_name(filename, width, "avif"), _encoded(copy, "AVIF", quality=60, speed=8),
                        "image/avif")
        written.append(width)
    return written


def thumb_name(filename: str, thumb_side: int) -> str:
    return filename[:-len(".webp")] + f"-{thumb_side}.webp" if filename.endswith(".webp") else filename


def remove(storage, filename: str, thumb_side: int) -> None:
    """Delete a photo's renditions (missing ones are fine)."""
    renditions = [rendition_name(filename, w, ext) for w in RENDITION_WIDTHS for ext in ("webp", "avif")]
    for name in (filename, thumb_name(filename, thumb_side), *renditions):
        try:
            storage.delete(name)
        except ValueError:  # not a key of ours
            pass
