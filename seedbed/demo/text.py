"""Short texts for the demo: commit messages, forum posts, chat lines, thank-you notes.

Pure. The demo community builds Marigold, an open-source app for recording and sharing
plant observations. ``fill`` picks a template and fills each {slot} with a random choice
from SLOTS, so the same seed always writes the same words.
"""
from __future__ import annotations

import random

SLOTS = {
    "module": ["sync", "map view", "offline cache", "species search", "photo upload", "CSV export", "API client",
               "plugin loader", "settings screen", "observation editor", "tile server", "login", "notifications",
               "import wizard", "GPS tracking", "image recognition", "field notebook", "search index"],
    "bug": ["a crash", "a race condition", "an off-by-one error", "a memory leak", "wrong time zones",
            "duplicate records", "a deadlock", "broken pagination", "lost edits", "stale thumbnails"],
    "feature": ["dark mode", "bulk editing", "offline maps", "GeoJSON export", "keyboard shortcuts",
                "species suggestions", "multi-user projects", "photo cropping", "iNaturalist import",
                "undo history", "custom fields", "team dashboards", "QR-code sharing", "audio notes"],
    "edge": ["empty projects", "very long species names", "right-to-left text", "missing GPS fixes",
             "leap days", "duplicate photos", "slow networks", "huge CSV files"],
    "doc": ["the install guide", "the plugin tutorial", "the FAQ", "the API reference", "CONTRIBUTING.md",
            "the offline-mode page", "the glossary", "the upgrade notes", "the README"],
    "version": ["2.3", "2.4", "2.5", "2.6", "3.0", "3.1"],
    "tool": ["Docker", "Ansible", "Terraform", "Nix", "GitHub Actions", "pre-commit"],
    "os": ["Android 14", "iOS 17", "Windows 11", "macOS", "Ubuntu 24.04", "a Chromebook", "Fedora", "an old Android tablet"],
    "language": ["German", "Portuguese", "Swahili", "Japanese", "Ukrainian", "Spanish", "Hindi", "Indonesian",
                 "French", "Turkish", "Korean", "Vietnamese", "Arabic", "Polish", "Tamil"],
    "page": ["home", "download", "community", "events", "about", "donate", "press"],
    "example": ["counting pollinators", "mapping street trees", "a school bioblitz", "herbarium digitisation",
                "weekly moth traps", "invasive species alerts"],
    "cmd": ["export", "sync", "validate", "import", "doctor", "merge"],
    "plugin": ["phenology", "bird-song", "soil-sensor", "herbarium-labels", "QGIS", "R bridge"],
    "place": ["Kenya", "Bavaria", "Patagonia", "Kerala", "Java", "Québec", "the Cape Floristic Region", "Hokkaido"],
    "species": ["Taraxacum officinale", "Quercus robur", "Ficus benghalensis", "Acacia tortilis", "Bellis perennis"],
    "pkgchange": ["fix desktop file", "build for arm64", "split data package", "drop Python 3.9"],
    "input": ["file names", "project titles", "URLs", "uploaded SVGs", "search queries"],
    "task": ["export my observations to CSV", "use Marigold offline", "move a project to another server",
             "add a custom field", "run my own tile server", "translate a plugin", "import an iNaturalist dump",
             "back up my field notebook", "share a project with my class", "change the map projection"],
    "error": ["SyncError: conflict on observation", "database is locked", "403 Forbidden", "tile fetch timed out",
              "KeyError: 'taxon_id'", "invalid GeoJSON geometry", "certificate verify failed",
              "UnicodeDecodeError in CSV import"],
    "device": ["Android 14", "an iPhone", "Windows", "macOS", "Ubuntu", "a Raspberry Pi", "a Chromebook"],
    "fix": ["clear the offline cache", "set MARIGOLD_TILE_URL", "upgrade to the latest release",
            "re-run the migration with --fake-initial", "switch the CSV encoding to UTF-8",
            "give the app location permission", "delete the stale lock file", "log out and back in"],
    "fix_done": ["sync works again", "the import runs now", "the map loads", "my photos are back",
                 "the export finished", "the error is gone"],
    "change": ["moving the API to v2", "dropping Android 8", "a plugin registry", "yearly releases",
               "renaming 'projects' to 'campaigns'", "a new logo", "splitting the mobile repository"],
    "research": ["crowd-sourced phenology and climate", "observer bias in urban surveys",
                 "how volunteers stay motivated", "image recognition for lichens"],
    "podcast": ["from botanist to maintainer", "running a bioblitz", "open data in ecology"],
    "grant": ["NLnet", "Sovereign Tech Fund", "Mozilla Open Source Support", "CZI Essential Open Source"],
    "org": ["a botanical garden", "the national park service", "a school network", "a university herbarium"],
    "city": ["Berlin", "Lagos", "São Paulo", "Bengaluru", "Tokyo", "Nairobi", "Mexico City", "Jakarta"],
    "term": ["observation", "sync", "field notebook", "taxon", "project"],
    "talk": ["Offline-first sync in Marigold", "Teaching botany with Marigold", "Building your first Marigold plugin",
             "Accessible maps for everyone", "Citizen science at scale", "What volunteers taught us about UX",
             "Translating Marigold into {language}", "Image recognition without the cloud",
             "From first issue to maintainer", "Running a bioblitz with 300 pupils"],
    "mentorstep": ["reviewed the first pull request together", "walked through the sync code",
                   "planned the next good first issue", "paired on a failing test",
                   "talked about the talk proposal", "went over the translation workflow"],
}

