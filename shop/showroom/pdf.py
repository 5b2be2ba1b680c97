"""HTML to PDF with WeasyPrint, fetching nothing but local media files and inline data."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse


def render(html: str, *, allowed_dirs: list[str]) -> bytes:
    """The PDF of html; images may come only from allowed_dirs or data: URIs (no network, no other files)."""
    from PIL import ImageFile
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Importing WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES, after which the photo upload
    # check would accept truncated JPEGs. Our media files are complete re-encodings, so put it back.
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    roots = [str(Path(d).resolve()) + os.sep for d in allowed_dirs]

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = str(Path(unquote(urlparse(url).path)).resolve())
                if not any(path.startswith(root) for root in roots):
                    raise ValueError(f"not a media file: {url}")
            return super().fetch(url, headers)

    fetcher = LocalFetcher(allowed_protocols={"file", "data"}, timeout=5)
    # 150 dpi is plenty for print at these sizes and keeps large photos from slowing the render.
    return HTML(string=html, base_url=roots[0] if roots else None, url_fetcher=fetcher).write_pdf(
        dpi=150, jpeg_quality=85)
