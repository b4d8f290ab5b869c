from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from seedbed.access import Audience, page
from seedbed.core import views as core_views

admin.site.site_header = "Seedbed administration"
admin.site.site_title = "Seedbed admin"
admin.site.index_title = "Records"

urlpatterns = [
    # every view declares who may reach it (seedbed.access.page); the admin has its own (staff only)
    path("", core_views.home, name="home"),
    path("login/", page(Audience.PUBLIC)(auth_views.LoginView.as_view(redirect_authenticated_user=True)), name="login"),
    path("logout/", page(Audience.PUBLIC)(auth_views.LogoutView.as_view()), name="logout"),  # POST only (Django 5)
    path("people/", include("seedbed.people.urls")),
    path("audit/", core_views.audit_log, name="audit"),
    path("recognition/", include("seedbed.recognition.urls")),
    path("digests/", include("seedbed.recognition.public_urls")),
    path("account/", include("seedbed.accounts.urls")),
    path("admin/", admin.site.urls),
]
