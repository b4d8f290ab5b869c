class SeedbedError(Exception):
    """A failure to report to the user as one line naming what and where; the CLI exits non-zero."""
