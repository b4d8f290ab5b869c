import os
import shutil
import subprocess
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def requirement_missing(what: str) -> None:
    """Skip with a visible reason on a developer's machine; fail under CI, where nothing may be missing."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {what} is missing", pytrace=False)
    pytest.skip(f"{what} is missing on this machine")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashers are slow on purpose; tests make many users and test no hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def make_repo(tmp_path):
    """Build a real git repository: make_repo() -> GitRepo with commit()."""
    if shutil.which("git") is None:
        requirement_missing("git")

    def make(name: str = "repo", bare: bool = False):
        return GitRepo(tmp_path / name)

    return make


class GitRepo:
    def __init__(self, path: Path):
        self.path = path
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, env: dict | None = None, input: bytes | None = None) -> str:
        full_env = {
            "HOME": str(self.path),
            "GIT_CONFIG_NOSYSTEM": "1",
            "PATH": os.environ["PATH"],
            "GIT_AUTHOR_NAME": "Ada Lovelace",
            "GIT_AUTHOR_EMAIL": "ada@analytical.org",
            "GIT_COMMITTER_NAME": "Ada Lovelace",
            "GIT_COMMITTER_EMAIL": "ada@analytical.org",
            "GIT_AUTHOR_DATE": "2024-01-01T12:00:00Z",
            "GIT_COMMITTER_DATE": "2024-01-01T12:00:00Z",
            **(env or {}),
        }
        out = subprocess.run(["git", "-C", str(self.path), *args], env=full_env, input=input, capture_output=True, check=True)
        return out.stdout.decode("utf-8", "replace").strip()

    def commit(self, message: str, files: dict[str, str] | None = None, **who) -> str:
        """Write files, commit them as ``who`` (author=(name, email), committer=(name, email), date=...)."""
        for rel, text in (files or {}).items():
            target = self.path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            self.git("add", rel)
        env = {}
        if "author" in who:
            env["GIT_AUTHOR_NAME"], env["GIT_AUTHOR_EMAIL"] = who["author"]
        if "committer" in who:
            env["GIT_COMMITTER_NAME"], env["GIT_COMMITTER_EMAIL"] = who["committer"]
        if "date" in who:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = who["date"]
        self.git("commit", "-q", "--allow-empty", "-m", message, env=env)
        return self.git("rev-parse", "HEAD")
