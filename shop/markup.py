"""Markdown written by producers and the office, rendered and sanitised (nh3)."""
import markdown as md
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str | None, extra_tags: frozenset[str] = frozenset()) -> Markup:
    """Safe HTML from Markdown: no script, style, event handler or javascript: URL survives.

    extra_tags: more allowed tags for a page that gives the text its own h1 (content pages allow h2)."""
    html = md.markdown(text or "", extensions=[], output_format="html")
    clean = nh3.clean(html, tags=ALLOWED_TAGS | extra_tags, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto", "tel"}, link_rel="nofollow noopener")
    return Markup(clean)
