"""The project's own exceptions: each carries a short user-facing message and a hint."""

from __future__ import annotations


class AfterwordError(Exception):
    """Base error: `message` says what went wrong, `hint` what to do about it."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class InputError(AfterwordError):
    """Bad input from the person (file, field, value): exit code 2."""

    exit_code = 2


class BackendError(AfterwordError):
    """A model backend failed; `partial` keeps whatever text streamed before the failure."""

    def __init__(self, message: str, hint: str = "", partial: str = "") -> None:
        super().__init__(message, hint)
        self.partial = partial


class StoreError(AfterwordError):
    """The local store could not be read or written."""
