from django.db import models


class InstanceFact(models.Model):
    """Small facts about this installation, e.g. that the database holds Seedbed's demo."""

    key = models.CharField(max_length=100, unique=True)
    value = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.key
