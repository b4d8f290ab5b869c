from django import template

from seedbed.people.queries import safe_link

register = template.Library()


@register.filter
def web_link(url: str) -> str:
    """The URL if it is a web link, else "" (a stored javascript: URL never becomes a link)."""
    return safe_link(url or "")
