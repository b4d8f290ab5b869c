from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Seedbed administration"
admin.site.site_title = "Seedbed admin"
admin.site.index_title = "Records"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="people:directory", permanent=False)),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),  # POST only (Django 5)
    path("people/", include("seedbed.people.urls")),
    path("admin/", admin.site.urls),
]