COMMIT = {
    "code": ["Fix {bug} in {module}", "Add {feature} to {module}", "Refactor {module}", "Speed up {module} on large projects",
             "Handle {edge} in {module}", "{module}: support {feature}"],
    "test": ["Add tests for {module}", "Fix flaky {module} test", "Cover {edge} in {module} tests"],
    "doc": ["Document {feature}", "Fix typo in {doc}", "Clarify {doc}", "Update {doc} for {version}"],
    "infra": ["CI: cache builds with {tool}", "Deploy tile server with {tool}", "CI: run tests on {os}"],
    "translation": ["Update {language} translation", "Add {language} locale", "Fix plural forms in {language}"],
    "maintenance": ["Bump version to {version}", "Remove deprecated {module} options", "Update changelog for {version}",
                    "Merge branch 'release-{version}'"],
    "blog": ["Blog: what's new in {version}", "Blog: {example} with Marigold", "Blog: meet the {city} team"],
    "content": ["Website: refresh the {page} page", "Update {page} page copy", "Add the {city} team to the community page"],
    "example": ["Example: {example}", "Add {example} example"],
    "tool": ["marigold-cli: add `{cmd}` command", "CLI: {feature} for `{cmd}`"],
    "plugin": ["{plugin} plugin: {feature}", "New plugin: {plugin}"],
    "data": ["Add species checklist for {place}", "Fix taxonomy of {species}", "Update {place} checklist"],
    "platform": ["Debian package: {pkgchange}", "Flatpak: {pkgchange}", "conda-forge recipe: {pkgchange}"],
    "a11y": ["Screen-reader labels in {module}", "Raise contrast on the {page} page", "Keyboard navigation for {module}"],
    "security": ["Validate {input} in {module}", "Escape {input} in {module}", "Rate-limit {module} attempts"],
    "design": ["New icons for {module}", "Redesign the {page} page", "Dark mode palette for {module}"],
}

ISSUE = {
    "bug": ["{module}: {bug} with {edge}", "Crash in {module} on {os}", "{error} when syncing", "{module} ignores {feature}"],
    "ideas": ["Feature request: {feature}", "Support {feature} in {module}"],
    "design": ["Design: rethink the {module} screen", "Mockups for {feature}"],
    "a11y": ["{module} is not usable with a screen reader", "Colour contrast on the {page} page"],
    "security": ["Unescaped {input} in {module}", "Tighten permissions on {module}"],
    "userTesting": ["Usability notes: {module} on {os}", "Field test report: {example}"],
    "projectManagement": ["Tracking: {version} release", "Roadmap: {change}"],
    "data": ["Wrong taxonomy for {species}", "Checklist for {place} is outdated"],
}

