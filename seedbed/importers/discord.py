"""Import DiscordChatExporter's JSON files (``seedbed import discord FILE.json…``).

Fetch: the file, decoded a message at a time (``json_document``). Parse:
``discord_items`` (pure). One file is one channel or one thread, one source and one
transaction (``file_import``); a thread's file and its channel's import in any order.

A file that is not DCE's JSON (another tool's export, an empty file, JSON cut before its
messages) fails whole with one line naming what it is. A damaged message, or the file
cut short inside its messages, is a bad part: it fails the import, or with --skip-bad is
reported and what came before is imported. Direct-message conversations and private
threads are private: their messages are counted, never imported.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from seedbed.importers import discord_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.items import when
from seedbed.importers.json_document import Document, NotAnObject
from seedbed.importers.progress import Progress

KIND = "discord"


def import_discord(path: str, *, skip_bad: bool = False, progress: Progress | None = None) -> FileImported:
    """One DCE JSON file; ``counts`` holds the messages imported and those skipped, by why."""
    return import_file(KIND, path, _read, skip_bad=skip_bad, progress=progress)


def _read(file: Path, report: Report) -> Iterator:
    document = Document(_text(file), "messages")
    report.position = lambda: document.pos // 1024
    conversation = None
    try:
        for index, start, data in document:
            if conversation is None:
                conversation = _start(file, report, document.header)
            if conversation.where.private:
                report.counts["private messages not imported"] += 1
                continue
            try:
                item = conversation.message(data)
            except discord_items.BadObject as exc:
                report.bad(f"message {index} (line {document.line(start)}): {exc}")
                continue
            if item is None:
                report.counts[f"skipped {discord_items.skip_reason(data)}"] += 1
                continue
            report.counts["messages"] += 1
            yield item
    except NotAnObject as exc:
        raise ImportFailed(f"{file}: not a DiscordChatExporter JSON export ({exc})") from None
    except json.JSONDecodeError as exc:
        what = f"line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg.removesuffix(' at')})"
        if conversation is None:  # nothing read yet that says what the file is
            raise ImportFailed(f"{file}: {what}") from None
        report.bad(f"{what}; the rest of the file cannot be read")
    if conversation is None:
        conversation = _start(file, report, document.header)
        if "messages" not in document.header:
            raise ImportFailed(f"{file}: not a DiscordChatExporter JSON export (no messages)")


def _text(file: Path) -> str:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{file}: cannot read it: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # DCE writes UTF-8: this is some other file (a ZIP, an image …)
        raise ImportFailed(f"{file}: not a DiscordChatExporter JSON export (not UTF-8 text at byte {exc.start})") \
            from None


def _start(file: Path, report: Report, header: dict) -> discord_items.Conversation:
    try:
        where = discord_items.channel(header)
    except discord_items.BadObject as exc:
        raise ImportFailed(f"{file}: {exc}") from None
    if where.private:
        report.notes.append(f"{where.private}: private, not imported")
    return discord_items.Conversation(where, when(header.get("exportedAt")))
