"""Inviting a person to claim their profile, and claiming it (seedbed.accounts.services)."""
import hashlib
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from seedbed.accounts import services
from seedbed.accounts.models import Invitation
from seedbed.people.models import Identity, Person, PersonKind

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
BASE = "https://seedbed.example/"


@pytest.fixture
def steward():
    return User.objects.create_user("alice", "alice@example.org", PASSWORD, first_name="Alice", last_name="Steward")


@pytest.fixture
def ada():
    return Person.objects.create(display_name="Ada Lovelace")


def token_of(message) -> str:
    found = re.search(r"https://seedbed\.example/account/claim/([\w-]+)/", message.body)
    assert found, message.body
    return found.group(1)


def test_the_invitation_is_emailed_with_the_link_who_sent_it_and_when_it_expires(ada, steward, mailoutbox):
    invitation = services.invite(ada, " ada@analytical.engine ", steward, BASE)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ada@analytical.engine"]
    assert "Alice Steward" in message.subject and "Alice Steward" in message.body
    assert "Hello Ada Lovelace" in message.body
    assert token_of(message) == invitation.token
    assert invitation.link == f"https://seedbed.example/account/claim/{invitation.token}/"
    assert services.expiry_text(invitation.expires_at) in message.body
    for promise in ("see everything the community knows about you", "who sees what", "download", "erased"):
        assert promise in message.body
    assert not message.alternatives  # plain text
    assert invitation.email == "ada@analytical.engine" and invitation.invited_by == steward
    assert timedelta(days=13, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=14)


def test_a_name_with_markup_characters_stays_as_written_in_the_plain_text(steward, mailoutbox):
    person = Person.objects.create(display_name="Zoë O'Brien & <co>")
    services.invite(person, "zoe@obrien.ie", steward, BASE)
    assert "Hello Zoë O'Brien & <co>," in mailoutbox[0].body


