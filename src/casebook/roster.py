"""A class roster: one student a line, from a CSV file (``name``, ``email``, optional ``id``).

The file is UTF-8, with or without a byte order mark; its delimiter (comma, semicolon or tab) is read from
the header, whose column names may be in any case and in any order; columns other than these three are
ignored. Every problem of the file is reported at once, one ``path:line: what is wrong`` each.

Each student gets a slug for the folder of their copies (``out/<case>/students/<slug>/``): ASCII letters,
digits and dashes made from the name (``Анна Иванова`` → ``anna-ivanova``). Students whose names make the
same slug are told apart by their id, else by a number in roster order (``anna-ivanova``, ``anna-ivanova-2``).

This module imports nothing heavy.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from casebook.errors import CaseError, Problem, case_error, user_error
from casebook.messages import error_text

#: a roster over this size is refused before it is read (a course of thousands fits in a few hundred KB)
MAX_BYTES = 2_000_000
MAX_NAME = 200
DELIMITERS = (",", ";", "\t")
REQUIRED = ("name", "email")


@dataclass(frozen=True)
class Student:
    name: str  # as it is printed: "Prepared for <name>", the To: line of an email
    email: str
    id: str | None
    slug: str  # the folder of the student's copies and the name of their email draft
    line: int  # where the student stands in the roster (1-based, the header is line 1)


def read_roster(path: Path) -> list[Student]:
    """The students of the roster at ``path``, in its order; a :class:`CaseError` lists every problem."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise case_error(path, "roster_too_large", size=size, limit=MAX_BYTES)
        data = path.read_bytes()
    except IsADirectoryError:
        raise case_error(path, "roster_is_folder") from None
    except FileNotFoundError:
        raise case_error(path, "no_such_roster") from None
    except OSError as exc:
        raise user_error(path, "roster_unreadable", reason=exc.strerror or exc) from None
    return parse_roster(data, path)


def parse_roster(data: bytes, path: Path | str = "roster") -> list[Student]:
    """The students of a roster's bytes (``path`` names it in problems)."""
    text, problems = _decode(data, path)
    if problems:
        raise CaseError(problems)
    lines = io.StringIO(text, newline="").readlines()  # split as the csv module splits: at \n, \r\n or \r
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise case_error(path, "roster_empty")
    delimiter = _delimiter(lines[first])
    reader = csv.reader(io.StringIO("".join(lines[first:]), newline=""), delimiter=delimiter, strict=False)
    header_line = first + 1
    header = [h.strip().lower() for h in next(reader)]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise case_error(path, "roster_columns_missing", header_line, missing=missing, found=[h for h in header if h])
    doubled = sorted({h for h in header if h and header.count(h) > 1})
    if doubled:
        raise case_error(path, "roster_column_twice", header_line, column=doubled[0])
    column = {name: header.index(name) for name in (*REQUIRED, "id") if name in header}

    rows: list[tuple[int, str, str, str | None]] = []
    end = header_line
    for row in reader:
        line, end = end + 1, first + reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            problems.append(Problem(path, "roster_too_many_fields", {"fields": len(row), "columns": len(header),
                                                                     "delimiter": delimiter}, line))
            continue
        cells = [*row, *[""] * (len(header) - len(row))]
        name = _clean_name(cells[column["name"]])
        email = cells[column["email"]].strip()
        ident = cells[column["id"]].strip() if "id" in column else ""
        found = _row_problems(path, line, name, email)
        if found and any(i != column["email"] and not email_problem(cell.strip()) for i, cell in enumerate(cells)):
            found = [Problem(p.path, p.code, {**p.params, "address_elsewhere": delimiter}, p.line) for p in found]
        problems.extend(found)
        rows.append((line, name, email, ident or None))
    if not rows and not problems:
        raise case_error(path, "roster_no_students", header_line)

    seen_email: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    for line, _, email, ident in rows:
        if email:
            first_line = seen_email.setdefault(email.casefold(), line)
            if first_line != line:
                problems.append(Problem(path, "roster_duplicate_email", {"email": email, "first_line": first_line}, line))
        if ident:
            first_line = seen_id.setdefault(ident.casefold(), line)
            if first_line != line:
                problems.append(Problem(path, "roster_duplicate_id", {"id": ident, "first_line": first_line}, line))
    if problems:
        raise CaseError(sorted(problems, key=lambda p: p.line or 0))
    return _with_slugs(rows)


