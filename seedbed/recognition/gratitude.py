"""Help received, found in conversations: a message that thanks someone for help points to
the helper's earlier reply in the same thread. Pure: plain records in, plain records out.

Not a keyword match. A thank-you counts only when all of these hold:

* it is said in the author's own words (quoted lines and signatures are set aside);
* it is not one of the thank-yous that credit no help: "thanks in advance", "no thanks",
  "thanks, but it still fails", "thanks anyway", thanks for a report, a pull request or a
  welcome, thanks to everyone who came, a polite closing under a question, the helper's
  own "glad it helped, thanks!";
* it names, or answers, someone else who wrote earlier in the thread and is not a bot;
* that person has an earlier reply in the thread (not the opening message) to point to.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from seedbed.recognition.thanks_words import (
    ANYWAY, BUT, CAUSAL, DECLINE, FAILED, FOR_CONTRIBUTION, HELPER_TALK, IN_ADVANCE, MERGING, SELF_SOLVED, STRONG, TO_ALL,
    WEAK, WORKED,
)


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    author: str  # stable id of the author (a person id, or a handle)
    body: str
    reply_to: str | None = None  # key of the message it answers, when the platform says
    names: tuple[str, ...] = ()  # how others address the author: handles, display names
    bot: bool = False


@dataclass(frozen=True, slots=True)
class Help:
    thanks: str  # key of the thanking message
    helper_message: str  # key of the helper's reply that helped
    helper: str
    thanker: str
    excerpt: str  # the words of thanks, for the suggestion's reason


_QUOTE_HEADER = re.compile(
    r"^(?:on .{3,200} wrote:|le .{3,200} a écrit ?:|am .{3,200} schrieb .{0,100}:|el .{3,200} escribió:|"
    r"em .{3,200} escreveu:|-----\s*original message\s*-----)\s*$", re.IGNORECASE)
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_MENTION = re.compile(r"@\*\*([^*]+)\*\*|@([\w][\w.\-]*\w|\w)")
_SENTENCE = re.compile(r"(?<=[.!?。！？\n])\s+")


def own_words(body: str) -> str:
    """The author's own text: no quoted lines, no quote headers, no signature, no code."""
    lines = []
    for line in body.splitlines():
        if line.rstrip() in ("--", "-- "):
            break  # a signature follows
        if line.lstrip().startswith(">") or _QUOTE_HEADER.match(line.strip()):
            continue
        lines.append(line)
    return _CODE.sub(" ", "\n".join(lines)).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching names."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


@dataclass(slots=True)
class _Person:
    author: str
    names: set[str] = field(default_factory=set)  # folded handles and names
    pattern: re.Pattern | None = None  # any of their names (or first name) as whole words
    bot: bool = False
    last: Message | None = None  # their newest message so far in the thread


def _person_for(message: Message) -> _Person:
    person = _Person(message.author, bot=message.bot)
    words: set[str] = set()
    for name in message.names:
        folded = fold(name).strip().lstrip("@")
        if not folded:
            continue
        person.names.add(folded)
        words.add(folded)
        first = folded.split()[0] if " " in folded else ""
        if len(first) >= 3:
            words.add(first)
    words = {w for w in words if len(w) >= 3}
    if words:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        person.pattern = re.compile(rf"(?<![\w@])(?:{alternatives})(?!\w)")
    return person


def _named(text: str, people: Iterable[_Person]) -> list[tuple[int, _Person]]:
    """Who the text addresses, with the position of each mention."""
    folded = fold(text)
    mentions = [(m.start(), (m.group(1) or m.group(2)).strip()) for m in _MENTION.finditer(folded)]
    found: list[tuple[int, _Person]] = []
    for person in people:
        at = next((start for start, mention in mentions if mention in person.names), -1)
        if at < 0 and person.pattern is not None:
            match = person.pattern.search(folded)
            at = match.start() if match else -1
        if at >= 0:
            found.append((at, person))
    return sorted(found, key=lambda pair: pair[0])


_NEGATION = re.compile(r"(?:\bnot|n't|\bno|\bnever|\bnicht|\bpas|\bno)\W+(?:\w+\W+)?$", re.IGNORECASE)


def _worked(text: str) -> bool:
    """Says something worked, and not that it did not ("didn't fix it", "hasn't solved")."""
    return any(_NEGATION.search(text[max(0, m.start() - 20):m.start()]) is None for m in WORKED.finditer(text))


def _gratitude(sentence: str, text: str, addressed: bool) -> re.Match | None:
    """The words of thanks in ``sentence`` that could credit help, if any. Weak words count
    when the message says something worked, or the sentence addresses someone."""
    strong = STRONG.search(sentence)
    if strong:
        return strong
    weak = WEAK.search(sentence)
    if weak and (_worked(text) or addressed or _MENTION.search(sentence)):
        return weak
    return None


