"""Markdown that is safe to show on a page."""
import markdown
import nh3
from django.utils.safestring import mark_safe


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to show: ammonia (nh3) removes scripts, handlers and odd URLs."""
    html = markdown.markdown(text, extensions=["sane_lists", "fenced_code"], output_format="html")
    # no <img>: opening a person's page must not load anything from elsewhere (trackers)
    return mark_safe(nh3.clean(html, tags=nh3.ALLOWED_TAGS - {"img"}))
