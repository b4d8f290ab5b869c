from django.contrib import admin

from seedbed.core.models import AuditEntry, InstanceFact


@admin.register(InstanceFact)
class InstanceFactAdmin(admin.ModelAdmin):
    list_display = ("key", "updated_at")
    readonly_fields = ("updated_at",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed and viewable, never added, changed or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The log is written by the code, never by hand."""

    list_display = ("at", "actor_label", "action", "person", "detail")
    list_filter = ("action",)
    search_fields = ("actor_label", "detail")
