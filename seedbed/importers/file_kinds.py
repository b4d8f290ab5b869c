"""The importers of files that share ``file_import`` (one file, one source, one transaction):
their ``seedbed import KIND`` commands, the module and function that import one file, and
what the command's help says. The CLI and ``seedbed sync`` both read this table.

Each function is ``FUNCTION(path, *, skip_bad=False, progress=None, **options) -> FileImported``,
where ``options`` are the kind's own command-line options (``FileKind.options``), passed by
their ``dest`` when given; the importer keeps them in the source's cursor (``import_file``'s
``options``) and ``seedbed sync`` passes them again.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """A command-line option of one kind's command, given to its function as ``dest=VALUE``."""
    flag: str  # --instance
    dest: str  # the keyword argument
    metavar: str
    help: str


@dataclass(frozen=True)
class FileKind:
    kind: str  # the command (seedbed import KIND) and Source.kind
    module: str
    function: str
    help: str
    metavar: str = "FILE"
    options: tuple[Option, ...] = ()

    def importer(self) -> Callable:
        return getattr(importlib.import_module(self.module), self.function)


KINDS: tuple[FileKind, ...] = (
    FileKind("perceval", "seedbed.importers.perceval", "import_perceval",
             "Perceval's JSON-lines output (perceval BACKEND … --json-line): git, github, gitlab, discourse, mbox, "
             "pipermail, slack, meetup"),
    FileKind("ical", "seedbed.importers.ical", "import_ical",
             "calendars (iCalendar .ics files, or feeds saved to disk): organisers, speakers and attendees of the "
             "events that took place"),
    FileKind("meetup", "seedbed.importers.meetup_csv", "import_meetup",
             "Meetup downloads (CSV): an event's attendee list (hosts and who said yes), the group's member list"),
    FileKind("slack", "seedbed.importers.slack_export", "import_slack",
             "a Slack workspace export (the ZIP of Export data): the messages of its public channels",
             "EXPORT.zip"),
    FileKind("discord", "seedbed.importers.discord", "import_discord",
             "DiscordChatExporter's JSON files (--format Json): one channel or thread per file", "FILE.json"),
    FileKind("zulip", "seedbed.importers.zulip", "import_zulip",
             "a Zulip organization export (manage.py export, or the export page): the messages of its public "
             "channels, never direct messages", "EXPORT.tar.gz",
             (Option("--instance", "instance", "HOST",
                     "the Zulip server's host (chat.example.org): tells apart organizations the export does not "
                     "(needed for one at a server's root domain); give the same each time"),)),
    FileKind("matrix", "seedbed.importers.matrix", "import_matrix",
             "Element's room exports (Export chat, format JSON): messages, replies, threads, reactions and edits",
             "FILE.json"),
)
BY_KIND = {k.kind: k for k in KINDS}
