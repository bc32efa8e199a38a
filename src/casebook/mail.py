"""Email packages of the outputs: ``.eml`` drafts (RFC 5322) and delivery through SMTP.

Each message goes to one student of a roster (or, without one, carries the case to whoever the instructor
names): a subject and a short text from templates (``templates/mail/``), and the case study PDF and the deck
attached with their MIME types and file names. Messages are built with Python's ``email`` package
(``email.policy.SMTP``: CRLF line ends, non-ASCII names and subjects as RFC 2047 encoded words, attachments
in base64, the text in 7-bit or quoted-printable), so any mail client opens them and any SMTP server takes them.

Every message is measured against a size budget before any file is written or any message sent; the drafts
are then written like the builds' outputs: to temporary files first, renamed into place together.

With ``SOURCE_DATE_EPOCH`` set, the Date and Message-ID of a message are fixed by it (identical bytes from
identical inputs); otherwise they are the time of packing and a new unique id.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import smtplib
import ssl
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Any

from casebook.errors import CaseError, Problem, user_error
from casebook.messages import error_text
from casebook.roster import email_problem

#: the media type of each output a message carries
MIME_TYPES = {
    ".pdf": ("application", "pdf"),
    ".pptx": ("application", "vnd.openxmlformats-officedocument.presentationml.presentation"),
    ".html": ("text", "html"),
}
#: a message's budget when none is given: 10 MB (10,000,000 bytes) as it goes over the wire
DEFAULT_BUDGET = 10_000_000
#: the environment variables that hold the SMTP credentials (never given on the command line)
USER_VARIABLE = "CASEBOOK_SMTP_USER"
PASSWORD_VARIABLE = "CASEBOOK_SMTP_PASSWORD"
POLICY = policy.SMTP


def sender_address(value: str) -> Address:
    """``Name <someone@example.org>`` or ``someone@example.org`` as an address; a ValueError says what is wrong."""
    name, addr = parseaddr(value)
    why = email_problem(addr) if addr else error_text("email_not_an_address", {})
    if why:
        raise ValueError(error_text("sender_invalid", {"value": value, "reason": why}))
    return Address(display_name=" ".join(name.split()), addr_spec=addr)


def parse_size(value: str) -> int:
    """``10MB``, ``500 kB``, ``2.5M`` or a number of bytes as bytes (1 MB = 1,000,000 bytes)."""
    text = value.strip().upper().replace(" ", "")
    units = {"GB": 10**9, "G": 10**9, "MB": 10**6, "M": 10**6, "KB": 10**3, "K": 10**3, "B": 1, "": 1}
    for unit in sorted(units, key=len, reverse=True):
        if text.endswith(unit):
            number = text[: len(text) - len(unit)]
            try:
                size = float(number) * units[unit]
            except ValueError:
                break
            if size >= 1:
                return int(size)
            break
    raise ValueError(error_text("not_a_size", {"value": value}))


@dataclass(frozen=True)
class Recipient:
    """Who a message is for, as templates see them: a student of the roster or a person named with --to."""

    name: str
    email: str
    id: str | None = None
    slug: str | None = None


@dataclass(frozen=True)
class Letter:
    """Everything one message is made of; :func:`compose` makes the message, as often as it is needed."""

    eml: Path  # where its draft goes
    sender: Address
    to: Address | None  # None: a draft without a recipient, to be addressed in the mail client
    subject: str
    body: str
    attachments: tuple[Path, ...]
    date: str
    message_id: str

    @property
    def envelope_to(self) -> str | None:
        return self.to.addr_spec if self.to is not None else None


def _stamp(sender: Address, *parts: str) -> tuple[str, str]:
    """The Date and Message-ID of a message: fixed by SOURCE_DATE_EPOCH when it is set, else now and unique."""
    domain = sender.domain or "casebook.invalid"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        when = datetime.fromtimestamp(int(epoch), tz=UTC)
        digest = hashlib.sha256("\0".join((epoch, *parts)).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return format_datetime(when), f"<casebook.{digest}@{domain}>"
    return format_datetime(datetime.now(UTC).astimezone()), make_msgid("casebook", domain=domain)


def letter(eml: Path, sender: Address, recipient: Recipient | None, subject: str, body: str,
           attachments: Sequence[Path]) -> Letter:
    """A message to ``recipient`` (a draft to nobody yet when None) with ``attachments``, in this order."""
    to = Address(display_name=" ".join(recipient.name.split()), addr_spec=recipient.email) if recipient else None
    subject = " ".join(subject.split())
    if not subject:
        raise user_error(eml, "mail_subject_empty")
    for path in attachments:
        if path.suffix.lower() not in MIME_TYPES:
            raise ValueError(f"no MIME type for {path.name}")
    date, message_id = _stamp(sender, f"{eml.parent.parent.name}/{eml.name}", to.addr_spec if to else "", subject)
    return Letter(eml, sender, to, subject, body, tuple(attachments), date, message_id)


def compose(letter: Letter, draft: bool = True) -> EmailMessage:
    """The message of ``letter``. A ``draft`` (an ``.eml`` file) is marked unsent, so that mail clients such as
    Outlook open it ready to send; a message for SMTP is not."""
    msg = EmailMessage(policy=POLICY)
    msg["From"] = letter.sender
    if letter.to is not None:
        msg["To"] = letter.to
    msg["Subject"] = letter.subject
    msg["Date"] = letter.date
    msg["Message-ID"] = letter.message_id
    if draft:
        msg["X-Unsent"] = "1"
    body = letter.body.rstrip() + "\n"
    plain = body.isascii() and all(len(line) <= 78 for line in body.splitlines())
    msg.set_content(body, subtype="plain", charset="utf-8", cte=None if plain else "quoted-printable")
    for path in letter.attachments:
        maintype, subtype = MIME_TYPES[path.suffix.lower()]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise user_error(path, "attachment_unreadable", reason=exc.strerror or exc) from None
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    for part in msg.iter_parts():
        del part["MIME-Version"]  # the email package repeats it in each part; RFC 2045 wants it at the top only
    # a boundary of its own, from the Message-ID: a fixed Message-ID gives identical bytes; base64 and
    # quoted-printable lines never hold "=_casebook_"
    msg.set_boundary("=_casebook_" + hashlib.sha256(letter.message_id.encode()).hexdigest()[:32])
    return msg


def message_bytes(letter: Letter, draft: bool = True) -> bytes:
    """The message as it is written to an ``.eml`` file (``draft``) or sent over SMTP."""
    return compose(letter, draft).as_bytes(policy=POLICY)


@dataclass(frozen=True)
class Budget:
    """The sizes of a set of messages against the budget of one message."""

    sizes: tuple[int, ...]
    limit: int

    @property
    def over(self) -> list[int]:
        return [i for i, size in enumerate(self.sizes) if size > self.limit]


@dataclass(frozen=True)
class Spool:
    """Every message of a set made once, each into a file of its own as soon as it is made (so one message at a
    time is in memory): a draft's temporary file beside its place, or a file of a folder for sending."""

    letters: tuple[Letter, ...]
    staged: tuple[tuple[Path, Path], ...]  # (the message's file, the draft's place)
    budget: Budget

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(tmp for tmp, _ in self.staged)

    def discard(self) -> None:
        from casebook.pipeline import discard_all

        discard_all(self.staged)


