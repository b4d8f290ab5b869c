from django.contrib import admin

from seedbed.core.models import InstanceFact


@admin.register(InstanceFact)
class InstanceFactAdmin(admin.ModelAdmin):
    list_display = ("key", "updated_at")
    readonly_fields = ("updated_at",)
