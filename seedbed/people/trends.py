"""Which way someone's activity is going, from two counts. Pure.

``recent``: their contributions in the last window; ``before``: in the window before it
(``seedbed.people.relationships.WINDOW_DAYS`` each). Words, not scores: nobody is ranked.
"""
RISING, STEADY, FALLING, STOPPED, QUIET = "rising", "steady", "falling", "stopped", "quiet"
DESCRIPTIONS = {
    RISING: "more active than before",
    STEADY: "about as active as before",
    FALLING: "less active than before",
    STOPPED: "active before, not lately",
    QUIET: "no recent activity",
}


def trend(recent: int, before: int) -> str:
    if recent == 0:
        return STOPPED if before > 0 else QUIET
    if before == 0:
        return RISING if recent >= 2 else STEADY
    if recent >= 2 * before and recent - before >= 2:
        return RISING
    if 2 * recent <= before and before - recent >= 2:
        return FALLING
    return STEADY
