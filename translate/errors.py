"""Errors that carry the file and line a user has to look at."""


class InputError(Exception):
    """Bad input: a missing, empty, binary or malformed file."""

    def __init__(self, path, message, line=None):
        self.path, self.message, self.line = str(path), message, line
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