TOPIC = {  # forum topics that are not help requests: (category, templates)
    "ideas": ("ideas", ["Proposal: {feature}", "Idea: {feature} for {module}", "Should we consider {change}?"]),
    "tutorial": ("tutorials", ["Tutorial: how to {task}", "Step by step: {example} with Marigold", "Beginner's guide to {module}"]),
    "example": ("show-and-tell", ["Show and tell: {example}", "Our {example} project, with code"]),
    "plugin": ("show-and-tell", ["I wrote a {plugin} plugin", "New plugin: {plugin}"]),
    "tool": ("show-and-tell", ["A small tool to {task}", "Script: bulk {cmd} for big projects"]),
    "video": ("show-and-tell", ["Video: {task} in five minutes", "Screencast: {feature} walkthrough"]),
    "audio": ("show-and-tell", ["Podcast episode: {podcast}", "Audio interview: {podcast}"]),
    "content": ("announcements", ["New on the website: the {page} page", "Newsletter: Marigold {version}"]),
    "blog": ("announcements", ["Blog post: what's new in {version}", "Blog post: {example} with Marigold"]),
    "research": ("research", ["Paper: {research}", "Survey for a study on {research}"]),
    "data": ("research", ["Dataset: observations from {place}", "Open data release for {place}"]),
    "design": ("design", ["Mockups for the new {module}", "Design review: {feature}"]),
    "a11y": ("design", ["Accessibility audit of the {page} page", "Screen-reader testing of {module}"]),
    "userTesting": ("design", ["Usability test results: {module}", "Field test of {feature} on {os}"]),
    "promotion": ("events", ["Marigold at {city} Open Source Days", "Spread the word: Marigold {version} is out"]),
    "eventOrganizing": ("events", ["Call for talks: {city} meetup", "Planning the next summit"]),
    "financial": ("foundation", ["Treasurer's report", "Travel fund: how it was spent"]),
    "fundingFinding": ("foundation", ["Applying for the {grant} grant", "Grant proposal draft: {feature}"]),
    "business": ("foundation", ["Partnership with {org}", "Sponsorship tiers for next year"]),
    "projectManagement": ("foundation", ["Roadmap for {version}", "Release schedule for {version}"]),
}

LIST_THREAD = {
    "ideas": ["[RFC] {change}", "Thoughts on {feature}?"],
    "research": ["[research] {research}"],
    "projectManagement": ["[release] Planning {version}", "[release] {version} freeze next week"],
    "design": ["[design] {module} rework"],
    "security": ["[security] Advisory for {version}"],
    "fundingFinding": ["Grant opportunity: {grant}"],
    "business": ["[board] Partnership with {org}"],
    "financial": ["[board] Budget for the travel fund"],
    "infra": ["[infra] Moving the tile server to {tool}"],
    "code": ["[PATCH] {module}: fix {bug}"],
}

CHAT = {  # chat lines by stream
    "development": ["anyone looked at the {module} failure on main?", "PR for {feature} is up, reviews welcome",
                    "I'm refactoring {module} this week, shout if that collides with your work",
                    "the {os} build is green again", "is {change} still the plan?"],
    "translations": ["finished the {language} strings for {version} 🎉", "what's the best word for '{term}' in {language}?",
                     "{language} is at 100% again"],
    "events": ["the {city} meetup is next week, come along!", "slides from my talk are on the wiki",
               "who's going to the summit?"],
    "design": ["new mockups for {module} in the design folder", "can someone test {feature} with a screen reader?"],
    "general": ["good morning from {city}!", "what are you all working on this week?",
                "just saw Marigold mentioned on a {city} radio show", "we used Marigold for {example} today"],
}

HELP_TITLE = ["How do I {task}?", "{error} after upgrading to {version}", "Can't {task} on {device}",
              "Sync stuck on {device}", "Photos not uploading from {device}", "Is there a way to {task}?"]
HELP_BODY = ["I'm trying to {task} on {device} but get `{error}`.", "Since {version} I see `{error}` on {device}.",
             "I'd like to {task}, but I can't find it in the docs."]
HELP_ASK_PLAIN = ["Any ideas?", "What am I missing?", "Is this a bug?", "Has anyone seen this?"]
HELP_ASK_THANKS = ["Thanks in advance!", "Thanks in advance for any pointers.", "Any help appreciated, thanks!",
                   "Gracias de antemano.", "Danke im Voraus!"]

ANSWER = ["You need to {fix}; see {doc} for details.", "This is a known issue in {version}; to work around it, {fix}.",
          "Try to {fix}, that usually does it.", "That happens when the cache is stale: {fix}, then sync again.",
          "Check the log first. If it shows `{error}`, {fix}."]
