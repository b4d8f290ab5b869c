"""Decode one whole JSON document (a Zulip export's realm.json or messages file, an Element
room export) into Python values, or say in one line where it breaks. Pure.

orjson first (fast on big exports); what it refuses is tried again with the json module,
which also reads lone surrogate escapes (``\\udcxx``) and gives the position of the damage
as a line and column. Lone surrogates and NUL characters become U+FFFD (``items.clean``).
"""
from __future__ import annotations

import json

import orjson

from seedbed.importers.items import clean_all

BOM = b"\xef\xbb\xbf"


class NotJson(ValueError):
    """The bytes are not one JSON document: the message says where they break."""


def decode(raw: bytes):
    raw = raw.removeprefix(BOM)
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass
    else:
        return clean_all(value) if b"\\u0000" in raw else value
    try:
        return clean_all(json.loads(raw.decode("utf-8")))
    except UnicodeDecodeError as exc:
        raise NotJson(f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        at = "" if exc.msg.endswith(" at") else " at"
        raise NotJson(f"not valid JSON ({exc.msg}{at} line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise NotJson("not valid JSON (nested too deeply)") from None
