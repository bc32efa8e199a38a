"""``casebook pack`` and ``casebook send``: the outputs as email, drafts to open in a mail client or sent over SMTP.

Both build what they attach first (through the cache, so it costs nothing when it is up to date): with
``--roster``, each student's own copy of the case study and the deck; without, the case's. Then every
message is made and measured against the size budget before any draft is written or any message sent.

Registered on the ``casebook`` group by :mod:`casebook.cli`; heavy libraries are imported
only when a command runs. The messages themselves are made by :mod:`casebook.mail`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from casebook.cli.common import (
    CASE_DIRS,
    DECK,
    FORMAT_CHOICES,
    JOBS,
    OUT,
    QUIET,
    STUDENT_FORMATS,
    TEMPLATES,
    THEME,
    Reporter,
    build_jobs,
    case_folders,
    deck_choice,
    say,
    students_of,
    user_errors,
)
from casebook.errors import CaseError


def _sender(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    from casebook.mail import sender_address

    try:
        return sender_address(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from casebook.mail import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


ROSTER = click.option(
    "--roster", "roster_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="CSV of students (name, email, optional id): a message to each student with their own copy of the case study "
         "and the deck (built into OUT/<slug>/students/<student>/ where not up to date).",
)
FROM = click.option(
    "--from", "sender", required=True, envvar="CASEBOOK_MAIL_FROM", callback=_sender, metavar="ADDRESS",
    help="Who the messages are from: 'Name <someone@example.org>' or an address (or CASEBOOK_MAIL_FROM).",
)
TO = click.option(
    "--to", "to", default=None, callback=_sender, metavar="ADDRESS",
    help="Without --roster: who the one message of each case goes to ('Name <someone@example.org>').",
)
SUBJECT = click.option(
    "--subject", "subject", default=None, metavar="TEMPLATE",
    help="The subject line, a jinja2 template with case, student and sender, e.g. '{{ case.film.title }}: your copy'. "
         "Default: templates/mail/subject.j2.",
)
MAX_SIZE = click.option(
    "--max-size", "budget", default="10MB", show_default=True, callback=_size, metavar="SIZE",
    help="The largest message allowed (10MB, 500KB, bytes; 1 MB = 1,000,000 bytes). Checked for every message "
         "before anything is written or sent.",
)


def _attach(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    """``pdf,pptx,html`` (any of them, in any order) as the formats to attach, each once."""
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    wrong = [part for part in chosen if part not in STUDENT_FORMATS]
    if wrong or not chosen:
        raise click.BadParameter(say("attach", value=repr(value), formats=STUDENT_FORMATS))
    return chosen


ATTACH = click.option(
    "--attach", "attach", default="pdf,pptx", show_default=True, callback=_attach, metavar="FORMATS",
    help="What each message attaches: pdf (the case study), pptx (the deck), html (the HTML edition of the case "
         "study), separated by commas.",
)


def _letters(case_dirs: tuple[Path, ...], roster_file: Path | None, sender: Any, to: Any, subject: str | None,
             out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None, workers: int | None,
             quiet: bool, attach: tuple[str, ...] = ("pdf", "pptx")) -> tuple[list[Any], Any]:
    """Build what the messages attach (through the cache), then make one letter per student, or per case."""
    from casebook import batch, mail

    if roster_file is not None and to is not None:
        raise click.UsageError(say("to_with_roster"))
    text = mail.MailText(template_dirs, subject)  # a broken --subject fails before any build
    students = students_of(roster_file)
    if students:
        from dataclasses import replace

        # a student's full copy that is up to date serves as well as a new one of what is attached
        jobs = [job if batch.cached(job) else replace(job, formats=attach)
                for job in build_jobs(case_dirs, "all", out_dir, template_dirs, theme_file, False, students, own=False)]
    else:
        jobs = []
        for folder in case_folders(case_dirs):  # an up-to-date full build serves as well as a new one
            full = batch.Job(folder, FORMAT_CHOICES["all"], out_dir, tuple(template_dirs), theme_file, deck=deck_choice())
            jobs.append(full if batch.cached(full) else batch.Job(folder, attach, out_dir, tuple(template_dirs),
                                                                      theme_file, deck=deck_choice()))
    with Reporter(len(jobs), quiet) as reporter:
        results = batch.run(jobs, workers or batch.default_workers(), reporter.report)
    problems = list(dict.fromkeys(p for r in results for p in r.problems))
    if problems:
        raise CaseError(problems)

    from casebook.pipeline import load_case, output_names

    by_slug = {s.slug: s for s in students}
    cases: dict[Path, Any] = {}
    letters = []
    for job, result in zip(jobs, results, strict=True):
        if job.folder not in cases:
            cases[job.folder] = load_case(job.folder)
        case = cases[job.folder]
        names = output_names(case)
        attachments = [path for fmt in attach for path in result.outputs if path.name == names[fmt]]
        if len(attachments) != len(attach):
            raise RuntimeError(f"the build of {job.folder} did not give {', '.join(names[f] for f in attach)}")
        student = by_slug.get(job.student or "")
        if student is not None:
            recipient: Any = mail.Recipient(student.name, student.email, student.id, student.slug)
        elif to is not None:
            recipient = mail.Recipient(to.display_name, to.addr_spec)
        else:
            recipient = None
        eml = out_dir / case.slug / "mail" / f"{student.slug if student else case.slug}.eml"
        context = {"case": case, "student": recipient if student else None, "recipient": recipient, "sender": sender,
                   "attachments": [{"filename": p.name, "size": p.stat().st_size} for p in attachments]}
        letters.append(mail.letter(eml, sender, recipient, text.subject(**context), text.render("mail/body.j2", **context),
                                   attachments))
    return letters, text


def _within_budget(letters: list[Any], text: Any, budget: int, draft: bool, quiet: bool, folder: Path | None = None) -> Any:
    """Make every message once and measure it before anything is written or sent: one problem per message over
    ``budget``. The messages wait in files (drafts beside their places, or in ``folder``)."""
    from casebook import mail

    spooled = mail.spool(letters, budget, draft=draft, folder=folder)
    if spooled.budget.over:
        spooled.discard()
        raise text.over_budget(letters, spooled.budget)
    if not quiet:
        click.echo(text.report(spooled.budget), err=True)
    return spooled


def _common(func: Any) -> Any:
    for option in reversed((CASE_DIRS, ROSTER, FROM, TO, SUBJECT, MAX_SIZE, ATTACH, OUT, TEMPLATES, THEME, DECK, JOBS,
                            QUIET)):
        func = option(func)
    return func


@click.command()
@_common
@user_errors
def pack(case_dirs: tuple[Path, ...], roster_file: Path | None, sender: Any, to: Any, subject: str | None, budget: int,
         attach: tuple[str, ...], out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None,
         workers: int | None, quiet: bool) -> None:
    """Write an email draft (.eml) of each student's copies, or of the case: OUT/<slug>/mail/<student>.eml.

    Each draft carries a short text, the case study PDF and the deck, ready to open in a mail client.
    What it attaches is built first where it is not up to date.
    """
    from casebook import mail

    letters, text = _letters(case_dirs, roster_file, sender, to, subject, out_dir, template_dirs, theme_file, workers, quiet,
                             attach)
    spooled = _within_budget(letters, text, budget, draft=True, quiet=quiet)
    for path in mail.write_drafts(spooled):
        if not quiet:
            click.echo(say("wrote", path=path))


@click.command()
@_common
@click.option("--smtp-host", "host", default="localhost", show_default=True, envvar="CASEBOOK_SMTP_HOST",
              help="The SMTP server (or CASEBOOK_SMTP_HOST).")
@click.option("--smtp-port", "port", type=click.IntRange(1, 65535), default=None, envvar="CASEBOOK_SMTP_PORT",
              help="Its port (or CASEBOOK_SMTP_PORT). Default: 587 with STARTTLS, 465 with --ssl, 25 with neither.")
@click.option("--starttls/--no-starttls", default=True, show_default=True,
              help="Upgrade the connection to TLS before logging in and sending.")
@click.option("--ssl", "use_ssl", is_flag=True, help="Speak TLS from the first byte (port 465) instead of STARTTLS.")
@click.option("--dry-run/--no-dry-run", "dry_run", default=True, show_default=True,
              help="Only list what would be sent.")
@click.option("-y", "--yes", is_flag=True, help="Send for real (the same as --no-dry-run).")
@user_errors
def send(case_dirs: tuple[Path, ...], roster_file: Path | None, sender: Any, to: Any, subject: str | None, budget: int,
         attach: tuple[str, ...], out_dir: Path, template_dirs: tuple[Path, ...], theme_file: Path | None,
         workers: int | None, quiet: bool, host: str, port: int | None, starttls: bool, use_ssl: bool, dry_run: bool,
         yes: bool) -> None:
    """Send each student's copies (or the case, with --to) by email through an SMTP server.

    Without --yes this is a dry run: it builds what is needed and lists every message, sending nothing.
    The SMTP login comes from the environment only: CASEBOOK_SMTP_USER and CASEBOOK_SMTP_PASSWORD.
    """
    from casebook import mail

    if yes and dry_run and click.get_current_context().get_parameter_source("dry_run") is ParameterSource.COMMANDLINE:
        raise click.UsageError(say("yes_and_dry_run"))
    if roster_file is None and to is None:
        raise click.UsageError(say("send_needs_recipient"))
    security = "ssl" if use_ssl else "starttls" if starttls else "none"
    server = mail.Server(host, port or mail.default_port(security), security)
    login = mail.credentials()  # a half-set login fails before anything is built
    letters, text = _letters(case_dirs, roster_file, sender, to, subject, out_dir, template_dirs, theme_file, workers, quiet,
                             attach)
    with tempfile.TemporaryDirectory(prefix="casebook-send-") as folder:
        _send(letters, text, budget, quiet, Path(folder), server, login, yes or not dry_run)


def _send(letters: list[Any], text: Any, budget: int, quiet: bool, folder: Path, server: Any, login: Any, live: bool) -> None:
    """Make every message once into ``folder``, then list it (a dry run) or send it."""
    from casebook import mail

    spooled = _within_budget(letters, text, budget, draft=False, quiet=quiet, folder=folder)
    measured = spooled.budget

    def listing(letter: Any, size: int, sent: bool) -> None:
        if live and (quiet or not sent):  # what was not sent is among the problems, with the server's reason
            return
        click.echo(text.render("mail/listing.j2", to=str(letter.to), envelope=letter.envelope_to, subject=letter.subject,
                               attachments=[p.name for p in letter.attachments], size=size, dry_run=not live, sent=sent,
                               server=str(server)))

    if not live:
        for letter, size in zip(letters, measured.sizes, strict=True):
            listing(letter, size, False)
        click.echo(text.render("mail/dry_run.j2", count=len(letters), server=str(server)), err=True)
        return
    problems = mail.deliver(spooled, server, listing, login)
    if problems:
        raise CaseError(problems)


COMMANDS: tuple[click.Command, ...] = (pack, send)
