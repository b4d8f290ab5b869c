from seedbed.core.errors import SeedbedError


class ImportFailed(SeedbedError):
    """An import could not run or complete; the message is one line naming what and where."""