def _decode(data: bytes, path: Path | str) -> tuple[str, list[Problem]]:
    """The text of a UTF-8 roster (a BOM is dropped); each line that is not UTF-8 is a problem naming its byte."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    problems = []
    offset = 0
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            raw[bom if number == 1 else 0:].decode("utf-8")
        except UnicodeDecodeError as exc:
            at = exc.start + (bom if number == 1 else 0)
            problems.append(Problem(path, "roster_not_utf8", {"byte": raw[at], "in_file": offset + at + 1,
                                                              "in_line": at + 1}, number))
        offset += len(raw)
        if len(problems) >= 20:
            problems.append(Problem(path, "roster_not_utf8_more"))
            break
    return "", problems


def _delimiter(header: str) -> str:
    """The delimiter that splits the header into the required columns; else the most frequent one."""
    for delimiter in DELIMITERS:
        cells = [c.strip().lower() for c in next(csv.reader([header], delimiter=delimiter))]
        if all(name in cells for name in REQUIRED):
            return delimiter
    return max(DELIMITERS, key=header.count)


def _clean_name(raw: str) -> str:
    """The name in NFC with its runs of white space (line breaks too) made one space."""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _row_problems(path: Path | str, line: int, name: str, email: str) -> list[Problem]:
    problems = []
    if not name:
        problems.append(Problem(path, "roster_empty_name", {}, line))
    elif len(name) > MAX_NAME:
        problems.append(Problem(path, "roster_name_too_long", {"length": len(name), "limit": MAX_NAME}, line))
    elif any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in name):
        problems.append(Problem(path, "roster_name_control", {"name": name}, line))
    if not email:
        problems.append(Problem(path, "roster_empty_email", {}, line))
    else:
        why = email_problem(email)
        if why:
            problems.append(Problem(path, "roster_invalid_email", {"email": email, "reason": why}, line))
    return problems


def email_problem(address: str) -> str | None:
    """Why ``address`` is not a plain email address (``someone@example.org``), or None when it is one."""
    _, parsed = parseaddr(address)
    if not address.isascii():
        return error_text("email_not_ascii", {})
    if any(ch.isspace() or ord(ch) < 32 or ch in "<>()[],;:\\\"" for ch in address):
        return error_text("email_forbidden_character", {})
    if parsed != address:
        return error_text("email_not_plain", {})
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or "@" in local:
        return error_text("email_not_one_at", {})
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels) or not all(label.replace("-", "").isalnum() for label in labels):
        return error_text("email_domain", {"domain": domain})
    if len(address) > 254:
        return error_text("email_too_long", {"limit": 254})
    return None



def _with_slugs(rows: list[tuple[int, str, str, str | None]]) -> list[Student]:
    """Each student with a slug of their own: a slug two names share gets the id, else a number, added."""
    from casebook.model.builder import safe_slug

    base = [safe_slug(name) for _, name, _, _ in rows]
    shared = {slug for slug in base if base.count(slug) > 1}
    taken: set[str] = set(base) - shared
    students = []
    for (line, name, email, ident), slug in zip(rows, base, strict=True):
        if slug in shared:
            candidates = [f"{slug}-{safe_slug(ident)}"] if ident else []
            candidates += [slug] if not ident else []
            candidates += [f"{slug}-{n}" for n in range(2, len(rows) + 3)]
            slug = next(c for c in candidates if c not in taken)
        taken.add(slug)
        students.append(Student(name, email, ident, slug, line))
    return students
