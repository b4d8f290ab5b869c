"""What anyone may read: the published digests."""
from django.urls import path

from seedbed.recognition import digest_views

app_name = "digests"
urlpatterns = [
    path("", digest_views.public_digests, name="list"),
    path("<int:pk>/", digest_views.public_digest, name="detail"),
]
