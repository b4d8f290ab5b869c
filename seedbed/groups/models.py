from django.db import models
from django.utils import timezone


class GroupKind(models.TextChoices):
    LOCAL_TEAM = "local-team", "Local team"
    USER_GROUP = "user-group", "User group"
    AFFINITY_GROUP = "affinity-group", "Affinity group"
    WORKING_GROUP = "working-group", "Working group"


class Group(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=GroupKind.choices)
    description = models.TextField(blank=True)
    region = models.CharField(max_length=100, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    self_joined = models.BooleanField(default=False, help_text="members join by themselves")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    MEMBER = "member", "Member"
    ORGANISER = "organiser", "Organiser"


class MembershipQuerySet(models.QuerySet):
    def on(self, day):
        """Memberships that held on ``day``: joined by then, not yet left."""
        return self.filter(joined_on__lte=day).filter(models.Q(left_on__isnull=True) | models.Q(left_on__gte=day))


class Membership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "person", "role"], name="membership_unique_role")]
