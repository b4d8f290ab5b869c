"""Sources and activities in Django's admin.

Activity tables grow to hundreds of thousands of rows: every foreign key is a raw id
(never a <select> of all rows), list pages join what they show, and the admin skips
the second unfiltered COUNT(*).
"""
from django.contrib import admin

from seedbed.activity.models import Activity, PendingState, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "status", "last_run_at")
    list_filter = ("kind", "status")
    search_fields = ("name", "location")
    readonly_fields = ("cursor", "last_run_at", "status", "error", "created_at")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "kind", "contribution_type", "platform", "channel", "title", "identity")
    list_filter = ("platform", "kind", "contribution_type")
    search_fields = ("key", "title", "channel")
    list_select_related = ("identity",)
    raw_id_fields = ("identity", "committer", "parent", "source")
    readonly_fields = ("imported_at",)
    date_hierarchy = "occurred_at"
    show_full_result_count = False
    ordering = ("-occurred_at",)


@admin.register(PendingState)
class PendingStateAdmin(admin.ModelAdmin):
    """News about items not imported yet: read-only, the importers apply and delete them."""

    list_display = ("platform", "key", "seen_at", "merged")
    list_filter = ("platform",)
    search_fields = ("key",)
    readonly_fields = ("platform", "key", "seen_at", "merged", "extra")
