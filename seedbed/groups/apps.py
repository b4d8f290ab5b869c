from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "seedbed.groups"
    label = "groups"
