"""What the navigation may offer the viewer (asked of ``seedbed.access``, never decided here)."""
from django import template

from seedbed.access import viewer

register = template.Library()


@register.simple_tag(takes_context=True)
def viewer_of(context):
    """The request's ``seedbed.access.Viewer``: ``.steward``, ``.person_id``."""
    request = context.get("request")
    return viewer(request) if request is not None else None
