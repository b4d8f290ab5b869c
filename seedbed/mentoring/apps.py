from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "seedbed.mentoring"
    label = "mentoring"
