"""The bots every real community has: dependency bumps, CI comments, translation sync, greeters.

Pure. Bots are Person rows of kind "bot" with identities marked is_bot; their activity is
plentiful and must never be mistaken for people's work (or for welcoming).
"""
from __future__ import annotations

from seedbed.demo import text
from seedbed.demo.population import DAY, WINDOW
from seedbed.demo.records import PLATFORMS, IdentityRecord, PersonRecord
from seedbed.people.placeholders import email_key

# display name -> {platform: (key, username, name, email)}
BOTS = {
    "dependabot[bot]": {
        "git": ("dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", "", "dependabot[bot]",
                "49699333+dependabot[bot]@users.noreply.github.com"),
        "github": ("49699333", "dependabot[bot]", "dependabot[bot]", ""),
    },
    "pre-commit-ci[bot]": {
        "git": ("pre-commit-ci[bot] <66853113+pre-commit-ci[bot]@users.noreply.github.com>", "", "pre-commit-ci[bot]",
                "66853113+pre-commit-ci[bot]@users.noreply.github.com"),
        "github": ("66853113", "pre-commit-ci[bot]", "pre-commit-ci[bot]", ""),
    },
    "github-actions[bot]": {"github": ("41898282", "github-actions[bot]", "github-actions[bot]", "")},
    "Hosted Weblate": {"git": ("Hosted Weblate <hosted@weblate.org>", "", "Hosted Weblate", "hosted@weblate.org")},
    "Welcome Bot": {"zulip": ("9", "welcome-bot", "Welcome Bot", "welcome-bot@chat.seedbed-demo.org")},
    "system": {"discourse": ("-1", "system", "system", "")},
}
PACKAGES = ["requests", "pillow", "sentry-sdk", "maplibre-gl", "react-native", "kotlinx-coroutines", "gradle", "pytest",
            "eslint", "shapely"]


class Bots:
    def __init__(self, timeline) -> None:
        self.t = timeline
        self.rng = timeline.rng
        self.c = timeline.c
        self.ids: dict[tuple[str, str], int] = {}
        for display, accounts in BOTS.items():
            self.c.people.append(PersonRecord(display_name=display, kind="bot", lifecycle="bot", persona="bot"))
            person = len(self.c.people) - 1
            for platform, (key, username, name, email) in accounts.items():
                kind, instance, _ = PLATFORMS[platform]
                self.c.identities.append(IdentityRecord(
                    person=person, source_kind=kind, source_instance=instance, key=key, username=username, name=name,
                    email=email, email_key=email_key(email), external_id=key if platform != "git" else "", is_bot=True,
                    link_reason="first seen",
                ))
                self.ids[(display, platform)] = len(self.c.identities) - 1

    def run(self) -> None:
        rng, t = self.rng, self.t
        s = rng.randint(0, 7 * DAY)
        week = 0
        while s < WINDOW - DAY:
            for _ in range(rng.randint(0, 3)):
                self.bump(s + rng.randint(0, 6 * DAY))
            if week % 2 == 0:
                self.bump(s + rng.randint(0, 2 * DAY), "pre-commit-ci[bot]")
            lang = rng.choice(text.SLOTS["language"])
            t.commit(self.ids[("Hosted Weblate", "git")], s + rng.randint(0, 6 * DAY), "translation", "marigold",
                     f"Translated using Weblate ({lang})")
            s += 7 * DAY
            week += 1
        for pr in t.prs:
            if rng.random() < 0.3:
                self.comment(pr, "github-actions[bot]", f"Coverage: {rng.uniform(78, 93):.1f}% ({rng.uniform(-1, 1):+.1f}%)", "infra")
        for item in t.pools["chat-first"].items:
            self.greet(item)
        for item in t.help_topics:
            if rng.random() < 0.25 and item.s + 31 * DAY < WINDOW:
                body = "This topic was automatically closed 30 days after the last reply."
                t.reply_as(self.ids[("system", "discourse")], item, item.s + 31 * DAY, body, "maintenance")

    def bump(self, s: int, bot: str = "dependabot[bot]") -> None:
        rng, t = self.rng, self.t
        s = min(s, WINDOW - 1)
        repo = rng.choice(["marigold", "marigold-mobile", "marigold-website", "marigold-cli", "marigold-plugins"])
        if bot == "dependabot[bot]":
            a, b = rng.randint(1, 9), rng.randint(0, 30)
            title = f"Bump {rng.choice(PACKAGES)} from {a}.{b}.0 to {a}.{b + 1}.0"
        else:
            title = "[pre-commit.ci] pre-commit autoupdate"
        index = t.pull_request(self.ids[(bot, "github")], -1, s, "maintenance", repo, title)
        if self.c.activities[index].merged:
            maintainer = t.active_maintainer(s, -1)
            committer = t.book.get(maintainer, "git", s) if maintainer else None
            t.commit(self.ids[(bot, "git")], min(s + rng.randint(3600, 3 * DAY), WINDOW - 1), "maintenance", repo, title, committer)

    def comment(self, pr, bot: str, body: str, ctype: str) -> None:
        comment_id = self.t.next("gh:comment", step=30)
        self.t.emit(self.ids[(bot, "github")], "github", f"comment:{comment_id}", "comment", ctype, min(pr.s + 900, WINDOW - 1),
                    channel=pr.channel, parent_key=pr.key, thread_key=pr.key, parent=pr.index, body=body,
                    url=f"{pr.url}#issuecomment-{comment_id}", size=text.words(body))

    def greet(self, item) -> None:
        person = self.t.members[item.person]
        s = min(item.s + self.rng.randint(30, 300), WINDOW - 1)
        mention = self.t.mention(person, "zulip", s)
        body = f"Welcome to the Marigold chat, {mention}! 🌱 Ask anything in #help."
        self.t.reply_as(self.ids[("Welcome Bot", "zulip")], item, s, body, "welcoming")
