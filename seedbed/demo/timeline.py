"""Three years of community life, simulated in time order.

Pure. Each person takes their budget of actions at random moments of their time in the
community, in plausible local hours. Replies need something to reply to, so actions run
in time order and answers, reviews and welcomes pick from recent open items; when there
is nothing to answer the person starts something instead. Answers sometimes earn a
thank-you from the asker: those replies, and the replies that only look like thanks, are
the ground truth for help detection.
"""
from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from itertools import accumulate

from seedbed.demo import text
from seedbed.demo.forge import ForgeActions
from seedbed.demo.identities import IdentityBook
from seedbed.demo.pools import Item, Pool
from seedbed.demo.population import DAY, WINDOW, Member
from seedbed.demo.records import ActivityRecord, Community
from seedbed.demo.talk import TalkActions

# Relative chance of acting in each local hour: quiet nights, busy days and evenings.
HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 4, 6, 6, 6, 5, 6, 6, 6, 6, 5, 5, 7, 7, 6, 4, 2]
HOURS = [h for h, w in enumerate(HOUR_WEIGHTS) for _ in range(int(w * 10))]  # one draw picks an hour


class Timeline(ForgeActions, TalkActions):
    def __init__(self, rng: random.Random, community: Community, members: list[Member], book: IdentityBook) -> None:
        self.rng = rng
        self.c = community
        self.members = members
        self.book = book
        self.start = community.anchor - dt.timedelta(seconds=WINDOW)
        self.pools = {
            "commits": Pool(3), "prs": Pool(21), "issues": Pool(60), "forum-help": Pool(30), "forum-topics": Pool(45),
            "forum-first": Pool(10), "list-help": Pool(20), "list-threads": Pool(30), "chat-help": Pool(2),
            "chat-first": Pool(3),
        }
        self.help_topics: list[Item] = []
        self.prs: list[Item] = []
        self.acted: set[tuple] = set()  # (person, platform) seen, and co-authorships made
        self.counters: dict[str, int] = {}
        self.versions: dict[str, tuple[int, int, int]] = {}
        self._types: dict[tuple[int, int], tuple[list[str], list[float]]] = {}  # (person, id of valid types)
        self.maintainers = [m for m in members if m.persona == "maintainer" and m.lifecycle in ("core", "regular")]

    # -- helpers shared by the actions ------------------------------------------------
    def at(self, s: int) -> dt.datetime:
        return self.start + dt.timedelta(seconds=s)

    def next(self, counter: str, step: int = 1) -> int:
        """The next number in a sequence (ids, issue numbers); ``step`` > 1 leaves gaps."""
        value = self.counters.get(counter, 0) + (self.rng.randint(1, step) if step > 1 else 1)
        self.counters[counter] = value
        return value

    def when(self, m: Member, s: int) -> int:
        """A moment on the day of ``s`` at a plausible local hour for ``m``."""
        hour = self.rng.choice(HOURS)
        day = s - s % DAY
        moment = day + int((hour - m.offset) * 3600) + self.rng.randrange(3600)
        return min(max(moment, 0), WINDOW - 1)

    def type_for(self, m: Member, valid: tuple[str, ...], default: str) -> str:
        cached = self._types.get((m.index, id(valid)))
        if cached is None:
            keys = [k for k in m.type_weights if k in valid]
            cached = self._types[(m.index, id(valid))] = (keys, list(accumulate(m.type_weights[k] for k in keys)))
        keys, cum = cached
        return keys[bisect(cum, self.rng.random() * cum[-1])] if keys else default

    def first_time(self, m: Member, platform: str) -> bool:
        if (m.index, platform) in self.acted:
            return False
        self.acted.add((m.index, platform))
        return True

    def emit(self, identity: int, platform: str, key: str, kind: str, ctype: str, s: int, **fields) -> int:
        self.c.activities.append(ActivityRecord(
            platform=platform, key=key, identity=identity, kind=kind, contribution_type=ctype, occurred_at=self.at(s), **fields
        ))
        return len(self.c.activities) - 1

    def active_maintainer(self, s: int, not_by: int) -> Member | None:
        for _ in range(4):
            if not self.maintainers:
                return None
            m = self.rng.choice(self.maintainers)
            if m.start <= s <= m.end and m.index != not_by:
                return m
        return None

    # -- the run ------------------------------------------------------------------------
    def run(self) -> None:
        rng = self.rng
        plan: list[tuple[int, int, str]] = []
        for m in self.members:
            names = list(m.action_weights)
            cum = list(accumulate(m.action_weights.values()))
            for action in rng.choices(names, cum_weights=cum, k=m.budget):
                plan.append((self.when(m, rng.randint(m.start, m.end)), m.index, action))
        for index in sorted(self.c.logins.values()):  # the demo's logins were active in its last weeks
            m = self.members[index]
            action = rng.choices(list(m.action_weights), weights=list(m.action_weights.values()))[0]
            plan.append((self.when(m, rng.randint(max(m.start, m.end - 20 * DAY), m.end - 6 * DAY)), m.index, action))
        plan.sort()
        handlers = {name: getattr(self, "do_" + name.replace("-", "_")) for name in {a for _, _, a in plan}}
        for s, index, action in plan:
            handlers[action](self.members[index], s)
        self.settle_answers()

    # -- what an answer sets off ----------------------------------------------------------
    def after_answer(self, item: Item, answer: int, helper: Member, s: int) -> None:
        """The asker may come back to thank the helper, or to say it did not help."""
        rng = self.rng
        item.answers.append(answer)
        if item.person < 0:
            return
        roll = rng.random()
        if roll >= 0.45:
            return
        delay = rng.randint(120, 4 * 3600) if item.platform == "zulip" else rng.randint(1800, 3 * DAY)
        t = s + delay
        if t >= WINDOW:
            return
        asker = self.members[item.person]
        mention = self.mention(helper, item.platform, s)
        if roll < 0.38:
            local = text.THANKS_LOCAL.get(asker.language.split("-")[0])
            template = local if local and rng.random() < 0.25 else rng.choice(text.THANKS[item.platform])
            body = text.fill(rng, template, h=mention)
        else:
            body = text.fill(rng, text.THANKS_BUT, h=mention)
        index = self.reply(asker, item, t, body, item.ctype, parent=answer)
        if roll < 0.38:
            self.c.truth.help.append((index, answer))
            item.extra["thanked"] = answer
        else:
            self.c.truth.not_help.append(index)

    def mention(self, m: Member, platform: str, s: int = 0) -> str:
        """How people address ``m`` on a platform: @username, @**Full Name**, or a first name."""
        found = self.book.peek(m, platform)
        identity = self.c.identities[found] if found is not None else None
        if platform == "discourse":
            return "@" + (identity.username if identity else m.handle)
        if platform == "zulip":
            return f"@**{identity.name if identity else m.display}**"
        return m.name.given.latin

    def settle_answers(self) -> None:
        """Askers mark one answer as the solution: usually the one they thanked."""
        for item in self.help_topics:
            answers = [a for a in item.answers if self.c.activities[a].kind == "answer"]
            if not answers:
                continue
            for a in answers:
                self.c.activities[a].accepted = False
            thanked = item.extra.get("thanked")
            if thanked in answers and self.rng.random() < 0.75:
                self.c.activities[thanked].accepted = True
            elif self.rng.random() < 0.3:
                self.c.activities[self.rng.choice(answers)].accepted = True
