"""The audit log page: stewards read who viewed or changed private data, and who merged,
unmerged, exported or erased."""
from django.core.paginator import Paginator
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render

from seedbed.access import Audience, page, viewer
from seedbed.core.models import AuditAction, AuditEntry

PAGE_SIZE = 50


@page(Audience.STEWARDS)
def audit_log(request):
    entries = AuditEntry.objects.select_related("person")
    action = request.GET.get("action", "")
    if action in AuditAction.values:
        entries = entries.filter(action=action)
    listing = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": listing, "action": action, "actions": AuditAction.choices})


@page(Audience.PUBLIC)
def home(request):
    """Where "Seedbed" leads: stewards to the people, a member to their own page."""
    me = viewer(request)
    if me.steward:
        return redirect("people:directory")
    if me.person_id:
        return redirect("people:detail", pk=me.person_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "core/home.html")
