"""Template helpers for the merge review pages and the steward's "Merges" link."""
from django import template

from seedbed.access import is_steward
from seedbed.people import merging, resolve

register = template.Library()

# Proposals lie between the resolver's PROPOSE and AUTO thresholds: the upper half is "likely".
LIKELY = (resolve.PROPOSE + resolve.AUTO) / 2


@register.simple_tag(takes_context=True)
def pending_merges(context):
    """How many proposals wait for review (one COUNT query), or None for someone who is no steward."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not is_steward(user):
        return None
    return merging.pending_proposals().count()


@register.filter
def percent(confidence) -> str:
    """0.734 -> '73%'."""
    try:
        return f"{round(float(confidence) * 100)}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def likelihood(confidence) -> str:
    """How sure the resolver is, in a word: 'likely' or 'possible'."""
    try:
        return "likely" if float(confidence) >= LIKELY else "possible"
    except (TypeError, ValueError):
        return ""