def _credits_no_help(text: str, thanks: re.Match, closing: bool) -> bool:
    if IN_ADVANCE.search(text) or DECLINE.search(text) or ANYWAY.search(text) or HELPER_TALK.search(text):
        return True
    if FOR_CONTRIBUTION.search(text) or CAUSAL.search(text):
        return True
    worked = _worked(text)
    if TO_ALL.search(text) and not worked:
        return True
    if FAILED.search(text) and not worked:
        return True  # "thanks, but it still fails"
    after = text[thanks.end():thanks.end() + 60]
    if BUT.search(after) and not worked:
        return True
    if SELF_SOLVED.search(text):
        return True
    # A closing line ("Thanks, Bob") under a question or a report asks for help; it credits none.
    return closing and not worked


def find_help(thread: Sequence[Message]) -> list[Help]:
    """Every message in ``thread`` (in time order) that thanks someone for help they gave."""
    context = _Thread(thread)
    people: dict[str, _Person] = {}
    found: list[Help] = []
    for message in thread:
        person = people.get(message.author) or _person_for(message)
        people[message.author] = person
        others = [p for a, p in people.items() if a != message.author and p.last is not None]
        result = None if message.bot or not others else context.judge(message, person, others)
        if result is not None:
            found.append(result)
            context.helped.add((result.helper, result.thanker))
            context.last_help = result
        person.last = message
    return found


class _Thread:
    def __init__(self, thread: Sequence[Message]):
        self.by_key = {m.key: m for m in thread}
        self.position = {m.key: i for i, m in enumerate(thread)}
        self.root = thread[0].key if thread else None
        self.helped: set[tuple[str, str]] = set()  # (helper, helped) pairs found so far
        self.last_help: Help | None = None

    def judge(self, message: Message, me: _Person, others: list[_Person]) -> Help | None:
        text = own_words(message.body)
        if not (STRONG.search(text) or WEAK.search(text)):
            return None  # most messages thank no one: stop before looking for names
        sentences = [s for s in _SENTENCE.split(text) if s.strip()]
        for index, sentence in enumerate(sentences):
            if not (STRONG.search(sentence) or WEAK.search(sentence)):
                continue
            parent = self.by_key.get(message.reply_to or "")
            answers_someone = parent is not None and parent.author != message.author and parent.key != self.root
            addressed = answers_someone or any(p is not me for _, p in _named(sentence, others))
            thanks = _gratitude(sentence, text, addressed)
            if thanks is None:
                continue
            before = " ".join(sentences[:index])
            # Under a question, or a failure report, thanks close a request, unless they speak to a helper.
            closing = "?" in before or (FAILED.search(before) is not None and not addressed)
            if _credits_no_help(sentence, thanks, closing) or SELF_SOLVED.search(text) or MERGING.search(text):
                return None  # one refusal in a message speaks for all of it
            target = self.target(sentence, text, message, me, others)
            if target is None or target.bot or (me.author, target.author) in self.helped:
                return None  # a bot, nobody, or the helper thanking back the person they helped
            reply = self.helper_reply(target, message)
            if reply is None:
                return None
            return Help(message.key, reply.key, target.author, message.author, _excerpt(sentence))
        return None

    def target(self, sentence: str, text: str, message: Message, me: _Person, others: list[_Person]) -> _Person | None:
        everyone = [*others, me]
        for scope in (sentence, text):
            # their own name is a signature ("Thanks, Ann"), not someone thanked
            named = [p for _, p in _named(scope, everyone) if p is not me]
            if named:
                return named[0]
        if _MENTION.search(sentence):
            return None  # thanks someone who has not written in this thread: nothing here to point to
        parent = self.by_key.get(message.reply_to or "")
        if parent is not None and parent.author != message.author:
            return next((p for p in others if p.author == parent.author), None)
        if self.last_help is not None:
            # "+1, worked for me too": the help someone already thanked for, unless it was theirs
            helper = next((p for p in others if p.author == self.last_help.helper), None)
            if helper is not None:
                return helper
        return max(others, key=lambda p: self.position[p.last.key] if p.last else -1)

    def helper_reply(self, target: _Person, message: Message) -> Message | None:
        if self.last_help is not None and self.last_help.helper == target.author and message.reply_to is None:
            return self.by_key[self.last_help.helper_message]
        parent = self.by_key.get(message.reply_to or "")
        if parent is not None and parent.author == target.author and parent.key != self.root:
            return parent
        last = target.last
        if last is None or last.key == self.root:
            return None
        return last


def _excerpt(sentence: str, limit: int = 120) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
