"""Invitations: a steward invites a person to claim their profile with a login of their own.

Only a SHA-256 of the invitation's token is stored; the token itself goes into the e-mail
and nowhere else, so the database alone cannot open anyone's invitation.
"""
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

VALID_FOR = timedelta(days=14)


def default_expiry():
    return timezone.now() + VALID_FOR


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor revoked (an open invitation may still have expired)."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)


class Invitation(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=320)
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the token, hex")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        # No unique "one open invitation per person" constraint: inviting again revokes the
        # earlier one (``services.invite``, under a lock on the person), but a merge may bring
        # two people's open invitations together, and the same human may use either link.

    def __str__(self) -> str:
        return f"invitation of {self.person} ({self.email})"

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"
