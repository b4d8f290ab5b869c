from django.conf import settings
from django.db import models
from django.utils import timezone


class InstanceFact(models.Model):
    """Small facts about this installation, e.g. that the database holds Seedbed's demo."""

    key = models.CharField(max_length=100, unique=True)
    value = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.key


class AuditAction(models.TextChoices):
    VIEWED_NOTES = "viewed-notes", "viewed the private notes"
    ADDED_NOTE = "added-note", "added a private note"
    ADDED_INTERACTION = "added-interaction", "logged an interaction"
    MERGED = "merged", "merged people"
    UNMERGED = "unmerged", "undid a merge"
    EXPORTED = "exported", "exported data"
    ERASED = "erased", "erased a person"


class AuditEntry(models.Model):
    """Who viewed or changed private notes, and who merged, unmerged, exported or erased.

    Never holds the private content itself: ``detail`` names the record (``note 12``), not
    what it says."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_label = models.CharField(max_length=200, blank=True, help_text="who, as they were called then")
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.actor_label or 'someone'} {self.get_action_display()}"
