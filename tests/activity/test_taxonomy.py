import pytest

from seedbed.activity.taxonomy import commit_type, path_type


@pytest.mark.parametrize(
    "path, expected",
    [
        ("src/core.py", "code"),
        ("docs/index.rst", "doc"),
        ("README.md", "doc"),
        ("tests/test_core.py", "test"),
        ("numpy/core/tests/test_api.py", "test"),
        ("src/thing_test.go", "test"),
        ("locale/fr/LC_MESSAGES/app.po", "translation"),
        ("po/de.po", "translation"),
        ("web/app.ts", "code"),
        (".github/workflows/ci.yml", "infra"),
        ("Dockerfile", "infra"),
        ("pyproject.toml", "infra"),
    ],
)
def test_path_type(path, expected):
    assert path_type(path) == expected


def test_commit_type_is_the_type_with_most_changed_lines():
    assert commit_type([("src/a.py", 2, 0), ("docs/a.md", 50, 10)]) == "doc"
    assert commit_type([("src/a.py", 5, 5), ("docs/a.md", 5, 5)]) == "code"  # ties go to code
    assert commit_type([]) == "maintenance"
