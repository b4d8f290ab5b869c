"""Small builders for the recognition database tests: people with one identity, activities,
highlights. Every row is made explicitly; nothing is imported from a data set."""
import datetime as dt
import itertools

from seedbed.activity.models import Activity
from seedbed.people.models import Identity, Person, PersonKind
from seedbed.recognition.models import Highlight, HighlightStatus
from seedbed.recognition.periods import Period

UTC = dt.timezone.utc
MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
_keys = itertools.count(1)


def at(month: int, day: int, hour: int = 12, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=UTC)


def person(name: str, *, username: str = "", consent: bool = False, kind: str = PersonKind.MEMBER,
           bot: bool = False, **fields) -> Person:
    """A person with one GitHub-like identity (username defaults to the first name, lower case)."""
    p = Person.objects.create(display_name=name, consent_public_listing=consent, kind=kind, **fields)
    handle = username or name.split()[0].lower()
    Identity.objects.create(person=p, source_kind="github", source_instance="github.com", key=handle,
                            username=handle, name=name, is_bot=bot)
    return p


def act(who: Person, kind: str, when: dt.datetime, *, platform: str = "github", contribution_type: str = "code",
        identity: Identity | None = None, **fields) -> Activity:
    n = next(_keys)
    fields.setdefault("url", f"https://example.org/{platform}/{n}")
    return Activity.objects.create(
        platform=platform, key=f"{kind}-{n}", identity=identity or who.identities.first(), kind=kind,
        contribution_type=contribution_type, occurred_at=when, **fields)


def highlight(who: Person, *activities: Activity, kind: str = "merged-after-review",
              status: str = HighlightStatus.CONFIRMED, title: str = "", why: str = "It made a difference.",
              contribution_type: str = "", **fields) -> Highlight:
    main = activities[0]
    h = Highlight.objects.create(
        kind=kind, status=status, person=who, contribution_type=contribution_type or main.contribution_type,
        title=title or main.title or f"{main.kind} {main.pk}", why=why, reason="built by a test",
        occurred_at=max(a.occurred_at for a in activities), **fields)
    h.activities.set(activities)
    return h
