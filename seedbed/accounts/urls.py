from django.urls import path

from seedbed.accounts import export_views, views

app_name = "accounts"
urlpatterns = [
    path("invite/<int:pk>/", views.invite, name="invite"),
    path("claim/<str:token>/", views.claim, name="claim"),
    path("export.json", export_views.export, name="export"),
]
