"""Email packages: ``casebook pack`` writes .eml drafts, ``casebook send`` delivers them through SMTP.

Every message is parsed back with Python's email parser: recipients, subject, the text, and the attachments
(names, MIME types, and bytes equal to the files that were built). Delivery goes to a local aiosmtpd server.
"""

from __future__ import annotations

import email.policy
import io
import re
import socket
import subprocess
import sys
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from casebook.cli import cli
from tests.course.test_students import STUDENTS, stamp, write_roster

PDF = "application/pdf"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SENDER = "Prof. Ада Lovelace <ada@uni.example.org>"


def run(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def parse(data: bytes):
    return BytesParser(policy=email.policy.default).parsebytes(data)


def text(message) -> str:
    """The plain text of a message, its line ends as Python reads text (the file has CRLF, as RFC 5322 asks)."""
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def attachments(message) -> list[tuple[str, str, bytes]]:
    return [(part.get_filename(), part.get_content_type(), part.get_content()) for part in message.iter_attachments()]


@pytest.fixture(scope="module")
def course(tmp_path_factory, closeness_dir):
    """The seed case with its three students' copies built (pack finds them up to date)."""
    root = tmp_path_factory.mktemp("mail")
    roster = write_roster(root / "roster.csv")
    out = root / "out"
    result = run("build", closeness_dir, "--roster", roster, "--out", out)
    assert result.exit_code == 0, result.output
    return closeness_dir, roster, out


def pack(course, *args: object, env: dict[str, str] | None = None):
    case, roster, out = course
    return run("pack", case, "--roster", roster, "--out", out, "--from", SENDER, *args, env=env)


def test_pack_writes_one_draft_per_student_with_their_copies(course):
    _, _, out = course
    result = pack(course)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("up to date: ") == 3 and "/students/" not in result.stdout  # nothing rebuilt
    assert "3 messages" in result.stderr and "within the budget of 10.0 MB per message" in result.stderr
    mail = out / "closeness" / "mail"
    assert sorted(p.name for p in mail.iterdir()) == sorted(f"{slug}.eml" for *_, slug in STUDENTS)
    for name, address, slug in STUDENTS:
        message = parse((mail / f"{slug}.eml").read_bytes())
        assert message["To"].addresses[0].display_name == name
        assert message["To"].addresses[0].addr_spec == address
        assert (message["From"].addresses[0].display_name, message["From"].addresses[0].addr_spec) == \
            ("Prof. Ада Lovelace", "ada@uni.example.org")
        assert message["Subject"] == "Case study: Closeness (2017): Tight Margins, Wide Aclaim: Valuing the Unwatchable"
        assert parsedate_to_datetime(message["Date"]).tzinfo is not None
        assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith("@uni.example.org>")
        assert message["X-Unsent"] == "1"  # a draft: Outlook opens it ready to send
        assert message.defects == [] and all(part.defects == [] for part in message.walk())
        body = text(message)
        assert body.startswith(f"Dear {name},\n") and "Prof. Ада Lovelace" in body
        copies = out / "closeness" / "students" / slug
        assert attachments(message) == [
            ("closeness-case-study.pdf", PDF, (copies / "closeness-case-study.pdf").read_bytes()),
            ("closeness-deck.pptx", PPTX, (copies / "closeness-deck.pptx").read_bytes()),
        ]
        assert (mail / f"{slug}.eml").read_bytes().isascii()  # 7-bit clean: names and text are encoded
        assert b"\r\n" in (mail / f"{slug}.eml").read_bytes()[:200]


@pytest.mark.parametrize(("name", "slug"), [(name, slug) for name, _, slug in STUDENTS[:2]])
def test_the_attached_copies_carry_the_students_name(course, name, slug):
    _, _, out = course
    assert pack(course).exit_code == 0
    message = parse((out / "closeness" / "mail" / f"{slug}.eml").read_bytes())
    (_, _, pdf), (_, _, deck) = attachments(message)
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert stamp(name) in page.extract_text()
    slides = Presentation(io.BytesIO(deck)).slides
    for slide in slides:
        assert [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.name == "Footer"] == [stamp(name)]


def test_pack_builds_what_is_missing_and_without_a_roster_sends_the_case(tmp_path, closeness_dir):
    out = tmp_path / "out"
    result = run("pack", closeness_dir, "--out", out, "--from", "ada@uni.example.org", "--to", "Class 7B <class-7b@example.org>")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "closeness").iterdir()) == ["closeness-case-study.pdf", "closeness-deck.pptx", "mail"]
    message = parse((out / "closeness" / "mail" / "closeness.eml").read_bytes())
    assert str(message["To"]) == "Class 7B <class-7b@example.org>"
    assert text(message).startswith("Hello,\n")
    assert [(n, t) for n, t, _ in attachments(message)] == [("closeness-case-study.pdf", PDF), ("closeness-deck.pptx", PPTX)]
    assert attachments(message)[0][2] == (out / "closeness" / "closeness-case-study.pdf").read_bytes()
    assert "Prepared for" not in PdfReader(io.BytesIO(attachments(message)[0][2])).pages[0].extract_text()
    # a draft for nobody yet, from a case already built in full: nothing is rebuilt
    assert run("build", closeness_dir, "--out", out).exit_code == 0
    again = run("pack", closeness_dir, "--out", out, "--from", "ada@uni.example.org")
    assert again.exit_code == 0 and f"up to date: {closeness_dir}" in again.output
    assert parse((out / "closeness" / "mail" / "closeness.eml").read_bytes())["To"] is None


