"""Where activity comes from and the activity itself.

An Activity's identity is (platform, key) — e.g. ("git", commit sha), ("github", node id) —
not the Source row that brought it, so one item reaching Seedbed by two routes (a
repository and Perceval output; the API and GH Archive) is one activity.
"""
from django.db import models
from django.utils import timezone

from seedbed.activity.taxonomy import ACTIVITY_KINDS, CONTRIBUTION_TYPES


class SourceStatus(models.TextChoices):
    NEW = "new", "Never run"
    RUNNING = "running", "Running"
    OK = "ok", "OK"
    FAILED = "failed", "Failed"


class Source(models.Model):
    kind = models.CharField(max_length=30)  # git, github, discourse, mbox, demo, ...
    location = models.CharField(max_length=1000)  # a path, URL or archive name
    name = models.CharField(max_length=200, blank=True)
    cursor = models.JSONField(default=dict, blank=True, help_text="where the next incremental run starts")
    last_run_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=SourceStatus.choices, default=SourceStatus.NEW)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "location"], name="source_unique_location")]

    def __str__(self) -> str:
        return self.name or f"{self.kind}: {self.location}"


class Activity(models.Model):
    platform = models.CharField(max_length=30)
    key = models.CharField(max_length=300)
    identity = models.ForeignKey("people.Identity", on_delete=models.PROTECT, related_name="activities")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities")
    kind = models.CharField(max_length=30, choices=sorted(ACTIVITY_KINDS.items()))
    contribution_type = models.CharField(max_length=30, choices=sorted(CONTRIBUTION_TYPES.items()))
    occurred_at = models.DateTimeField()
    channel = models.CharField(max_length=300, blank=True, help_text="repository, forum category, list or room")
    # Threads: keys on the same platform; parent is filled in when the answered item is known.
    parent_key = models.CharField(max_length=300, blank=True)
    thread_key = models.CharField(max_length=300, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    title = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=1000, blank=True)
    size = models.PositiveIntegerField(default=0, help_text="lines changed, words written, minutes spoken ...")
    files_changed = models.PositiveIntegerField(default=0)
    lines_added = models.PositiveIntegerField(default=0)
    lines_removed = models.PositiveIntegerField(default=0)
    # Quality signals: None where the platform has no such notion.
    merged = models.BooleanField(null=True, blank=True)
    accepted = models.BooleanField(null=True, blank=True, help_text="accepted as the solution")
    reactions = models.PositiveIntegerField(default=0)
    replies_received = models.PositiveIntegerField(default=0)
    reviewed_by = models.JSONField(default=list, blank=True)
    committer = models.ForeignKey(
        "people.Identity", null=True, blank=True, on_delete=models.PROTECT, related_name="committed"
    )
    extra = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "activities"
        constraints = [models.UniqueConstraint(fields=["platform", "key"], name="activity_unique_per_platform")]
        indexes = [
            models.Index(fields=["identity", "occurred_at"]),
            # the person page's timeline by contribution type, the directory's type filter
            models.Index(fields=["identity", "contribution_type", "occurred_at"]),
            models.Index(fields=["contribution_type", "identity"]),
            models.Index(fields=["occurred_at"]),
            models.Index(fields=["kind", "occurred_at"]),
            models.Index(fields=["platform", "thread_key"]),
            # importers link earlier replies to what arrives later
            models.Index(fields=["platform", "parent_key"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class PendingState(models.Model):
    """The newest state heard for an item not imported yet (see importers.items.State);
    applied and deleted when the item arrives."""

    platform = models.CharField(max_length=30)
    key = models.CharField(max_length=300)
    seen_at = models.DateTimeField()
    merged = models.BooleanField(null=True, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "key"], name="pending_state_unique")]
