"""People and what Seedbed knows about them.

A Person is one human (or bot); an Identity is one account or author signature on one
source, stored exactly as the source wrote it. Merges never delete anything: the
absorbed person is kept with ``merged_into`` set, and the MergeRecord lists every row
that moved, so undo puts each one back.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone


class PersonKind(models.TextChoices):
    MEMBER = "member", "Member"
    STAFF = "staff", "Staff"
    BOT = "bot", "Bot"
    ERASED = "erased", "Erased contributor"  # the one anonymous person erased people's activity stays with


class Visibility(models.TextChoices):
    """Who may see a self-reported field (the member chooses; stewards is the default)."""

    ONLY_ME = "only-me", "Only me"
    STEWARDS = "stewards", "Stewards"
    ORGANISERS = "organisers", "Also my organisers and mentor"
    PUBLIC = "public", "Public"


class PersonQuerySet(models.QuerySet):
    def current(self):
        """People that have not been merged into someone else."""
        return self.filter(merged_into__isnull=True)


class Person(models.Model):
    display_name = models.CharField(max_length=200)
    pronouns = models.CharField(max_length=50, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, help_text="IANA name, e.g. Europe/Berlin")
    region = models.CharField(max_length=100, blank=True)
    languages = models.JSONField(default=list, blank=True, help_text="BCP 47 tags, e.g. ['en', 'pt-BR']")
    interests = models.JSONField(default=list, blank=True)
    skills = models.JSONField(default=list, blank=True)
    bio = models.TextField(blank=True)
    availability = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=PersonKind.choices, default=PersonKind.MEMBER)
    # What kinds of thanks this person likes, e.g. ["personal-message", "invitation-to-speak"],
    # and anything they said in their own words.
    thanks_preferences = models.JSONField(default=list, blank=True)
    thanks_note = models.TextField(blank=True)
    consent_public_listing = models.BooleanField(default=False)
    consent_contact = models.BooleanField(default=False)
    consent_updated_at = models.DateTimeField(null=True, blank=True)
    # Per self-reported field: a Visibility value. Missing fields default to STEWARDS.
    field_visibility = models.JSONField(default=dict, blank=True)
    first_seen = models.DateTimeField(null=True, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="absorbed"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "id"]
        indexes = [models.Index(fields=["merged_into", "display_name"]), models.Index(fields=["last_seen"])]

    def __str__(self) -> str:
        return self.display_name

    def visibility_of(self, field: str) -> str:
        return self.field_visibility.get(field, Visibility.STEWARDS)


class Motive(models.TextChoices):
    LEARN = "learn", "Learn new things"
    CAREER = "career", "A job or career"
    PURPOSE = "purpose", "A higher purpose"
    BELONGING = "belonging", "Belonging to a community"
    FUN = "fun", "Fun"


class MotivationQuerySet(models.QuerySet):
    def current(self, person_id: int) -> dict[str, "Motivation"]:
        """The newest answer per motive (from any source): motive -> Motivation."""
        found: dict[str, Motivation] = {}
        for answer in self.filter(person_id=person_id).order_by("motive", "-reported_at", "-id"):
            found.setdefault(answer.motive, answer)
        return found


class Motivation(models.Model):
    """One self-reported answer about one motive; the newest per motive is current.

    Re-asking over time adds rows, so the history of what someone wanted is kept.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="motivations")
    motive = models.CharField(max_length=20, choices=Motive.choices)
    importance = models.PositiveSmallIntegerField(help_text="0 (not at all) to 4 (very much)")
    # -2 entirely intrinsic (for its own sake) ... +2 entirely extrinsic (for a reward)
    orientation = models.SmallIntegerField(default=0)
    reported_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, default="self", help_text="self, survey or steward")

    objects = MotivationQuerySet.as_manager()

    class Meta:
        ordering = ["person", "motive", "-reported_at"]
        indexes = [models.Index(fields=["person", "motive", "reported_at"])]


class DeclaredBreak(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="breaks")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-starts_on"]


