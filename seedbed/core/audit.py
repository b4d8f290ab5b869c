"""The audit log: one call records who did what to whose private data (never the data)."""
from __future__ import annotations

from seedbed.core.models import AuditAction, AuditEntry


def record(actor, action: AuditAction, person=None, detail: str = "", label: str = "") -> AuditEntry:
    """Record ``action`` by ``actor`` (a user, or None for the system or the command line,
    named by ``label``) about ``person``."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor.get_username()
    label = label or "system"
    return AuditEntry.objects.create(
        actor=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        actor_label=label, action=action, person=person, detail=detail[:300],
    )
