"""Search engines and sharing: the sitemap, schema.org JSON-LD and Open Graph tags."""
