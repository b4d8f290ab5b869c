"""Use cases over activity."""
from django.db.models import Count

from seedbed.activity.models import Activity
from seedbed.people.models import Identity, Person


def community_stats() -> dict:
    by_kind = dict(Activity.objects.values_list("kind").annotate(n=Count("id")).order_by("kind"))
    return {
        "people": Person.objects.current().count(),
        "identities": Identity.objects.count(),
        "activities": sum(by_kind.values()),
        "activities_by_kind": by_kind,
    }
