"""Activity kinds and contribution types. Pure: no framework imports.

Contribution types follow the all-contributors emoji key
(https://allcontributors.org/docs/en/emoji-key), spelled in the community's words,
plus the kinds of care a community also needs ("support", "welcoming").
"""

import functools

# kind -> label: what happened on the platform
ACTIVITY_KINDS = {
    "commit": "Commit",
    "co-authored": "Co-authored commit",
    "review": "Review",
    "pull-request": "Pull request",
    "issue": "Issue",
    "comment": "Comment",
    "answer": "Answer",
    "post": "Forum post",
    "topic": "Forum topic",
    "message": "Mailing-list message",
    "chat": "Chat message",
    "talk": "Talk",
    "event-organising": "Event organising",
    "event-attendance": "Event attendance",
    "mentoring": "Mentoring",
    "translation": "Translation",
    "release": "Release",
}

# contribution type -> label: what kind of work it was
CONTRIBUTION_TYPES = {
    "code": "Code",
    "doc": "Documentation",
    "test": "Tests",
    "infra": "Infrastructure",
    "translation": "Translation",
    "review": "Reviewing",
    "bug": "Bug reports",
    "question": "Answering questions",
    "support": "Helping others",
    "ideas": "Ideas and planning",
    "design": "Design",
    "tutorial": "Tutorials",
    "talk": "Talks",
    "eventOrganizing": "Event organising",
    "mentoring": "Mentoring",
    "maintenance": "Maintenance",
    "projectManagement": "Project management",
    "content": "Content",
    "blog": "Blog posts",
    "example": "Examples",
    "tool": "Tools",
    "plugin": "Plugins",
    "data": "Data",
    "a11y": "Accessibility",
    "security": "Security",
    "research": "Research",
    "userTesting": "User testing",
    "promotion": "Promotion",
    "welcoming": "Welcoming newcomers",
    "video": "Videos",
    "audio": "Audio",
    "financial": "Financial",
    "fundingFinding": "Funding finding",
    "business": "Business development",
    "platform": "Packaging",
}

# Order matters: the first rule whose pattern matches a path decides its type.
_TRANSLATION_DIRS = ("locale/", "locales/", "i18n/", "l10n/", "po/", "translations/")
_TRANSLATION_EXT = (".po", ".pot", ".xlf", ".xliff", ".mo")  # not .ts: that is TypeScript too
_DOC_DIRS = ("doc/", "docs/", "documentation/", "man/")
_DOC_EXT = (".md", ".rst", ".txt", ".adoc", ".asciidoc", ".texi", ".tex")
_DOC_NAMES = ("readme", "changelog", "changes", "news", "contributing", "authors", "license", "copying", "history")
_TEST_DIRS = ("test/", "tests/", "testing/", "spec/", "specs/", "__tests__/")
_INFRA_DIRS = (".github/", ".gitlab/", ".circleci/", "ci/", ".ci/", "tools/ci/", "docker/", "deploy/", ".azure-pipelines/")
_INFRA_NAMES = (
    "dockerfile", "makefile", ".travis.yml", "appveyor.yml", "azure-pipelines.yml", "tox.ini", "noxfile.py",
    "setup.py", "setup.cfg", "pyproject.toml", "meson.build", "cmakelists.txt", "jenkinsfile",
    ".gitlab-ci.yml", ".pre-commit-config.yaml", "environment.yml", "requirements.txt",
)


@functools.lru_cache(maxsize=65536)  # histories touch the same few thousand paths again and again
def path_type(path: str) -> str:
    """The contribution type of one changed file, from its path alone."""
    lower = "/" + path.lower().lstrip("/")
    name = lower.rsplit("/", 1)[-1]
    stem = name.split(".", 1)[0]
    if name.endswith(_TRANSLATION_EXT) or (
        any("/" + d in lower for d in _TRANSLATION_DIRS) and not name.endswith((".py", ".c", ".js"))
    ):
        return "translation"
    if any("/" + d in lower for d in _TEST_DIRS) or stem.startswith("test_") or stem.endswith(("_test", "_tests")):
        return "test"
    if any("/" + d in lower or lower.startswith("/" + d) for d in _INFRA_DIRS) or name in _INFRA_NAMES:
        return "infra"
    if any("/" + d in lower for d in _DOC_DIRS) or name.endswith(_DOC_EXT) or stem in _DOC_NAMES:
        return "doc"
    return "code"


def commit_type(changes: list[tuple[str, int, int]]) -> str:
    """The contribution type of a commit: the type that most of its changed lines have.

    ``changes`` holds (path, lines added, lines removed); binary files count as one line.
    A commit without file changes (a merge, an empty commit) is maintenance.
    """
    if not changes:
        return "maintenance"
    weight: dict[str, int] = {}
    for path, added, removed in changes:
        kind = path_type(path)
        weight[kind] = weight.get(kind, 0) + max(1, added + removed)
    # Ties go to the type listed first here, code before the rest.
    order = ["code", "test", "doc", "translation", "infra"]
    return max(weight, key=lambda k: (weight[k], -order.index(k)))
