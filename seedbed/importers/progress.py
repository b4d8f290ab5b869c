"""How importers report progress without knowing who is watching (a terminal bar, a test, nobody)."""
from typing import Protocol


class Progress(Protocol):
    def start(self, total: int | None, unit: str) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def finish(self) -> None: ...


class Silent:
    def start(self, total, unit):
        pass

    def advance(self, n=1):
        pass

    def finish(self):
        pass
