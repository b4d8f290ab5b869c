"""Conversation in the demo: the forum, the mailing list, chat, and translations.

Pure; mixed into seedbed.demo.timeline.Timeline. Help questions on each of the three
conversation platforms get answers and support replies from others; what the asker says
next is in Timeline.after_answer.
"""
from __future__ import annotations

import re

from seedbed.demo import text
from seedbed.demo.pools import Item
from seedbed.demo.population import DAY, WINDOW, Member

FORUM = "https://forum.seedbed-demo.org"
CHAT = "https://chat.seedbed-demo.org/#narrow/stream"
LISTS = "https://lists.seedbed-demo.org/archives/dev"
TOPIC_TYPES = tuple(text.TOPIC)
LIST_TYPES = tuple(text.LIST_THREAD)
STREAMS = ("development", "translations", "events", "design-chat", "general")
HELP_TYPES = ("bug", "userTesting")
TOPIC_BODIES = ["What do you think?", "Details below; feedback welcome.", "Notes and links inside.",
                "Comments welcome until the end of the month."]
# A reply takes the type of what it discusses where that is a kind of work; otherwise it is ideas.
REPLY_TYPE = {"design": "design", "a11y": "a11y", "userTesting": "userTesting", "research": "research", "data": "research",
              "security": "security", "projectManagement": "projectManagement", "infra": "infra", "code": "review"}
LANGUAGES = ["de", "pt-BR", "es", "fr", "ja", "uk", "sw", "hi", "id", "tr", "ko", "vi", "ar", "pl", "zh-CN", "ta"]
COMPONENTS = ["marigold", "marigold-mobile", "website", "docs"]
COMPONENT_STRINGS = 600


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "topic"


