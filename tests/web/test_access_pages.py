"""Who reaches the pages: anonymous visitors are sent to log in, everyone else who may not gets a 403 that says why."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_person):
    return make_person("Grace Hopper")


def pages(person):
    return [reverse("people:directory"), reverse("people:detail", args=[person.pk])]


def test_it_sends_anonymous_visitors_to_login(client, person):
    for url in pages(person):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")


def test_it_lets_stewards_in(client, alice, person):
    client.force_login(alice)
    for url in pages(person):
        assert client.get(url).status_code == 200


def test_it_lets_django_staff_in(client, sam, person):
    client.force_login(sam)
    for url in pages(person):
        assert client.get(url).status_code == 200


def test_it_shows_others_a_friendly_403(client, bob, person):
    client.force_login(bob)
    for url in pages(person):
        response = client.get(url)
        assert response.status_code == 403
        assert b"This page is for" in response.content  # the reason, in words
        assert b"Grace Hopper" not in response.content


def test_it_turns_inactive_stewards_away(client, alice, person):
    alice.is_active = False
    alice.save()
    client.force_login(alice)
    assert client.get(reverse("people:directory")).status_code in (302, 403)


def test_root_leads_to_the_directory(client, alice):
    client.force_login(alice)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:directory")


def test_login_page_renders_and_logs_in(client, alice, password):
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert b'name="username"' in page.content and b"vendor/pico/pico.min.css" in page.content
    response = client.post(reverse("login"), {"username": "alice", "password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home"))["Location"] == reverse("people:directory")  # a steward's home


def test_login_page_says_when_the_password_is_wrong(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_logout_is_a_post_form(steward_client):
    page = steward_client.get(reverse("people:directory"))
    assert f'action="{reverse("logout")}"'.encode() in page.content
    response = steward_client.post(reverse("logout"))
    assert response.status_code == 302
    assert steward_client.get(reverse("people:directory")).status_code == 302


def test_admin_link_only_for_django_staff(client, alice, sam):
    client.force_login(alice)
    assert b'href="/admin/"' not in client.get(reverse("people:directory")).content
    client.force_login(sam)
    assert b'href="/admin/"' in client.get(reverse("people:directory")).content


def test_pages_use_only_vendored_assets(steward_client):
    html = steward_client.get(reverse("people:directory")).content.decode()
    assert "vendor/htmx/htmx.min.js" in html
    for cdn in ("unpkg.com", "jsdelivr", "cdnjs", "googleapis"):
        assert cdn not in html
