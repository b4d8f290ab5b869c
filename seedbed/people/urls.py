from django.urls import path

from seedbed.people import note_views, review_views, views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("not-contacted/", views.not_contacted, name="not_contacted"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/notes/", note_views.note_add, name="note_add"),
    path("<int:pk>/interactions/", note_views.interaction_add, name="interaction_add"),
    path("merges/", review_views.merge_queue, name="merges"),
    path("merges/<int:pk>/<slug:action>/", review_views.merge_decide, name="merge_decide"),
    path("merges/history/", review_views.merge_history, name="merge_history"),
    path("merges/history/<int:pk>/undo/", review_views.merge_undo, name="merge_undo"),
]
