class ImportFailed(Exception):
    """An import could not run or complete; the message is one line naming what and where."""
