"""Every model is in the admin, and big tables never become a <select> of all rows."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEEDBED_APPS = ["people", "activity", "groups", "mentoring"]


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw-not-used"))
    return client


def test_every_seedbed_model_is_registered():
    missing = [
        model._meta.label for label in SEEDBED_APPS for model in apps.get_app_config(label).get_models()
        if not admin.site.is_registered(model)
    ]
    assert missing == []


def test_every_changelist_and_add_page_renders(admin_client, make_person, make_identity, make_activity):
    make_activity(make_identity(make_person("Ada Lovelace")), title="Note G")
    for label in SEEDBED_APPS:
        for model in apps.get_app_config(label).get_models():
            opts = model._meta
            assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
            add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
            assert add.status_code in (200, 403), opts.label


def test_activity_admin_uses_raw_ids(admin_client, make_person, make_identity, make_activity):
    activity = make_activity(make_identity(make_person("Ada Lovelace")), title="Note G")
    html = admin_client.get(reverse("admin:activity_activity_change", args=[activity.pk])).content.decode()
    assert 'name="identity"' in html and "vForeignKeyRawIdAdminField" in html
    assert '<select name="identity"' not in html


def test_merges_are_read_only_in_the_admin(admin_client, make_person):
    assert admin_client.get(reverse("admin:people_mergerecord_add")).status_code == 403
    ada = make_person("Ada Lovelace")
    html = admin_client.get(reverse("admin:people_person_change", args=[ada.pk])).content.decode()
    assert 'name="merged_into"' not in html
