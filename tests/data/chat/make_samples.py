#!/usr/bin/env python3
"""Write the chat-export sample files in this directory (stdlib only, deterministic).

    python tests/data/chat/make_samples.py

Writes, under tests/data/chat/:

    slack/slack-export.zip            Slack workspace export ("Export data", standard export)
    discord/general.json, help.json,  DiscordChatExporter --format Json, one file per channel
      help-thread.json                (the last one is the export of a thread of #help)
    zulip/zulip-export.tar.gz         Zulip organization export (manage.py export)
    matrix/room-export.json           Element Web "Export chat", JSON format
    matrix/room-export-unfiltered.json  same room, unfiltered event list (see README)
    invalid/...                       broken and wrong-kind inputs
    answer_key.json, README.md        the answer key (README is rendered from it)

then re-opens every file and checks that the valid ones parse, the invalid ones
fail where the answer key says, and the answer key agrees with the files.

Every person, id, address and line of text is invented. The shapes follow the
sources listed in README.md (the exporters' own source code where there is one).

Determinism: fixed ids and timestamps; ZIP entries with a fixed date and fixed
attributes; tar entries sorted, with fixed mtime/uid/gid/mode, gzip with
mtime=0 and no file name. A rerun gives byte-identical files.
"""

import base64
import copy
import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import uuid
import zipfile
from collections import OrderedDict
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
ZIP_DATE = (2026, 3, 13, 7, 30, 0)          # date stored on every ZIP entry
TAR_MTIME = 1773387000                      # 2026-03-13T07:30:00Z, every tar entry
NS = uuid.UUID("6f1c2a4e-6b8e-4d0a-9a57-0c6c2b1f7d11")  # uuid5 namespace


def at(d, hms, us=0):
    """UTC datetime for day-of-March-2026 `d` and "HH:MM:SS"."""
    h, m, s = (int(x) for x in hms.split(":"))
    return datetime(2026, 3, d, h, m, s, us, tzinfo=UTC)


def iso_z(dt):
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def h(label, n=64):
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:n]


def uid5(label):
    return str(uuid.uuid5(NS, label))


def rel(path):
    return os.path.relpath(path, HERE).replace(os.sep, "/")


