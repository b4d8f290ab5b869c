"""Building the demo into a database: refuses others' data, reuses its own, makes the logins.

These build a small demo (scale 0.05) so that each test can start from an empty database;
test_full_build.py builds the real size once.
"""
import datetime as dt

import pytest
from django.contrib.auth.models import User

from seedbed.activity.models import Activity
from seedbed.core.models import InstanceFact
from seedbed.demo.services import DEMO_LOGINS, DemoRefused, build_demo
from seedbed.groups.models import Membership
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Identity, MergeRecord, Note, Person

TODAY = dt.date(2026, 3, 14)
SMALL = 0.05


class Recorder:
    def __init__(self):
        self.calls = []

    def start(self, total, unit):
        self.calls.append(("start", total, unit))

    def advance(self, n=1):
        self.calls.append(("advance", n))

    def finish(self):
        self.calls.append(("finish",))


def build(**kwargs):
    messages = []
    kwargs.setdefault("today", TODAY)
    result = build_demo(scale=SMALL, echo=messages.append, **kwargs)
    return result, messages


@pytest.mark.django_db
def test_it_refuses_a_database_that_holds_other_people():
    Person.objects.create(display_name="Ada Lovelace")
    with pytest.raises(DemoRefused, match="people") as refused:
        build()
    assert "\n" not in str(refused.value)
    assert Person.objects.count() == 1
    assert not Activity.objects.exists() and not InstanceFact.objects.exists() and not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_database_with_user_accounts():
    User.objects.create_user("admin", password="a-long-password")
    with pytest.raises(DemoRefused, match="user accounts"):
        build()
    assert not Person.objects.exists() and User.objects.count() == 1


@pytest.mark.django_db
def test_it_builds_once_and_then_reuses_its_own_demo():
    progress = Recorder()
    first, _ = build(progress=progress)
    assert not first.reused and "people" in first.summary
    started = [c for c in progress.calls if c[0] == "start"]
    assert len(started) == 1 and started[0][1] == sum(c[1] for c in progress.calls if c[0] == "advance")
    assert progress.calls[-1] == ("finish",)
    before = (Person.objects.count(), Identity.objects.count(), Activity.objects.count(), User.objects.count())
    fact = InstanceFact.objects.get(key="demo").value
    assert fact["seed"] == first.seed and fact["anchor"] == TODAY.isoformat()

    again, messages = build()
    assert again.reused and "Reusing" in messages[-1]
    assert (Person.objects.count(), Identity.objects.count(), Activity.objects.count(), User.objects.count()) == before
    assert again.counts == first.counts


@pytest.mark.django_db
def test_rebuild_replaces_the_earlier_demo():
    first, _ = build()
    latest_before = Activity.objects.order_by("-occurred_at").first().occurred_at
    later = TODAY + dt.timedelta(days=10)
    rebuilt, messages = build(rebuild=True, today=later)
    assert not rebuilt.reused and any("Deleting" in m for m in messages)
    assert rebuilt.counts == first.counts
    assert Activity.objects.count() == first.counts["activities"]
    assert Activity.objects.order_by("-occurred_at").first().occurred_at == latest_before + dt.timedelta(days=10)
    assert InstanceFact.objects.get(key="demo").value["anchor"] == later.isoformat()
    assert sorted(User.objects.values_list("username", flat=True)) == sorted(name for name, _ in DEMO_LOGINS)


@pytest.mark.django_db
def test_the_four_logins_are_who_they_say():
    build()
    users = {u.username: u for u in User.objects.all()}
    assert set(users) == {"steward", "organiser", "mentor", "member"}
    assert all(u.check_password("demo") for u in users.values())
    steward = users["steward"]
    assert steward.is_staff and steward.is_superuser and steward.groups.filter(name="stewards").exists()
    assert not any(u.is_staff for name, u in users.items() if name != "steward")
    organiser = Person.objects.get(user=users["organiser"])
    led = Membership.objects.filter(person=organiser, role="organiser", group__kind="local-team")
    assert led.exists()
    member = Person.objects.get(user=users["member"])
    assert Membership.objects.filter(person=member, group__in=[m.group for m in led]).exists()
    mentor = Person.objects.get(user=users["mentor"])
    assert Mentorship.objects.filter(mentor=mentor, mentee=member, outcome="ongoing").exists()
    assert Note.objects.filter(author=steward).exists()


@pytest.mark.django_db
def test_rows_point_at_each_other_correctly():
    build()
    reply = Activity.objects.filter(parent__isnull=False).select_related("parent").first()
    assert reply.parent.key == reply.parent_key and reply.parent.platform == reply.platform
    for record in MergeRecord.objects.all():
        moved = record.moved["people.identity"]["person"]
        assert set(Identity.objects.filter(id__in=moved).values_list("person_id", flat=True)) == {record.survivor_id}
        assert Person.objects.get(pk=record.absorbed_id).merged_into_id == record.survivor_id
    # ids were chosen by the demo: the database's own sequences must have moved past them
    person = Person.objects.create(display_name="After the demo")
    assert person.pk > Person.objects.exclude(pk=person.pk).order_by("-pk").first().pk


@pytest.mark.django_db
@pytest.mark.parametrize("today", [dt.date(2026, 12, 1), dt.date(2027, 1, 2), dt.date(2026, 11, 25)])
def test_recognition_is_there_whatever_the_day_of_the_month(today):
    from seedbed.recognition.models import Digest, Highlight

    build(today=today)
    assert Highlight.objects.filter(status="confirmed").exists() and Highlight.objects.filter(status="suggested").exists()
    published = Digest.objects.get(status="published")
    assert published.until < today - dt.timedelta(days=30)  # only decided highlights are ever published
    assert Digest.objects.filter(status="draft").exists()
