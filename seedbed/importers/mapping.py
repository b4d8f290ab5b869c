"""What each import kind makes of its items: one row per kind of item, the activity kind and
contribution type it becomes, and the quality signals it carries. Pure data: the importers
decide with it, and the README's table is checked against it (tests/test_docs.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mapped:
    source: str  # the import kind: `seedbed import KIND`
    item: str  # what the source holds, in its own words
    kind: str  # Activity.kind
    contribution_type: str  # Activity.contribution_type, or how it is chosen
    signals: str  # quality signals it carries ("—" for none)


GIT = (
    Mapped("git; perceval git", "commit", "commit", "code, test, doc, translation or infra, by the files it changes; "
           "maintenance when it changes none", "—"),
    Mapped("git; perceval git", "Co-authored-by: trailer", "co-authored", "as its commit", "—"),
)

_MAIL = "mbox; perceval mbox, pipermail"
MBOX_STARTS = Mapped(_MAIL, "message that starts a thread", "message", "ideas", "replies received")
MBOX_ANSWERS = Mapped(_MAIL, "reply in a thread that starts with a question", "message", "question", "replies received")
MBOX_REPLIES = Mapped(_MAIL, "other reply", "message", "ideas", "replies received")
MBOX = (MBOX_STARTS, MBOX_ANSWERS, MBOX_REPLIES)

_GH = "gharchive; perceval github"
GITHUB_ISSUE = Mapped(_GH, "issue", "issue", "by its labels (doc, question, enhancement → ideas, security …); bug "
                      "when they say nothing", "replies received, reactions")
GITHUB_PULL = Mapped(_GH, "pull request (opened, merged, closed)", "pull-request",
                     "by its title's prefix (docs:, test:, ci: …), else its labels; code when they say nothing",
                     "merged, reviewed by, replies received, reactions")
GITHUB_REVIEW = Mapped(_GH, "pull request review", "review", "review", "state: approved, changes requested, commented")
GITHUB_REVIEW_COMMENT = Mapped(_GH, "review comment on a pull request's code", "comment", "review", "reactions")
GITHUB_COMMENT = Mapped(_GH, "comment on an issue or a pull request", "comment",
                        "on a pull request review; on an issue the issue's type", "replies received, reactions")
GITHUB_RELEASE = Mapped(_GH, "release", "release", "maintenance", "—")
GITHUB = (GITHUB_ISSUE, GITHUB_PULL, GITHUB_REVIEW, GITHUB_REVIEW_COMMENT, GITHUB_COMMENT, GITHUB_RELEASE)

_GL = "perceval gitlab"
GITLAB_ISSUE = Mapped(_GL, "issue", "issue", "as a GitHub issue", "replies received, reactions (award emoji)")
GITLAB_MR = Mapped(_GL, "merge request", "pull-request", "as a GitHub pull request",
                   "merged, reviewed by, replies received, reactions (award emoji)")
GITLAB_APPROVAL = Mapped(_GL, "approval (a system note: approved this merge request)", "review", "review",
                         "state: approved")
GITLAB_NOTE = Mapped(_GL, "note (not a system note)", "comment", "on a merge request review; on an issue the "
                     "issue's type", "replies received, reactions (award emoji)")
GITLAB = (GITLAB_ISSUE, GITLAB_MR, GITLAB_APPROVAL, GITLAB_NOTE)

_DC = "perceval discourse"
DISCOURSE_TOPIC = Mapped(_DC, "topic (its first post)", "topic", "ideas", "replies received, reactions (likes)")
DISCOURSE_ACCEPTED = Mapped(_DC, "post accepted as the solution", "answer", "question",
                            "accepted, replies received, reactions (likes)")
DISCOURSE_ANSWERS = Mapped(_DC, "reply in a topic that asks (a title ending in ?, or a solution)", "post", "question",
                           "replies received, reactions (likes)")
DISCOURSE_POST = Mapped(_DC, "other reply", "post", "ideas", "replies received, reactions (likes)")
DISCOURSE = (DISCOURSE_TOPIC, DISCOURSE_ACCEPTED, DISCOURSE_ANSWERS, DISCOURSE_POST)

SLACK_MESSAGE = Mapped("slack; perceval slack", "message (not a join, leave or topic change)", "chat", "ideas",
                       "replies received, reactions")
SLACK = (SLACK_MESSAGE,)

# an attendee list downloaded from Meetup (`import meetup`) and Perceval's rsvps make the same
# activities: the same keys, kinds and types
_MU = "meetup; perceval meetup"
MEETUP_HOST = Mapped(_MU, "host of an event that took place", "event-organising", "eventOrganizing",
                     "attendance (people who said yes)")
MEETUP_ATTENDEE = Mapped(_MU, "yes to an event that took place (not a no-show, where the source says)",
                         "event-attendance", "ideas", "—")
MEETUP_COMMENT = Mapped("perceval meetup", "comment on an event", "comment", "ideas", "—")
MEETUP = (MEETUP_HOST, MEETUP_ATTENDEE, MEETUP_COMMENT)

DISCORD_MESSAGE = Mapped("discord", "message (not a join, pin, thread notice or other system message)", "chat",
                          "ideas", "replies received, reactions")
DISCORD: tuple[Mapped, ...] = (DISCORD_MESSAGE,)
ZULIP_MESSAGE = Mapped("zulip", "message in a public channel (not a direct message, not by Zulip's system bots); "
                       "a topic's later messages answer its first", "chat", "ideas", "replies received, reactions")
ZULIP: tuple[Mapped, ...] = (ZULIP_MESSAGE,)
MATRIX_MESSAGE = Mapped("matrix", "message in the room (reactions and edits are applied to it; membership and "
                        "other state events are not imported)", "chat", "ideas", "replies received, reactions")
MATRIX: tuple[Mapped, ...] = (MATRIX_MESSAGE,)
_CAL = "ical"
ICAL_ORGANISER = Mapped(_CAL, "organiser (ORGANIZER, or an attendee who accepted as CHAIR) of an event that took "
                        "place", "event-organising", "eventOrganizing", "attendance (attendees who accepted)")
ICAL_SPEAKER = Mapped(_CAL, "speaker of a talk that took place (pretalx: named in the title)", "talk", "talk",
                      "minutes (the slot's length)")
ICAL_ATTENDEE = Mapped(_CAL, "attendee who accepted an event that took place (a person, not a room or group)",
                       "event-attendance", "ideas", "—")
ICAL: tuple[Mapped, ...] = (ICAL_ORGANISER, ICAL_SPEAKER, ICAL_ATTENDEE)

ALL: tuple[Mapped, ...] = GIT + MBOX + GITHUB + GITLAB + DISCOURSE + SLACK + DISCORD + ZULIP + MATRIX + MEETUP + ICAL
