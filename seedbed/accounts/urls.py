from django.urls import path

from seedbed.accounts import erase_views, export_views, profile_views, views

app_name = "accounts"
urlpatterns = [
    path("invite/<int:pk>/", views.invite, name="invite"),
    path("claim/<str:token>/", views.claim, name="claim"),
    path("profile/", profile_views.edit_profile, name="profile"),
    path("profile/breaks/", profile_views.edit_breaks, name="profile_breaks"),
    path("export.json", export_views.export, name="export"),
    path("erase/", erase_views.erase_me, name="erase"),
]
