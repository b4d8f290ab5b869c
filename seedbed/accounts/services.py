"""Use cases of invitations: invite a person to claim their profile, and claim it.

No request objects here: the views (and anything else) pass plain values. Each change runs
in one transaction; sending the e-mail is part of the invitation's, so an invitation whose
e-mail could not be sent does not exist (and the earlier one stays valid).
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone

from seedbed.accounts.models import VALID_FOR, Invitation
from seedbed.core.errors import SeedbedError
from seedbed.people.models import Identity, Person, PersonKind
from seedbed.people.placeholders import is_personal_email


class InvitationError(SeedbedError):
    """An invitation cannot be sent or claimed; the message says why, in words for people."""


class InvalidInvitation(InvitationError):
    """The link cannot be used (any more). ``reason``: unknown, used, revoked, expired or unavailable."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _refusal(person: Person) -> str | None:
    """Why this person cannot be invited, or None."""
    if person.kind == PersonKind.BOT:
        return f"{person.display_name} is a bot; bots cannot be invited"
    if person.merged_into_id is not None:
        return f"{person.display_name} was merged into someone else; invite the person they were merged into"
    if person.user_id is not None:
        return f"{person.display_name} already has a login of their own"
    return None


def _who(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "A steward of your community"
    return user.get_full_name() or user.get_username()


def expiry_text(moment) -> str:
    return dateformat.format(timezone.localtime(moment), "j F Y, H:i T")


def invite(person: Person, email: str, by, base_url: str) -> Invitation:
    """Invite ``person`` to claim their profile: e-mail them a link that works once, for
    ``VALID_FOR``. A new invitation revokes the person's earlier open one. ``by``: the
    steward who invites; ``base_url``: the site's address, e.g. ``https://seedbed.example/``.

    The returned invitation carries ``token`` and ``link``, which are never stored."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InvitationError(f"“{email}” is not a valid e-mail address" if email else "An e-mail address is needed") from None
    with transaction.atomic():
        try:
            person = Person.objects.select_for_update().get(pk=person.pk)
        except Person.DoesNotExist:
            raise InvitationError("This person no longer exists") from None
        refusal = _refusal(person)
        if refusal:
            raise InvitationError(refusal)
        now = timezone.now()
        Invitation.objects.filter(person=person).open().update(revoked_at=now)
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            person=person, email=email, token_hash=hash_token(token),
            invited_by=by if getattr(by, "is_authenticated", False) else None,
            created_at=now, expires_at=now + VALID_FOR,
        )
        link = base_url.rstrip("/") + reverse("accounts:claim", args=[token])
        inviter = _who(by)
        body = render_to_string("accounts/invitation_email.txt", {
            "name": person.display_name, "inviter": inviter, "link": link,
            "expires": expiry_text(invitation.expires_at), "days": VALID_FOR.days,
        })
        try:
            send_mail(f"{inviter} invites you to Seedbed", body, None, [email])
        except (OSError, ValueError) as error:  # smtplib's errors are OSErrors
            raise InvitationError(f"The invitation could not be sent to {email}: {error}") from error
    invitation.token, invitation.link = token, link
    return invitation


def revoke(invitation: Invitation) -> bool:
    """Withdraw an open invitation; its link stops working. False if it was not open."""
    return bool(Invitation.objects.filter(pk=invitation.pk).open().update(revoked_at=timezone.now()))


def open_invitation(token: str, *, lock: bool = False) -> Invitation:
    """The invitation this token opens, with its person, or ``InvalidInvitation`` saying why not."""
    found = Invitation.objects.select_related("person")
    if lock:
        found = found.select_for_update()
    try:
        invitation = found.get(token_hash=hash_token(token or ""))
    except Invitation.DoesNotExist:
        raise InvalidInvitation("unknown", "This invitation link is not valid. Check that you copied all of it.") from None
    if invitation.accepted_at is not None:
        raise InvalidInvitation("used", "This invitation has already been used.")
    if invitation.revoked_at is not None:
        raise InvalidInvitation(
            "revoked", "This invitation was withdrawn or replaced by a newer one. Use the link in the newest "
            "invitation you received, or ask a steward for a new one.")
    if invitation.expires_at <= timezone.now():
        raise InvalidInvitation("expired", "This invitation has expired. Ask a steward to send you a new one.")
    if _refusal(invitation.person):
        raise InvalidInvitation(
            "unavailable", "This profile can no longer be claimed with this invitation. Ask a steward for help.")
    return invitation


def claim(token: str, username: str, password: str):
    """Claim the profile the token's invitation is for: create a user with this username and
    password (Django's password validators apply), link the person to it and mark the
    invitation accepted. Returns the new user; raises ``InvalidInvitation`` for a link that
    cannot be used and ``ValidationError`` for a username or password that will not do."""
    User = get_user_model()
    try:
        with transaction.atomic():
            invitation = open_invitation(token, lock=True)
            person = Person.objects.select_for_update().get(pk=invitation.person_id)
            if _refusal(person):  # linked or merged since the link was opened
                raise InvalidInvitation(
                    "unavailable", "This profile can no longer be claimed with this invitation. Ask a steward for help.")
            user = User(username=User.normalize_username(username or ""), email=invitation.email)
            _check_new_user(user, password)
            user.set_password(password)
            user.save()
            person.user = user
            person.save(update_fields=["user"])
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
    except IntegrityError:  # the username was taken a moment ago
        raise ValidationError({"username": "A user with that username already exists."}) from None
    return user


def _check_new_user(user, password: str) -> None:
    User = type(user)
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:
        raise ValidationError({"username": error.message_dict.get("username", error.messages)}) from None
    if User.objects.filter(username__iexact=user.username).exists():
        raise ValidationError({"username": "A user with that username already exists."})
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None


def suggested_email(identities: Iterable[Identity]) -> str:
    """The address of the most recently seen identity with a personal, deliverable address, or ""."""
    usable = []
    for identity in identities:
        address = (identity.email or "").strip()
        if identity.is_bot or not is_personal_email(address) or "noreply" in address.lower():
            continue
        try:
            validate_email(address)
        except ValidationError:
            continue
        usable.append((identity.last_seen or identity.first_seen or identity.created_at, identity.pk, address))
    return max(usable)[2] if usable else ""
