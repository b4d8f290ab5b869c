"""A seeded random source that draws integers with one call to random().

Pure. ``random.Random.randint`` and ``choice`` loop over getrandbits to be exactly
uniform; the demo draws about a million of them, and the bias of ``int(random() * n)``
(below 1e-12 for these sizes) does not matter for made-up data, while the speed does.
"""
import random


class DemoRandom(random.Random):
    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]