def test_the_size_budget_is_checked_before_anything_is_written(course):
    _, _, out = course
    mail = out / "closeness" / "mail"
    assert pack(course).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in mail.iterdir()}
    result = pack(course, "--max-size", "300KB")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    for line, (*_, slug) in zip(lines, STUDENTS, strict=True):
        assert line.startswith(f"{mail / slug}.eml: the message would be ")
        assert line.endswith("over the budget of 300.0 kB per message (raise it with --max-size); nothing was written")
    assert {p.name: p.stat().st_mtime_ns for p in mail.iterdir()} == before
    assert pack(course, "--max-size", "1.5MB").exit_code == 0
    assert pack(course, "--max-size", "lots").exit_code == 2


def test_a_draft_that_cannot_be_written_is_one_line_and_leaves_no_part_files(course, tmp_path):
    case, roster, out = course
    mail = tmp_path / "out" / "closeness" / "mail"
    mail.mkdir(parents=True)
    second = STUDENTS[1][-1]
    (mail / f"{second}.eml").mkdir()  # a folder where the second draft goes: none can be renamed into place
    result = run("pack", case, "--roster", roster, "--out", tmp_path / "out", "--from", SENDER, "--quiet")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line == f"{mail / second}.eml: cannot write: Is a directory", line
    assert sorted(p.name for p in mail.iterdir()) == [f"{second}.eml"]  # not the first draft, no temporary file


def test_a_subject_template_and_fixed_dates_with_source_date_epoch(course):
    _, _, out = course
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    result = pack(course, "--subject", "{{ case.film.title }} for {{ student.name }}", env=env)
    assert result.exit_code == 0, result.output
    path = out / "closeness" / "mail" / "anna-ivanova.eml"
    first = path.read_bytes()
    message = parse(first)
    assert message["Subject"] == "Closeness for Анна Иванова"
    assert parsedate_to_datetime(message["Date"]).timestamp() == 1700000000
    assert pack(course, "--subject", "{{ case.film.title }} for {{ student.name }}", env=env).exit_code == 0
    assert path.read_bytes() == first  # the same inputs give the same bytes
    broken = pack(course, "--subject", "{{ student.nickname }}")
    assert broken.exit_code == 1 and broken.stderr.startswith("--subject: template error:")
    unsafe = pack(course, "--subject", "{{ case.__class__.__mro__ }}")
    assert unsafe.exit_code == 1 and "--subject: template error" in unsafe.stderr


