import pytest

from seedbed.people.placeholders import email_key, is_personal_email


@pytest.mark.parametrize(
    "email",
    ["", "(none)", "devnull@localhost", "noreply@github.com", "no-reply@x.org", "root@buildbox",
     "nobody@example.com", "user@host.local", "no-at-sign", "a@b@c.org", "unknown@unknown"],
)
def test_placeholders_are_not_personal(email):
    assert not is_personal_email(email)


@pytest.mark.parametrize(
    "email", ["Jane.Doe@Gmail.com", "jdoe@uni.edu", "12345+jdoe@users.noreply.github.com", " <ann@x.org> "]
)
def test_real_addresses_are_personal(email):
    assert is_personal_email(email)


def test_email_key_lowercases_and_trims_only():
    assert email_key("  <Jane.Doe@Gmail.COM> ") == "jane.doe@gmail.com"
