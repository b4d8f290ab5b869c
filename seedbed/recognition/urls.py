from django.urls import path

from seedbed.recognition import digest_views, ledger_views, report_views, views

app_name = "recognition"
urlpatterns = [
    path("highlights/", views.highlight_queue, name="highlights"),
    path("highlights/suggest/", views.highlight_suggest, name="highlight_suggest"),
    path("highlights/<int:pk>/thank/", ledger_views.thank, name="thank"),
    path("highlights/<int:pk>/<slug:action>/", views.highlight_decide, name="highlight_decide"),
    path("nominate/", views.nominate, name="nominate"),
    path("digests/", digest_views.digest_list, name="digests"),
    path("digests/<int:pk>/", digest_views.digest_edit, name="digest_edit"),
    path("digests/<int:pk>/publish/", digest_views.digest_publish, name="digest_publish"),
    path("digests/<int:pk>/markdown/", digest_views.digest_markdown, name="digest_markdown"),
    path("thanks/", ledger_views.ledger_page, name="ledger"),
    path("thanks/<int:pk>/arrived/", ledger_views.thanks_arrived, name="thanks_arrived"),
    path("fairness/", report_views.fairness, name="fairness"),
    path("sharers/", report_views.sharers, name="sharers"),
]
