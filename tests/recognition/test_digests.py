"""Digests from the database: who is named, the e-mail, and drafts an editor publishes."""
import datetime as dt

import pytest
from django.contrib.auth.models import User

from seedbed.groups.models import Group, Membership
from seedbed.recognition import digests
from seedbed.recognition.models import DigestStatus, HighlightStatus
from seedbed.recognition.periods import Period
from seedbed.recognition.services import RecognitionError, dismiss_highlight
from tests.recognition.builders import MARCH, act, at, highlight, person

pytestmark = pytest.mark.django_db

SECRET = "Nia Hiddenname"
PUBLIC = "Oto Publico"


@pytest.fixture
def month():
    nia = person(SECRET, username="niah")
    oto = person(PUBLIC, consent=True)
    team = Group.objects.create(name="Lisbon team", slug="lisbon", kind="local-team")
    Membership.objects.create(group=team, person=nia, joined_on=dt.date(2025, 1, 1))
    shown = [
        highlight(nia, act(nia, "pull-request", at(3, 4), merged=True, title="Offline mode"),
                  why="Users on trains can keep working.", group=team),
        highlight(oto, act(oto, "translation", at(3, 12), contribution_type="translation", title="pt-BR docs"),
                  kind="translation-completed", why="Brazilian readers get the docs in Portuguese."),
        # Oto's milestone, mentored by Nia, who did not consent
        highlight(oto, act(oto, "pull-request", at(3, 20), merged=True, title="First patch"),
                  kind="mentee-milestone", mentor=nia, why="Their first merged pull request."),
        # Nia's first contribution of the month: unnamed newcomers are counted, not listed
        highlight(nia, act(nia, "commit", at(3, 2), title="Typo fix"), kind="first-contribution",
                  why="Their first contribution."),
    ]
    waiting = highlight(oto, act(oto, "commit", at(3, 15), title="Not confirmed yet"), status=HighlightStatus.SUGGESTED)
    april = highlight(oto, act(oto, "commit", at(4, 2), title="April work"))
    return nia, oto, shown, waiting, april


def test_people_without_consent_are_a_contributor_in_markdown_and_html(month):
    story = digests.story(MARCH)
    markdown, html = digests.render_markdown(story), digests.render_html(story)
    for text in (markdown, html):
        assert SECRET not in text and "Hiddenname" not in text and "niah" not in text
        assert "a contributor" in text and PUBLIC in text
        assert "Offline mode" in text and "Users on trains can keep working." in text  # the work is still told
        assert "Not confirmed yet" not in text and "April work" not in text
    assert "mentored by" not in markdown  # the mentor did not consent
    assert "one more person made their first contribution" in markdown
    assert html.lstrip().lower().startswith("<!doctype html>")


def test_a_consenting_mentor_is_named(month):
    nia, *_ = month
    nia.consent_public_listing = True
    nia.save()
    markdown = digests.render_markdown(digests.story(MARCH))
    assert f"mentored by {SECRET}" in markdown and f"by {SECRET}" in markdown
    assert "a contributor" not in markdown


def test_the_email_has_text_and_html_and_is_delivered(month, mailoutbox):
    story = digests.story(MARCH)
    message = digests.email(story, ["community@example.org"])
    assert message.body == digests.render_markdown(story)
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and html == digests.render_html(story)
    assert message.send() == 1
    [sent] = mailoutbox
    assert sent.subject == "Great stuff happening: March 2026" and sent.to == ["community@example.org"]
    assert SECRET not in sent.body and SECRET not in sent.alternatives[0][0]


def test_a_draft_is_made_edited_and_published(month):
    nia, oto, shown, waiting, april = month
    editor = User.objects.create_user("editor")
    draft = digests.create_draft(MARCH, by=editor)
    assert draft.status == DigestStatus.DRAFT and draft.created_by == editor
    assert set(draft.highlights.values_list("pk", flat=True)) == {h.pk for h in shown}
    digests.update_draft(draft, title="  March at Seedbed ", intro=" Hello! ", removed=[shown[0].pk])
    draft.refresh_from_db()
    assert (draft.title, draft.intro) == ("March at Seedbed", "Hello!")
    assert set(draft.highlights.values_list("pk", flat=True)) == {h.pk for h in shown[1:]}
    assert "Offline mode" not in digests.render_markdown(digests.story_of(draft))
    published = digests.publish(draft, by=editor)
    assert (published.status, published.approved_by) == (DigestStatus.PUBLISHED, editor)
    assert published.published_at is not None


def test_a_published_digest_cannot_be_changed(month):
    editor = User.objects.create_user("editor")
    draft = digests.create_draft(MARCH, by=editor)
    digests.publish(draft, by=editor)
    with pytest.raises(RecognitionError, match="published"):
        digests.update_draft(draft, title="Changed", intro="", removed=[])
    draft.refresh_from_db()
    assert draft.title == "Great stuff happening: March 2026" and draft.highlights.count() == 4


def test_an_empty_digest_cannot_be_published(month):
    editor = User.objects.create_user("editor")
    empty = digests.create_draft(Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31)), by=editor)
    assert not empty.highlights.exists()
    with pytest.raises(RecognitionError):
        digests.publish(empty, by=editor)
    empty.refresh_from_db()
    assert (empty.status, empty.published_at) == (DigestStatus.DRAFT, None)


def test_links_only_for_named_people_only_web_links_only_confirmed(month):
    nia, oto, shown, *_ = month
    evil = highlight(oto, act(oto, "talk", at(3, 25), title="Talk", url="javascript:alert(1)"), kind="talk")
    html = digests.render_html(digests.story(MARCH))
    assert "https://example.org" in html  # Oto agreed to be named: their work is linked
    for a in shown[0].activities.all():  # Nia did not: a link would show her handle
        assert a.url not in html
    assert "javascript:" not in html and "Talk" in html
    digest = digests.create_draft(MARCH)
    dismiss_highlight(evil)
    assert "Talk</" not in digests.render_html(digests.story_of(digest))  # dismissed later: gone from the digest
