"""Names from many cultures, and the spellings people give themselves on different sites.

Pure. The data lives in names.txt beside this module, so adding a culture needs no code.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Name:
    latin: str
    native: str  # the same name in its own script; equal to ``latin`` for Latin-script names


@dataclass(frozen=True)
class Culture:
    code: str
    weight: float
    region: str
    zones: tuple[tuple[str, float], ...]
    languages: tuple[str, ...]
    family_first: bool
    cities: tuple[str, ...]
    given: dict[str, tuple[Name, ...]]  # "f", "m", "n" -> names
    family: tuple[Name, ...]
    domains: tuple[str, ...]

    @property
    def has_native_script(self) -> bool:
        return any(n.native != n.latin for n in self.family)


@dataclass(frozen=True)
class FullName:
    given: Name
    family: Name
    family_first: bool

    def latin(self, swapped: bool = False) -> str:
        first_family = self.family_first != swapped
        parts = (self.family.latin, self.given.latin) if first_family else (self.given.latin, self.family.latin)
        return " ".join(parts)

    def native(self) -> str:
        if self.family.native == self.family.latin:
            return self.latin()
        # CJK names are written without a space, family name first; others keep their usual order.
        if self.family_first:
            return self.family.native + self.given.native
        return f"{self.given.native} {self.family.native}"


def _names(value: str) -> tuple[Name, ...]:
    out = []
    for item in value.split(","):
        latin, _, native = item.strip().partition("/")
        out.append(Name(latin, native or latin))
    return tuple(out)


def parse(text: str) -> list[Culture]:
    cultures, block, code = [], {}, None

    def close():
        if code is None:
            return
        zones = []
        for zone in block["zones"].split(","):
            name, offset = zone.split()
            zones.append((name, float(offset)))
        cultures.append(
            Culture(
                code=code, weight=float(block["weight"]), region=block["region"], zones=tuple(zones),
                languages=tuple(x.strip() for x in block["languages"].split(",")),
                family_first=block.get("order", "") == "family-first",
                cities=tuple(x.strip() for x in block["cities"].split(",")),
                given={g: _names(block[f"given-{g}"]) for g in "fmn"}, family=_names(block["family"]),
                domains=tuple(x.strip() for x in block["domains"].split(",")),
            )
        )

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            close()
            code, block = line[1:-1], {}
            continue
        key, _, value = line.partition(":")
        block[key.strip()] = value.strip()
    close()
    return cultures


@lru_cache(maxsize=1)
def cultures() -> tuple[Culture, ...]:
    return tuple(parse(files("seedbed.demo").joinpath("names.txt").read_text(encoding="utf-8")))


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "œ": "oe"})


def ascii_fold(text: str) -> str:
    """'José Núñez' -> 'Jose Nunez': how many people spell their name where accents once broke things."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    folded = ascii_fold(text).lower()
    return "".join(c for c in folded if c.isalnum())


def handle(rng: random.Random, name: FullName) -> str:
    """A username in one of the styles people pick on forums and code hosts."""
    given, family = slug(name.given.latin), slug(name.family.latin)
    style = rng.randrange(8)
    if style == 0:
        return f"{given}{family}"
    if style == 1:
        return f"{given[0]}{family}"
    if style == 2:
        return f"{given}.{family}"
    if style == 3:
        return f"{given}_{family[0]}"
    if style == 4:
        return f"{given}{rng.randint(1, 99)}"
    if style == 5:
        return f"{family}{given[0]}"
    if style == 6:
        return f"{given}-{family}"
    return f"{given[:3]}{family[:3]}{rng.choice(['', 'x', 'dev', 'codes', '42'])}"


def email_local(rng: random.Random, name: FullName) -> str:
    given, family = slug(name.given.latin), slug(name.family.latin)
    return rng.choice([f"{given}.{family}", f"{given}{family}", f"{given[0]}.{family}", f"{given}", f"{family}.{given}"])
