from django.urls import path

from seedbed.people import views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.person_detail, name="detail"),
]
