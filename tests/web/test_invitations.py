"""Invitations on the web: a steward invites from a person's page, the member claims the
profile through the e-mailed link, is logged in and lands on their own page."""
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from seedbed.accounts import services
from seedbed.accounts.models import Invitation
from seedbed.people.models import PersonKind
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

EMAIL = "ada@analytical.engine"


@pytest.fixture
def ada(make_person, make_identity):
    ada = make_person("Ada Lovelace")
    make_identity(ada, name="Ada Lovelace", email=EMAIL, last_seen=timezone.now())
    return ada


def invite_url(person):
    return reverse("accounts:invite", args=[person.pk])


def claim_path(message) -> str:
    found = re.search(r"http://testserver(/account/claim/[\w-]+/)", message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture
def invitation(ada, alice):
    return services.invite(ada, EMAIL, alice, "http://testserver/")


def claim(client, invitation, username="ada", password=PASSWORD, confirm=None):
    return client.post(reverse("accounts:claim", args=[invitation.token]), {
        "username": username, "password1": password, "password2": password if confirm is None else confirm,
    })


def test_a_steward_sees_the_invite_form_filled_with_the_persons_address(steward_client, ada):
    html = steward_client.get(reverse("people:detail", args=[ada.pk])).content.decode()
    assert f'action="{invite_url(ada)}"' in html
    assert f'value="{EMAIL}"' in html


def test_no_invite_form_for_someone_with_a_login_or_a_bot(steward_client, make_person, bob):
    for person in (make_person("Bob", user=bob), make_person("ci-bot", kind=PersonKind.BOT)):
        html = steward_client.get(reverse("people:detail", args=[person.pk])).content.decode()
        assert "accounts/invite" not in html and "/account/invite/" not in html


def test_no_invite_form_for_a_listed_persons_other_visitors(client, bob, make_person):
    listed = make_person("Lin Listed", consent_public_listing=True)
    client.force_login(bob)
    html = client.get(reverse("people:detail", args=[listed.pk])).content.decode()
    assert "Lin Listed" in html and "/account/invite/" not in html


def test_a_steward_invites_and_the_email_carries_the_link(steward_client, ada, mailoutbox):
    response = steward_client.post(invite_url(ada), {"email": EMAIL}, follow=True)
    assert response.redirect_chain == [(reverse("people:detail", args=[ada.pk]), 302)]
    assert f"Invitation sent to {EMAIL}" in response.content.decode()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [EMAIL]
    assert "Alice" in mailoutbox[0].body and "Ada Lovelace" in mailoutbox[0].body
    token = claim_path(mailoutbox[0]).split("/")[-2]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == services.hash_token(token) and invitation.invited_by.username == "alice"
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_a_refused_invitation_says_why(steward_client, make_person, bob, mailoutbox):
    linked = make_person("Bob", user=bob)
    response = steward_client.post(invite_url(linked), {"email": "bob@builder.example"}, follow=True)
    assert "already has a login" in response.content.decode()
    response = steward_client.post(invite_url(make_person("Cy")), {"email": "not an address"}, follow=True)
    assert "valid e-mail address" in response.content.decode()
    assert not mailoutbox and not Invitation.objects.exists()


def test_inviting_is_for_stewards_only(client, bob, ada, mailoutbox):
    response = client.post(invite_url(ada), {"email": EMAIL})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(bob)
    assert client.post(invite_url(ada), {"email": EMAIL}).status_code == 403
    assert not mailoutbox and not Invitation.objects.exists()


def test_inviting_takes_a_post(steward_client, ada):
    assert steward_client.get(invite_url(ada)).status_code == 405


def test_unknown_person_is_404(steward_client):
    assert steward_client.post(reverse("accounts:invite", args=[999999]), {"email": EMAIL}).status_code == 404


def test_the_claim_page_shows_the_name_and_a_form(client, invitation):
    response = client.get(reverse("accounts:claim", args=[invitation.token]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ada Lovelace" in html
    for field in ("username", "password1", "password2"):
        assert f'name="{field}"' in html
    assert response["Referrer-Policy"] == "same-origin"


def test_claiming_logs_the_member_in_on_their_own_page(client, invitation, ada, mailoutbox):
    path = claim_path(mailoutbox[0])
    response = client.post(path, {"username": "ada", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("people:detail", args=[ada.pk])
    user = User.objects.get(username="ada")
    ada.refresh_from_db()
    assert ada.user == user
    assert client.session["_auth_user_id"] == str(user.pk)
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ada Lovelace" in html and EMAIL in html  # she sees her own e-mail addresses
    assert "/account/invite/" not in html


def test_a_password_the_validators_refuse_is_shown_and_creates_nothing(client, invitation, ada):
    response = claim(client, invitation, password="password")
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(username="ada").exists()
    assert "_auth_user_id" not in client.session
    assert Invitation.objects.open().filter(pk=invitation.pk).exists()
    response = claim(client, invitation, password=PASSWORD, confirm=PASSWORD + "!")
    assert response.status_code == 200 and "didn’t match" in response.content.decode()
    assert not User.objects.filter(username="ada").exists()


def test_a_taken_username_is_shown(client, invitation, alice):
    response = claim(client, invitation, username="Alice")
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert User.objects.count() == 1


def _refused(client, token, status):
    url = reverse("accounts:claim", args=[token])
    for response in (client.get(url), client.post(url, {"username": "ada", "password1": PASSWORD,
                                                          "password2": PASSWORD})):
        assert response.status_code == status
        html = response.content.decode()
        assert "Ada Lovelace" not in html and EMAIL not in html
    assert not User.objects.filter(username="ada").exists()
    return html


def test_an_expired_link_is_gone_and_creates_no_user(client, invitation):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert "expired" in _refused(client, invitation.token, 410)


def test_a_used_link_is_refused(client, invitation):
    assert claim(client, invitation).status_code == 302
    User.objects.filter(username="ada").update(username="ada-before")
    assert "already been used" in _refused(client.__class__(), invitation.token, 404)


def test_a_revoked_or_unknown_link_is_refused(client, invitation):
    services.revoke(invitation)
    _refused(client, invitation.token, 404)
    _refused(client, "not-a-real-token", 404)


def test_reinviting_revokes_the_old_link(steward_client, client, ada, mailoutbox):
    steward_client.post(invite_url(ada), {"email": EMAIL})
    steward_client.post(invite_url(ada), {"email": "ada@poetical.science"})
    old, new = (claim_path(message) for message in mailoutbox)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert Invitation.objects.open().get().email == "ada@poetical.science"


def test_invitations_are_read_only_in_the_admin(client, invitation):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw-not-used"))
    listing = client.get(reverse("admin:accounts_invitation_changelist"))
    assert listing.status_code == 200 and EMAIL in listing.content.decode()
    assert client.get(reverse("admin:accounts_invitation_add")).status_code == 403
    assert invitation.token not in client.get(
        reverse("admin:accounts_invitation_change", args=[invitation.pk])).content.decode()
    client.post(reverse("admin:accounts_invitation_changelist"),
                {"action": "revoke_invitations", "_selected_action": [invitation.pk]})
    assert not Invitation.objects.open().exists()