def write_bytes(relpath, data):
    path = os.path.join(HERE, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def make_zip(entries):
    """entries: list of (name, bytes or None for a directory). Deterministic."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            zi.create_system = 3  # Unix
            if data is None:
                zi.external_attr = (0o40755 << 16) | 0x10
                zi.compress_type = zipfile.ZIP_STORED
                zf.writestr(zi, b"")
            else:
                zi.external_attr = 0o100644 << 16
                zi.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(zi, data)
    return buf.getvalue()


def make_targz(entries):
    """entries: list of (name, bytes or None for a directory); sorted, fixed metadata."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tf:
        for name, data in sorted(entries, key=lambda e: e[0]):
            ti = tarfile.TarInfo(name.rstrip("/"))
            ti.mtime = TAR_MTIME
            ti.uid = ti.gid = 1000
            ti.uname = ti.gname = "zulip"
            if data is None:
                ti.type = tarfile.DIRTYPE
                ti.mode = 0o755
                tf.addfile(ti)
            else:
                ti.mode = 0o644
                ti.size = len(data)
                tf.addfile(ti, io.BytesIO(data))
    return gzip.compress(buf.getvalue(), compresslevel=9, mtime=0)


# ---------------------------------------------------------------------------
# Answer-key rows
# ---------------------------------------------------------------------------

def key_row(nid, *, kind, author, when, where, text, reply_to=None, thread=None,
            reactions=0, skip=False, skip_reason=None, private=False, edited=False,
            source_time=None, note=""):
    return OrderedDict([
        ("id", nid),
        ("kind", kind),
        ("author", author),
        ("time_utc", iso_z(when)),
        ("source_time", source_time),
        ("where", where),
        ("reply_to", reply_to),
        ("thread", thread),
        ("reactions", reactions),
        ("edited", edited),
        ("skip", skip),
        ("skip_reason", skip_reason),
        ("private", private),
        ("text_contains", text),
        ("note", note),
    ])


def totals(rows):
    imp = [r for r in rows if not r["skip"] and not r["private"]]
    return OrderedDict([
        ("entries", len(rows)),
        ("importable", len(imp)),
        ("skipped_events", sum(1 for r in rows if r["skip"])),
        ("private", sum(1 for r in rows if r["private"])),
        ("in_threads", sum(1 for r in imp if r["thread"])),
        ("replies", sum(1 for r in imp if r["reply_to"])),
        ("edited", sum(1 for r in imp if r["edited"])),
        ("reactions", sum(r["reactions"] for r in imp)),
        ("by_bots", sum(1 for r in imp if r["author"]["is_bot"])),
        ("distinct_authors", len({r["author"]["id"] for r in imp})),
    ])


# ===========================================================================
# 1. Slack
# ===========================================================================
# Standard export: channels.json, users.json, integration_logs.json at the top
# of the ZIP, one folder per public channel named by channel name, one file per
# day YYYY-MM-DD.json holding a JSON array of messages. Like real exports the
# JSON escapes "/" as "\/" and writes non-ASCII as UTF-8; day files use a
# 4-space indent, users.json one compact object per line.

TEAM = "T07MRG0LD5Q"
SLACK_DOMAIN = "marigold-community"


def slack_dumps_day(obj):
    return json.dumps(obj, ensure_ascii=False, indent=4).replace("/", "\\/")


def slack_dumps_lines(items):
    body = ",\n".join(json.dumps(i, ensure_ascii=False, separators=(",", ":")) for i in items)
    return ("[\n" + body + "\n]").replace("/", "\\/")


def slack_dumps_channels(items):
    body = ",\n".join(json.dumps(i, ensure_ascii=False, indent=4) for i in items)
    return ("[\n" + body + "\n]").replace("/", "\\/")


def sts(dt):
    """Slack ts: epoch seconds '.' microseconds, as a string."""
    return f"{int(dt.timestamp())}.{dt.microsecond:06d}"


S_USERS = OrderedDict()


def s_user(key, uid, name, real, display, first, last, email, tz, color,
           role="member", deleted=False, bot=None, updated=1767225600):
    S_USERS[key] = dict(id=uid, name=name, real=real, display=display, first=first,
                        last=last, email=email, tz=tz, color=color, role=role,
                        deleted=deleted, bot=bot, updated=updated,
                        avatar=h("slack-avatar-" + key, 12))


s_user("amara", "U07MRG1AMR2", "amara", "Amara Okafor", "Amara", "Amara", "Okafor",
       "amara.okafor@example.org", ("Africa/Lagos", "West Africa Standard Time", 3600),
       "9f69e7", role="owner")
s_user("tomasz", "U07MRG2TMZ8", "tomasz.nowak", "Tomasz Nowak", "tomasz", "Tomasz", "Nowak",
       "tomasz@example.org", ("Europe/Warsaw", "Central European Time", 3600), "4bbe2e")
s_user("zoe", "U07MRG3ZLQ4", "zoe", "Zoë Lindqvist", "Zoë", "Zoë", "Lindqvist",
       "zoe.lindqvist@example.com", ("Europe/Stockholm", "Central European Time", 3600), "e7392d")
s_user("liming", "U07MRG4LMG6", "li.ming", "李明", "Li Ming", "明", "李",
       "li.ming@example.net", ("Asia/Shanghai", "China Standard Time", 28800), "3c989f")
s_user("priya", "U07MRG5PRY1", "priya", "Priya Raman", "priya", "Priya", "Raman",
       "priya.raman@example.org", None, "674b1b", deleted=True, updated=1770000000)
s_user("seedbot", "U07MRG6SBT3", "seedbot", "Seedbot", "", "Seedbot", "", None,
       ("America/Los_Angeles", "Pacific Standard Time", -28800), "dd8527",
       bot=dict(bot_id="B07MRG7SBT9", app_id="A07MRG8SBT5"))

# The classic incoming-webhook integration: it posts "bot_message" messages
# with a bot_id and username but no user, and has no users.json entry.
S_WEBHOOK = dict(bot_id="B07MRGAGHB2", username="GitHub", service_id="7712093458001")

S_CHANNELS = OrderedDict([
    ("general", dict(id="C07MRGB0GEN", created=1767261600, creator="amara", general=True,
                     members=["amara", "tomasz", "zoe", "liming", "seedbot"],
                     purpose="Announcements, planting days and introductions.",
                     topic="Planting day: Saturday 14 March, 09:00 🌱", topic_set=1772784000)),
    ("help", dict(id="C07MRGC0HLP", created=1767261700, creator="amara", general=False,
                  members=["amara", "tomasz", "liming", "seedbot"],
                  purpose="Questions about the garden, the tools and the calendar.",
                  topic="", topic_set=0)),
    ("random", dict(id="C07MRGD0RND", created=1767261800, creator="amara", general=False,
                    members=["amara", "tomasz", "zoe", "liming"],
                    purpose="Off-topic chat and photos.",
                    topic="Off-topic, photos and ☕", topic_set=int(at(11, "12:00:00").timestamp()))),
])


def s_avatar_url(u, size):
    return f"https://avatars.slack-edge.com/2026-01-02/{int(u['avatar'][:8], 16)}_{u['avatar']}_{size}.png"


def s_users_json():
    out = []
    for key, u in S_USERS.items():
        profile = OrderedDict([
            ("title", ""), ("phone", ""), ("skype", ""),
            ("real_name", u["real"]), ("real_name_normalized", u["real"]),
            ("display_name", u["display"]), ("display_name_normalized", u["display"]),
            ("fields", {} if not u["deleted"] else None),
            ("status_text", ""), ("status_emoji", ""), ("status_emoji_display_info", []),
            ("status_expiration", 0), ("avatar_hash", u["avatar"]),
        ])
        if u["bot"]:
            profile["api_app_id"] = u["bot"]["app_id"]
            profile["always_active"] = True
            profile["bot_id"] = u["bot"]["bot_id"]
        if u["email"]:
            profile["email"] = u["email"]
        profile["first_name"] = u["first"]
        profile["last_name"] = u["last"]
        for size in (24, 32, 48, 72, 192, 512):
            profile[f"image_{size}"] = s_avatar_url(u, size)
        profile["status_text_canonical"] = ""
        profile["team"] = TEAM
        d = OrderedDict([("id", u["id"]), ("team_id", TEAM), ("name", u["name"]),
                         ("deleted", u["deleted"])])
        if not u["deleted"]:
            d["color"] = u["color"]
            d["real_name"] = u["real"]
            d["tz"], d["tz_label"], d["tz_offset"] = u["tz"]
        d["profile"] = profile
        if not u["deleted"]:
            d["is_admin"] = u["role"] == "owner"
            d["is_owner"] = u["role"] == "owner"
            d["is_primary_owner"] = u["role"] == "owner"
            d["is_restricted"] = False
            d["is_ultra_restricted"] = False
        d["is_bot"] = bool(u["bot"])
        d["is_app_user"] = False
        d["updated"] = u["updated"]
        if not u["deleted"]:
            d["is_email_confirmed"] = bool(u["email"])
        d["who_can_share_contact_card"] = "EVERYONE"
        out.append(d)
    return out


def s_channels_json():
    out = []
    for name, c in S_CHANNELS.items():
        out.append(OrderedDict([
            ("id", c["id"]), ("name", name), ("created", c["created"]),
            ("creator", S_USERS[c["creator"]]["id"]), ("is_archived", False),
            ("is_general", c["general"]),
            ("members", [S_USERS[m]["id"] for m in c["members"]]),
            ("topic", OrderedDict([("value", c["topic"]),
                                   ("creator", S_USERS["amara"]["id"] if c["topic"] else ""),
                                   ("last_set", c["topic_set"] if c["topic"] else 0)])),
            ("purpose", OrderedDict([("value", c["purpose"]), ("creator", S_USERS[c["creator"]]["id"]),
                                     ("last_set", c["created"])])),
        ]))
    return out


def s_integration_logs():
    return [
        OrderedDict([("user_id", S_USERS["amara"]["id"]), ("user_name", "amara"),
                     ("date", "1767262500"), ("change_type", "added"),
                     ("app_type", "Seedbot"), ("app_id", S_USERS["seedbot"]["bot"]["app_id"]),
                     ("scope", "app_mentions:read,chat:write,commands,im:write")]),
        OrderedDict([("user_id", S_USERS["tomasz"]["id"]), ("user_name", "tomasz.nowak"),
                     ("date", "1767263100"), ("change_type", "added"),
                     ("service_id", S_WEBHOOK["service_id"]), ("service_type", "GitHub"),
                     ("channel", "#general"), ("scope", "incoming-webhook")]),
    ]


# --- rich_text blocks built from a list of parts ---------------------------
# part: str (text) | ("user", key) | ("emoji", name, codepoints) | ("link", url, label)
#       | ("here",) | ("code", text) | ("bold", text)

def s_parts_text(parts):
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
        elif p[0] == "user":
            out.append(f"<@{S_USERS[p[1]]['id']}>")
        elif p[0] == "emoji":
            out.append(f":{p[1]}:")
        elif p[0] == "link":
            out.append(f"<{p[1]}|{p[2]}>")
        elif p[0] == "here":
            out.append("<!here>")
        elif p[0] == "code":
            out.append(f"`{p[1]}`")
        elif p[0] == "bold":
            out.append(f"*{p[1]}*")
    return "".join(out)


def s_blocks(parts, seed):
    els = []
    for p in parts:
        if isinstance(p, str):
            els.append(OrderedDict([("type", "text"), ("text", p)]))
        elif p[0] == "user":
            els.append(OrderedDict([("type", "user"), ("user_id", S_USERS[p[1]]["id"])]))
        elif p[0] == "emoji":
            els.append(OrderedDict([("type", "emoji"), ("name", p[1]), ("unicode", p[2])]))
        elif p[0] == "link":
            els.append(OrderedDict([("type", "link"), ("url", p[1]), ("text", p[2])]))
        elif p[0] == "here":
            els.append(OrderedDict([("type", "broadcast"), ("range", "here")]))
        elif p[0] == "code":
            els.append(OrderedDict([("type", "text"), ("text", p[1]), ("style", {"code": True})]))
        elif p[0] == "bold":
            els.append(OrderedDict([("type", "text"), ("text", p[1]), ("style", {"bold": True})]))
    block_id = base64.b64encode(bytes.fromhex(h("block" + seed, 6))).decode()[:5].replace("/", "x")
    return [OrderedDict([("type", "rich_text"), ("block_id", block_id),
                         ("elements", [OrderedDict([("type", "rich_text_section"), ("elements", els)])])])]


def s_user_profile(u):
    return OrderedDict([
        ("avatar_hash", u["avatar"]), ("image_72", s_avatar_url(u, 72)),
        ("first_name", u["first"]), ("real_name", u["real"]),
        ("display_name", u["display"]), ("team", TEAM), ("name", u["name"]),
        ("is_restricted", False), ("is_ultra_restricted", False),
    ])


class SMsg:
    """One Slack message plus the answer-key facts about it."""

    def __init__(self, key, channel, when, author, kind="message", parts=None, parent=None,
                 reactions=(), edited_at=None, files=None, extra=None, skip_reason=None, topic=None):
        self.key, self.channel, self.when, self.author = key, channel, when, author
        self.kind, self.parts, self.parent = kind, parts or [], parent
        self.reactions, self.edited_at, self.files = list(reactions), edited_at, files
        self.extra, self.skip_reason, self.topic = extra or {}, skip_reason, topic
        self.ts = sts(when)
        self.replies = []


def slack_messages():
    U = S_USERS
    M = []

    def add(*a, **k):
        m = SMsg(*a, **k)
        M.append(m)
        return m

    # ---- #general ---------------------------------------------------------
    add("g1", "general", at(10, "08:58:03", 120400), "zoe", kind="channel_join",
        skip_reason="channel_join")
    g2 = add("g2", "general", at(10, "09:02:11", 318900), "amara",
             parts=["Welcome ", ("user", "zoe"), "! ", ("emoji", "wave", "1f44b"),
                    " Our next planting day is Saturday 14 March, 09:00 at the north beds."],
             reactions=[("wave", ["zoe", "tomasz"]), ("seedling", ["liming"])])
    add("g3", "general", at(10, "09:05:40", 4100), "zoe", parent=g2,
        parts=["Merci ! Je viendrai avec des graines de capucine 🌱"])
    add("g4", "general", at(10, "09:07:02", 771200), "tomasz", parent=g2,
        parts=["I'll bring the wheelbarrow and two rakes."], edited_at=at(10, "09:08:30"))
    add("g5", "general", at(10, "09:31:15", 250000), "zoe", kind="thread_broadcast", parent=g2,
        parts=["Carpool from the station at 08:30 — ping me if you need a seat 🚲"])
    add("g6", "general", at(10, "10:15:27", 600100), None, kind="bot_message",
        extra=dict(text="New pull request opened by <https://github.com/tomasz-nowak|tomasz-nowak>",
                   attachments=[OrderedDict([
                       ("fallback", "[marigold-dev/trellis] Pull request opened: #43 Add raised-bed layer"),
                       ("title", "#43 Add raised-bed layer"),
                       ("title_link", "https://github.com/marigold-dev/trellis/pull/43"),
                       ("text", "Adds a map layer for the new raised beds."),
                       ("pretext", "[marigold-dev/trellis] Pull request opened by tomasz-nowak"),
                       ("color", "6CC644"), ("id", 1)])]))
    add("g7", "general", at(10, "11:20:33", 912000), "liming",
        parts=["种子图书馆的表格已经上线了！ The seed library sheet is up: ",
               ("link", "https://garden.example.org/seeds", "seed library")],
        reactions=[("heart", ["amara", "zoe", "tomasz"])])
    add("g8", "general", at(11, "08:45:10", 800), "amara",
        parts=[("here",), " reminder: gloves and kneeling pads are in the shed, code ", ("code", "4172"), "."])
    add("g9", "general", at(11, "08:50:02", 441000), "liming", parent=g2,
        parts=["Count me in for Saturday 👍"])

    # ---- #help ------------------------------------------------------------
    add("h1", "help", at(10, "10:00:00", 1000), "liming", kind="channel_join",
        skip_reason="channel_join", extra=dict(inviter=U["amara"]["id"]))
    h2 = add("h2", "help", at(10, "10:02:30", 110200), "liming",
             parts=["How do I export the planting calendar? I tried ", ("user", "seedbot"),
                    " but nothing happened."])
    add("h3", "help", at(10, "10:02:31", 902300), "seedbot", kind="app_bot", parent=h2,
        parts=["Use ", ("code", "/calendar export"), " — I'll send you a link in a DM."])
    add("h4", "help", at(10, "10:09:58", 520000), "priya", parent=h2,
        parts=["You can also use File → Export → iCal in the calendar itself."],
        reactions=[("+1", ["liming"])])
    add("h5", "help", at(10, "13:45:00", 663300), "tomasz",
        parts=["Here's the shed inventory ", ("emoji", "clipboard", "1f4cb")],
        files=[dict(id="F07MRGE5HED", name="shed-inventory.csv", title="Shed inventory",
                    mimetype="text/csv", filetype="csv", pretty_type="CSV", size=2048,
                    created=int(at(10, "13:44:58").timestamp()))])
    add("h6", "help", at(12, "16:00:00", 15500), "zoe",
        parts=["Does anyone know whether the compost heap takes citrus peel? 🍋🤔"])

    # ---- #random ----------------------------------------------------------
    add("r1", "random", at(11, "12:00:00", 1600), "amara", kind="channel_topic",
        skip_reason="channel_topic", topic="Off-topic, photos and ☕")
    r2 = add("r2", "random", at(11, "12:05:00", 1700), "tomasz",
             parts=["Photo from last Saturday 📷 — the tomatoes finally made it."],
             reactions=[("heart_eyes", ["amara", "zoe"]), ("tada", ["liming"])])
    add("r3", "random", at(11, "12:30:00", 1800), "zoe", parent=r2,
        parts=["Superbe récolte ! Ça donne envie."])

    for m in M:
        if m.parent:
            m.parent.replies.append(m)
    return M


def slack_render(m):
    U = S_USERS
    u = U[m.author] if m.author else None
    if m.kind == "channel_join":
        d = OrderedDict([("subtype", "channel_join"), ("user", u["id"]),
                         ("text", f"<@{u['id']}> has joined the channel")])
        if "inviter" in m.extra:
            d["inviter"] = m.extra["inviter"]
        d["type"] = "message"
        d["ts"] = m.ts
        return d
    if m.kind == "channel_topic":
        return OrderedDict([("subtype", "channel_topic"), ("user", u["id"]),
                            ("text", f"<@{u['id']}> set the channel topic: {m.topic}"),
                            ("topic", m.topic), ("type", "message"), ("ts", m.ts)])
    if m.kind == "bot_message":
        return OrderedDict([
            ("type", "message"), ("subtype", "bot_message"), ("text", m.extra["text"]),
            ("ts", m.ts), ("username", S_WEBHOOK["username"]),
            ("icons", {"image_48": "https://a.slack-edge.com/80588/img/services/github_48.png"}),
            ("bot_id", S_WEBHOOK["bot_id"]), ("attachments", m.extra["attachments"]),
        ])
    text = s_parts_text(m.parts)
    d = OrderedDict()
    d["user"] = u["id"]
    d["type"] = "message"
    if m.kind == "thread_broadcast":
        d["subtype"] = "thread_broadcast"
    d["ts"] = m.ts
    if m.edited_at:
        d["edited"] = OrderedDict([("user", u["id"]), ("ts", f"{int(m.edited_at.timestamp())}.000000")])
    if m.kind == "app_bot":
        d["bot_id"] = u["bot"]["bot_id"]
        d["app_id"] = u["bot"]["app_id"]
        d["text"] = text
        d["team"] = TEAM
        d["bot_profile"] = OrderedDict([
            ("id", u["bot"]["bot_id"]), ("deleted", False), ("name", "Seedbot"),
            ("updated", 1767262500), ("app_id", u["bot"]["app_id"]), ("user_id", u["id"]),
            ("icons", OrderedDict([("image_36", "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png"),
                                   ("image_48", "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png"),
                                   ("image_72", "https://a.slack-edge.com/80588/img/plugins/app/service_72.png")])),
            ("team_id", TEAM)])
    else:
        d["client_msg_id"] = uid5("slack-" + m.key)
        d["text"] = text
        d["team"] = TEAM
        d["user_team"] = TEAM
        d["source_team"] = TEAM
        d["user_profile"] = s_user_profile(u)
    if m.files:
        d["files"] = []
        for f in m.files:
            base = f"https://files.slack.com/files-pri/{TEAM}-{f['id']}"
            d["files"].append(OrderedDict([
                ("id", f["id"]), ("created", f["created"]), ("timestamp", f["created"]),
                ("name", f["name"]), ("title", f["title"]), ("mimetype", f["mimetype"]),
                ("filetype", f["filetype"]), ("pretty_type", f["pretty_type"]), ("user", u["id"]),
                ("user_team", TEAM), ("editable", True), ("size", f["size"]), ("mode", "snippet"),
                ("is_external", False), ("external_type", ""), ("is_public", True),
                ("public_url_shared", False), ("display_as_bot", False), ("username", ""),
                ("url_private", f"{base}/{f['name']}"),
                ("url_private_download", f"{base}/download/{f['name']}"),
                ("permalink", f"https://{SLACK_DOMAIN}.slack.com/files/{u['id']}/{f['id']}/{f['name']}"),
                ("permalink_public", f"https://slack-files.com/{TEAM}-{f['id']}-{h(f['id'], 10)}"),
                ("edit_link", f"https://{SLACK_DOMAIN}.slack.com/files/{u['id']}/{f['id']}/{f['name']}/edit"),
                ("preview", "item,qty,location\ntrowel,6,shelf A\nrake,4,wall hooks"),
                ("preview_highlight", ""), ("lines", 14), ("lines_more", 11),
                ("preview_is_truncated", True), ("is_starred", False), ("has_rich_preview", False),
                ("file_access", "visible"),
            ]))
        d["upload"] = True
        d["display_as_bot"] = False
    d["blocks"] = s_blocks(m.parts, m.key)
    if m.kind == "thread_broadcast":
        d["thread_ts"] = m.parent.ts
        d["root"] = slack_thread_fields(m.parent, slack_root_base(m.parent))
    elif m.parent:
        d["thread_ts"] = m.parent.ts
        d["parent_user_id"] = U[m.parent.author]["id"]
    if m.replies:
        slack_thread_fields(m, d)
    if m.reactions:
        d["reactions"] = [OrderedDict([("name", n), ("users", [U[x]["id"] for x in us]),
                                       ("count", len(us))]) for n, us in m.reactions]
    return d


def slack_root_base(p):
    u = S_USERS[p.author]
    return OrderedDict([("client_msg_id", uid5("slack-" + p.key)), ("type", "message"),
                        ("text", s_parts_text(p.parts)), ("user", u["id"]), ("ts", p.ts),
                        ("blocks", s_blocks(p.parts, p.key)), ("team", TEAM)])


def slack_thread_fields(p, d):
    reps = sorted(p.replies, key=lambda r: r.when)
    users = []
    for r in reps:
        if S_USERS[r.author]["id"] not in users:
            users.append(S_USERS[r.author]["id"])
    d["thread_ts"] = p.ts
    d["reply_count"] = len(reps)
    d["reply_users_count"] = len(users)
    d["latest_reply"] = reps[-1].ts
    d["reply_users"] = users
    d["replies"] = [OrderedDict([("user", S_USERS[r.author]["id"]), ("ts", r.ts)]) for r in reps]
    d["is_locked"] = False
    d["subscribed"] = False
    return d


def slack_author_key(m):
    if m.kind == "bot_message":
        return OrderedDict([("id", S_WEBHOOK["bot_id"]), ("name", S_WEBHOOK["username"]),
                            ("display_name", S_WEBHOOK["username"]), ("email", None),
                            ("is_bot", True), ("deleted", False), ("in_users_json", False)])
    u = S_USERS[m.author]
    return OrderedDict([("id", u["id"]), ("name", u["name"]), ("display_name", u["display"] or u["real"]),
                        ("real_name", u["real"]), ("email", u["email"]), ("is_bot", bool(u["bot"])),
                        ("deleted", u["deleted"]), ("in_users_json", True)])


def build_slack():
    msgs = slack_messages()
    files = OrderedDict()
    for m in msgs:
        day = m.when.strftime("%Y-%m-%d")
        files.setdefault((m.channel, day), []).append(m)
    entries = [("channels.json", slack_dumps_channels(s_channels_json()).encode()),
               ("integration_logs.json", slack_dumps_lines(s_integration_logs()).encode()),
               ("users.json", slack_dumps_lines(s_users_json()).encode())]
    day_files = OrderedDict()
    for ch in S_CHANNELS:
        entries.append((ch + "/", None))
        for (c, day), ms in sorted(files.items()):
            if c != ch:
                continue
            ms = sorted(ms, key=lambda x: x.when)
            name = f"{ch}/{day}.json"
            entries.append((name, slack_dumps_day([slack_render(m) for m in ms]).encode()))
            day_files[name] = [m.key for m in ms]
    blob = make_zip(entries)
    write_bytes("slack/slack-export.zip", blob)

    rows = []
    for m in sorted(msgs, key=lambda x: (list(S_CHANNELS).index(x.channel), x.when)):
        root = m.parent.ts if m.parent else (m.ts if m.replies else None)
        skip = m.kind in ("channel_join", "channel_topic")
        kind = {"channel_join": "join", "channel_topic": "topic_change", "bot_message": "message",
                "app_bot": "message", "thread_broadcast": "message"}.get(m.kind, "message")
        note = {
            "g1": "channel_join system message",
            "g4": "thread reply, edited (edited.ts present; text is the edited text)",
            "g5": "subtype thread_broadcast: a thread reply also shown in the channel; has `root`, no parent_user_id",
            "g6": "subtype bot_message from an incoming webhook: no `user`, author is bot_id + username; not in users.json",
            "g9": "thread reply posted the next day: it sits in general/2026-03-11.json, its root in 2026-03-10.json",
            "h1": "channel_join with inviter",
            "h3": "message from an app's bot user: `user` + `bot_id` + `bot_profile`, no subtype; users.json has is_bot=true",
            "h4": "author is a deleted user (users.json deleted=true); message still carries user_profile",
            "h5": "file share: `files` + `upload: true`, no subtype",
            "r1": "channel_topic system message",
        }.get(m.key, "")
        text = m.extra.get("text") if m.kind == "bot_message" else (
            s_parts_text(m.parts) if m.parts else None)
        if m.kind == "channel_join":
            text = "has joined the channel"
        if m.kind == "channel_topic":
            text = "set the channel topic"
        rows.append(key_row(
            f"{m.channel}:{m.ts}", kind=kind, author=slack_author_key(m), when=m.when,
            where=OrderedDict([("channel", m.channel), ("channel_id", S_CHANNELS[m.channel]["id"]),
                               ("day_file", f"{m.channel}/{m.when.strftime('%Y-%m-%d')}.json")]),
            text=text, reply_to=(f"{m.channel}:{m.parent.ts}" if m.parent else None),
            thread=(f"{m.channel}:{root}" if root else None),
            reactions=sum(len(us) for _, us in m.reactions), skip=skip,
            skip_reason=m.skip_reason, edited=bool(m.edited_at), source_time=m.ts, note=note))
    users = []
    for key, u in S_USERS.items():
        users.append(OrderedDict([("id", u["id"]), ("name", u["name"]), ("real_name", u["real"]),
                                  ("display_name", u["display"]), ("email", u["email"]),
                                  ("is_bot", bool(u["bot"])), ("deleted", u["deleted"])]))
    return OrderedDict([
        ("format", "slack"), ("valid", True),
        ("container", "zip"),
        ("zip_entries", [n for n, _ in entries]),
        ("day_files", day_files),
        ("workspace", OrderedDict([("team_id", TEAM), ("domain", SLACK_DOMAIN)])),
        ("users", users),
        ("channels", [OrderedDict([("name", n), ("id", c["id"])]) for n, c in S_CHANNELS.items()]),
        ("messages", rows),
        ("totals", totals(rows)),
        ("per_channel", OrderedDict((ch, totals([r for r in rows if r["where"]["channel"] == ch]))
                                    for ch in S_CHANNELS)),
    ])


# ===========================================================================
# 2. Discord (DiscordChatExporter, --format Json)
# ===========================================================================
# Shape from DiscordChatExporter.Core/Exporting/JsonMessageWriter.cs: root
# {guild, channel, dateRange, exportedAt, messages[], messageCount}; per message
# id, type, timestamp, timestampEdited, callEndedTimestamp, isPinned, content,
# author, attachments, components, embeds, stickers, reactions, mentions,
# [reference], [interaction], inlineEmojis. Dates are .NET DateTimeOffset
# values written by System.Text.Json: ISO 8601 with the offset, fractional
# seconds trimmed; they are UTC only when the export used --utc.

DISCORD_EPOCH_MS = 1420070400000
D_GUILD = OrderedDict([("id", "1089301927446712330"), ("name", "Marigold Gardeners 🌼"),
                       ("iconUrl", "https://cdn.discordapp.com/icons/1089301927446712330/"
                                   "9a3f1c0e5b7d2e4f6a8b0c1d2e3f4a5b.png?size=512")])
_sf_counter = [0]


def snowflake(dt):
    _sf_counter[0] += 1
    ms = int(dt.timestamp() * 1000)
    return str(((ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | _sf_counter[0])


def dce_date(dt, offset_hours=0, tick=""):
    """tick: a 7th fractional digit (.NET ticks are 100 ns; Discord's own timestamps have ms)."""
    tz = timezone(timedelta(hours=offset_hours))
    local = dt.astimezone(tz)
    frac = (f"{local.microsecond:06d}" + tick).rstrip("0")
    s = local.strftime("%Y-%m-%dT%H:%M:%S") + (("." + frac) if frac else "")
    sign = "+" if offset_hours >= 0 else "-"
    return s + f"{sign}{abs(offset_hours):02d}:00"


D_ROLES = OrderedDict([
    ("steward", OrderedDict([("id", "1089305511937163264"), ("name", "Steward"), ("color", "#2ECC71"), ("position", 4)])),
    ("gardener", OrderedDict([("id", "1089305688102141982"), ("name", "Gardener"), ("color", "#E67E22"), ("position", 2)])),
    ("bots", OrderedDict([("id", "1089305790174732349"), ("name", "Bots"), ("color", "#3498DB"), ("position", 3)])),
])

# key: (id, username, discriminator or None, nickname, roles, is_bot, avatar hash or None)
D_USERS = OrderedDict([
    ("amara", ("732118845069213706", "amara.okafor", None, "Amara", ["steward", "gardener"], False, "3f2a9c81d4e5b6a7c8d9e0f1a2b3c4d5")),
    ("tomasz", ("803412277650321418", "tomasz_nowak", None, "Tomasz Nowak", ["gardener"], False, None)),
    ("liming", ("918822046410375178", "liming", None, "李明", ["gardener"], False, "a_77c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4")),
    ("ola", ("1214480033291751435", "ola.nordmann", None, "Ola Nordmann", [], False, None)),
    ("seedbot", ("1089410275829313596", "Seedbot", 4821, "Seedbot", ["bots"], True, "5d6e7f8091a2b3c4d5e6f708192a3b4c")),
])

D_CHANNELS = OrderedDict([
    ("general", OrderedDict([("id", "1089301927446712333"), ("type", "GuildTextChat"),
                             ("categoryId", "1089301927446712331"), ("category", "Text Channels"),
                             ("name", "general"), ("topic", "Say hello 👋 — planting days are announced here")])),
    ("help", OrderedDict([("id", "1089306120475127818"), ("type", "GuildTextChat"),
                          ("categoryId", "1089306001520476200"), ("category", "Community"),
                          ("name", "help"), ("topic", "Questions about tools, beds and the calendar")])),
])


def d_user(key, roles=True):
    uid, name, disc, nick, rkeys, bot, avatar = D_USERS[key]
    top = [D_ROLES[r] for r in rkeys]
    color = max(top, key=lambda r: r["position"])["color"] if top else None
    if avatar:
        ext = "gif" if avatar.startswith("a_") else "png"
        avatar_url = f"https://cdn.discordapp.com/avatars/{uid}/{avatar}.{ext}?size=512"
    else:
        idx = disc % 5 if disc else (int(uid) >> 22) % 6
        avatar_url = f"https://cdn.discordapp.com/embed/avatars/{idx}.png"
    d = OrderedDict([("id", uid), ("name", name),
                     ("discriminator", f"{disc:04d}" if disc else "0000"),
                     ("nickname", nick), ("color", color), ("isBot", bot)])
    if roles:
        d["roles"] = sorted(top, key=lambda r: -r["position"])
    d["avatarUrl"] = avatar_url
    return d


# standard emoji: (character, code, twemoji id)
EMOJI = {
    "seedling": ("🌱", "seedling", "1f331"), "thumbsup": ("👍", "thumbsup", "1f44d"),
    "heart": ("❤️", "heart", "2764"), "potato": ("🥔", "potato", "1f954"),
    "date": ("📅", "date", "1f4c5"), "tada": ("🎉", "tada", "1f389"), "wave": ("👋", "wave", "1f44b"),
}
CUSTOM_EMOJI = OrderedDict([("id", "1102233445566778899"), ("name", "marigold"), ("code", "marigold"),
                            ("isAnimated", False),
                            ("imageUrl", "https://cdn.discordapp.com/emojis/1102233445566778899.png")])


def d_emoji(key):
    if key == "marigold":
        return copy.deepcopy(CUSTOM_EMOJI)
    ch, code, tw = EMOJI[key]
    return OrderedDict([("id", ""), ("name", ch), ("code", code), ("isAnimated", False),
                        ("imageUrl", f"https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/{tw}.svg")])


class DMsg:
    def __init__(self, key, channel_key, when, author, content, type_="Default", reply_to=None,
                 edited=None, pinned=False, reactions=(), mentions=(), inline=(), attachments=(),
                 embeds=(), interaction=None, reference=None, skip_reason=None, note=""):
        self.key, self.channel_key, self.when, self.author = key, channel_key, when, author
        self.content, self.type, self.reply_to, self.edited = content, type_, reply_to, edited
        self.pinned, self.reactions, self.mentions, self.inline = pinned, list(reactions), list(mentions), list(inline)
        self.attachments, self.embeds, self.interaction = list(attachments), list(embeds), interaction
        self.reference, self.skip_reason, self.note = reference, skip_reason, note
        self.id = snowflake(when)


def d_render(m, offset, channel_id):
    d = OrderedDict([
        ("id", m.id), ("type", m.type), ("timestamp", dce_date(m.when, offset)),
        ("timestampEdited", dce_date(m.edited, offset) if m.edited else None),
        ("callEndedTimestamp", None), ("isPinned", m.pinned), ("content", m.content),
        ("author", d_user(m.author)), ("attachments", m.attachments), ("components", []),
        ("embeds", m.embeds), ("stickers", []),
        ("reactions", [OrderedDict([("emoji", d_emoji(e)), ("count", len(us)),
                                    ("users", [d_user(u, roles=False) for u in us])])
                       for e, us in m.reactions]),
        ("mentions", [d_user(u) for u in m.mentions]),
    ])
    if m.reference is not None:
        d["reference"] = OrderedDict([("type", "Default"), ("messageId", m.reference.get("messageId")),
                                      ("channelId", m.reference.get("channelId", channel_id)),
                                      ("guildId", D_GUILD["id"])])
    if m.interaction:
        d["interaction"] = OrderedDict([("id", m.interaction["id"]), ("name", m.interaction["name"]),
                                        ("user", d_user(m.interaction["user"]))])
    d["inlineEmojis"] = [d_emoji(e) for e in m.inline]
    return d


def d_export(channel, msgs, offset, exported_at):
    return OrderedDict([
        ("guild", D_GUILD), ("channel", channel),
        ("dateRange", OrderedDict([("after", None), ("before", None)])),
        ("exportedAt", dce_date(exported_at, offset, tick="7")),  # DateTimeOffset.UtcNow
        ("messages", [d_render(m, offset, channel["id"]) for m in msgs]),
        ("messageCount", len(msgs)),
    ])


def d_dumps(obj):
    # System.Text.Json, Indented=true, UnsafeRelaxedJsonEscaping: 2-space indent,
    # ": " after names, non-ASCII written as-is, CRLF on Windows (LF here).
    return json.dumps(obj, ensure_ascii=False, indent=2)


def d_author_key(key):
    uid, name, disc, nick, _, bot, _ = D_USERS[key]
    return OrderedDict([("id", uid), ("name", name), ("display_name", nick), ("email", None),
                        ("is_bot", bot)])


def build_discord():
    CH = D_CHANNELS
    thread_channel_id = None
    gen, hlp, thr = [], [], []

    # #general, exported with --utc
    g1 = DMsg("g1", "general", at(9, "17:40:12", 331000), "ola", "Joined the server.",
              type_="GuildMemberJoin", skip_reason="GuildMemberJoin",
              note="system message; DCE writes a fallback text as content")
    g2 = DMsg("g2", "general", at(9, "17:42:05", 96000), "amara",
              "Welcome @Ola Nordmann! 🌱 Say hi and tell us what you grow.",
              mentions=["ola"], inline=["seedling"],
              reactions=[("seedling", ["tomasz", "liming"]), ("marigold", ["ola"])],
              note="mention written as @nickname in content (DCE formats markdown); raw ids only in `mentions`")
    g3 = DMsg("g3", "general", at(9, "17:44:51", 770000), "ola",
              "Hei! Mostly potatoes and kale 🥔", type_="Reply", reply_to=g2,
              reference={"messageId": None}, inline=["potato"])
    g4 = DMsg("g4", "general", at(10, "08:12:30", 5000), "tomasz",
              "Zdjęcia z sobotniej akcji są już w albumie. Dzięki wszystkim!",
              edited=at(10, "08:14:02", 417000),
              attachments=[OrderedDict([
                  ("id", "1480632210718752911"),
                  ("url", "https://cdn.discordapp.com/attachments/1089301927446712333/1480632210718752911/saturday.jpg?ex=66f1c2d3&is=66f07153&hm=4c1d"),
                  ("fileName", "saturday.jpg"), ("fileSizeBytes", 482113)])],
              note="edited (timestampEdited set); has an attachment")
    g5 = DMsg("g5", "general", at(10, "08:20:44", 2000), "liming",
              "ありがとう！ Beautiful photos.", type_="Reply", reply_to=g4,
              reference={"messageId": None}, reactions=[("heart", ["tomasz"])])
    g6 = DMsg("g6", "general", at(10, "09:00:00", 541000), "seedbot",
              "📅 Next planting day: Saturday 14 March, 09:00 at the north beds.", type_="20",
              interaction={"id": "1480640001234567890", "name": "nextevent", "user": "amara"},
              inline=["date"],
              note="slash-command response: Discord type 20 is not in DCE's MessageKind enum, "
                   "so Kind.ToString() writes the number \"20\"; has `interaction`")
    g7 = DMsg("g7", "general", at(10, "09:01:37", 880000), "amara", "Thanks all — see you Saturday! 🎉",
              inline=["tada"], reactions=[("thumbsup", ["ola", "liming", "tomasz"])])
    for m in (g3, g5):
        m.reference["messageId"] = m.reply_to.id
    gen = [g1, g2, g3, g4, g5, g6, g7]

    # #help, exported WITHOUT --utc on a machine in Europe/Berlin (UTC+1 in March)
    h1 = DMsg("h1", "help", at(11, "09:15:42", 123000), "liming",
              "How do I export the planting calendar to my phone?")
    h2 = DMsg("h2", "help", at(11, "09:20:03", 450000), "tomasz", "Started a thread.",
              type_="ThreadCreated", skip_reason="ThreadCreated")
    # a thread started without a starter message is a new channel with its own id
    thread_channel_id = snowflake(at(11, "09:20:03", 448000))
    h2.reference = {"messageId": None, "channelId": thread_channel_id}
    h2.note = (f"system message; reference.channelId {thread_channel_id} is the thread (exported as "
               "help-thread.json), reference.messageId is null")
    h3 = DMsg("h3", "help", at(11, "09:20:31", 9000), "tomasz",
              "Settings → Calendar → Subscribe (iCal). I started a thread with screenshots.",
              type_="Reply", reply_to=h1, reference={"messageId": h1.id}, pinned=True,
              note="pinned (isPinned true)")
    h4 = DMsg("h4", "help", at(11, "09:25:00", 300000), "amara", "Pinned a message.",
              type_="ChannelPinnedMessage", reference={"messageId": h3.id},
              skip_reason="ChannelPinnedMessage",
              note="system message; reference.messageId is the pinned message")
    h5 = DMsg("h5", "help", at(11, "10:02:18", 712000), "ola", "Takk! Det fungerer 👍",
              inline=["thumbsup"], reactions=[("thumbsup", ["liming", "amara"])])
    h6 = DMsg("h6", "help", at(11, "16:30:00", 4000), "seedbot",
              "Reminder: the tool shed closes at 18:00 today.",
              embeds=[OrderedDict([
                  ("title", "Tool shed hours"), ("url", None), ("timestamp", None),
                  ("description", "Mon–Fri 08:00–18:00, Sat 08:00–13:00"), ("color", "#3498DB"),
                  ("footer", OrderedDict([("text", "Seedbot reminders")])),
                  ("images", []), ("fields", []), ("inlineEmojis", [])])],
              note="bot message (isBot true) with an embed")
    hlp = [h1, h2, h3, h4, h5, h6]

    # the thread itself (a separate channel of type GuildPublicThread), --utc
    t1 = DMsg("t1", "thread", at(11, "09:21:10", 58000), "tomasz",
              "Step 1: open Settings. Step 2: Calendar → Subscribe. Step 3: paste the link into your phone's calendar app.")
    t2 = DMsg("t2", "thread", at(11, "09:40:27", 663000), "liming", "Found it, merci ! 🎉",
              type_="Reply", reply_to=t1, reference={"messageId": None, "channelId": thread_channel_id},
              inline=["tada"])
    t2.reference["messageId"] = t1.id
    thr = [t1, t2]

    thread_channel = OrderedDict([("id", thread_channel_id), ("type", "GuildPublicThread"),
                                  ("categoryId", CH["help"]["id"]), ("category", "help"),
                                  ("name", "calendar-export 📅"), ("topic", None)])
    outputs = [
        ("discord/general.json", CH["general"], gen, 0, at(13, "07:05:12", 402311)),
        ("discord/help.json", CH["help"], hlp, 1, at(13, "07:06:40", 118760)),
        ("discord/help-thread.json", thread_channel, thr, 0, at(13, "07:07:03", 991002)),
    ]
    key_files = OrderedDict()
    for path, channel, msgs, offset, exported in outputs:
        write_bytes(path, d_dumps(d_export(channel, msgs, offset, exported)).encode())
        rows = []
        for m in msgs:
            in_thread = channel["type"] == "GuildPublicThread"
            rows.append(key_row(
                m.id, kind={"GuildMemberJoin": "join", "ThreadCreated": "thread_created",
                            "ChannelPinnedMessage": "pin"}.get(m.type, "message"),
                author=d_author_key(m.author), when=m.when,
                where=OrderedDict([("guild_id", D_GUILD["id"]), ("channel", channel["name"]),
                                   ("channel_id", channel["id"]),
                                   ("parent_channel_id", channel["categoryId"] if in_thread else None)]),
                text=m.content, reply_to=(m.reply_to.id if m.reply_to else None),
                thread=(channel["id"] if in_thread else None),
                reactions=sum(len(us) for _, us in m.reactions), skip=bool(m.skip_reason),
                skip_reason=m.skip_reason, edited=bool(m.edited),
                source_time=dce_date(m.when, offset), note=m.note))
        key_files[path] = OrderedDict([
            ("format", "discord"), ("valid", True),
            ("guild", OrderedDict([("id", D_GUILD["id"]), ("name", D_GUILD["name"])])),
            ("channel", OrderedDict([("id", channel["id"]), ("name", channel["name"]),
                                     ("type", channel["type"])])),
            ("utc_offset_in_file", f"+{offset:02d}:00"),
            ("messageCount", len(msgs)),
            ("messages", rows), ("totals", totals(rows)),
        ])
    return key_files, thread_channel_id


# ===========================================================================
# 3. Zulip organization export (manage.py export)
# ===========================================================================
# Shape from zerver/lib/export.py: a directory zulip-export-XXXXXXXX/ (from
# tempfile.mkdtemp(prefix="zulip-export-")) tarred with `tar -czf`. realm.json
# holds one list per table (rows are Django model_to_dict() dicts: foreign keys
# appear under the field name, e.g. "sender", "recipient"; datetimes are float
# UNIX timestamps); messages-000001.json holds {"zerver_message": [...],
# "zerver_usermessage": [...]}; zerver_reaction sits in realm.json;
# attachment.json, analytics.json, avatars/, uploads/, emoji/, realm_icons/
# (each with records.json) and stats.txt complete it. Written by orjson with
# OPT_INDENT_2 (2-space indent, UTF-8, no trailing newline), tables sorted by id.

Z_DIR = "zulip-export-6h3q9w0b"
Z_REALM = 2
Z_HOST = "marigold.zulip.example"
Z_RECIPIENT_PERSONAL, Z_RECIPIENT_STREAM, Z_RECIPIENT_HUDDLE = 1, 2, 3

# id: (key, full_name, delivery_email, email, role, is_bot, bot_type, bot_owner, tz, date_joined)
Z_USERS = OrderedDict([
    (8, ("amara", "Amara Okafor", "amara.okafor@example.org", "amara.okafor@example.org", 100, False, None, None, "Africa/Lagos", at(2, "10:00:00").timestamp())),
    (9, ("tomasz", "Tomasz Nowak", "tomasz@example.org", "tomasz@example.org", 400, False, None, None, "Europe/Warsaw", at(2, "10:20:11").timestamp())),
    (10, ("zoe", "Zoë Lindqvist", "zoe.lindqvist@example.com", "zoe.lindqvist@example.com", 400, False, None, None, "Europe/Stockholm", at(3, "18:02:45").timestamp())),
    # email_address_visibility = admins only: `email` is a dummy, the real address is delivery_email
    (11, ("liming", "李明", "li.ming@example.net", f"user11@{Z_HOST}", 400, False, None, None, "Asia/Shanghai", at(4, "01:30:09").timestamp())),
    (12, ("github", "GitHub Bot", f"github-bot@{Z_HOST}", f"github-bot@{Z_HOST}", 400, True, 2, 9, "", at(4, "09:00:00").timestamp())),
])
Z_CROSSREALM = [  # system bots live in the internal realm; only these three fields are exported
    OrderedDict([("email", "notification-bot@zulip.com"), ("id", 1), ("recipient_id", 1)]),
    OrderedDict([("email", "emailgateway@zulip.com"), ("id", 2), ("recipient_id", 2)]),
    OrderedDict([("email", "welcome-bot@zulip.com"), ("id", 3), ("recipient_id", 3)]),
]
Z_PERSONAL_RECIPIENT = {8: 18, 9: 19, 10: 20, 11: 21, 12: 22}
Z_STREAMS = OrderedDict([
    (5, ("general", "Announcements and planting days", 23, [8, 9, 10, 11, 12], at(2, "10:05:00").timestamp())),
    (6, ("jardinería", "Beds, seeds and compost 🌱", 24, [8, 10, 11], at(2, "10:06:30").timestamp())),
])
Z_HUDDLE = OrderedDict([("id", 3), ("huddle_hash", hashlib.sha1(b"8,9,11").hexdigest()),
                        ("recipient", 25), ("group_size", 3)])
Z_HUDDLE_MEMBERS = [8, 9, 11]
Z_CLIENTS = [(1, "Internal"), (2, "website"), (5, "ZulipMobile"), (7, "ZulipElectron"),
             (14, "ZulipGitHubWebhook")]
Z_ATTACHMENT_PATH = "2/4e/Xy12abCD34efGH56ijKL78mn/seed-list.pdf"


def z_tsvector(text):
    words = []
    for w in "".join(c.lower() if c.isalnum() else " " for c in text).split():
        if w.isascii() and len(w) > 2:
            words.append(w)
    pos = OrderedDict()
    for i, w in enumerate(words, 1):
        pos.setdefault(w, []).append(str(i))
    return " ".join(f"'{w}':{','.join(p)}" for w, p in sorted(pos.items()))


class ZMsg:
    def __init__(self, mid, sender, when, content, rendered, *, stream=None, topic=None, to_user=None,
                 huddle=False, client=2, edited=None, reactions=(), mentions=(), has_attachment=False,
                 has_link=False, skip_reason=None, note=""):
        self.id, self.sender, self.when = mid, sender, when
        self.content, self.rendered = content, rendered
        self.stream, self.topic, self.to_user, self.huddle = stream, topic, to_user, huddle
        self.client, self.edited, self.reactions, self.mentions = client, edited, list(reactions), list(mentions)
        self.has_attachment, self.has_link = has_attachment, has_link
        self.skip_reason, self.note = skip_reason, note

    @property
    def private(self):
        return self.stream is None

    @property
    def recipient(self):
        if self.stream:
            return Z_STREAMS[self.stream][2]
        if self.huddle:
            return Z_HUDDLE["recipient"]
        return Z_PERSONAL_RECIPIENT[self.to_user]


def zulip_messages():
    Z = []
    Z.append(ZMsg(1001, 1, at(9, "08:00:00", 312000),
                  "@_**Amara Okafor|8** created a new channel #**jardinería**.",
                  '<p><span class="user-mention silent" data-user-id="8">Amara Okafor</span> created a new channel '
                  '<a class="stream" data-stream-id="6" href="/#narrow/channel/6-jardiner.C3.ADa">#jardinería</a>.</p>',
                  stream=5, topic="new channels", client=1, skip_reason="notification_bot",
                  note="sent by the cross-realm Notification Bot (sender 1, in zerver_userprofile_crossrealm, not in zerver_userprofile)"))
    Z.append(ZMsg(1002, 8, at(9, "09:02:11", 318900),
                  "Planting day is **Saturday 14 March** at 09:00. Who's in? :seedling:",
                  '<p>Planting day is <strong>Saturday 14 March</strong> at 09:00. Who\'s in? '
                  '<span aria-label="seedling" class="emoji emoji-1f331" role="img" title="seedling">:seedling:</span></p>',
                  stream=5, topic="planting day",
                  reactions=[(10, "+1", "1f44d"), (11, "+1", "1f44d"), (9, "seedling", "1f331")]))
    Z.append(ZMsg(1003, 10, at(9, "09:05:40", 4100), "Moi ! J'apporte des graines de capucine.",
                  "<p>Moi ! J'apporte des graines de capucine.</p>", stream=5, topic="planting day"))
    Z.append(ZMsg(1004, 9, at(9, "09:07:02", 771200),
                  "@**Amara Okafor** I'll bring the wheelbarrow and two rakes.",
                  '<p><span class="user-mention" data-user-id="8">@Amara Okafor</span> I\'ll bring the wheelbarrow and two rakes.</p>',
                  stream=5, topic="planting day", mentions=[8],
                  edited=(at(9, "09:08:30", 250000), "@**Amara Okafor** I'll bring the wheelbarrow.",
                          '<p><span class="user-mention" data-user-id="8">@Amara Okafor</span> I\'ll bring the wheelbarrow.</p>'),
                  note="edited: last_edit_time set, edit_history is a JSON string with prev_content"))
    Z.append(ZMsg(1005, 12, at(9, "10:15:27", 600100),
                  "[tomasz-nowak](https://github.com/tomasz-nowak) opened [PR #43](https://github.com/marigold-dev/trellis/pull/43) "
                  "from `raised-beds` to `main`:\n\n~~~ quote\nAdds a map layer for the new raised beds.\n~~~",
                  '<p><a href="https://github.com/tomasz-nowak">tomasz-nowak</a> opened '
                  '<a href="https://github.com/marigold-dev/trellis/pull/43">PR #43</a> from <code>raised-beds</code> to '
                  '<code>main</code>:</p>\n<blockquote>\n<p>Adds a map layer for the new raised beds.</p>\n</blockquote>',
                  stream=5, topic="marigold-dev/trellis", client=14, has_link=True,
                  note="incoming-webhook bot (is_bot true, bot_type 2)"))
    Z.append(ZMsg(1006, 11, at(10, "03:30:00", 700), "下周我们办一次种子交换会吧！ Seed swap next week?",
                  "<p>下周我们办一次种子交换会吧！ Seed swap next week?</p>", stream=6, topic="种子交换 (seed swap)",
                  client=5, note="sender's `email` is a dummy (user11@…); the address is delivery_email"))
    Z.append(ZMsg(1007, 10, at(10, "07:44:10", 95000),
                  f"Great idea — I have extra tomato seeds :tomato: [seed-list.pdf](/user_uploads/{Z_ATTACHMENT_PATH})",
                  '<p>Great idea — I have extra tomato seeds <span aria-label="tomato" class="emoji emoji-1f345" role="img" '
                  f'title="tomato">:tomato:</span> <a href="/user_uploads/{Z_ATTACHMENT_PATH}">seed-list.pdf</a></p>',
                  stream=6, topic="种子交换 (seed swap)", has_attachment=True, has_link=True,
                  reactions=[(11, "heart", "2764")], note="has an uploaded file (attachment.json, uploads/)"))
    Z.append(ZMsg(1008, 9, at(10, "18:01:00", 5000), "Can you cover my watering shift on Thursday?",
                  "<p>Can you cover my watering shift on Thursday?</p>", to_user=10,
                  reactions=[(10, "+1", "1f44d")], skip_reason=None,
                  note="direct message (recipient type 1, personal); its reaction is private too"))
    Z.append(ZMsg(1009, 10, at(10, "18:03:12", 880000), "Oui, pas de souci.", "<p>Oui, pas de souci.</p>",
                  to_user=9, client=5, note="direct message reply"))
    Z.append(ZMsg(1010, 11, at(11, "07:12:40", 12000),
                  "Budget question about the new hoses — can we discuss here first?",
                  "<p>Budget question about the new hoses — can we discuss here first?</p>", huddle=True,
                  note="group direct message (recipient type 3, zerver_huddle)"))
    Z.append(ZMsg(1011, 8, at(11, "08:00:05", 700000),
                  "Thanks everyone! Photos will go to #**jardinería>photos**.",
                  '<p>Thanks everyone! Photos will go to <a class="stream-topic" data-stream-id="6" '
                  'href="/#narrow/channel/6-jardiner.C3.ADa/topic/photos">#jardinería &gt; photos</a>.</p>',
                  stream=5, topic="planting day", has_link=True))
    return Z


def z_user_row(uid):
    key, full, delivery, email, role, is_bot, bot_type, owner, tz, joined = Z_USERS[uid]
    return OrderedDict([
        ("id", uid), ("last_login", at(12, "20:00:00").timestamp() if not is_bot else joined),
        ("delivery_email", delivery), ("email", email), ("realm", Z_REALM), ("full_name", full),
        ("date_joined", joined), ("tos_version", None if is_bot else "-1"),
        ("is_active", True), ("is_billing_admin", False), ("role", role), ("is_bot", is_bot),
        ("bot_type", bot_type), ("bot_owner", owner), ("long_term_idle", False),
        ("last_active_message_id", None), ("is_mirror_dummy", False), ("can_forge_sender", False),
        ("can_create_users", False), ("last_reminder", None), ("rate_limits", ""),
        ("default_all_public_streams", False), ("default_sending_stream", None),
        ("default_events_register_stream", None), ("recipient", Z_PERSONAL_RECIPIENT[uid]),
        ("timezone", tz), ("avatar_source", "G"), ("avatar_version", 1),
        ("default_language", "en"), ("email_address_visibility", 4 if uid == 11 else 1),
        ("twenty_four_hour_time", True), ("enter_sends", True),
        ("groups", []), ("user_permissions", []),
    ])


def build_zulip():
    msgs = zulip_messages()
    realm = OrderedDict()
    realm["zerver_realm"] = [OrderedDict([
        ("id", Z_REALM), ("name", "Marigold Gardeners"), ("description", "The Marigold community garden 🌼"),
        ("string_id", "marigold"), ("date_created", at(2, "09:58:44", 120000).timestamp()),
        ("deactivated", False), ("emails_restricted_to_domains", False), ("invite_required", True),
        ("org_type", 30), ("plan_type", 2), ("default_language", "en"),
        ("message_retention_days", -1), ("allow_message_editing", True),
        ("new_stream_announcements_stream", 5), ("signup_announcements_stream", 5),
        ("zulip_update_announcements_stream", None), ("push_notifications_enabled", False),
    ])]
    realm["zerver_realmauthenticationmethod"] = [OrderedDict([("id", 4), ("realm", Z_REALM), ("name", "Email")])]
    realm["zerver_scheduledmessage"] = []
    realm["zerver_defaultstream"] = [OrderedDict([("id", 2), ("realm", Z_REALM), ("stream", 5)])]
    realm["zerver_customprofilefield"] = []
    realm["zerver_realmauditlog"] = []
    realm["zerver_realmemoji"] = []
    realm["zerver_realmdomain"] = []
    realm["zerver_realmfilter"] = []
    realm["zerver_realmplayground"] = []
    realm["zerver_client"] = [OrderedDict([("id", i), ("name", n)]) for i, n in Z_CLIENTS]
    realm["zerver_realmuserdefault"] = [OrderedDict([("id", 2), ("realm", Z_REALM),
                                                     ("email_address_visibility", 1),
                                                     ("twenty_four_hour_time", True)])]
    realm["zerver_userprofile"] = [z_user_row(u) for u in Z_USERS]
    realm["zerver_userprofile_mirrordummy"] = []
    realm["zerver_usergroup"] = [OrderedDict([("id", i), ("realm", Z_REALM)]) for i in range(20, 28)]
    realm["zerver_namedusergroup"] = [
        OrderedDict([("usergroup_ptr", i), ("name", n), ("description", d), ("is_system_group", True),
                     ("deactivated", False), ("id", i)])
        for i, n, d in [(20, "role:nobody", "Nobody"), (21, "role:owners", "Owners"),
                        (22, "role:administrators", "Administrators"), (23, "role:moderators", "Moderators"),
                        (24, "role:fullmembers", "Full members"), (25, "role:members", "Members"),
                        (26, "role:everyone", "Everyone"), (27, "role:internet", "Everyone on the internet")]]
    realm["zerver_usergroupmembership"] = [
        OrderedDict([("id", 100 + n), ("user_group", g), ("user_profile", u)])
        for n, (g, u) in enumerate([(21, 8), (25, 9), (25, 10), (25, 11), (25, 12)])]
    realm["zerver_groupgroupmembership"] = [
        OrderedDict([("id", 60 + n), ("supergroup", sup), ("subgroup", sub)])
        for n, (sup, sub) in enumerate([(22, 21), (23, 22), (24, 23), (25, 24), (26, 25), (27, 26)])]
    realm["zerver_userprofile_crossrealm"] = Z_CROSSREALM
    realm["zerver_service"] = []
    realm["zerver_botstoragedata"] = []
    realm["zerver_botconfigdata"] = []
    realm["zerver_stream"] = [OrderedDict([
        ("id", sid), ("name", name), ("realm", Z_REALM), ("date_created", created), ("deactivated", False),
        ("description", desc), ("rendered_description", f"<p>{desc}</p>"), ("invite_only", False),
        ("history_public_to_subscribers", True), ("is_web_public", False), ("message_retention_days", None),
        ("recipient", rid), ("first_message_id", min(m.id for m in msgs if m.stream == sid)),
        ("creator", 8), ("is_recently_active", True), ("subscriber_count", len(subs)),
        ("can_remove_subscribers_group", 22), ("can_send_message_group", 26),
    ]) for sid, (name, desc, rid, subs, created) in Z_STREAMS.items()]
    realm["zerver_huddle"] = [Z_HUDDLE]
    recips = [OrderedDict([("id", r), ("type_id", u), ("type", Z_RECIPIENT_PERSONAL)])
              for u, r in Z_PERSONAL_RECIPIENT.items()]
    recips += [OrderedDict([("id", v[2]), ("type_id", sid), ("type", Z_RECIPIENT_STREAM)])
               for sid, v in Z_STREAMS.items()]
    recips.append(OrderedDict([("id", Z_HUDDLE["recipient"]), ("type_id", Z_HUDDLE["id"]),
                               ("type", Z_RECIPIENT_HUDDLE)]))
    realm["zerver_recipient"] = recips
    subs = [(u, r) for u, r in Z_PERSONAL_RECIPIENT.items()]
    for sid, v in Z_STREAMS.items():
        subs += [(u, v[2]) for u in v[3]]
    subs += [(u, Z_HUDDLE["recipient"]) for u in Z_HUDDLE_MEMBERS]
    colors = ["#76ce90", "#fae589", "#a6c7e5", "#e79ab5", "#bfd56f", "#f4ae55"]
    realm["zerver_subscription"] = [OrderedDict([
        ("id", 40 + n), ("user_profile", u), ("recipient", r), ("active", True), ("is_user_active", True),
        ("is_muted", False), ("color", colors[n % len(colors)]), ("pin_to_top", False),
        ("desktop_notifications", None), ("audible_notifications", None), ("push_notifications", None),
        ("email_notifications", None), ("wildcard_mentions_notify", None),
    ]) for n, (u, r) in enumerate(subs)]
    for t in ("zerver_alertword", "zerver_customprofilefieldvalue", "zerver_muteduser",
              "zerver_onboardingstep", "zerver_useractivity", "zerver_useractivityinterval",
              "zerver_userpresence", "zerver_userstatus", "zerver_usertopic"):
        realm[t] = []
    reactions = []
    for m in msgs:
        for (u, name, code) in m.reactions:
            reactions.append(OrderedDict([("id", 70 + len(reactions)), ("user_profile", u),
                                          ("emoji_name", name), ("reaction_type", "unicode_emoji"),
                                          ("emoji_code", code), ("message", m.id)]))
    realm["zerver_reaction"] = reactions
    for t in realm.values():
        t.sort(key=lambda row: row["id"])

    # messages-000001.json
    zmsgs, ums = [], []
    sub_map = {}
    for u, r in subs:
        sub_map.setdefault(r, set()).add(u)
    for m in msgs:
        row = OrderedDict([
            ("id", m.id), ("sender", m.sender), ("recipient", m.recipient), ("realm", Z_REALM),
            ("type", 1), ("subject", m.topic if m.stream else "\x07"), ("content", m.content),
            ("rendered_content", m.rendered), ("rendered_content_version", 1),
            ("date_sent", m.when.timestamp()), ("sending_client", m.client),
            ("last_edit_time", m.edited[0].timestamp() if m.edited else None),
            ("edit_history", json.dumps([OrderedDict([
                ("user_id", m.sender), ("timestamp", int(m.edited[0].timestamp())),
                ("prev_content", m.edited[1]), ("prev_rendered_content", m.edited[2]),
                ("prev_rendered_content_version", 1)])]) if m.edited else None),
            ("has_attachment", m.has_attachment), ("has_image", False), ("has_link", m.has_link),
            ("is_channel_message", not m.private), ("search_tsvector", z_tsvector(((m.topic + " ") if m.stream else "") + m.content)),
        ])
        zmsgs.append(row)
        readers = set(sub_map.get(m.recipient, set()))
        if m.sender in Z_USERS:
            readers.add(m.sender)
        for u in sorted(readers):
            mask = 1 if u == m.sender else 0
            if u in m.mentions:
                mask |= 8
            if m.private:
                mask |= 2048
            ums.append(OrderedDict([("id", 500 + len(ums)), ("user_profile", u), ("message", m.id),
                                    ("flags_mask", mask)]))
    messages_json = OrderedDict([("zerver_message", zmsgs), ("zerver_usermessage", ums)])

    pdf = (b"%PDF-1.4\n% seed list (sample)\n1 0 obj << /Type /Catalog >> endobj\n"
           b"trailer << /Root 1 0 R >>\n%%EOF\n")
    attachment = OrderedDict([("zerver_attachment", [OrderedDict([
        ("id", 9), ("file_name", "seed-list.pdf"), ("path_id", Z_ATTACHMENT_PATH), ("owner", 10),
        ("realm", Z_REALM), ("create_time", at(10, "07:43:51", 500000).timestamp()), ("size", len(pdf)),
        ("is_realm_public", True), ("is_web_public", False), ("content_type", "application/pdf"),
        ("messages", [1007]), ("scheduled_messages", []),
    ])])])
    analytics = OrderedDict([("analytics_realmcount", []), ("analytics_streamcount", []),
                             ("analytics_usercount", [])])
    uploads_records = [OrderedDict([
        ("realm_id", Z_REALM), ("user_profile_id", 10), ("user_profile_email", "zoe.lindqvist@example.com"),
        ("s3_path", Z_ATTACHMENT_PATH), ("path", Z_ATTACHMENT_PATH), ("size", len(pdf)),
        ("last_modified", at(10, "07:43:51", 500000).timestamp()), ("content_type", None)])]

    def oj(obj):  # orjson.dumps(obj, option=OPT_INDENT_2)
        return json.dumps(obj, ensure_ascii=False, indent=2).encode("utf-8")

    files = OrderedDict([
        ("realm.json", oj(realm)),
        ("messages-000001.json", oj(messages_json)),
        ("attachment.json", oj(attachment)),
        ("analytics.json", oj(analytics)),
        ("avatars/records.json", oj([])),
        ("uploads/records.json", oj(uploads_records)),
        ("uploads/" + Z_ATTACHMENT_PATH, pdf),
        ("emoji/records.json", oj([])),
        ("realm_icons/records.json", oj([])),
    ])
    # stats.txt as written by do_write_stats_file_for_realm_export()
    stats = []
    for fn in sorted(["analytics.json", "attachment.json", "messages-000001.json", "realm.json"]):
        data = json.loads(files[fn])
        stats.append(fn + "\n")
        for k in sorted(data):
            stats.append(f"{len(data[k]):5} {k}\n")
        stats.append("\n")
    for fn in ("avatars/records.json", "uploads/records.json"):
        stats.append(f"/tmp/{Z_DIR}/{fn}\n{len(json.loads(files[fn])):5} records\n\n")
    files["stats.txt"] = "".join(stats).encode()

    entries = [(Z_DIR + "/", None)]
    dirs = set()
    for name in files:
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    entries += [(f"{Z_DIR}/{d}/", None) for d in sorted(dirs)]
    entries += [(f"{Z_DIR}/{n}", b) for n, b in files.items()]
    write_bytes("zulip/zulip-export.tar.gz", make_targz(entries))

    # answer key
    names = {uid: v[1] for uid, v in Z_USERS.items()}
    rows = []
    for m in msgs:
        if m.sender in Z_USERS:
            key, full, delivery, email, role, is_bot, bot_type, owner, tz, joined = Z_USERS[m.sender]
            author = OrderedDict([("id", m.sender), ("name", full), ("display_name", full),
                                  ("email", delivery), ("email_field", email), ("is_bot", is_bot),
                                  ("bot_type", bot_type)])
        else:
            cr = next(c for c in Z_CROSSREALM if c["id"] == m.sender)
            author = OrderedDict([("id", m.sender), ("name", "Notification Bot"), ("display_name", None),
                                  ("email", cr["email"]), ("email_field", cr["email"]), ("is_bot", True),
                                  ("bot_type", None)])
        if m.stream:
            where = OrderedDict([("stream", Z_STREAMS[m.stream][0]), ("stream_id", m.stream),
                                 ("topic", m.topic), ("recipient", m.recipient)])
            thread = f"{Z_STREAMS[m.stream][0]} > {m.topic}"
        else:
            members = sorted({m.sender, m.to_user} if not m.huddle else set(Z_HUDDLE_MEMBERS))
            where = OrderedDict([("direct_message", [names[u] for u in members]),
                                 ("recipient", m.recipient),
                                 ("recipient_type", Z_RECIPIENT_HUDDLE if m.huddle else Z_RECIPIENT_PERSONAL)])
            thread = None
        rows.append(key_row(
            m.id, kind="message", author=author, when=m.when, where=where, text=m.content.split(" [")[0][:60],
            thread=thread, reactions=len(m.reactions), skip=bool(m.skip_reason), skip_reason=m.skip_reason,
            private=m.private, edited=bool(m.edited), source_time=m.when.timestamp(), note=m.note))
    users = [OrderedDict([("id", uid), ("full_name", v[1]), ("delivery_email", v[2]), ("email", v[3]),
                          ("role", v[4]), ("is_bot", v[5]), ("bot_type", v[6])]) for uid, v in Z_USERS.items()]
    return OrderedDict([
        ("format", "zulip"), ("valid", True), ("container", "tar.gz"),
        ("top_directory", Z_DIR + "/"),
        ("tar_members", sorted(n for n, _ in entries)),
        ("realm", OrderedDict([("id", Z_REALM), ("string_id", "marigold"), ("name", "Marigold Gardeners")])),
        ("users", users),
        ("streams", [OrderedDict([("id", sid), ("name", v[0]), ("recipient", v[2])]) for sid, v in Z_STREAMS.items()]),
        ("messages", rows), ("totals", totals(rows)),
    ])


# ===========================================================================
# 4. Matrix (Element Web "Export chat", format JSON)
# ===========================================================================
# Shape from element-web src/utils/exportUtils/JSONExport.ts: {room_name,
# room_creator, topic, export_date, exported_by, messages}; JSON.stringify(...,
# null, 2). Each message is MatrixEvent.toJSON() (the decrypted event for
# encrypted rooms) of the events returned by /messages, minus the events
# Element has no tile for (haveRendererForEvent(..., showHiddenEvents=false)):
# m.reaction and edit (m.replace) events are NOT written, and m.room.create
# only when the room has a predecessor. An edited message is written with the
# edit applied (content = the edit's m.new_content) because matrix-js-sdk's
# event mapper applies the bundled edit from unsigned["m.relations"]["m.replace"].

M_ROOM = "!GxYqWkLmNoPqRsTu:matrix.example.org"
M_SERVER = "matrix.example.org"


def mxid(local, server=M_SERVER):
    return f"@{local}:{server}"


M_USERS = OrderedDict([
    ("amara", (mxid("amara"), "Amara Okafor")),
    ("tomasz", (mxid("tomasz"), "Tomasz Nowak")),
    ("zoe", (mxid("zoe"), "Zoë Lindqvist")),
    ("liming", (mxid("liming"), "李明")),
    ("ola", (mxid("ola"), "Ola Nordmann")),
    ("github", ("@github:matrix.org", "GitHub")),
])
M_EXPORT_TIME = at(13, "07:30:00")


def event_id(label):
    return "$" + base64.urlsafe_b64encode(hashlib.sha256(label.encode()).digest()).decode().rstrip("=")


class MEv:
    def __init__(self, key, when, sender, type_, content, state_key=None, kind="message",
                 skip_reason=None, reply_to=None, thread=None, note=""):
        self.key, self.when, self.sender, self.type = key, when, sender, type_
        self.content, self.state_key, self.kind = content, state_key, kind
        self.skip_reason, self.reply_to, self.thread, self.note = skip_reason, reply_to, thread, note
        self.id = event_id("matrix-" + key)
        self.relations = OrderedDict()
        self.ms = int(when.timestamp()) * 1000 + int(h("ms-" + key, 6), 16) % 1000

    def raw(self, with_relations=True, content=None):
        d = OrderedDict([("type", self.type), ("room_id", M_ROOM), ("sender", M_USERS[self.sender][0]),
                         ("content", content if content is not None else self.content)])
        if self.state_key is not None:
            d["state_key"] = self.state_key
        d["origin_server_ts"] = self.ms
        unsigned = OrderedDict([("age", int((M_EXPORT_TIME.timestamp() * 1000) - self.ms))])
        if with_relations and self.relations:
            unsigned["m.relations"] = self.relations
        d["unsigned"] = unsigned
        d["event_id"] = self.id
        return d


def m_text(body, **extra):
    c = OrderedDict([("msgtype", "m.text"), ("body", body)])
    c.update(extra)
    return c


def build_matrix():
    U = M_USERS
    E = []

    def add(*a, **k):
        e = MEv(*a, **k)
        E.append(e)
        return e

    add("join-tomasz", at(9, "17:30:02", 0), "tomasz", "m.room.member",
        OrderedDict([("avatar_url", "mxc://matrix.example.org/tOmAsZaVaTaR"), ("displayname", "Tomasz Nowak"),
                     ("membership", "join")]), state_key=U["tomasz"][0], kind="join", skip_reason="m.room.member",
        note="join; content.displayname is where the sender's name comes from")
    add("join-ola", at(9, "17:40:12", 0), "ola", "m.room.member",
        OrderedDict([("displayname", "Ola Nordmann"), ("membership", "join")]),
        state_key=U["ola"][0], kind="join", skip_reason="m.room.member")
    root = add("root", at(9, "17:42:05", 0), "amara", "m.room.message",
               m_text("Welcome Ola! 🌱 Planting day is Saturday 14 March, 09:00.",
                      **{"m.mentions": OrderedDict([("user_ids", [U["ola"][0]])])}),
               note="thread root: unsigned.m.relations.m.thread bundles the latest thread event and the count; "
                    "sender has no m.room.member event in the file (name falls back to the MXID)")
    reply = add("reply", at(9, "17:44:51", 0), "ola", "m.room.message", None, reply_to=root,
                note="rich reply with the legacy fallback: body starts with '> <@amara…> …' quote lines and "
                     "formatted_body with <mx-reply>; strip them")
    reply.content = OrderedDict([
        ("msgtype", "m.text"),
        ("body", f"> <{U['amara'][0]}> Welcome Ola! 🌱 Planting day is Saturday 14 March, 09:00.\n\nTakk! I'll be there with potatoes 🥔"),
        ("format", "org.matrix.custom.html"),
        ("formatted_body", f'<mx-reply><blockquote><a href="https://matrix.to/#/{M_ROOM}/{root.id}?via={M_SERVER}">In reply to</a> '
                           f'<a href="https://matrix.to/#/{U["amara"][0]}">{U["amara"][0]}</a><br>Welcome Ola! 🌱 Planting day is '
                           f"Saturday 14 March, 09:00.</blockquote></mx-reply>Takk! I'll be there with potatoes 🥔"),
        ("m.relates_to", OrderedDict([("m.in_reply_to", OrderedDict([("event_id", root.id)]))])),
    ])
    t1 = add("thread-1", at(9, "18:01:30", 0), "zoe", "m.room.message", None, thread=root, reply_to=root,
             note="thread reply: m.relates_to rel_type m.thread; m.in_reply_to is only a fallback (is_falling_back true)")
    t1.content = m_text("Je viens aussi, avec des graines de capucine.", **{"m.relates_to": OrderedDict([
        ("rel_type", "m.thread"), ("event_id", root.id), ("is_falling_back", True),
        ("m.in_reply_to", OrderedDict([("event_id", root.id)]))])})
    t2 = add("thread-2", at(9, "18:07:02", 0), "tomasz", "m.room.message", None, thread=root, reply_to=root,
             note="thread reply whose fallback m.in_reply_to points at the previous thread message, not a real reply")
    t2.content = m_text("I'll bring the wheelbarrow and two rakes.", **{"m.relates_to": OrderedDict([
        ("rel_type", "m.thread"), ("event_id", root.id), ("is_falling_back", True),
        ("m.in_reply_to", OrderedDict([("event_id", t1.id)]))])})
    root.relations["m.thread"] = OrderedDict([("latest_event", t2.raw()), ("count", 2),
                                              ("current_user_participated", True)])
    edited = add("edited", at(10, "03:30:00", 0), "liming", "m.room.message",
                 m_text("Seed swap next weak? 种子交换"),
                 note="edited: Element writes the edited text (Seed swap next week? …) in content and the edit "
                      "event under unsigned.m.relations.m.replace; the original text is not in the file")
    edit = MEv("edit", at(10, "03:31:12", 0), "liming", "m.room.message", OrderedDict([
        ("msgtype", "m.text"), ("body", "* Seed swap next week? 种子交换会"),
        ("m.new_content", m_text("Seed swap next week? 种子交换会")),
        ("m.relates_to", OrderedDict([("rel_type", "m.replace"), ("event_id", edited.id)]))]),
        kind="edit", skip_reason="m.replace")
    edited.relations["m.replace"] = edit.raw()
    topic = add("topic", at(10, "07:00:00", 0), "amara", "m.room.topic",
                OrderedDict([("topic", "Marigold Gardeners — planting days & seed swaps 🌱")]), state_key="",
                kind="topic_change", skip_reason="m.room.topic")
    bot = add("bot", at(10, "10:15:27", 0), "github", "m.room.message", OrderedDict([
        ("msgtype", "m.notice"),
        ("body", "[marigold-dev/trellis] tomasz-nowak opened pull request #43: Add raised-bed layer"),
        ("format", "org.matrix.custom.html"),
        ("formatted_body", '[<a href="https://github.com/marigold-dev/trellis">marigold-dev/trellis</a>] tomasz-nowak '
                           'opened pull request <a href="https://github.com/marigold-dev/trellis/pull/43">#43</a>: '
                           'Add raised-bed layer')]),
        note="bot: m.notice from @github:matrix.org (Matrix has no is_bot flag; m.notice is the bot convention)")
    reply2 = add("reply-2", at(10, "11:02:44", 0), "zoe", "m.room.message", None, reply_to=edited,
                 note="reply without a fallback (no quote in body), as clients send since spec v1.13")
    reply2.content = m_text("Count me in 🍅 — I have extra tomato seeds.", **{
        "m.mentions": OrderedDict([("user_ids", [U["liming"][0]])]),
        "m.relates_to": OrderedDict([("m.in_reply_to", OrderedDict([("event_id", edited.id)]))])})
    add("file", at(10, "13:45:00", 0), "tomasz", "m.room.message", OrderedDict([
        ("msgtype", "m.file"), ("body", "shed-inventory.csv"), ("filename", "shed-inventory.csv"),
        ("info", OrderedDict([("mimetype", "text/csv"), ("size", 2048)])),
        ("url", "mxc://matrix.example.org/ShEdInVeNtOrYcSv")]), note="file (m.file, mxc:// URL)")

    reactions = [
        MEv("react-1", at(9, "17:43:00", 0), "zoe", "m.reaction", OrderedDict([("m.relates_to", OrderedDict([
            ("rel_type", "m.annotation"), ("event_id", root.id), ("key", "🌱")]))]), kind="reaction",
            skip_reason="m.reaction"),
        MEv("react-2", at(9, "17:45:30", 0), "liming", "m.reaction", OrderedDict([("m.relates_to", OrderedDict([
            ("rel_type", "m.annotation"), ("event_id", root.id), ("key", "👍")]))]), kind="reaction",
            skip_reason="m.reaction"),
        MEv("react-3", at(10, "10:16:02", 0), "amara", "m.reaction", OrderedDict([("m.relates_to", OrderedDict([
            ("rel_type", "m.annotation"), ("event_id", bot.id), ("key", "🎉")]))]), kind="reaction",
            skip_reason="m.reaction"),
    ]
    reaction_count = {root.id: 2, bot.id: 1}

    def element_event(e):
        if e.key == "edited":
            # the event mapper applied the bundled edit: content = m.new_content
            return e.raw(content=edit.content["m.new_content"])
        return e.raw()

    header = OrderedDict([
        ("room_name", "Marigold Gardeners 🌼"),
        ("room_creator", "Amara Okafor"),
        ("topic", topic.content["topic"]),
        ("export_date", "13/03/2026"),
        ("exported_by", "Amara Okafor"),
    ])
    element = OrderedDict(header)
    element["messages"] = [element_event(e) for e in E]
    write_bytes("matrix/room-export.json", json.dumps(element, ensure_ascii=False, indent=2).encode())

    unfiltered_events = sorted(E + reactions + [edit], key=lambda e: e.ms)
    unfiltered = OrderedDict(header)
    unfiltered["messages"] = [e.raw() for e in unfiltered_events]
    write_bytes("matrix/room-export-unfiltered.json",
                json.dumps(unfiltered, ensure_ascii=False, indent=2).encode())

    named = {U["tomasz"][0]: "Tomasz Nowak", U["ola"][0]: "Ola Nordmann"}

    def author(e):
        mx = U[e.sender][0]
        return OrderedDict([("id", mx), ("name", named.get(mx)),
                            ("display_name", named.get(mx) or mx[1:].split(":")[0]),
                            ("email", None), ("is_bot", e.sender == "github")])

    def rows_for(events, unfiltered_mode):
        rows = []
        for e in events:
            if e.kind in ("reaction", "edit"):
                target = e.content["m.relates_to"]["event_id"]
                text = e.content["m.relates_to"].get("key") or e.content["m.new_content"]["body"]
            else:
                target = None
                text = (e.content.get("body") or e.content.get("topic") or e.content.get("membership"))
            if e.key == "edited" and not unfiltered_mode:
                text = "Seed swap next week?"
            elif e.key == "edited":
                text = "Seed swap next weak?"
            if e.key == "reply":
                text = "Takk! I'll be there with potatoes"
            thread = None
            if e.thread:
                thread = e.thread.id
            elif e is root:
                thread = root.id
            note = e.note
            if e.kind == "reaction":
                note = f"reaction {e.content['m.relates_to']['key']} on {target}: count it on that event, do not import as a message"
            if e.kind == "edit":
                note = f"edit of {target}: apply (text becomes m.new_content.body), do not import as a message"
            if e.key == "edited" and unfiltered_mode:
                note = ("edited: here content is the ORIGINAL text; the edit is the separate m.replace event and is "
                        "also bundled under unsigned.m.relations.m.replace; the current text is 'Seed swap next week? 种子交换会'")
            rows.append(key_row(
                e.id, kind=e.kind, author=author(e), when=e.when,
                where=OrderedDict([("room_id", M_ROOM), ("room_name", header["room_name"]),
                                   ("event_type", e.type)]),
                text=text, reply_to=(e.reply_to.id if e.reply_to else None), thread=thread,
                reactions=(reaction_count.get(e.id, 0) if unfiltered_mode else 0),
                skip=bool(e.skip_reason), skip_reason=e.skip_reason, edited=(e.key == "edited"),
                source_time=e.ms, note=note))
            if e.kind in ("reaction", "edit"):
                rows[-1]["applies_to"] = target
        return rows

    common = OrderedDict([("room_id_from_events", M_ROOM)])
    common.update(header)
    k1 = OrderedDict([("format", "matrix-element-json"), ("valid", True), ("header", common),
                      ("messages", rows_for(E, False))])
    k1["totals"] = totals(k1["messages"])
    k2 = OrderedDict([("format", "matrix-element-json (unfiltered variant)"), ("valid", True),
                      ("header", common), ("messages", rows_for(unfiltered_events, True))])
    k2["totals"] = totals(k2["messages"])
    return OrderedDict([("matrix/room-export.json", k1), ("matrix/room-export-unfiltered.json", k2)])


# ===========================================================================
# 5. Invalid samples
# ===========================================================================

HTML_503 = (b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n"
            b"<body><h1>Service Unavailable</h1><p>Please try again later.</p></body></html>\n")


def json_error(data):
    try:
        json.loads(data.decode("utf-8"))
    except json.JSONDecodeError as e:
        return OrderedDict([("error", "json.JSONDecodeError"), ("message", str(e)),
                            ("pos", e.pos), ("lineno", e.lineno), ("colno", e.colno)])
    return None


def tar_error(data):
    try:
        tarfile.open(fileobj=io.BytesIO(data))
    except tarfile.ReadError as e:
        return str(e)
    return None


def build_invalid(slack_blob_path, matrix_path, discord_path):
    out = OrderedDict()
    with open(slack_blob_path, "rb") as f:
        slack_blob = f.read()

    # slack-truncated.zip: the first half of the valid export
    cut = len(slack_blob) // 2
    write_bytes("invalid/slack-truncated.zip", slack_blob[:cut])
    out["invalid/slack-truncated.zip"] = OrderedDict([
        ("meant_for", "slack"), ("valid", False), ("size", cut),
        ("what", f"slack/slack-export.zip cut after byte {cut} of {len(slack_blob)}: local file headers "
                 "are there, the central directory and end-of-central-directory record are not"),
        ("fails_at", "opening the ZIP"),
        ("python", OrderedDict([("error", "zipfile.BadZipFile"), ("message", "File is not a zip file")])),
    ])

    # slack-bad-day.zip: valid top-level files, one day file is an HTML error page
    good = zipfile.ZipFile(slack_blob_path)
    entries = []
    for name in ("channels.json", "integration_logs.json", "users.json", "general/",
                 "general/2026-03-10.json", "help/"):
        entries.append((name, None if name.endswith("/") else good.read(name)))
    entries.append(("help/2026-03-10.json", HTML_503))
    write_bytes("invalid/slack-bad-day.zip", make_zip(entries))
    out["invalid/slack-bad-day.zip"] = OrderedDict([
        ("meant_for", "slack"), ("valid", False), ("size", None),
        ("what", "a well-formed ZIP with valid channels.json, users.json, integration_logs.json and "
                 "general/2026-03-10.json, but help/2026-03-10.json holds an HTML 503 page"),
        ("fails_at", "member help/2026-03-10.json, byte 0"),
        ("bad_member", "help/2026-03-10.json"),
        ("good_members", ["channels.json", "integration_logs.json", "users.json", "general/2026-03-10.json"]),
        ("python", json_error(HTML_503)),
    ])

    # discord-cut.json: general.json cut inside the content string of message 3
    with open(discord_path, "rb") as f:
        d = f.read()
    marker = "Hei! Mostly pot".encode()
    cut = d.index(marker) + len(marker)
    data = d[:cut]
    write_bytes("invalid/discord-cut.json", data)
    err = json_error(data)
    out["invalid/discord-cut.json"] = OrderedDict([
        ("meant_for", "discord"), ("valid", False), ("size", cut),
        ("what", f"discord/general.json cut after byte {cut} of {len(d)}, inside the \"content\" string of "
                 "the third message (\"Hei! Mostly pot\"); no closing brackets"),
        ("fails_at", f"end of file (byte {cut}); the unterminated string starts at char {err['pos']}, "
                     f"line {err['lineno']} column {err['colno']}"),
        ("python", err),
    ])

    # wrong-kind.json: a Matrix (Element) export handed to the Discord importer
    with open(matrix_path, "rb") as f:
        m = f.read()
    write_bytes("invalid/wrong-kind.json", m)
    out["invalid/wrong-kind.json"] = OrderedDict([
        ("meant_for", "discord"), ("valid", False), ("size", len(m)),
        ("what", "byte-identical copy of matrix/room-export.json: valid JSON, but an Element room export, "
                 "not a DiscordChatExporter file"),
        ("fails_at", "shape check: top-level keys are room_name, room_creator, topic, export_date, "
                     "exported_by, messages; there is no guild, channel or messageCount, and the messages "
                     "have event_id/sender/origin_server_ts instead of id/author/timestamp"),
        ("top_level_keys", list(json.loads(m).keys())),
        ("python", None),
    ])

    # zulip-not-export.tar.gz: a valid tar.gz without realm.json
    notes = json.dumps(OrderedDict([("beds", 12), ("compost_bins", 3), ("note", "Inventaire du 1er mars")]),
                       ensure_ascii=False, indent=2).encode()
    entries = [("garden-backup/", None),
               ("garden-backup/README.txt", "Backup of the garden spreadsheets, March 2026.\n".encode()),
               ("garden-backup/notes.json", notes),
               ("garden-backup/photos/", None)]
    write_bytes("invalid/zulip-not-export.tar.gz", make_targz(entries))
    out["invalid/zulip-not-export.tar.gz"] = OrderedDict([
        ("meant_for", "zulip"), ("valid", False), ("size", None),
        ("what", "a valid gzip-compressed tar (garden-backup/README.txt, garden-backup/notes.json, "
                 "garden-backup/photos/) that is not a Zulip export"),
        ("fails_at", "no <dir>/realm.json (and no messages-000001.json) among the members"),
        ("members", [n.rstrip("/") for n, _ in sorted(entries)]),
        ("python", None),
    ])

    # empty.json: zero bytes
    write_bytes("invalid/empty.json", b"")
    out["invalid/empty.json"] = OrderedDict([
        ("meant_for", "any"), ("valid", False), ("size", 0),
        ("what", "a zero-byte file"),
        ("fails_at", "byte 0, for every importer"),
        ("python", OrderedDict([
            ("json", json_error(b"")),
            ("zipfile", OrderedDict([("error", "zipfile.BadZipFile"), ("message", "File is not a zip file")])),
            ("tarfile", OrderedDict([("error", "tarfile.ReadError"), ("message", tar_error(b""))])),
        ])),
    ])
    for k, v in out.items():
        if v["size"] is None:
            v["size"] = os.path.getsize(os.path.join(HERE, k))
    return out


# ===========================================================================
# Verification (re-open everything; fail loudly on any mismatch)
# ===========================================================================

def verify(key):
    files = key["files"]
    # Slack
    k = files["slack/slack-export.zip"]
    with zipfile.ZipFile(os.path.join(HERE, "slack/slack-export.zip")) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == k["zip_entries"], zf.namelist()
        ids = []
        for name in zf.namelist():
            if name.endswith(".json"):
                data = json.loads(zf.read(name).decode("utf-8"))
                if "/" in name:
                    ch = name.split("/")[0]
                    ids += [f"{ch}:{m['ts']}" for m in data]
                    assert all(m["type"] == "message" for m in data)
        users = json.loads(zf.read("users.json"))
        assert len(users) == len(k["users"]) and sum(u["is_bot"] for u in users) == 1
        assert sum(u["deleted"] for u in users) == 1
    assert sorted(ids) == sorted(r["id"] for r in k["messages"]), "slack ids"
    # Discord
    for path, k in files.items():
        if k["format"] != "discord":
            continue
        with open(os.path.join(HERE, path), encoding="utf-8") as f:
            d = json.load(f)
        assert d["messageCount"] == len(d["messages"]) == len(k["messages"])
        assert [m["id"] for m in d["messages"]] == [r["id"] for r in k["messages"]]
        for m, r in zip(d["messages"], k["messages"]):
            assert sum(x["count"] for x in m["reactions"]) == r["reactions"]
            got = datetime.fromisoformat(m["timestamp"]).astimezone(UTC)
            assert iso_z(got) == r["time_utc"], (m["timestamp"], r["time_utc"])
            assert (m.get("reference") or {}).get("messageId") == r["reply_to"] or m["type"] != "Reply"
    # Zulip
    k = files["zulip/zulip-export.tar.gz"]
    raw = open(os.path.join(HERE, "zulip/zulip-export.tar.gz"), "rb").read()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0", "gzip mtime must be 0"
    with tarfile.open(os.path.join(HERE, "zulip/zulip-export.tar.gz")) as tf:
        names = tf.getnames()
        assert sorted(n.rstrip("/") for n in k["tar_members"]) == sorted(names), names
        realm = json.load(tf.extractfile(Z_DIR + "/realm.json"))
        msgs = json.load(tf.extractfile(Z_DIR + "/messages-000001.json"))
    assert [m["id"] for m in msgs["zerver_message"]] == [r["id"] for r in k["messages"]]
    rtype = {r["id"]: r["type"] for r in realm["zerver_recipient"]}
    for m, r in zip(msgs["zerver_message"], k["messages"]):
        assert (rtype[m["recipient"]] != Z_RECIPIENT_STREAM) == r["private"]
        assert sum(1 for x in realm["zerver_reaction"] if x["message"] == m["id"]) == r["reactions"]
    # Matrix
    for path in ("matrix/room-export.json", "matrix/room-export-unfiltered.json"):
        k = files[path]
        with open(os.path.join(HERE, path), encoding="utf-8") as f:
            d = json.load(f)
        assert [e["event_id"] for e in d["messages"]] == [r["id"] for r in k["messages"]]
        types = {e["type"] for e in d["messages"]}
        if path.endswith("room-export.json"):
            assert "m.reaction" not in types
        else:
            assert "m.reaction" in types
    # Invalid
    inv = key["invalid"]
    try:
        zipfile.ZipFile(os.path.join(HERE, "invalid/slack-truncated.zip"))
        raise AssertionError("truncated zip opened")
    except zipfile.BadZipFile as e:
        assert str(e) == inv["invalid/slack-truncated.zip"]["python"]["message"]
    with zipfile.ZipFile(os.path.join(HERE, "invalid/slack-bad-day.zip")) as zf:
        assert zf.testzip() is None
        for name in inv["invalid/slack-bad-day.zip"]["good_members"]:
            json.loads(zf.read(name))
        try:
            json.loads(zf.read("help/2026-03-10.json"))
            raise AssertionError("bad day parsed")
        except json.JSONDecodeError as e:
            assert str(e) == inv["invalid/slack-bad-day.zip"]["python"]["message"]
    data = open(os.path.join(HERE, "invalid/discord-cut.json"), "rb").read()
    assert json_error(data) == inv["invalid/discord-cut.json"]["python"]
    wk = json.load(open(os.path.join(HERE, "invalid/wrong-kind.json"), encoding="utf-8"))
    assert "guild" not in wk and "channel" not in wk and "room_name" in wk
    with tarfile.open(os.path.join(HERE, "invalid/zulip-not-export.tar.gz")) as tf:
        assert not any(n.endswith("realm.json") for n in tf.getnames())
    assert os.path.getsize(os.path.join(HERE, "invalid/empty.json")) == 0
    empty = inv["invalid/empty.json"]["python"]
    assert json_error(b"") == empty["json"]
    for opener, exc, msg in ((zipfile.ZipFile, zipfile.BadZipFile, empty["zipfile"]["message"]),
                             (tarfile.open, tarfile.ReadError, empty["tarfile"]["message"])):
        try:
            opener(os.path.join(HERE, "invalid/empty.json"))
            raise AssertionError("empty opened")
        except exc as e:
            assert str(e) == msg, str(e)
    return True


# ===========================================================================
# main
# ===========================================================================

def main():
    for sub in ("slack", "discord", "zulip", "matrix", "invalid"):
        d = os.path.join(HERE, sub)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    key = OrderedDict([("generated_by", "tests/data/chat/make_samples.py"),
                       ("conventions", CONVENTIONS), ("files", OrderedDict()), ("invalid", None)])
    key["files"]["slack/slack-export.zip"] = build_slack()
    dkey, _ = build_discord()
    key["files"].update(dkey)
    key["files"]["zulip/zulip-export.tar.gz"] = build_zulip()
    key["files"].update(build_matrix())
    key["invalid"] = build_invalid(os.path.join(HERE, "slack/slack-export.zip"),
                                   os.path.join(HERE, "matrix/room-export.json"),
                                   os.path.join(HERE, "discord/general.json"))
    with open(os.path.join(HERE, "answer_key.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(key, ensure_ascii=False, indent=1) + "\n")
    verify(key)
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(render_readme(key))
    print("wrote and verified", len(key["files"]), "valid files and", len(key["invalid"]), "invalid files")


CONVENTIONS = OrderedDict([
    ("id", "natural id: Slack '<channel>:<ts>', Discord message id, Zulip message id (int), Matrix event_id"),
    ("time_utc", "send time in UTC, whole seconds, 'YYYY-MM-DDTHH:MM:SSZ'; source_time is the value as written in the file"),
    ("author.email", "the person's address if the export has one (Zulip: delivery_email), else null"),
    ("reply_to", "id of the message this one answers: Slack thread reply -> thread root; Discord 'Reply' -> "
                 "reference.messageId; Matrix m.in_reply_to, or the thread root when the in-reply-to is only a "
                 "thread fallback; Zulip has no replies (null)"),
    ("thread", "id of the thread root for thread roots that have replies and for their replies (Slack, Matrix); "
               "the thread channel id for messages in a Discord thread export; '<stream> > <topic>' for Zulip "
               "stream messages; null otherwise"),
    ("reactions", "number of individual reactions (sum of counts) on the message, as visible in this file"),
    ("skip", "true for events an importer should not import as conversation: joins, topic changes, pins, "
             "thread-created notices, notification-bot posts, reaction and edit events"),
    ("private", "true for Zulip direct and group-direct messages: private, must not be imported"),
    ("totals", "computed over all entries; importable = not skip and not private; the other counts are over "
               "importable entries only"),
])


# ===========================================================================
# README.md (rendered from the answer key; edit this script, not the README)
# ===========================================================================

def md_table(headers, rows):
    def cell(v):
        if v is None:
            return "—"
        if isinstance(v, bool):
            return "yes" if v else ""
        return str(v).replace("|", "\\|").replace("\n", "⏎")
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def message_table(fkey):
    rows = fkey["messages"]
    pos = {r["id"]: i + 1 for i, r in enumerate(rows)}
    out = []
    for i, r in enumerate(rows, 1):
        w = r["where"]
        where = (w.get("channel") or w.get("stream") or w.get("room_name") or "DM: " + ", ".join(w.get("direct_message", [])))
        if "topic" in w:
            where += f" > {w['topic']}"
        if "event_type" in w:
            where = w["event_type"]
        a = r["author"]
        author = f"{a.get('display_name') or a.get('name')} (`{a['id']}`)" + (" bot" if a["is_bot"] else "")
        if a.get("deleted"):
            author += " deleted"
        ref = lambda x: (f"#{pos[x]}" if x in pos else (f"`{x}`" if x else None))
        thread = r["thread"]
        thread = ref(thread) if thread in pos else (thread if thread is None or fkey["format"] == "zulip" else f"`{thread}`")
        flags = []
        if r["skip"]:
            flags.append(f"skip ({r['skip_reason']})")
        if r["private"]:
            flags.append("private")
        if r["edited"]:
            flags.append("edited")
        out.append([i, f"`{r['id']}`", author, r["time_utc"].replace("T", " ").rstrip("Z"), where,
                    ref(r["reply_to"]), thread, r["reactions"] or "", ", ".join(flags), r["note"]])
    return md_table(["#", "id", "author", "UTC", "where", "reply to", "thread", "reactions", "flags", "note"], out)


def totals_table(key):
    rows = []
    for path, f in key["files"].items():
        t = f["totals"]
        rows.append([f"`{path}`", t["entries"], t["importable"], t["skipped_events"], t["private"],
                     t["in_threads"], t["replies"], t["edited"], t["reactions"], t["by_bots"],
                     t["distinct_authors"]])
    return md_table(["file", "entries", "importable", "skipped", "private", "in threads", "replies",
                     "edited", "reactions", "by bots", "authors"], rows)


def render_readme(key):
    parts = {"TOTALS": totals_table(key)}
    for path, f in key["files"].items():
        parts["TABLE:" + path] = message_table(f)
    inv = []
    for path, v in key["invalid"].items():
        py = v["python"]
        if py and "error" in py:
            err = f"`{py['error']}: {py['message']}`"
        elif py:
            err = "; ".join(f"{k}: `{x['error']}: {x['message']}`" for k, x in py.items())
        else:
            err = "parses; rejected by the shape check"
        inv.append([f"`{path}`", v["meant_for"], v["size"], v["what"], v["fails_at"], err])
    parts["INVALID"] = md_table(["file", "for", "bytes", "what it is", "where it breaks", "Python 3.11 says"], inv)
    s = key["files"]["slack/slack-export.zip"]
    parts["SLACK_USERS"] = md_table(
        ["id", "name", "real_name", "display_name", "email", "bot", "deleted"],
        [[f"`{u['id']}`", u["name"], u["real_name"], u["display_name"], u["email"], u["is_bot"], u["deleted"]]
         for u in s["users"]])
    parts["SLACK_ENTRIES"] = "\n".join(f"    {n}" for n in s["zip_entries"])
    z = key["files"]["zulip/zulip-export.tar.gz"]
    parts["ZULIP_USERS"] = md_table(
        ["id", "full_name", "delivery_email", "email column", "role", "bot", "bot_type"],
        [[u["id"], u["full_name"], u["delivery_email"], u["email"], u["role"], u["is_bot"], u["bot_type"]]
         for u in z["users"]])
    parts["ZULIP_MEMBERS"] = "\n".join(f"    {n}" for n in z["tar_members"])
    text = README_TEMPLATE
    for k, v in parts.items():
        text = text.replace("{{" + k + "}}", v)
    assert "{{" not in text
    return text


README_TEMPLATE = r'''# Chat-export sample files (test data)

Inputs and answer key for the chat importers' tests: a Slack workspace export,
DiscordChatExporter JSON files, a Zulip organization export and Element (Matrix)
room exports, plus broken and wrong-kind files. Every person, id, address and
line of text here is invented; the few real-looking names (GitHub, `@github:matrix.org`,
the Zulip system bots) are there because the formats use them.

**Generated:** `python tests/data/chat/make_samples.py` writes every file in this
directory, this README and `answer_key.json` included, then re-opens them all and
checks them against the answer key. To change anything, edit the script and run it
again; don't edit the outputs by hand. The script uses only the stdlib and is
deterministic: fixed ids and timestamps, ZIP entries with a fixed date
(2026-03-13 07:30:00) and fixed attributes, tar entries sorted with a fixed
mtime/uid/gid/mode, gzip with `mtime=0` and no file name. A rerun gives the same
bytes. Error messages quoted below are Python 3.11's.

## Files

| file | what it is | expected result |
|---|---|---|
| `slack/slack-export.zip` | Slack "Export data" standard export: 3 public channels, 6 users (1 app bot, 1 deleted), 5 day files | imports |
| `discord/general.json` | DiscordChatExporter `--format Json --utc` export of #general | imports |
| `discord/help.json` | DCE export of #help made **without** `--utc` (timestamps carry `+01:00`) | imports |
| `discord/help-thread.json` | DCE export of the thread "calendar-export 📅" started in #help | imports |
| `zulip/zulip-export.tar.gz` | `manage.py export` of one organization: 5 users (1 bot), 2 channels, 3 direct messages | imports; the 3 direct messages are **not** imported |
| `matrix/room-export.json` | Element Web "Export chat", format JSON, of one room | imports (no reactions: Element does not write them) |
| `matrix/room-export-unfiltered.json` | the same room with the `m.reaction` and `m.replace` events that Element filters out | imports; reactions and the edit are applied, not imported as messages |
| `invalid/*` | six broken or wrong-kind inputs, see [Invalid files](#invalid-files) | each fails where stated |
| `answer_key.json` | the answer key, machine readable | |
| `make_samples.py` | the generator | |

## How to read the answer key

`answer_key.json` has `files` (one entry per valid file) and `invalid`. Each valid
file has `messages`, one row per entry in the file **in file order** (Slack: per
channel, then by ts), and `totals`. The row fields:

* `id`: the message's natural id. Slack: `<channel name>:<ts>` (the ts string as
  written). Discord: the message id. Zulip: the message id (an integer). Matrix: the `event_id`.
* `kind`: `message`, `join`, `topic_change`, `pin`, `thread_created`, and for the
  unfiltered Matrix file `reaction` and `edit`.
* `author`: `id` (Slack user id, or the `bot_id` for a webhook `bot_message`;
  Discord user id; Zulip user id; Matrix user id), `name`, `display_name`,
  `email` (the address if the export has one, else null; for Zulip this is
  `delivery_email`) and `is_bot`. Slack rows also carry `real_name`, `deleted` and
  `in_users_json`; Zulip rows carry `email_field` (the `email` column) and
  `bot_type`. For Matrix `name` is the `displayname` from an `m.room.member` event in
  the file, or null if there is none, and `display_name` falls back to the MXID's
  localpart.
* `time_utc`: send time in UTC, whole seconds. `source_time` is the value as the
  file writes it (Slack ts string, DCE timestamp with its offset, Zulip float
  `date_sent`, Matrix `origin_server_ts` in ms).
* `where`: channel / stream and topic / direct-message members / room.
* `reply_to`: the message this one answers. Slack thread reply: the thread root.
  Discord `Reply`: `reference.messageId`. Matrix: `m.in_reply_to`, except inside
  a thread, where an `m.in_reply_to` with `is_falling_back: true` is only a
  fallback and the answer is the thread root. Zulip has no replies (always null).
* `thread`: the thread root's id, both for a root that has replies and for its
  replies (Slack, Matrix); the thread's channel id for the messages of the Discord
  thread export; `<stream> > <topic>` for Zulip channel messages; else null.
* `reactions`: number of individual reactions on the message that this file shows
  (the sum of the counts).
* `edited`, `skip` (with `skip_reason`): `skip` marks entries that are not
  conversation and should not become activities: joins, topic changes, pins,
  "started a thread" notices, Notification Bot posts, and the reaction/edit events
  of the unfiltered Matrix file.
* `private`: Zulip direct and group-direct messages. They are private and must not
  be imported (nor their reactions).
* `text_contains`: a piece of the text as the file writes it (non-ASCII kept).
* `note`: what the entry is there to test.

`totals` count all entries (`entries`), then `importable` = not `skip` and not
`private`; `in_threads`, `replies`, `edited`, `reactions`, `by_bots` and
`distinct_authors` count importable entries only.

{{TOTALS}}

## Slack: `slack/slack-export.zip`

**Sources.**
* Slack Help Center, "How to read Slack data exports",
  <https://slack.com/help/articles/220556107-How-to-read-Slack-data-exports>: the
  standard ("public channels only") export holds `channels.json`, `users.json`,
  `integration_logs.json` and a folder per public channel with the messages
  "organized by date in separate JSON files"; `groups.json`, `dms.json` and
  `mpims.json` only come with the all-conversations export (and recent exports
  add `canvases.json`, not reproduced here).
* A real recent standard export published on GitHub,
  <https://github.com/VidhitSikri/forge-2> at commit `4b920029a78a7fda9db02ac9a28f3b07ab31192c`
  (`channels.json`, `users.json`, `integration_logs.json`,
  `agent-coder/2026-06-20.json`, `all-forge-2-workspace/2026-06-20.json`): key
  order, the `\/` escaping of every slash, non-ASCII written as UTF-8, 4-space
  day files, one compact object per line in `users.json` and
  `integration_logs.json`, `channel_join` messages (with `inviter`), `edited`,
  app-bot messages (`user` + `bot_id` + `app_id` + `bot_profile`, no subtype),
  rich-text `blocks`, bot users in `users.json` (`is_bot: true`, `profile.bot_id`).
* An older real export, <https://github.com/houstondatavis/slack-export>
  (`integration_logs.json`: `service_id`/`service_type` entries for webhooks,
  `app_id`/`app_type` entries for apps).
* slackdump's standard-export fixtures, <https://github.com/rusq/slackdump>
  `internal/fixtures/assets/source_export_dir/` (thread parents with
  `thread_ts == ts`, `reply_count`, `reply_users`, `replies[{user, ts}]`,
  `latest_reply`; replies with `thread_ts` + `parent_user_id`; `files`).
* slack-export-viewer's reader, <https://github.com/hfaran/slack-export-viewer>
  `slackviewer/reader.py` (reads `channels.json`, then every `<name>/*.json`).
* Slack API reference, `thread_broadcast`,
  <https://docs.slack.dev/reference/events/message/thread_broadcast/> (the
  broadcast reply carries `thread_ts` and a `root` copy of the parent).

**Layout** (ZIP entry order; directory entries included):

{{SLACK_ENTRIES}}

**Users** (`users.json`). The webhook integration "GitHub" (`bot_id`
`B07MRGAGHB2`) has no entry: its `bot_message` posts carry only `bot_id` and
`username`.

{{SLACK_USERS}}

**Assumed, not seen in a real file:** the shape of a deleted user's entry
(`deleted: true`, fewer top-level keys, `profile.fields: null`, e-mail kept); that
day files split at UTC midnight (every message here is far from midnight, so the
question does not arise; the thread reply in row 9 below is filed under the day
it was posted, not its root's day, as in slackdump's fixtures); the `files` object (fields as in slackdump's
fixture and Slack's file object).

{{TABLE:slack/slack-export.zip}}

## Discord: `discord/*.json`

**Sources.** DiscordChatExporter, <https://github.com/Tyrrrz/DiscordChatExporter>:
`DiscordChatExporter.Core/Exporting/JsonMessageWriter.cs` (the version at commit
`08524e94ba6de5810468e3111c1725c1af224d95`, with `components`, `reference.type`,
`forwardedMessage`, `interaction`, `inlineEmojis`, reaction `users`),
`Discord/Data/MessageKind.cs`, `Message.cs` (the English fallback texts of system
messages), `User.cs` (`discriminator` `"0000"` for new-style usernames),
`Emoji.cs`, `Common/ImageCdn.cs` (avatar, emoji, Twemoji URLs), `ChannelKind.cs`,
`MessageReferenceKind.cs`, and the test
`DiscordChatExporter.Cli.Tests/Specs/JsonForwardSpecs.cs` for the timestamp form
(`2025-12-28T22:52:42.175+00:00`). Snowflake ids are built from the send time the
way Discord builds them (ms since 2015-01-01 shifted left 22 bits).

The file names are ours; DCE itself names files like
`Marigold Gardeners 🌼 - Text Channels - general [1089301927446712333].json`.

{{TABLE:discord/general.json}}

`discord/help.json` (exported without `--utc`, offsets `+01:00`; `time_utc` is converted):

{{TABLE:discord/help.json}}

`discord/help-thread.json` (`channel.type` `GuildPublicThread`; `channel.categoryId`/`category`
name the **parent channel** #help, not a category, as DCE's writer notes):

{{TABLE:discord/help-thread.json}}

## Zulip: `zulip/zulip-export.tar.gz`

**Sources.** <https://github.com/zulip/zulip>: `zerver/lib/export.py` (commit
`767ceecce4701dea2b8a14bd478c23d9bab25b88`: `get_realm_config()`,
`write_table_data()`, `export_partial_message_files()`, `fetch_usermessages()`,
`export_uploads_and_avatars()`, `do_write_stats_file_for_realm_export()`,
`do_export_realm()`), `zerver/management/commands/export.py` (output directory
from `tempfile.mkdtemp(prefix="zulip-export-")`, tarball = directory + `.tar.gz`),
`zerver/models/messages.py` (`subject`, `DM_TOPIC = "\x07"`, `type`,
`is_channel_message`, `edit_history` as a JSON text column),
`zerver/data_import/import_util.py` (`build_user_message()` flag bits: read 1,
mentioned 8, wildcard-mentioned 16, is_private 2048; `build_message()`,
`build_recipient()`), `docs/production/export-and-import.md`; and a reader of real
exports, <https://github.com/karlicoss/HPI> `my/zulip/organization.py`.

**Layout** (tar members, sorted):

{{ZULIP_MEMBERS}}

Recipients: type 1 = personal (a user), 2 = stream (channel), 3 = direct-message
group (`zerver_huddle`). A message is private when its `recipient` is not a type-2
recipient (`is_channel_message` false says the same). Users:

{{ZULIP_USERS}}

Messages may also come from the cross-realm system bots listed in
`zerver_userprofile_crossrealm` (here: message 1001 from Notification Bot, id 1),
which are **not** in `zerver_userprofile`.

**Abridged:** each table row carries a representative subset of the model's
columns (a real `zerver_userprofile` row has some 80); `search_tsvector` is a
crude stand-in; newer servers also write `migration_status.json` (not reproduced);
there are no avatar files (`avatar_source` `"G"`, Gravatar).

{{TABLE:zulip/zulip-export.tar.gz}}

## Matrix: `matrix/room-export.json` and `matrix/room-export-unfiltered.json`

**Sources.** Element Web, <https://github.com/element-hq/element-web>:
`src/utils/exportUtils/JSONExport.ts` (the header `room_name`, `room_creator`,
`topic`, `export_date`, `exported_by`, `messages`; each message is
`MatrixEvent.toJSON()`, the decrypted event in encrypted rooms;
`JSON.stringify(..., null, 2)`; a ZIP with `export.json` only when attachments
are included), `src/utils/exportUtils/Exporter.ts` (events fetched backwards with
`/messages`, then reversed to oldest first), `src/events/EventTileFactory.tsx`
(`pickFactory()`: events with no tile are skipped by the exporter; there is no tile
for `m.reaction`, none for `m.replace` edits, and none for `m.room.create` unless
the room has a predecessor), `src/DateUtils.ts` (`formatFullDateNoDayNoTime()`:
`Intl.DateTimeFormat(locale, {year, month, day: "numeric"})` in current versions,
`YYYY/MM/DD` in older ones). Event content follows the Matrix client-server spec
(`m.relates_to` with `rel_type` `m.thread` / `m.annotation` / `m.replace`,
`m.in_reply_to`, `is_falling_back`, bundled aggregations under
`unsigned["m.relations"]`). **Not re-read for this sample:** the spec pages
themselves and matrix-js-sdk's event mapper; that an edited message is exported
with the edit applied (content = the edit's `m.new_content`, the edit event
bundled under `unsigned["m.relations"]["m.replace"]`) is from my reading of
matrix-js-sdk in the past.

Where sender names come from: the export has no user list. A display name is the
`content.displayname` of an `m.room.member` event for that user **in the file**
(here only Tomasz and Ola have one); otherwise fall back to the MXID. The header's
`room_creator` and `exported_by` are display names (here "Amara Okafor"), not
MXIDs. `export_date` is locale-formatted (here en-GB, `13/03/2026`). Matrix has no
bot flag: `@github:matrix.org` posts `m.notice`, the msgtype the spec reserves for
automated clients, and the answer key counts it as a bot.

`matrix/room-export.json` (what Element writes: no reaction or edit events):

{{TABLE:matrix/room-export.json}}

`matrix/room-export-unfiltered.json` has the same header and the same events plus
the three `m.reaction` events and the `m.replace` edit, in timeline order, as the
client-server API returns them (the edited message keeps its original text here).
**Element never writes this file**; it is here so an importer's handling of
reactions and edits can be tested with the envelope it will meet.

{{TABLE:matrix/room-export-unfiltered.json}}

## Invalid files

{{INVALID}}

`invalid/wrong-kind.json` is byte-identical to `matrix/room-export.json`; fed to
the Discord importer it must be rejected by a shape check (no `guild`, `channel`,
`messageCount`; messages without `id`/`author`/`timestamp`), not imported as
zero messages. `invalid/empty.json` should be rejected by every importer.

## Format notes an importer author may not expect

* **Slack:** every `/` in every string is written `\/` (valid JSON; any JSON
  parser undoes it). A webhook `bot_message` has no `user`; its author is `bot_id`
  + `username` and is not in `users.json`. An app's bot user posts ordinary
  messages (no subtype) with `user`, `bot_id` and `bot_profile`, and `users.json`
  marks it `is_bot`. Messages by deleted users keep their `user_profile`. A thread
  reply is filed under the day it was posted, so a thread can span day files.
  `thread_broadcast` replies carry `thread_ts` and `root` but no `parent_user_id`.
  `text` of an edited message is already the edited text; `edited.ts` is the edit time.
  `reply_count`/`replies` on the root include the broadcast reply.
* **Discord (DCE):** `content` is DCE's plain-text rendering of the markdown:
  user mentions appear as `@Nickname`; the ids are only in `mentions`. System
  messages (`GuildMemberJoin`, `ThreadCreated`, `ChannelPinnedMessage`) get an
  English fallback text ("Joined the server.", "Started a thread.", "Pinned a
  message."). `type` is the name of DCE's `MessageKind` enum, which in the
  versions read stops at `Reply` = 19: other Discord types come out as numbers in
  a string, e.g. `"20"` for a slash-command response. Timestamps carry the
  exporting machine's UTC offset unless `--utc` was given, and `exportedAt` has
  seven fractional digits. Standard emoji have `"id": ""`. A thread is a separate
  export whose `category`/`categoryId` are the parent channel; the `ThreadCreated`
  message in the parent links to it only through `reference.channelId`.
* **Zulip:** foreign keys are plain ids under the field name (`sender`,
  `recipient`, `realm`); datetimes are float UNIX seconds; `edit_history` is a JSON
  **string** inside the JSON. Direct messages have the topic `"\x07"` (written
  `"\u0007"`), the marker Zulip stores for "no topic" in DMs. `email` may be a dummy
  (`user11@…`) when the user hides their address; the real one is
  `delivery_email`. Reactions are in `realm.json` (`zerver_reaction`), not with the
  messages, and include reactions on private messages. `stats.txt` lists absolute
  paths of the exporting machine. Topics are the only threading; there are no replies.
* **Matrix (Element):** reactions are never in an Element export, so every
  reaction count is 0; an edited message shows only its new text; display names
  exist only for senders whose membership event falls inside the export; thread
  replies carry an `m.in_reply_to` that is merely a fallback (`is_falling_back:
  true`); older rich replies prefix `body` with `> <@user> quoted text` lines and
  `formatted_body` with `<mx-reply>…</mx-reply>`, which should be stripped;
  `m.room.member`, `m.room.topic` and other state events are in the file and are
  not conversation.
'''


if __name__ == "__main__":
    main()
