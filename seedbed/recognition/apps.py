from django.apps import AppConfig


class RecognitionConfig(AppConfig):
    name = "seedbed.recognition"
    label = "recognition"
