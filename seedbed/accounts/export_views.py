"""A member downloads everything Seedbed holds about them, as JSON (audited)."""
from django.http import JsonResponse
from django.utils import timezone

from seedbed.access import Audience, page
from seedbed.core import audit
from seedbed.core.models import AuditAction
from seedbed.people.data_export import person_data
from seedbed.people.models import Person


@page(Audience.MEMBER)
def export(request):
    person = Person.objects.get(pk=request.person_id)
    data = person_data(person)
    audit.record(request.user, AuditAction.EXPORTED, person, "own data export")
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="seedbed-my-data-{timezone.localdate():%Y-%m-%d}.json"'
    response["Cache-Control"] = "no-store"
    return response
