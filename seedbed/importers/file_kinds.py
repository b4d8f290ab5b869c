"""The importers of files that share ``file_import`` (one file, one source, one transaction):
their ``seedbed import KIND`` commands, the module and function that import one file, and
what the command's help says. The CLI and ``seedbed sync`` both read this table.

Each function is ``FUNCTION(path, *, skip_bad=False, progress=None) -> FileImported``.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    kind: str  # the command (seedbed import KIND) and Source.kind
    module: str
    function: str
    help: str
    metavar: str = "FILE"

    def importer(self) -> Callable:
        return getattr(importlib.import_module(self.module), self.function)


KINDS: tuple[FileKind, ...] = (
    FileKind("perceval", "seedbed.importers.perceval", "import_perceval",
             "Perceval's JSON-lines output (perceval BACKEND … --json-line): git, github, gitlab, discourse, mbox, "
             "pipermail, slack, meetup"),
)
BY_KIND = {k.kind: k for k in KINDS}
