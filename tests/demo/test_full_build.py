"""The real-size demo, built once for this module into the test database and removed afterwards."""
import datetime as dt

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count

from seedbed.activity.models import Activity
from seedbed.activity.taxonomy import CONTRIBUTION_TYPES
from seedbed.core.models import InstanceFact
from seedbed.demo.services import build_demo
from seedbed.demo.services import _wipe as wipe_demo
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Identity, MergeProposal, MergeRecord, Person, ResolutionKey

TODAY = dt.date(2026, 3, 14)


@pytest.fixture(scope="module")
def full_demo(django_db_setup, django_db_blocker):
    """Built outside the per-test transactions, so it must leave the database as it found it."""
    with django_db_blocker.unblock():
        groups_before = set(AuthGroup.objects.values_list("pk", flat=True))
        result = build_demo(today=TODAY, echo=lambda message: None)
        yield result
        with transaction.atomic():
            wipe_demo()
            InstanceFact.objects.filter(key="demo").delete()
            AuthGroup.objects.exclude(pk__in=groups_before).delete()


@pytest.mark.slow
@pytest.mark.django_db
def test_the_full_demo_is_in_the_database(full_demo):
    assert Person.objects.current().count() == full_demo.counts["people"] >= 2000
    # identity resolution ran over the demo, as it runs after every import
    assert MergeRecord.objects.filter(method="resolver").count() == full_demo.counts["resolver_merges"] >= 20
    assert MergeProposal.objects.filter(status="open").count() == full_demo.counts["resolver_proposals"] >= 20
    assert ResolutionKey.objects.values("identity").distinct().count() == Identity.objects.count()
    assert Activity.objects.count() == full_demo.counts["activities"] >= 100_000
    types = set(Activity.objects.values_list("contribution_type", flat=True).distinct())
    assert types == set(CONTRIBUTION_TYPES)
    since = dt.datetime.combine(TODAY, dt.time(), tzinfo=dt.timezone.utc) - dt.timedelta(days=90)
    assert Activity.objects.filter(occurred_at__gte=since).count() >= 10_000
    assert not Activity.objects.filter(identity__person__merged_into__isnull=False).exists()
    assert Identity.objects.filter(is_bot=True, person__kind="bot").exists()
    assert Activity.objects.filter(accepted=True).exists()


@pytest.mark.slow
@pytest.mark.django_db
def test_the_full_demo_mentor_has_several_mentees(full_demo):
    mentor = Person.objects.get(user__username="mentor")
    assert Mentorship.objects.filter(mentor=mentor).count() >= 3
    busiest = Person.objects.annotate(n=Count("identities__activities")).order_by("-n").first()
    assert busiest.n >= 500  # a heavy tail: somebody does a great deal


@pytest.mark.slow
@pytest.mark.django_db
def test_building_again_adds_nothing(full_demo):
    again = build_demo(today=TODAY, echo=lambda message: None)
    assert again.reused and again.counts == full_demo.counts
    assert User.objects.count() == 4
