"""A member erases themselves from the web: told what happens, asked to confirm, logged out."""
import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from seedbed.activity.models import Activity
from seedbed.people.models import Person, PersonKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(make_person, make_identity, make_activity):
    person = make_person("Ada Lovelace")
    make_activity(make_identity(person, email="ada@analytical.org"))
    person.user = User.objects.create_user("ada")
    person.save()
    return person


def test_the_page_says_what_happens_and_a_wrong_confirmation_erases_nothing(client, ada):
    client.force_login(ada.user)
    page = client.get(reverse("accounts:erase")).content.decode()
    assert "Nobody can undo this." in page and "1 identity" in page
    response = client.post(reverse("accounts:erase"), {"confirm": "someone-else"})
    assert response.status_code == 400 and "nothing was erased" in response.content.decode()
    assert Person.objects.filter(pk=ada.pk).exists()


def test_confirming_erases_logs_out_and_keeps_the_activity(client, ada):
    client.force_login(ada.user)
    response = client.post(reverse("accounts:erase"), {"confirm": "ada"})
    assert response.status_code == 200 and "You have been erased" in response.content.decode()
    assert not Person.objects.filter(pk=ada.pk).exists() and not User.objects.filter(username="ada").exists()
    assert Activity.objects.get().identity.person.kind == PersonKind.ERASED
    assert client.get(reverse("accounts:export"))["Location"].startswith(reverse("login"))  # logged out


def test_only_the_member_reaches_the_page(client, alice, ada):
    assert client.get(reverse("accounts:erase")).status_code == 302
    client.force_login(alice)  # a steward with no person of their own
    assert client.post(reverse("accounts:erase"), {"confirm": "alice"}).status_code == 403
    assert Person.objects.filter(pk=ada.pk).exists()
