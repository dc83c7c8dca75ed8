"""Export an approved draft: system clipboard, `.eml`, `.txt`, notes JSON and `mailto:` links.

Plain Python (no Textual). Every file write is atomic: a temp file in the same folder, fsync,
then `os.replace`, so a crash never leaves a half-written file.
"""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr
from pathlib import Path
from typing import Any
from urllib.parse import quote

from afterword.fileio import atomic_write
from afterword.models import Draft, Notes


def copy_with_pyperclip(text: str) -> tuple[bool, str]:
    """Copy to the system clipboard. Returns (worked, what happened) and never claims a failed copy."""
    import pyperclip

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException as exc:
        reason = str(exc).split(".")[0] or "no clipboard tool found"
        return False, f"system clipboard not available ({reason}; install xclip, xsel or wl-clipboard)"
    except Exception as exc:  # a clipboard tool that crashes must not take the app with it
        return False, f"system clipboard failed ({exc.__class__.__name__}: {exc})"
    return True, "copied to the system clipboard"


def recipient_email(draft: Draft, notes: Notes) -> str | None:
    """The email of the person the draft is for, when the notes know it."""
    for person in notes.recipients():
        if person.name == draft.recipient:
            return person.email
    return None


def to_email_message(draft: Draft, notes: Notes) -> EmailMessage:
    """The draft as an `EmailMessage` (To when known, From the sender, Subject, UTF-8 body)."""
    msg = EmailMessage()
    to = recipient_email(draft, notes)
    if to:
        msg["To"] = formataddr((draft.recipient, to))
    if notes.sender.email:
        msg["From"] = formataddr((notes.sender.name, notes.sender.email))
    msg["Subject"] = draft.subject
    msg.set_content(draft.body if draft.body.endswith("\n") else draft.body + "\n", charset="utf-8")
    return msg


def write_eml(draft: Draft, notes: Notes, path: str | Path) -> Path:
    """Save the draft as an `.eml` file a mail client can open."""
    return atomic_write(path, to_email_message(draft, notes).as_bytes(policy=SMTP))


def write_txt(draft: Draft, path: str | Path) -> Path:
    """Save the draft as plain UTF-8 text (`Subject:` line, blank line, body)."""
    text = draft.text
    return atomic_write(path, (text if text.endswith("\n") else text + "\n").encode("utf-8"))


def write_notes_json(notes: dict[str, Any], path: str | Path) -> Path:
    """Save notes as pretty UTF-8 JSON."""
    text = json.dumps(notes, ensure_ascii=False, indent=2) + "\n"
    return atomic_write(path, text.encode("utf-8"))


def mailto_url(draft: Draft, notes: Notes) -> str:
    """A `mailto:` link with the recipient (when known), subject and body filled in."""
    to = recipient_email(draft, notes) or ""
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(draft.subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(to, safe='@')}?{query}"


def open_mailto(url: str) -> tuple[bool, str]:
    """Hand a `mailto:` link to the system's mail handler; report honestly when there is none."""
    import webbrowser

    try:
        opened = webbrowser.open(url)
    except webbrowser.Error as exc:
        return False, f"no mail program or browser to open the link ({exc})"
    if not opened:
        return False, "no mail program or browser to open the link; use Save as .eml instead"
    return True, "opened the mailto: link in your mail program"