class Identity(models.Model):
    """An account or author signature on one source instance, exactly as the source wrote it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="identities")
    source_kind = models.CharField(max_length=30)  # git, github, gitlab, discourse, mbox, slack, ...
    source_instance = models.CharField(max_length=300, blank=True)  # host or list; "" for git authors
    # What makes the identity unique on its instance: the external id, the username, or for
    # git the exact "name <email>" pair.
    key = models.CharField(max_length=600)
    username = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=320, blank=True)
    name = models.CharField(max_length=300, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    # Normalised keys live beside the raw values, never instead of them.
    email_key = models.CharField(max_length=320, blank=True, db_index=True)
    raw_encoding = models.CharField(max_length=40, blank=True, help_text="legacy encoding the source used, if any")
    is_bot = models.BooleanField(default=False)
    link_reason = models.CharField(max_length=300, blank=True, help_text="why it was attached to its person")
    first_seen = models.DateTimeField(null=True, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "identities"
        constraints = [
            models.UniqueConstraint(fields=["source_kind", "source_instance", "key"], name="identity_unique_per_instance")
        ]

    def __str__(self) -> str:
        parts = [self.name or self.username or self.key]
        if self.email:
            parts.append(f"<{self.email}>")
        return " ".join(parts)


class MergeMethod(models.TextChoices):
    SAME_EMAIL = "same-email", "Same personal e-mail address"
    MAILMAP = "mailmap", "The repository's .mailmap"
    STEWARD = "steward", "A steward"
    SELF = "self", "The member's own statement"
    RESOLVER = "resolver", "Automatic identity resolution"


class MergeRecord(models.Model):
    """One merge of ``absorbed`` into ``survivor``, with everything needed to undo it exactly.

    ``moved`` maps a model label to the ids of the rows whose person changed, e.g.
    {"people.identity": [3, 4], "people.note": [9]}; undo points them back at ``absorbed``.
    """

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_received")
    absorbed = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_given")
    method = models.CharField(max_length=20, choices=MergeMethod.choices)
    reason = models.TextField()
    confidence = models.FloatField(default=1.0)
    confirmed = models.BooleanField(default=False, help_text="a person (or a curated file) said so")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=200, blank=True, help_text="who or what merged, when not a user")
    moved = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]


class Note(models.Model):
    """A private relationship note about a person, in Markdown."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class InteractionChannel(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    CALL = "call", "Call"
    VIDEO = "video", "Video call"
    EMAIL = "email", "E-mail"
    CHAT = "chat", "Chat"
    EVENT = "event", "At an event"
    OTHER = "other", "Other"


class Interaction(models.Model):
    """Someone from the community spoke with the person: when, how and about what."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interactions")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    occurred_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField(max_length=20, choices=InteractionChannel.choices)
    topic = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-id"]


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Waiting for review"
    UNSURE = "unsure", "Not sure"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    SUPERSEDED = "superseded", "No longer applies"


class MergeProposal(models.Model):
    """The resolver thinks two people may be one human but is not sure enough to merge them.

    The identity ids of each side are kept as they were when proposed, so a rejection keeps
    exactly those identities apart even after later merges.
    """

    person_a = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    identities_a = models.JSONField(default=list)
    identities_b = models.JSONField(default=list)
    confidence = models.FloatField()
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merge = models.ForeignKey(MergeRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-confidence", "id"]
        constraints = [models.UniqueConstraint(fields=["person_a", "person_b"], name="one_proposal_per_pair")]
        indexes = [models.Index(fields=["status", "confidence"])]

    def __str__(self) -> str:
        return f"proposal {self.pk}: {self.person_a_id} + {self.person_b_id} ({self.confidence:.2f})"


class ApartReason(models.TextChoices):
    REJECTED = "rejected", "A steward rejected the merge"
    UNDONE = "undone", "A merge was undone"
    MEMBER = "member", "The member said these are not theirs"


class KeepApart(models.Model):
    """Identities that must never be merged again automatically, and why."""

    identities_a = models.JSONField()
    identities_b = models.JSONField()
    reason = models.CharField(max_length=12, choices=ApartReason.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


class ResolutionKey(models.Model):
    """A blocking key of an identity (``seedbed.people.resolve.keys_for``): identities that share
    a key are compared when one of them is new, so a run costs what the new identities cost."""

    identity = models.ForeignKey(Identity, on_delete=models.CASCADE, related_name="resolution_keys")
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["identity", "key"], name="resolution_key_unique")]


class Suppression(models.Model):
    """A keyed hash of an erased person's identity key, address or username: an import that
    meets it again gives the item to the erased contributor instead of bringing them back.
    Holds no readable identity data (``seedbed.people.erasure.digest``)."""

    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
