"""One big JSON document read a piece at a time: the members of its top-level object, and
the elements of one array among them one by one. Pure: text in, values out.

For exports that are one object holding a header and a long list (DiscordChatExporter's
channel files): the list's elements are decoded one at a time, so a file of a million
messages is never a million decoded objects at once, and a file cut short still gives
every element before the cut. Errors are the json module's ``JSONDecodeError``, with the
line and column in the whole text. Values come out clean: the escapes of lone surrogates
and NUL characters (``\\udcxx``, ``\\u0000``) decode to U+FFFD (``items.clean``), so
whatever is read can be stored.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from seedbed.importers.items import clean_all

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_KINDS = {"[": "array", '"': "string", "t": "boolean", "f": "boolean", "n": "null"}
# escapes of what items.clean replaces (text decoded from UTF-8 holds neither as it is)
_UNSTORABLE = re.compile(r"\\u0000|\\u[dD][89a-fA-F]")


class NotAnObject(ValueError):
    """The document is JSON of another kind (an array, a number …), not an object."""


class Document:
    """Iterate for ``(index from 1, position, element)`` of the array under ``array``; the
    object's other members are in ``header`` as soon as they are read."""

    def __init__(self, text: str, array: str):
        self.text, self.array = text, array
        self.header: dict = {}
        self.pos = 0  # how far the reading got, in characters
        self._line, self._line_pos = 1, 0
        self._clean = _UNSTORABLE.search(text) is not None

    def line(self, pos: int) -> int:
        """The line (from 1) of a position; positions asked for must not go back."""
        self._line += self.text.count("\n", self._line_pos, pos)
        self._line_pos = pos
        return self._line

    def __iter__(self) -> Iterator[tuple[int, int, object]]:
        text = self.text
        pos = self._skip(0)
        if not text.startswith("{", pos):
            kind = _KINDS.get(text[pos:pos + 1], "number" if text[pos:pos + 1] in tuple("-0123456789NI") else "")
            if not kind:  # nothing, or what no JSON value starts with
                raise json.JSONDecodeError("Expecting value", text, pos)
            raise NotAnObject(f"a JSON {kind}, not an object")
        pos = self._skip(pos + 1)
        if not text.startswith("}", pos):
            while True:
                if not text.startswith('"', pos):
                    raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
                key, pos = self._value(pos)
                pos = self._skip(pos)
                if not text.startswith(":", pos):
                    raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
                pos = self._skip(pos + 1)
                if key == self.array and text.startswith("[", pos):
                    self.header[key] = []  # read one element at a time, not kept
                    pos = yield from self._elements(pos + 1)
                else:
                    self.header[key], pos = self._value(pos)
                pos = self._skip(pos)
                if text.startswith(",", pos):
                    pos = self._skip(pos + 1)
                    continue
                if text.startswith("}", pos):
                    break
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        pos = self._skip(pos + 1)
        if pos != len(text):
            raise json.JSONDecodeError("Extra data", text, pos)

    def _elements(self, pos: int):
        text = self.text
        pos = self._skip(pos)
        if text.startswith("]", pos):
            return pos + 1
        index = 0
        while True:
            start = pos
            value, pos = self._value(pos)
            index += 1
            self.pos = pos
            yield index, start, value
            pos = self._skip(pos)
            if text.startswith(",", pos):
                pos = self._skip(pos + 1)
                continue
            if text.startswith("]", pos):
                return pos + 1
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)

    def _value(self, pos: int):
        try:
            value, end = _DECODER.raw_decode(self.text, pos)
            return (clean_all(value) if self._clean else value), end
        except RecursionError:
            raise json.JSONDecodeError("Nested too deeply", self.text, pos) from None

    def _skip(self, pos: int) -> int:
        return _SPACE.match(self.text, pos).end()
