"""Invitations in Django's admin: listed and viewable; revoked here, sent from a person's page."""
from django.contrib import admin, messages

from seedbed.accounts import services
from seedbed.accounts.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("person", "email", "created_at", "expires_at", "accepted_at", "revoked_at", "invited_by")
    list_filter = (("accepted_at", admin.EmptyFieldListFilter), ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("person__display_name", "email")
    list_select_related = ("person", "invited_by")
    fields = ("person", "email", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at")
    readonly_fields = fields
    date_hierarchy = "created_at"
    actions = ["revoke_invitations"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # the token is e-mailed when a steward invites from the person's page

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Revoke selected invitations")
    def revoke_invitations(self, request, queryset):
        revoked = sum(services.revoke(invitation) for invitation in queryset)
        self.message_user(request, f"Invitations revoked: {revoked}.", messages.SUCCESS)
