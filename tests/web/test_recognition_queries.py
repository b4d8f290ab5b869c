"""The recognition pages cost a fixed number of queries, however many highlights they show."""
import pytest
from django.urls import reverse

from seedbed.recognition import digests
from seedbed.recognition.models import Highlight, Thanks
from seedbed.recognition.periods import Period


def crowd(n, make_person, make_identity, make_activity):
    made = []
    for i in range(n):
        person = make_person(f"Person {i:03d}", consent_public_listing=bool(i % 2))
        work = make_activity(make_identity(person), title=f"Work {i}", url=f"https://example.org/{i}")
        h = Highlight.objects.create(kind="support", status="confirmed" if i % 3 else "suggested", person=person,
                                     title=f"Work {i}", why="It helped.", contribution_type="support",
                                     occurred_at=work.occurred_at)
        h.activities.add(work)
        Thanks.objects.create(person=person, kind="personal-message").highlights.add(h)
        made.append(h)
    return made


@pytest.mark.parametrize("name", ["recognition:highlights", "recognition:ledger", "recognition:fairness",
                                  "recognition:sharers", "recognition:digests"])
def test_steward_pages_do_not_grow_with_data(steward_client, make_person, make_identity, make_activity,
                                             django_assert_max_num_queries, name):
    crowd(6, make_person, make_identity, make_activity)
    url = reverse(name)
    with django_assert_max_num_queries(40) as small:
        assert steward_client.get(url).status_code == 200
    crowd(30, make_person, make_identity, make_activity)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert steward_client.get(url).status_code == 200


def test_a_digest_page_does_not_grow_with_its_highlights(client, make_person, make_identity, make_activity,
                                                         django_assert_max_num_queries):
    crowd(6, make_person, make_identity, make_activity)
    period = Period.last_days(30)
    digest = digests.create_draft(period)
    digests.publish(digest, by=None)
    url = reverse("digests:detail", args=[digest.pk])
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    crowd(30, make_person, make_identity, make_activity)
    bigger = digests.create_draft(period)
    digests.publish(bigger, by=None)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("digests:detail", args=[bigger.pk])).status_code == 200