def spool(letters: Sequence[Letter], limit: int, draft: bool = True, folder: Path | None = None) -> Spool:
    """Make every message once and measure it against ``limit``: drafts beside their places (``folder`` None),
    messages to send into ``folder``. Nothing is in place yet: :func:`write_drafts` or :func:`deliver` follows,
    or :meth:`Spool.discard`."""
    from casebook.pipeline import stage_all

    places = [one.eml if folder is None else folder / f"{index:06d}.eml" for index, one in enumerate(letters)]
    staged = stage_all((place, message_bytes(one, draft)) for place, one in zip(places, letters, strict=True))
    try:
        sizes = tuple(tmp.stat().st_size for tmp, _ in staged)
    except BaseException:
        from casebook.pipeline import discard_all

        discard_all(staged)
        raise
    return Spool(tuple(letters), tuple(staged), Budget(sizes, limit))


class MailText:
    """The wording of the messages and of what ``pack`` and ``send`` print, from ``templates/mail/``.

    Templates run in the same sandboxed environment as all the others (``--templates`` folders first); the
    ``--subject`` template given on the command line runs there too.
    """

    def __init__(self, template_dirs: Sequence[Path] = (), subject: str | None = None) -> None:
        from casebook.wording import environment, template_errors

        self._env = environment(tuple(str(d) for d in template_dirs))
        self._errors = template_errors
        self._subject = None
        if subject is not None:
            with template_errors("--subject"):
                self._subject = self._env.from_string(subject)

    def render(self, name: str, **context: Any) -> str:
        with self._errors(name):
            return self._env.get_template(name).render(**context).strip()

    def subject(self, **context: Any) -> str:
        if self._subject is None:
            return self.render("mail/subject.j2", **context)
        with self._errors("--subject"):
            return self._subject.render(**context).strip()

    def over_budget(self, letters: Sequence[Letter], budget: Budget) -> CaseError:
        """One problem per message over the budget."""
        return CaseError([Problem(None, "worded_elsewhere", {"text": self.render(
            "mail/over_budget.j2", path=letters[i].eml, size=budget.sizes[i], budget=budget.limit)}) for i in budget.over])

    def report(self, budget: Budget) -> str:
        return self.render("mail/report.j2", count=len(budget.sizes), total=sum(budget.sizes),
                           largest=max(budget.sizes, default=0), budget=budget.limit)


