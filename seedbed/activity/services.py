"""Use cases over activity."""
from django.db.models import Count
from django.utils import timezone

from seedbed.activity.models import Activity, Source, SourceStatus
from seedbed.people.models import Identity, Person


def community_stats() -> dict:
    by_kind = dict(Activity.objects.values_list("kind").annotate(n=Count("id")).order_by("kind"))
    return {
        "people": Person.objects.current().count(),
        "identities": Identity.objects.count(),
        "activities": sum(by_kind.values()),
        "activities_by_kind": by_kind,
    }


def mark_failed(source: Source | None, message: str) -> None:
    """An import of a known source failed: `seedbed sources` shows why (a new one is not kept)."""
    if source is not None:
        Source.objects.filter(pk=source.pk).update(status=SourceStatus.FAILED, error=message[:2000],
                                                   last_run_at=timezone.now())
