from django.contrib import admin

from seedbed.mentoring.models import Mentorship


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ("mentor", "mentee", "started_on", "ended_on", "outcome")
    list_filter = ("outcome",)
    search_fields = ("mentor__display_name", "mentee__display_name", "goal")
    list_select_related = ("mentor", "mentee")
    raw_id_fields = ("mentor", "mentee")
