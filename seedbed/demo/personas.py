"""What kinds of contributor the demo community has, and what each of them tends to do.

Pure data. ``actions`` weigh the actions in seedbed.demo.timeline; ``types`` weigh the
contribution types of the actions that can be of several types (a commit, an issue, a forum
topic, a list thread, a chat line). A person has a main persona and sometimes a second one.
"""

PERSONAS: dict[str, dict[str, dict[str, float]]] = {
    "developer": {
        "actions": {"commit": 40, "pr": 10, "review": 6, "issue": 4, "issue-comment": 9, "co-author": 1.5,
                    "chat-line": 10, "chat-answer": 4, "list-reply": 4, "list-thread": 0.7, "forum-answer": 3,
                    "forum-reply": 2},
        "types": {"code": 60, "test": 18, "infra": 4, "doc": 5, "security": 2, "a11y": 2, "plugin": 3, "tool": 3,
                  "bug": 30, "ideas": 10, "development": 30},
    },
    "maintainer": {
        "actions": {"commit": 22, "pr": 4, "review": 24, "issue-comment": 14, "release": 0.5, "list-reply": 8,
                    "list-thread": 2, "forum-answer": 6, "chat-answer": 6, "chat-line": 10, "forum-welcome": 1.5,
                    "chat-welcome": 1.5, "co-author": 1},
        "types": {"code": 40, "maintenance": 20, "infra": 8, "security": 5, "test": 10, "doc": 5, "platform": 4,
                  "projectManagement": 10, "ideas": 8, "bug": 10, "development": 30},
    },
    "helper": {
        "actions": {"forum-answer": 25, "forum-support": 14, "chat-answer": 20, "chat-support": 9, "list-answer": 8,
                    "forum-welcome": 4, "chat-welcome": 6, "forum-reply": 5, "issue-comment": 5, "chat-line": 5},
        "types": {"general": 20, "development": 10, "bug": 10, "doc": 10},
    },
    "user": {
        "actions": {"forum-question": 30, "chat-question": 24, "list-question": 7, "issue": 10, "forum-reply": 8,
                    "chat-line": 10, "forum-topic": 3, "issue-comment": 6},
        "types": {"bug": 40, "userTesting": 20, "ideas": 15, "general": 30},
    },
    "writer": {
        "actions": {"commit": 30, "pr": 8, "forum-topic": 10, "forum-answer": 8, "chat-line": 6, "review": 3, "forum-reply": 5},
        "types": {"doc": 50, "tutorial": 20, "blog": 10, "content": 10, "example": 10, "video": 3, "audio": 2, "general": 10},
    },
    "translator": {
        "actions": {"translate": 60, "commit": 4, "chat-line": 10, "forum-reply": 4, "forum-question": 3, "chat-answer": 3},
        "types": {"translation": 80, "translations": 30, "doc": 5},
    },
    "organiser": {
        "actions": {"chat-line": 22, "forum-topic": 12, "forum-reply": 10, "list-thread": 2, "list-reply": 5,
                    "chat-welcome": 8, "forum-welcome": 3},
        "types": {"promotion": 30, "eventOrganizing": 20, "content": 8, "financial": 3, "fundingFinding": 3,
                  "business": 3, "events": 30, "general": 20},
    },
    "designer": {
        "actions": {"issue": 15, "pr": 10, "commit": 10, "forum-topic": 15, "forum-reply": 15, "review": 5, "chat-line": 10},
        "types": {"design": 50, "a11y": 25, "userTesting": 15, "content": 8, "design-chat": 30},
    },
    "researcher": {
        "actions": {"commit": 20, "forum-topic": 15, "list-thread": 6, "list-reply": 12, "forum-reply": 10,
                    "chat-line": 8, "forum-answer": 5},
        "types": {"data": 35, "research": 35, "tool": 10, "example": 10, "code": 10, "general": 20},
    },
    "operator": {
        "actions": {"commit": 35, "pr": 10, "review": 8, "issue": 5, "issue-comment": 8, "chat-line": 10,
                    "chat-answer": 5, "list-reply": 4, "list-thread": 1},
        "types": {"infra": 35, "platform": 30, "security": 12, "maintenance": 12, "code": 5, "bug": 10, "development": 30},
    },
    "steward": {
        "actions": {"list-thread": 12, "list-reply": 15, "forum-topic": 15, "forum-reply": 10, "issue-comment": 8,
                    "chat-line": 15, "issue": 4, "chat-welcome": 4},
        "types": {"projectManagement": 30, "financial": 12, "fundingFinding": 15, "business": 15, "promotion": 12,
                  "ideas": 10, "general": 20},
    },
    "plugin-author": {
        "actions": {"commit": 35, "pr": 5, "forum-topic": 10, "forum-answer": 10, "forum-question": 5, "chat-line": 10, "issue": 5},
        "types": {"plugin": 45, "tool": 25, "example": 15, "code": 15, "bug": 10, "development": 20},
    },
}