def test_bad_usage(course, closeness_dir, tmp_path):
    assert pack(course, "--to", "x@example.org").exit_code == 2  # --to is for a message without a roster
    assert run("pack", closeness_dir, "--out", tmp_path, "--from", "not an address").exit_code == 2
    assert run("pack", closeness_dir, "--out", tmp_path).exit_code == 2  # --from is required
    assert run("send", closeness_dir, "--out", tmp_path, "--from", "ada@uni.example.org").exit_code == 2  # to whom?
    assert run("send", closeness_dir, "--out", tmp_path, "--from", "ada@uni.example.org", "--to", "b@example.org",
               "--password", "secret").exit_code == 2  # credentials never come from the command line
    assert not any(tmp_path.iterdir())


def test_pack_and_send_help_load_no_renderer():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom casebook.cli import cli\n"
            "for c in ('pack', 'send'):\n    assert CliRunner().invoke(cli, [c, '--help']).exit_code == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'reportlab')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- send: SMTP -------------------------------------------------------------------------------------------


class Inbox:
    """What an aiosmtpd server received: each envelope's sender, recipients and bytes."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def smtp_server():
    """An SMTP server on 127.0.0.1, without TLS; logins as casebook/s3cret only."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    inbox = Inbox()
    logins: list[str] = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"casebook", b"s3cret")
        if ok:
            logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)

    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port(), authenticator=authenticate,
                            auth_require_tls=False)
    controller.start()
    try:
        yield controller, inbox, logins
    finally:
        controller.stop()


def send(course, server, *args: object, env: dict[str, str] | None = None):
    case, roster, out = course
    return run("send", case, "--roster", roster, "--out", out, "--from", SENDER, "--smtp-host", "127.0.0.1",
               "--smtp-port", server.port, "--no-starttls", *args, env=env)


def test_send_is_a_dry_run_by_default(course, smtp_server):
    server, inbox, _ = smtp_server
    result = send(course, server)
    assert result.exit_code == 0, result.output
    listed = [line for line in result.stdout.splitlines() if line.startswith("would send to ")]
    assert len(listed) == 3
    assert listed[1].startswith('would send to Анна Иванова <anna@example.org>: "Case study: Closeness (2017): ')
    assert re.search(r'Valuing the Unwatchable", closeness-case-study\.pdf, closeness-deck\.pptx \(\d{3}\.\d kB\)$', listed[1])
    assert "dry run: nothing was sent; 3 messages would go through 127.0.0.1:" in result.stderr
    assert inbox.envelopes == []


def test_send_delivers_what_pack_drafts(course, smtp_server):
    server, inbox, logins = smtp_server
    _, _, out = course
    result = send(course, server, "--yes", env={"CASEBOOK_SMTP_USER": "casebook", "CASEBOOK_SMTP_PASSWORD": "s3cret"})
    assert result.exit_code == 0, result.output
    assert logins == ["casebook"]
    assert len([line for line in result.stdout.splitlines() if line.startswith("sent to ")]) == 3
    assert [(e.mail_from, e.rcpt_tos) for e in inbox.envelopes] == [("ada@uni.example.org", [address])
                                                                   for _, address, _ in STUDENTS]
    assert pack(course).exit_code == 0
    for envelope, (name, address, slug) in zip(inbox.envelopes, STUDENTS, strict=True):
        arrived = parse(envelope.original_content)
        draft = parse((out / "closeness" / "mail" / f"{slug}.eml").read_bytes())
        assert arrived["To"].addresses[0].display_name == name and arrived["To"].addresses[0].addr_spec == address
        assert arrived["Subject"] == draft["Subject"] and arrived["From"] == draft["From"]
        assert arrived["X-Unsent"] is None
        assert text(arrived) == text(draft) and f"Dear {name}," in text(arrived)
        copies = out / "closeness" / "students" / slug
        assert attachments(arrived) == attachments(draft) == [
            ("closeness-case-study.pdf", PDF, (copies / "closeness-case-study.pdf").read_bytes()),
            ("closeness-deck.pptx", PPTX, (copies / "closeness-deck.pptx").read_bytes()),
        ]


