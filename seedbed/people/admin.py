"""People in Django's admin: for looking things up and fixing small mistakes.

Merges are not edited here: ``merged_into``, merge records, proposals and keep-apart
records are read-only, because only ``seedbed.people.services`` and ``merging`` keep the
record that makes a merge undoable. The admin's actions (accept, reject, mark not sure,
undo) call those same services, with the signed-in user as the actor.
"""
from django.contrib import admin, messages

from seedbed.core.admin import ReadOnlyAdmin
from seedbed.people import merging
from seedbed.people.models import (
    DeclaredBreak,
    Identity,
    Interaction,
    KeepApart,
    MergeProposal,
    MergeRecord,
    Motivation,
    Note,
    Person,
    ResolutionKey,
    Suppression,
)
from seedbed.people.services import MergeError, undo_merge


def _run_each(modeladmin, request, objects, do, done: str) -> None:
    """Call ``do`` on each object in its own transaction; report successes and each error."""
    succeeded, failed = 0, []
    for obj in objects:
        try:
            do(obj)
        except MergeError as error:
            failed.append(str(error))
        else:
            succeeded += 1
    if succeeded:
        modeladmin.message_user(request, f"{done}: {succeeded}.", messages.SUCCESS)
    for error in failed:
        modeladmin.message_user(request, error[:1].upper() + error[1:] + ".", messages.ERROR)


class IdentityInline(admin.TabularInline):
    model = Identity
    fields = ("source_kind", "source_instance", "name", "email", "username", "is_bot", "link_reason")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class NoteInline(admin.StackedInline):
    model = Note
    fields = ("body", "author", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("display_name", "kind", "region", "time_zone", "first_seen", "last_seen", "merged_into")
    list_filter = ("kind", "consent_public_listing", "consent_contact", ("merged_into", admin.EmptyFieldListFilter))
    search_fields = ("display_name", "identities__email", "identities__username", "identities__name")
    list_select_related = ("merged_into",)
    raw_id_fields = ("user",)
    readonly_fields = ("merged_into", "first_seen", "last_seen", "created_at")
    date_hierarchy = "last_seen"
    inlines = [IdentityInline, NoteInline]
    show_full_result_count = False

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            if isinstance(obj, Note) and obj.author_id is None:
                obj.author = request.user
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(Identity)
class IdentityAdmin(admin.ModelAdmin):
    list_display = ("__str__", "source_kind", "source_instance", "username", "person", "is_bot", "last_seen")
    list_filter = ("source_kind", "is_bot")
    search_fields = ("name", "email", "username", "key", "external_id")
    list_select_related = ("person",)
    raw_id_fields = ("person",)
    # Raw values stay as the source wrote them, and an identity changes person only through a
    # merge (which keeps the record that makes undo possible).
    readonly_fields = (
        "person", "source_kind", "source_instance", "key", "name", "email", "username", "external_id",
        "email_key", "raw_encoding", "link_reason", "first_seen", "last_seen", "created_at",
    )
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # identities come from imports


@admin.register(MergeRecord)
class MergeRecordAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "absorbed", "survivor", "method", "confidence", "confirmed", "undone_at")
    list_filter = ("method", "confirmed", ("undone_at", admin.EmptyFieldListFilter))
    search_fields = ("survivor__display_name", "absorbed__display_name", "reason")
    list_select_related = ("survivor", "absorbed")
    date_hierarchy = "created_at"
    actions = ["undo_merges"]

    @admin.action(description="Undo selected merges")
    def undo_merges(self, request, queryset):
        # newest first: a later merge of the survivor into someone else must be undone before this one
        _run_each(self, request, queryset.order_by("-created_at", "-id"),
                  lambda record: undo_merge(record, actor=request.user), "Merges undone")


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ("person", "author", "created_at")
    search_fields = ("person__display_name", "body")
    list_select_related = ("person", "author")
    raw_id_fields = ("person", "author")
    date_hierarchy = "created_at"


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ("person", "channel", "topic", "by", "occurred_at")
    list_filter = ("channel",)
    search_fields = ("person__display_name", "topic")
    list_select_related = ("person", "by")
    raw_id_fields = ("person", "by")
    date_hierarchy = "occurred_at"


@admin.register(Motivation)
class MotivationAdmin(admin.ModelAdmin):
    list_display = ("person", "motive", "importance", "orientation", "source", "reported_at")
    list_filter = ("motive", "source")
    search_fields = ("person__display_name",)
    list_select_related = ("person",)
    raw_id_fields = ("person",)


@admin.register(DeclaredBreak)
class DeclaredBreakAdmin(admin.ModelAdmin):
    list_display = ("person", "starts_on", "ends_on", "note")
    search_fields = ("person__display_name", "note")
    list_select_related = ("person",)
    raw_id_fields = ("person",)


@admin.register(MergeProposal)
class MergeProposalAdmin(ReadOnlyAdmin):
    list_display = ("id", "person_a", "person_b", "confidence", "status", "created_at", "decided_by")
    list_filter = ("status",)
    search_fields = ("person_a__display_name", "person_b__display_name")
    list_select_related = ("person_a", "person_b", "decided_by")
    raw_id_fields = ("person_a", "person_b", "decided_by", "merge")
    date_hierarchy = "created_at"
    actions = ["accept_proposals", "reject_proposals", "mark_unsure"]
    show_full_result_count = False

    def _decide(self, request, queryset, decide, done: str) -> None:
        ids = list(queryset.order_by("-confidence", "id").values_list("pk", flat=True))
        _run_each(self, request, ids, lambda pk: decide(pk, actor=request.user), done)

    @admin.action(description="Accept selected proposals")
    def accept_proposals(self, request, queryset):
        self._decide(request, queryset, merging.accept_proposal, "Proposals accepted (merged)")

    @admin.action(description="Reject selected proposals")
    def reject_proposals(self, request, queryset):
        self._decide(request, queryset, merging.reject_proposal, "Proposals rejected (kept apart)")

    @admin.action(description="Mark not sure")
    def mark_unsure(self, request, queryset):
        self._decide(request, queryset, merging.mark_unsure, "Proposals marked not sure")


@admin.register(KeepApart)
class KeepApartAdmin(ReadOnlyAdmin):
    list_display = ("id", "reason", "identities_a", "identities_b", "actor", "created_at")
    list_filter = ("reason",)
    list_select_related = ("actor",)
    date_hierarchy = "created_at"


@admin.register(ResolutionKey)
class ResolutionKeyAdmin(ReadOnlyAdmin):
    list_display = ("key", "identity")
    search_fields = ("key",)
    list_select_related = ("identity",)
    show_full_result_count = False


@admin.register(Suppression)
class SuppressionAdmin(ReadOnlyAdmin):
    """Keyed hashes of erased people's identities: nothing readable, never edited by hand
    (deleting one would let that person's items come back with the next import)."""

    list_display = ("key_hash", "created_at")
