"""Logins are throttled by django-axes: 5 failures for a username from one address lock that pair out.

The test client is CSRF-free and posts from REMOTE_ADDR 127.0.0.1. Time passing is simulated by moving
the recorded failures' timestamps back, so the real AXES_COOLOFF_TIME (15 minutes) is what is tested.
"""
import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user
from django.core.management import call_command
from django.db.models import F
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

WRONG = "not the password"
LOCKED_TEXT = "temporarily locked after too many failed login attempts"


def log_in(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def fail(client, username: str, times: int, **extra):
    return [log_in(client, username, WRONG, **extra) for _ in range(times)]


def logged_in_as(client):
    user = get_user(client)
    return user.get_username() if user.is_authenticated else None


def minutes_pass(minutes: float) -> None:
    """Pretend `minutes` have passed since every recorded failure."""
    assert AccessAttempt.objects.exists()
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_five_failures_lock_out_even_the_right_password(client, alice):
    responses = fail(client, "alice", 5)
    assert [r.status_code for r in responses[:4]] == [200] * 4  # the login form again, with its error
    assert responses[4].status_code == 429  # the fifth failure already locks

    response = log_in(client, "alice", PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED_TEXT in html
    assert "try again in 15 minutes" in html
    assert 'href="/static/' in html and "site-footer" in html  # Seedbed's own page, from base.html
    assert logged_in_as(client) is None


def test_four_failures_are_below_the_limit(client, alice):
    assert [r.status_code for r in fail(client, "alice", 4)] == [200] * 4

    response = log_in(client, "alice", PASSWORD)

    assert response.status_code == 302
    assert response.url == resolve_url(settings.LOGIN_REDIRECT_URL)
    assert logged_in_as(client) == "alice"


def test_success_resets_the_count(client, alice):
    fail(client, "alice", 4)
    assert log_in(client, "alice", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    assert not AccessAttempt.objects.exists()

    assert [r.status_code for r in fail(client, "alice", 4)] == [200] * 4
    assert log_in(client, "alice", PASSWORD).status_code == 302


def test_one_users_lockout_leaves_others_at_the_same_address_alone(client, alice, bob):
    fail(client, "alice", 5)
    assert log_in(client, "alice", PASSWORD).status_code == 429

    response = log_in(client, "bob", PASSWORD)

    assert response.status_code == 302
    assert logged_in_as(client) == "bob"


def test_the_lockout_is_for_one_address_only(alice):
    attacker, alice_at_home = Client(), Client()
    fail(attacker, "alice", 5, REMOTE_ADDR="198.51.100.7")
    assert log_in(attacker, "alice", PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 429

    assert log_in(alice_at_home, "alice", PASSWORD, REMOTE_ADDR="203.0.113.20").status_code == 302
    assert logged_in_as(alice_at_home) == "alice"


def test_the_lockout_lasts_fifteen_minutes(client, alice):
    fail(client, "alice", 5)

    minutes_pass(14)
    assert log_in(client, "alice", PASSWORD).status_code == 429  # still locked ...
    assert logged_in_as(client) is None

    minutes_pass(15.1)  # ... and that attempt started the wait again
    response = log_in(client, "alice", PASSWORD)

    assert response.status_code == 302
    assert logged_in_as(client) == "alice"


def test_trying_while_locked_out_starts_the_wait_again(client, alice):
    fail(client, "alice", 5)
    minutes_pass(10)
    assert log_in(client, "alice", WRONG).status_code == 429

    minutes_pass(10)  # 20 minutes after the fifth failure, 10 after the latest attempt
    assert log_in(client, "alice", PASSWORD).status_code == 429
    assert logged_in_as(client) is None


def test_a_lockout_can_be_cleared_from_the_command_line(client, alice):
    fail(client, "alice", 5)
    out = io.StringIO()
    call_command("axes_reset_username", "alice", stdout=out)  # what README's `seedbed manage ...` runs

    assert "attempts removed" in out.getvalue()
    assert log_in(client, "alice", PASSWORD).status_code == 302
