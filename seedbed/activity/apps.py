from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "seedbed.activity"
    label = "activity"
