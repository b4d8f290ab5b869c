"""Recognition: highlights of great work, the digests that tell their story, and the thanks ledger.

A Highlight always points at concrete activities (product rule 1) and credits the person
who did them; suggestions wait for a steward (rule 5). Re-running the suggester never
brings back what a steward dismissed: each suggestion has a stable ``signal_key``.
"""
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from seedbed.activity.taxonomy import CONTRIBUTION_TYPES
from seedbed.recognition.kinds import HIGHLIGHT_KINDS, THANKS_KINDS


class HighlightStatus(models.TextChoices):
    SUGGESTED = "suggested", "Waiting for a steward"
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"


class Highlight(models.Model):
    kind = models.CharField(max_length=30, choices=sorted(HIGHLIGHT_KINDS.items()))
    status = models.CharField(max_length=12, choices=HighlightStatus.choices, default=HighlightStatus.SUGGESTED)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="highlights")
    activities = models.ManyToManyField("activity.Activity", related_name="highlights")
    contribution_type = models.CharField(max_length=30, choices=sorted(CONTRIBUTION_TYPES.items()))
    group = models.ForeignKey("groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # For a mentee's milestone: the mentor the digest's mentors section celebrates too.
    mentor = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="mentored_highlights")
    title = models.CharField(max_length=300, help_text="the work, in a few words")
    why = models.TextField(help_text="why the work mattered, in words for people")
    reason = models.TextField(blank=True, help_text="why Seedbed suggested it (empty for nominations)")
    occurred_at = models.DateTimeField(help_text="when the work happened (its newest activity)")
    signal_key = models.CharField(max_length=400, blank=True, help_text="what suggested it; unique when set")
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_label = models.CharField(max_length=200, blank=True, help_text="who decided, when not a user")

    class Meta:
        ordering = ["-occurred_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["signal_key"], condition=~models.Q(signal_key=""),
                                    name="highlight_unique_signal"),
        ]
        indexes = [models.Index(fields=["status", "occurred_at"]), models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return self.title


class Nomination(models.Model):
    """A member pointed at a contribution and said, in a sentence, why it deserves a highlight."""

    highlight = models.ForeignKey(Highlight, on_delete=models.CASCADE, related_name="nominations")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sentence = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["highlight", "by"], name="nomination_once_per_member")]


class DigestStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Digest(models.Model):
    """A story of great stuff that happened between two dates, made of confirmed highlights.

    The highlights are chosen when the draft is made (and again on refresh); an editor
    approves the draft, which publishes it. Names are decided when it is shown, so a member
    who withdraws consent disappears from published digests too.
    """

    since = models.DateField()
    until = models.DateField(help_text="inclusive")
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Markdown, written by the editor")
    highlights = models.ManyToManyField(Highlight, related_name="digests", blank=True)
    status = models.CharField(max_length=10, choices=DigestStatus.choices, default=DigestStatus.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-until", "-id"]

    def __str__(self) -> str:
        return self.title


class Fund(models.Model):
    """Where thank-you money comes from (a donations fund, a sponsor, the events budget)."""

    name = models.CharField(max_length=200, unique=True)
    currency = models.CharField(max_length=3, default="EUR")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Budget(models.Model):
    """How much a fund may spend on thanks between two dates."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="budgets")
    starts_on = models.DateField()
    ends_on = models.DateField(help_text="inclusive")
    amount = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["-starts_on", "fund__name"]
        constraints = [models.UniqueConstraint(fields=["fund", "starts_on"], name="budget_one_per_fund_period")]

    def __str__(self) -> str:
        return f"{self.fund}: {self.starts_on} to {self.ends_on}"


class Thanks(models.Model):
    """One thank-you given to a person, for the contributions it honours."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="thanks_received")
    kind = models.CharField(max_length=30, choices=[(k.code, k.label) for k in THANKS_KINDS])
    highlights = models.ManyToManyField(Highlight, related_name="thanks", blank=True)
    activities = models.ManyToManyField("activity.Activity", related_name="thanks", blank=True)
    given_on = models.DateField(default=timezone.localdate)
    cost = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0"))
    fund = models.ForeignKey(Fund, null=True, blank=True, on_delete=models.PROTECT, related_name="spending")
    thanked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    thanked_by_label = models.CharField(max_length=200, blank=True, help_text="who thanked, when not a user")
    arrived = models.BooleanField(null=True, blank=True, help_text="did it reach them? unknown until someone checks")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "thanks"
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["person", "given_on"]), models.Index(fields=["fund", "given_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person}"