def test_send_refuses_a_wrong_login_a_half_set_login_and_a_missing_server(course, smtp_server):
    server, inbox, _ = smtp_server
    wrong = send(course, server, "--yes", env={"CASEBOOK_SMTP_USER": "casebook", "CASEBOOK_SMTP_PASSWORD": "nope"})
    assert wrong.exit_code == 1
    assert wrong.stderr.strip().splitlines()[-1] == (f"127.0.0.1:{server.port}: the server refused the login of "
                                                     "CASEBOOK_SMTP_USER: 535 5.7.8 Authentication credentials invalid")
    half = send(course, server, "--yes", env={"CASEBOOK_SMTP_USER": "casebook", "CASEBOOK_SMTP_PASSWORD": None})
    assert half.exit_code == 1 and "CASEBOOK_SMTP_PASSWORD is not set" in half.stderr
    case, roster, out = course
    closed = run("send", case, "--roster", roster, "--out", out, "--from", SENDER, "--smtp-host", "127.0.0.1",
                 "--smtp-port", _free_port(), "--yes")
    assert closed.exit_code == 1 and "cannot connect to the SMTP server" in closed.stderr
    no_tls = run("send", case, "--roster", roster, "--out", out, "--from", SENDER, "--smtp-host", "127.0.0.1",
                 "--smtp-port", server.port, "--yes")
    assert no_tls.exit_code == 1 and "the server does not offer STARTTLS" in no_tls.stderr
    assert inbox.envelopes == []
    assert "Traceback" not in wrong.output + half.output + closed.output + no_tls.output


def test_a_refused_recipient_does_not_stop_the_others(course, smtp_server):
    server, inbox, _ = smtp_server

    async def refuse_anna(server_, session, envelope, address, rcpt_options):
        if address.startswith("anna@"):
            return "550 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    inbox.handle_RCPT = refuse_anna
    result = send(course, server, "--yes")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == f"127.0.0.1:{server.port}: anna@example.org: not sent: " \
                                                     "anna@example.org: 550 no such user here"
    assert [e.rcpt_tos for e in inbox.envelopes] == [["zoe@example.org"], ["zhang.wei@example.cn"]]


def test_the_budget_stops_send_before_it_connects(course, smtp_server):
    server, inbox, _ = smtp_server
    result = send(course, server, "--yes", "--max-size", "100KB")
    assert result.exit_code == 1 and result.stderr.count("over the budget of 100.0 kB") == 3
    assert inbox.envelopes == []


def test_pack_and_send_make_each_message_once(course, smtp_server, monkeypatch):
    """A message is made once: measured against the budget from the file it was made into, then renamed into place
    (pack) or read back and sent (send); never made a second time."""
    from casebook import mail

    made = []
    compose = mail.compose

    def counted(letter, draft=True):
        made.append((str(letter.to), draft))
        return compose(letter, draft)

    monkeypatch.setattr(mail, "compose", counted)
    assert pack(course).exit_code == 0
    assert sorted(made) == sorted((f"{name} <{address}>", True) for name, address, _ in STUDENTS)
    made.clear()
    server, inbox, _ = smtp_server
    sent = len(inbox.envelopes)
    result = send(course, server, "--yes", env={"CASEBOOK_SMTP_USER": "casebook", "CASEBOOK_SMTP_PASSWORD": "s3cret"})
    assert result.exit_code == 0, result.output
    assert sorted(made) == sorted((f"{name} <{address}>", False) for name, address, _ in STUDENTS)
    assert len(inbox.envelopes) == sent + 3
    assert all(b"X-Unsent" not in e.original_content for e in inbox.envelopes[sent:])