SUPPORT = ["Could you share your log?", "Which version are you on?", "Same here on {device}.",
           "I can reproduce this on {device}.", "Does it also happen with a new project?"]
SUPPORT_THANKING_ASKER = ["Thanks for the report! Could you share the full log?", "Thanks for asking, this trips many people up."]
OFFER = ["Want me to open a pull request for that?", "I can walk you through it on a call if you like."]
NO_THANKS = ["No thanks, I'd like to try fixing it myself first!", "No thanks, it's fine for now."]

THANKS = {  # a reply that thanks the helper, by platform; {h} is how the platform mentions them
    "discourse": ["Thanks {h}, that fixed it!", "That worked, thank you {h}!", "{h} thanks a lot, {fix_done}.",
                  "Solved, thx {h} 🙏", "Thank you so much {h}, I'd been stuck on this for days.",
                  "Many thanks {h}! {fix_done}."],
    "zulip": ["{h} thanks, that fixed it!", "that did it, thank you {h}", "thx {h}, {fix_done} 🎉", "{h} you're a star, thanks!"],
    "mbox": ["Thanks {h}, that did the trick.", "Thank you, {h}! {fix_done}.", "Hi {h},\n\nthat worked, many thanks!"],
}
THANKS_LOCAL = {
    "de": "Danke {h}, läuft jetzt!", "es": "¡Gracias {h}! Funcionó.", "pt": "Obrigado {h}, deu certo!",
    "fr": "Merci {h}, ça marche !", "ja": "ありがとうございます {h}、直りました！", "pl": "Dziękuję {h}, działa!",
    "sw": "Asante {h}, imefanya kazi!", "tr": "Teşekkürler {h}, çalıştı!", "id": "Terima kasih {h}, berhasil!",
}
THANKS_BUT = ["Thanks, but that didn't fix it: still `{error}`.", "Thanks {h}, but I'm on {device} and that option isn't there.",
              "thanks, but no luck, same error"]
ANNOUNCE_THANKS = ["Thanks to everyone who came to the {city} meetup! Photos are on the wiki.",
                   "Thanks to all who voted in the logo poll."]
OUT_OF_OFFICE = ["I'll be offline over Thanksgiving, back on Monday."]

REPLY = ["+1, sounds good to me.", "I'd rather keep it simple for now.", "Some thoughts inline below.",
         "How would this work offline?", "Happy to help with the {module} part.", "Could we try it in a plugin first?",
         "This would really help our {example} project."]
REVIEW = {"APPROVED": ["LGTM", "Looks good to me.", "LGTM, thanks!", "Approved, nice work on the tests."],
          "CHANGES_REQUESTED": ["A few suggestions inline.", "Could you add a test for {edge}?", "This breaks {module} on {os}."],
          "COMMENTED": ["Left some comments.", "Not sure about the naming, otherwise fine.", "Did you try it with {edge}?"]}
REVIEW_THANKING_AUTHOR = {"LGTM, thanks!"}
ISSUE_COMMENT = ["Confirmed on {device}.", "This is fixed in {version}.", "Labelled as good first issue.",
                 "I'd like to work on this.", "Closing as a duplicate.", "Still happens on {version}."]
ISSUE_COMMENT_THANKS = ["Thanks for the report! I can reproduce it on {device}.", "Thanks for the detailed report."]
WELCOME = {"discourse": ["Welcome {h}! Glad you found us.", "Welcome to the forum {h}! Good first issues are tagged `good first issue`."],
           "zulip": ["welcome {h}! 👋", "Welcome {h}! Say hi in #introductions and ask anything in #help."]}
MENTORING = ["Check-in with {h}: {mentorstep}.", "Weekly call with {h}: {mentorstep}."]
RELEASE_NOTES = "Highlights: {feature} and a fix for {bug} in {module}. Thanks to all contributors!"


class _Slots(dict):
    def __init__(self, rng: random.Random, fixed: dict):
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        value = self.rng.choice(SLOTS[key])
        if "{" in value:
            value = value.format_map(self)
        self[key] = value
        return value


def fill(rng: random.Random, templates: list[str] | str, **fixed) -> str:
    template = templates if isinstance(templates, str) else rng.choice(templates)
    return template.format_map(_Slots(rng, fixed))


def words(text: str) -> int:
    return len(text.split())