def test_only_a_hash_of_the_token_is_stored(ada, steward, mailoutbox):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    token = token_of(mailoutbox[0])
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in {str(value) for value in stored.values()}
    assert stored["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert len(token) >= 43  # secrets.token_urlsafe(32)


@pytest.mark.parametrize("make, why", [
    (lambda: Person.objects.create(display_name="dependabot[bot]", kind=PersonKind.BOT), "bot"),
    (lambda: Person.objects.create(display_name="A. Lovelace",
                                   merged_into=Person.objects.create(display_name="Ada")), "merged"),
    (lambda: Person.objects.create(display_name="Grace", user=User.objects.create_user("grace")), "already has a login"),
])
def test_bots_merged_and_linked_people_cannot_be_invited(steward, mailoutbox, make, why):
    with pytest.raises(services.InvitationError, match=re.escape(why)):
        services.invite(make(), "someone@analytical.engine", steward, BASE)
    assert not mailoutbox and not Invitation.objects.exists()


@pytest.mark.parametrize("email", ["", "ada", "ada@", "ada@analytical engine", "<ada@analytical.engine>"])
def test_an_invalid_address_is_refused(ada, steward, mailoutbox, email):
    with pytest.raises(services.InvitationError, match="valid e-mail address|e-mail address is needed"):
        services.invite(ada, email, steward, BASE)
    assert not mailoutbox and not Invitation.objects.exists()


def test_reinviting_revokes_the_earlier_link(ada, steward, mailoutbox):
    first = services.invite(ada, "ada@analytical.engine", steward, BASE)
    second = services.invite(ada, "ada@poetical.science", steward, BASE)
    first.refresh_from_db()
    assert first.revoked_at is not None and Invitation.objects.open().get() == second
    with pytest.raises(services.InvalidInvitation) as refused:
        services.claim(first.token, "ada", PASSWORD)
    assert refused.value.reason == "revoked"
    assert services.claim(second.token, "ada", PASSWORD).email == "ada@poetical.science"


def test_a_failed_send_leaves_no_invitation_and_keeps_the_earlier_one(ada, steward, monkeypatch):
    first = services.invite(ada, "ada@analytical.engine", steward, BASE)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(services, "send_mail", refuse)
    with pytest.raises(services.InvitationError, match="could not be sent to ada@poetical.science"):
        services.invite(ada, "ada@poetical.science", steward, BASE)
    assert list(Invitation.objects.all()) == [first]
    assert Invitation.objects.open().get() == first


def test_claiming_creates_a_user_linked_to_the_person(ada, steward):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    user = services.claim(invitation.token, "ada", PASSWORD)
    ada.refresh_from_db()
    invitation.refresh_from_db()
    assert ada.user == user and user.person == ada
    assert user.username == "ada" and user.email == "ada@analytical.engine"
    assert user.check_password(PASSWORD) and user.is_active and not user.is_staff
    assert invitation.accepted_at is not None


def test_an_invitation_works_once(ada, steward):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    services.claim(invitation.token, "ada", PASSWORD)
    with pytest.raises(services.InvalidInvitation) as refused:
        services.claim(invitation.token, "ada2", PASSWORD)
    assert refused.value.reason == "used"
    assert User.objects.filter(username="ada2").exists() is False


def test_an_expired_invitation_is_refused_and_creates_no_user(ada, steward):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(services.InvalidInvitation, match="expired") as refused:
        services.claim(invitation.token, "ada", PASSWORD)
    assert refused.value.reason == "expired"
    assert not User.objects.filter(username="ada").exists()
    ada.refresh_from_db()
    assert ada.user is None


def test_a_revoked_invitation_is_refused(ada, steward):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    assert services.revoke(invitation) is True
    assert services.revoke(invitation) is False
    with pytest.raises(services.InvalidInvitation) as refused:
        services.claim(invitation.token, "ada", PASSWORD)
    assert refused.value.reason == "revoked"
    assert not User.objects.filter(username="ada").exists()


@pytest.mark.parametrize("token", ["", "not-a-real-token", "x" * 43])
def test_an_unknown_token_is_refused(token):
    with pytest.raises(services.InvalidInvitation) as refused:
        services.claim(token, "ada", PASSWORD)
    assert refused.value.reason == "unknown"
    assert not User.objects.exists()


def test_a_person_linked_meanwhile_cannot_be_claimed_again(ada, steward):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    ada.user = User.objects.create_user("ada-by-admin")
    ada.save()
    with pytest.raises(services.InvalidInvitation) as refused:
        services.claim(invitation.token, "ada", PASSWORD)
    assert refused.value.reason == "unavailable"
    assert not User.objects.filter(username="ada").exists()


@pytest.mark.parametrize("password", ["short", "password", "12345678901", "ada-lovelace"])
def test_the_password_validators_apply(ada, steward, password):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    with pytest.raises(ValidationError) as refused:
        services.claim(invitation.token, "ada-lovelace", password)
    assert "password" in refused.value.message_dict
    assert not User.objects.filter(username="ada-lovelace").exists()
    assert Invitation.objects.open().get() == Invitation.objects.get(pk=invitation.pk)


@pytest.mark.parametrize("username", ["Alice", "alice", "ada lovelace", ""])
def test_a_taken_or_malformed_username_is_refused(ada, steward, username):
    invitation = services.invite(ada, "ada@analytical.engine", steward, BASE)
    with pytest.raises(ValidationError) as refused:
        services.claim(invitation.token, username, PASSWORD)
    assert "username" in refused.value.message_dict
    assert User.objects.count() == 1  # the steward
    ada.refresh_from_db()
    assert ada.user is None


def test_the_suggested_address_is_the_most_recent_personal_one(ada):
    now = timezone.now()

    def identity(key, email, days_ago, **extra):
        return Identity.objects.create(person=ada, source_kind="git", key=key, email=email,
                                       last_seen=now - timedelta(days=days_ago), **extra)

    old = identity("old", "ada@analytical.engine", 300)
    newest = identity("relay", "123+ada@users.noreply.github.com", 1)
    placeholder = identity("placeholder", "ada@localhost", 2)
    bot = identity("bot", "ada-bot@poetical.science", 3, is_bot=True)
    recent = identity("recent", "ada@poetical.science", 10)
    assert services.suggested_email([old, newest, placeholder, bot, recent]) == "ada@poetical.science"
    assert services.suggested_email([old]) == "ada@analytical.engine"
    assert services.suggested_email([newest, placeholder]) == ""
    assert services.suggested_email([]) == ""
