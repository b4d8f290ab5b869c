"""The steward's invite form on a person's page."""
from django import template

from seedbed.accounts.models import VALID_FOR
from seedbed.accounts.services import suggested_email

register = template.Library()


@register.inclusion_tag("accounts/_invite_form.html", takes_context=True)
def invite_form(context, person, identities):
    """The form, its address filled in from the identities already on the page (no query)."""
    return {
        "person": person, "email": suggested_email(identities), "days": VALID_FOR.days,
        "csrf_token": context.get("csrf_token"),
    }
