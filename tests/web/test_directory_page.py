"""The people directory: search, filters, order, paging, and a fixed number of queries."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from seedbed.groups.models import Group, Membership
from seedbed.people.models import Person

pytestmark = pytest.mark.django_db
URL = reverse("people:directory")


def names(response) -> list[str]:
    return [p.display_name for p in response.context["page"].object_list]


@pytest.fixture
def community(make_person, make_identity, make_activity):
    now = timezone.now()
    ada = make_person("Ada Lovelace", region="Europe", time_zone="Europe/London", pronouns="she/her",
                      first_seen=now - timedelta(days=900), last_seen=now - timedelta(days=3))
    make_identity(ada, source_kind="github", username="countess", email="ada@analytical.org")
    make_activity(make_identity(ada), contribution_type="doc", kind="commit")
    bert = make_person("Bert Bot", kind="bot", region="Europe", time_zone="UTC",
                       first_seen=now - timedelta(days=30), last_seen=now - timedelta(days=1))
    chen = make_person("Chen Wei", region="Asia", time_zone="Asia/Shanghai",
                       first_seen=now - timedelta(days=700), last_seen=now - timedelta(days=200))
    make_activity(make_identity(chen, email="CHEN@Example.org"), contribution_type="code")
    dara = make_person("Dara Ó Briain", kind="staff", region="Europe", time_zone="Europe/Dublin",
                       first_seen=now - timedelta(days=10), last_seen=now - timedelta(days=10))
    gone = make_person("Ada Duplicate", merged_into=ada)
    rust = Group.objects.create(name="Rustaceans", slug="rust", kind="affinity-group")
    Membership.objects.create(group=rust, person=chen, role="organiser")
    Membership.objects.create(group=rust, person=dara)
    return {"ada": ada, "bert": bert, "chen": chen, "dara": dara, "gone": gone, "rust": rust}


def test_it_lists_current_people_by_name(steward_client, community):
    response = steward_client.get(URL)
    assert names(response) == ["Ada Lovelace", "Bert Bot", "Chen Wei", "Dara Ó Briain"]
    assert b"Ada Duplicate" not in response.content


def test_it_shows_region_time_zone_groups_and_pronouns(steward_client, community):
    html = steward_client.get(URL).content.decode()
    assert "Asia/Shanghai" in html and "Rustaceans" in html and "she/her" in html


def test_it_hides_pronouns_a_member_keeps_to_themselves(steward_client, community):
    ada = community["ada"]
    ada.field_visibility = {"pronouns": "only-me"}
    ada.save()
    assert "she/her" not in steward_client.get(URL).content.decode()


@pytest.mark.parametrize(
    "q, expected",
    [
        ("lovelace", ["Ada Lovelace"]),        # display name, any case
        ("COUNTESS", ["Ada Lovelace"]),        # a username on an identity
        ("analytical.org", ["Ada Lovelace"]),  # an e-mail on an identity
        ("chen@example", ["Chen Wei"]),        # e-mail case-insensitively
        ("ada count", ["Ada Lovelace"]),       # every word must match somewhere
        ("nobody-like-this", []),
    ],
)
def test_search(steward_client, community, q, expected):
    assert names(steward_client.get(URL, {"q": q})) == expected


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"region": "Asia"}, ["Chen Wei"]),
        ({"time_zone": "Europe/Dublin"}, ["Dara Ó Briain"]),
        ({"kind": "bot"}, ["Bert Bot"]),
        ({"kind": "staff"}, ["Dara Ó Briain"]),
        ({"kind": "member"}, ["Ada Lovelace", "Chen Wei"]),
        ({"contribution_type": "doc"}, ["Ada Lovelace"]),
        ({"contribution_type": "code"}, ["Chen Wei"]),
        ({"activity": "active"}, ["Ada Lovelace", "Bert Bot", "Dara Ó Briain"]),
        ({"activity": "new"}, ["Bert Bot", "Dara Ó Briain"]),
        ({"activity": "drifting"}, ["Chen Wei"]),
        ({"region": "Europe", "activity": "new", "kind": "staff"}, ["Dara Ó Briain"]),
        ({"kind": "no-such-kind"}, ["Ada Lovelace", "Bert Bot", "Chen Wei", "Dara Ó Briain"]),
    ],
)
def test_filters(steward_client, community, params, expected):
    assert names(steward_client.get(URL, params)) == expected


def test_group_filter_counts_only_current_members(steward_client, community):
    Membership.objects.filter(person=community["dara"]).update(left_on=timezone.localdate())
    assert names(steward_client.get(URL, {"group": community["rust"].pk})) == ["Chen Wei"]


@pytest.mark.parametrize(
    "order, expected",
    [
        ("recent", ["Bert Bot", "Ada Lovelace", "Dara Ó Briain", "Chen Wei"]),
        ("first", ["Dara Ó Briain", "Bert Bot", "Chen Wei", "Ada Lovelace"]),
        ("by-volume", ["Ada Lovelace", "Bert Bot", "Chen Wei", "Dara Ó Briain"]),  # not offered: by name
    ],
)
def test_orders(steward_client, community, order, expected):
    assert names(steward_client.get(URL, {"order": order})) == expected


def test_htmx_gets_only_the_results(steward_client, community):
    response = steward_client.get(URL, {"q": "chen"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "Chen Wei" in html and "<nav" not in html.split("pager")[0]
    assert "HX-Request" in response["Vary"]
    assert response["HX-Push-Url"] == URL + "?q=chen"  # the address bar without the empty fields


def test_it_pages_by_fifty(steward_client, db):
    Person.objects.bulk_create(Person(display_name=f"Person {i:03d}") for i in range(120))
    first = steward_client.get(URL)
    assert len(first.context["page"].object_list) == 50
    assert "Page 1 of 3" in first.content.decode()
    last = steward_client.get(URL, {"page": 3})
    assert names(last)[0] == "Person 100" and len(names(last)) == 20
    assert names(steward_client.get(URL, {"page": "junk"}))[0] == "Person 000"


def test_query_count_does_not_grow_with_people(steward_client, django_assert_max_num_queries):
    groups = [Group.objects.create(name=f"Group {g}", slug=f"g{g}", kind="local-team") for g in range(5)]
    people = Person.objects.bulk_create(Person(display_name=f"Person {i:03d}", region="Europe") for i in range(80))
    Membership.objects.bulk_create(
        Membership(group=groups[i % 5], person=p, role="organiser" if i % 7 == 0 else "member")
        for i, p in enumerate(people)
    )
    # session, user, steward check, 3 filter choices, count, page, memberships: 9
    with django_assert_max_num_queries(12):  # 10, the viewer (navigation), last contact and trend (1 for the page)
        response = steward_client.get(URL, {"region": "Europe"})
    assert len(response.context["page"].object_list) == 50
    assert "Group 4" in response.content.decode()
