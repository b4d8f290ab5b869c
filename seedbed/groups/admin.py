from django.contrib import admin

from seedbed.groups.models import Group, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("person", "role", "joined_on", "left_on")
    raw_id_fields = ("person",)
    extra = 0


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "region", "time_zone", "self_joined")
    list_filter = ("kind", "self_joined")
    search_fields = ("name", "slug", "region")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("person", "group", "role", "joined_on", "left_on")
    list_filter = ("role", "group")
    search_fields = ("person__display_name", "group__name")
    list_select_related = ("person", "group")
    raw_id_fields = ("person",)