def write_drafts(spooled: Spool) -> list[Path]:
    """Rename every draft of ``spooled`` (made by :func:`spool` beside its place) into place, all or none."""
    from casebook.pipeline import commit_all

    commit_all(spooled.staged)
    return [one.eml for one in spooled.letters]


# --- SMTP -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: str = "starttls"  # "starttls", "ssl" (TLS from the first byte) or "none"
    timeout: float = 60.0

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def default_port(security: str) -> int:
    return {"ssl": 465, "starttls": 587}.get(security, 25)


def credentials(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """The SMTP user and password from the environment (``CASEBOOK_SMTP_USER``, ``CASEBOOK_SMTP_PASSWORD``)."""
    environ = os.environ if environ is None else environ
    user, password = environ.get(USER_VARIABLE, ""), environ.get(PASSWORD_VARIABLE, "")
    if not user and not password:
        return None
    if not user or not password:
        missing = USER_VARIABLE if not user else PASSWORD_VARIABLE
        raise user_error("casebook", "smtp_credentials_half", missing=missing, user=USER_VARIABLE,
                         password=PASSWORD_VARIABLE)
    return user, password


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _connect(server: Server, login: tuple[str, str] | None) -> smtplib.SMTP:
    context = ssl.create_default_context()
    where = str(server)
    if login and server.security == "none" and not _loopback(server.host):
        raise user_error(where, "smtp_password_unencrypted")
    try:
        if server.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise user_error(where, "smtp_cannot_connect", reason=_reason(exc)) from None
    try:
        smtp.ehlo()
        if server.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise user_error(where, "smtp_no_starttls")
            smtp.starttls(context=context)
            smtp.ehlo()
        if login:
            smtp.login(*login)
    except smtplib.SMTPAuthenticationError as exc:
        smtp.close()
        raise user_error(where, "smtp_login_refused", user=USER_VARIABLE, reason=_reason(exc)) from None
    except (OSError, smtplib.SMTPException) as exc:
        smtp.close()
        raise user_error(where, "smtp_failed", reason=_reason(exc)) from None
    except BaseException:
        smtp.close()
        raise
    return smtp


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{exc.smtp_code} {' '.join(text.split())}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{addr}: {_reason(smtplib.SMTPResponseException(code, msg))}"
                         for addr, (code, msg) in exc.recipients.items())
    if isinstance(exc, TimeoutError):
        return error_text("smtp_timed_out", {})
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__


def deliver(spooled: Spool, server: Server, on_sent: Callable[[Letter, int, bool], Any],
            login: tuple[str, str] | None = None) -> list[Problem]:
    """Send every message of ``spooled`` (made by :func:`spool`, read back one at a time) through ``server`` over
    one connection; ``on_sent(letter, size, sent)`` sees each one.

    A message the server refuses is a problem and the others still go; a lost connection stops the rest.
    """
    letters = spooled.letters
    problems: list[Problem] = []
    smtp = _connect(server, login)
    try:
        for index, one in enumerate(letters):
            if one.envelope_to is None:
                raise ValueError("a message without a recipient cannot be sent")
            data = spooled.files[index].read_bytes()
            try:
                smtp.sendmail(one.sender.addr_spec, [one.envelope_to], data)
            except smtplib.SMTPServerDisconnected as exc:
                problems.append(Problem(str(server), "smtp_disconnected", {"reason": _reason(exc), "unsent": len(letters) - index,
                                                                      "first": one.envelope_to}))
                for rest in letters[index:]:
                    on_sent(rest, 0, False)
                return problems
            except (smtplib.SMTPException, OSError) as exc:
                problems.append(Problem(str(server), "smtp_not_sent", {"recipient": one.envelope_to, "reason": _reason(exc)}))
                on_sent(one, len(data), False)
                continue
            on_sent(one, len(data), True)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    return problems
