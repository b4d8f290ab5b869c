from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "seedbed.people"
    label = "people"