# How likely each persona is, by how a person's life in the community goes.
BY_LIFECYCLE: dict[str, dict[str, float]] = {
    "core": {"maintainer": 45, "developer": 18, "helper": 8, "organiser": 8, "writer": 5, "operator": 8, "steward": 5,
             "translator": 3},
    "regular": {"developer": 25, "maintainer": 8, "helper": 12, "user": 6, "writer": 9, "translator": 10, "organiser": 7,
                "designer": 5, "researcher": 5, "operator": 5, "plugin-author": 6, "steward": 2},
    "drifted": {"developer": 28, "maintainer": 8, "helper": 12, "user": 6, "writer": 9, "translator": 11, "organiser": 8,
                "designer": 5, "researcher": 4, "operator": 4, "plugin-author": 5},
    "occasional": {"developer": 24, "helper": 6, "user": 25, "writer": 8, "translator": 12, "organiser": 4, "designer": 5,
                   "researcher": 5, "operator": 3, "plugin-author": 8},
    "newcomer": {"developer": 28, "user": 35, "writer": 10, "translator": 12, "designer": 5, "researcher": 4, "plugin-author": 6},
    "driveby": {"developer": 30, "user": 42, "writer": 10, "translator": 10, "designer": 4, "plugin-author": 4},
}

INTERESTS = {
    "developer": ["offline sync", "mobile", "APIs", "performance", "testing"],
    "maintainer": ["architecture", "release engineering", "code review", "mentoring"],
    "helper": ["teaching", "support", "documentation", "welcoming newcomers"],
    "user": ["citizen science", "plant identification", "field work", "birding", "gardening"],
    "writer": ["documentation", "tutorials", "teaching", "video"],
    "translator": ["translation", "localisation", "languages"],
    "organiser": ["events", "local communities", "outreach", "public speaking"],
    "designer": ["design", "accessibility", "UX research", "illustration"],
    "researcher": ["ecology", "data science", "open data", "statistics"],
    "operator": ["infrastructure", "packaging", "security", "self-hosting"],
    "steward": ["governance", "fundraising", "partnerships", "community health"],
    "plugin-author": ["plugins", "GIS", "automation", "APIs"],
}
SKILLS = {
    "developer": ["Python", "Kotlin", "Swift", "TypeScript", "SQL", "Rust"],
    "maintainer": ["Python", "Kotlin", "code review", "release management", "PostgreSQL"],
    "helper": ["troubleshooting", "writing", "patience", "Python"],
    "user": ["botany", "field surveys", "spreadsheets", "photography"],
    "writer": ["technical writing", "Markdown", "Sphinx", "video editing"],
    "translator": ["translation", "proofreading", "terminology"],
    "organiser": ["event planning", "public speaking", "social media", "facilitation"],
    "designer": ["Figma", "UX research", "illustration", "accessibility audits", "CSS"],
    "researcher": ["R", "statistics", "GIS", "Python", "taxonomy"],
    "operator": ["Docker", "Ansible", "Debian packaging", "Nix", "monitoring"],
    "steward": ["fundraising", "budgeting", "facilitation", "writing"],
    "plugin-author": ["Python", "QGIS", "R", "JavaScript"],
}
