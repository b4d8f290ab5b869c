"""The README documents every command and setting there is (and only those)."""
import argparse
import re
from pathlib import Path

from seedbed import settings
from seedbed.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def commands(parser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                has_sub = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
                if has_sub:
                    yield from commands(sub, prefix + (name,))
                else:
                    yield prefix + (name,), sub


def test_every_command_and_option_is_in_the_readme():
    for words, sub in commands(build_parser()):
        line = next((l for l in README.splitlines() if f"`seedbed {' '.join(words)}" in l), None)
        assert line, f"README does not document `seedbed {' '.join(words)}`"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in line, f"README's line for `seedbed {' '.join(words)}` lacks {flag}"


def test_every_setting_is_in_the_readme_and_nothing_else():
    in_code = set(re.findall(r"\b(SEEDBED_[A-Z_]+|DATABASE_URL)\b", Path(settings.__file__).read_text()))
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`(SEEDBED_[A-Z_]+|DATABASE_URL)`", table))
    assert in_code == documented


def test_quick_start_is_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^    (\S.*)$", quick, re.M) == ["./dev demo", "./dev test"]


def test_the_import_mapping_table_matches_the_code():
    from seedbed.importers.mapping import ALL

    table = README.split("### What each import makes of its items", 1)[1].split("\n### ", 1)[0]
    rows = [tuple(c.strip() for c in line.strip().strip("|").split("|")) for line in table.splitlines()
            if line.startswith("| ") and not line.startswith("| import") and not line.startswith("|---")]
    assert rows == [(m.source, m.item, m.kind, m.contribution_type, m.signals) for m in ALL]