class TalkActions:
    # -- building blocks ------------------------------------------------------------------
    def root(self, m: Member, s: int, platform: str, kind: str, ctype: str, channel: str, title: str, body: str) -> int:
        identity = self.book.get(m, platform, s)
        if platform == "discourse":
            tid = self.next("d:topic", step=3)
            key, url = f"topic:{tid}", f"{FORUM}/t/{_slug(title)}/{tid}"
            thread = key
        elif platform == "mbox":
            key, url = self.message(self.c.identities[identity].email, s)
            thread = key
        else:
            mid = self.next("z:msg", step=9)
            topic = title[:60]
            key, url, thread = f"msg:{mid}", f"{CHAT}/{channel}/topic/{_slug(topic)}/near/{mid}", f"{channel}/{topic}"
        return self.emit(identity, platform, key, kind, ctype, s, channel=channel, thread_key=thread, title=title,
                         body=body, url=url, size=text.words(body))

    def message(self, sender: str, s: int) -> tuple[str, str]:
        n = self.next("m:msg", step=3)
        domain = sender.rsplit("@", 1)[-1] or "lists.seedbed-demo.org"
        return f"<{self.rng.getrandbits(48):012x}.{n}@{domain}>", f"{LISTS}/{self.at(s):%Y-%m}/{n:06d}.html"

    def reply(self, m: Member, item: Item, s: int, body: str, ctype: str, parent: int, kind: str = "") -> int:
        return self.reply_as(self.book.get(m, item.platform, s), item, s, body, ctype, parent, kind)

    def reply_as(self, identity: int, item: Item, s: int, body: str, ctype: str, parent: int | None = None,
                 kind: str = "") -> int:
        parent = item.index if parent is None else parent
        parent_key = self.c.activities[parent].key
        common = dict(channel=item.channel, parent_key=parent_key, thread_key=item.thread, parent=parent, body=body,
                      size=text.words(body))
        if item.platform == "discourse":
            pid = self.next("d:post", step=4)
            number = item.extra["posts"] = item.extra.get("posts", 1) + 1
            return self.emit(identity, "discourse", f"post:{pid}", kind or "post", ctype, s, url=f"{item.url}/{number}", **common)
        if item.platform == "mbox":
            key, url = self.message(self.c.identities[identity].email, s)
            return self.emit(identity, "mbox", key, kind or "message", ctype, s, title=f"Re: {item.title}", url=url, **common)
        mid = self.next("z:msg", step=9)
        url = item.url.rsplit("/near/", 1)[0] + f"/near/{mid}"
        return self.emit(identity, "zulip", f"msg:{mid}", kind or "chat", ctype, s, title=item.title, url=url, **common)

    def to_item(self, index: int, s: int, m: Member, ctype: str) -> Item:
        a = self.c.activities[index]
        return Item(index=index, s=s, person=m.index, platform=a.platform, key=a.key, thread=a.thread_key,
                    channel=a.channel, ctype=ctype, url=a.url, title=a.title)

    def question(self, m: Member, s: int, platform: str, channel: str, pool: str) -> None:
        rng = self.rng
        in_advance = rng.random() < 0.3
        body = f"{text.fill(rng, text.HELP_BODY)} {rng.choice(text.HELP_ASK_THANKS if in_advance else text.HELP_ASK_PLAIN)}"
        ctype = self.type_for(m, HELP_TYPES, "bug")
        kind = {"discourse": "topic", "mbox": "message", "zulip": "chat"}[platform]
        index = self.root(m, s, platform, kind, ctype, channel, text.fill(rng, text.HELP_TITLE), body)
        if in_advance:
            self.c.truth.not_help.append(index)
        item = self.to_item(index, s, m, ctype)
        self.pools[pool].add(item)
        if platform == "discourse":
            self.help_topics.append(item)
        self.remember_first(m, platform, item)

    def remember_first(self, m: Member, platform: str, item: Item) -> None:
        if self.first_time(m, platform) and platform in ("discourse", "zulip"):
            self.pools["forum-first" if platform == "discourse" else "chat-first"].add(item)

    def answer(self, m: Member, s: int, pool: str) -> bool:
        item = self.pools[pool].pick(self.rng, s, m.index)
        if item is None:
            return False
        kind = "answer" if item.platform == "discourse" else ""
        index = self.reply(m, item, s, text.fill(self.rng, text.ANSWER), "question", item.index, kind)
        self.after_answer(item, index, m, s)
        return True

    def support(self, m: Member, s: int, pool: str) -> bool:
        rng = self.rng
        item = self.pools[pool].pick(rng, s, m.index)
        if item is None:
            return False
        roll = rng.random()
        templates = text.SUPPORT_THANKING_ASKER if roll < 0.12 else text.OFFER if roll < 0.22 else text.SUPPORT
        index = self.reply(m, item, s, text.fill(rng, templates), "support", item.index)
        if roll < 0.12:
            self.c.truth.not_help.append(index)
        elif roll < 0.22:
            t = s + rng.randint(600, DAY)
            if rng.random() < 0.6 and t < WINDOW:
                no = self.reply(self.members[item.person], item, t, rng.choice(text.NO_THANKS), item.ctype, index)
                self.c.truth.not_help.append(no)
        else:
            item.answers.append(index)
        return True

    def welcome(self, m: Member, s: int, pool: str) -> bool:
        item = self.pools[pool].pick(self.rng, s, m.index)
        if item is None or item.extra.get("welcomed"):
            return False
        item.extra["welcomed"] = True
        mention = self.mention(self.members[item.person], item.platform, s)
        body = text.fill(self.rng, text.WELCOME[item.platform], h=mention)
        self.reply(m, item, s, body, "welcoming", item.index)
        return True

    # -- the forum ------------------------------------------------------------------------
    def do_forum_question(self, m: Member, s: int) -> None:
        self.question(m, s, "discourse", "help", "forum-help")

    def do_forum_answer(self, m: Member, s: int) -> None:
        self.answer(m, s, "forum-help") or self.do_forum_reply(m, s)

    def do_forum_support(self, m: Member, s: int) -> None:
        self.support(m, s, "forum-help") or self.do_forum_reply(m, s)

    def do_forum_welcome(self, m: Member, s: int) -> None:
        self.welcome(m, s, "forum-first") or self.do_forum_reply(m, s)

    def do_forum_topic(self, m: Member, s: int) -> None:
        rng = self.rng
        ctype = self.type_for(m, TOPIC_TYPES, "ideas")
        category, templates = text.TOPIC[ctype]
        thanks = ctype in ("promotion", "eventOrganizing") and rng.random() < 0.25
        body = text.fill(rng, text.ANNOUNCE_THANKS) if thanks else rng.choice(TOPIC_BODIES)
        index = self.root(m, s, "discourse", "topic", ctype, category, text.fill(rng, templates), body)
        if thanks:
            self.c.truth.not_help.append(index)
        item = self.to_item(index, s, m, ctype)
        self.pools["forum-topics"].add(item)
        self.remember_first(m, "discourse", item)

    def do_forum_reply(self, m: Member, s: int) -> None:
        rng = self.rng
        if rng.random() < 0.2 and self.support(m, s, "forum-help"):
            return
        item = self.pools["forum-topics"].pick(rng, s, m.index)
        if item is None:
            return self.do_forum_topic(m, s)
        body = text.fill(rng, text.REPLY)
        item.answers.append(self.reply(m, item, s, body, REPLY_TYPE.get(item.ctype, "ideas"), item.index))

    # -- the mailing list -----------------------------------------------------------------
    def do_list_question(self, m: Member, s: int) -> None:
        self.question(m, s, "mbox", "dev", "list-help")

    def do_list_answer(self, m: Member, s: int) -> None:
        self.answer(m, s, "list-help") or self.do_list_reply(m, s)

    def do_list_thread(self, m: Member, s: int) -> None:
        rng = self.rng
        ctype = self.type_for(m, LIST_TYPES, "ideas")
        title = text.fill(rng, text.LIST_THREAD[ctype])
        index = self.root(m, s, "mbox", "message", ctype, "dev", title, rng.choice(TOPIC_BODIES))
        self.pools["list-threads"].add(self.to_item(index, s, m, ctype))

    def do_list_reply(self, m: Member, s: int) -> None:
        rng = self.rng
        if rng.random() < 0.15 and self.support(m, s, "list-help"):
            return
        item = self.pools["list-threads"].pick(rng, s, m.index)
        if item is None:
            return self.do_list_thread(m, s)
        body = f"{text.fill(rng, text.REPLY)}\n\n> {item.title}"
        item.answers.append(self.reply(m, item, s, body, REPLY_TYPE.get(item.ctype, "ideas"), item.index))

    # -- chat -----------------------------------------------------------------------------
    def do_chat_question(self, m: Member, s: int) -> None:
        self.question(m, s, "zulip", "help", "chat-help")

    def do_chat_answer(self, m: Member, s: int) -> None:
        self.answer(m, s, "chat-help") or self.do_chat_line(m, s)

    def do_chat_support(self, m: Member, s: int) -> None:
        self.support(m, s, "chat-help") or self.do_chat_line(m, s)

    def do_chat_welcome(self, m: Member, s: int) -> None:
        self.welcome(m, s, "chat-first") or self.do_chat_line(m, s)

    def do_chat_line(self, m: Member, s: int) -> None:
        rng = self.rng
        stream = self.type_for(m, STREAMS, "general").replace("design-chat", "design")
        if stream == "development":
            ctype = rng.choices(["code", "ideas", "review"], (5, 3, 2))[0]
            topic = rng.choice(text.SLOTS["module"])
        elif stream == "translations":
            ctype, topic = "translation", rng.choice(text.SLOTS["language"])
        elif stream == "events":
            ctype, topic = rng.choice(["promotion", "eventOrganizing"]), rng.choice(["meetups", "summit", "talks"])
        elif stream == "design":
            ctype, topic = "design", rng.choice(text.SLOTS["module"])
        else:
            ctype, topic = rng.choice(["ideas", "promotion", "support"]), rng.choice(["hello", "random", "show and tell"])
        away = stream == "general" and rng.random() < 0.01
        body = rng.choice(text.OUT_OF_OFFICE) if away else text.fill(rng, text.CHAT[stream])
        index = self.root(m, s, "zulip", "chat", ctype, stream, topic, body)
        if away:
            self.c.truth.not_help.append(index)
        self.remember_first(m, "zulip", self.to_item(index, s, m, ctype))

    # -- translations ---------------------------------------------------------------------
    def do_translate(self, m: Member, s: int) -> None:
        rng = self.rng
        lang = m.culture.languages[0] if m.language != "en" else rng.choice(LANGUAGES)
        component = rng.choice(COMPONENTS)
        change = self.next("w:change", step=6)
        strings = 1 + int(rng.lognormvariate(1.8, 1.0))
        # Each language of each component has COMPONENT_STRINGS strings to translate; the change
        # that reaches them completes the language (until the next release adds strings).
        done = self.__dict__.setdefault("translated", {})
        total = done.get((component, lang), 0) + strings
        completed = total >= COMPONENT_STRINGS
        done[(component, lang)] = 0 if completed else total
        self.emit(
            self.book.get(m, "weblate", s), "weblate", f"change:{change}", "translation", "translation", s,
            channel=f"{component}/{lang}", title=f"{lang}: {strings} strings translated",
            url=f"https://translate.seedbed-demo.org/translate/marigold/{component}/{lang}/?change={change}",
            size=strings * rng.randint(3, 9), extra={"strings": strings, **({"completed": True} if completed else {})},
        )
