"""The class roster: names in any script, delimiters, and every problem of a bad file reported at once with its line."""

from __future__ import annotations

import pytest

from casebook.errors import CaseError
from casebook.roster import read_roster


@pytest.fixture()
def roster(tmp_path):
    def write(content: str | bytes, name: str = "roster.csv"):
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


def _problems(path) -> list[str]:
    with pytest.raises(CaseError) as caught:
        read_roster(path)
    return str(caught.value).splitlines()


def test_names_in_any_script_with_their_slugs(roster):
    path = roster("name,email,id\nZoë Ångström-Núñez,zoe@example.org,s1\nАнна Иванова,anna@example.org,\n"
                  "张伟,zhang.wei@example.cn,s3\n")
    students = read_roster(path)
    assert [(s.name, s.email, s.id, s.slug, s.line) for s in students] == [
        ("Zoë Ångström-Núñez", "zoe@example.org", "s1", "zoe-angstrom-nunez", 2),
        ("Анна Иванова", "anna@example.org", None, "anna-ivanova", 3),
        ("张伟", "zhang.wei@example.cn", "s3", "zhang-wei", 4),
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_bom_header_case_and_order_and_line_ends(roster, delimiter):
    rows = [["E-Mail Ignored", "EMAIL", "Name", "Id"], ["x", "a@example.org", "Ada", "1"], ["", "b@example.org", "Bea", ""]]
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    students = read_roster(roster("\ufeff" + text))
    assert [(s.name, s.email, s.id) for s in students] == [("Ada", "a@example.org", "1"), ("Bea", "b@example.org", None)]


def test_quoted_values_blank_lines_and_spaces(roster):
    path = roster('name,email\n\n"Smith, Jane",  jane@example.org \n"  Lee\n  Min ",lee@example.org\n\n,\n')
    students = read_roster(path)
    assert [(s.name, s.email, s.line) for s in students] == [("Smith, Jane", "jane@example.org", 3),
                                                            ("Lee Min", "lee@example.org", 4)]


def test_colliding_slugs_get_the_id_else_a_number(roster):
    path = roster("name,email,id\nАнна Иванова,a1@example.org,\nAnna Ivanova,a2@example.org,\nanna ivanova,a3@example.org,77\n"
                  "Anna Ivanova 2,a4@example.org,\n")
    assert [s.slug for s in read_roster(path)] == ["anna-ivanova", "anna-ivanova-3", "anna-ivanova-77", "anna-ivanova-2"]
    assert [s.slug for s in read_roster(path)] == ["anna-ivanova", "anna-ivanova-3", "anna-ivanova-77", "anna-ivanova-2"]


def test_every_problem_at_once_with_its_line(roster):
    path = roster("name,email,id\n"
                  "Ada,ada@example.org,1\n"
                  ",nobody@example.org,2\n"
                  "Bea,not-an-address,3\n"
                  "Cy,ADA@Example.org,4\n"
                  "Di,di@example.org,1\n"
                  "Smith, Jane,jane@example.org,7\n"
                  "Eve,\n"
                  "Lee, Min,min@example.org\n")
    assert _problems(path) == [
        f"{path}:3: empty name",
        f"{path}:4: invalid email 'not-an-address': it needs exactly one @ with a name before it and a domain after it",
        f"{path}:5: duplicate email ADA@Example.org (also on line 2)",
        f"{path}:6: duplicate id 1 (also on line 2)",
        f"{path}:7: 4 fields where the header has 3 (put a value that holds a comma in double quotes)",
        f"{path}:8: empty email",
        f"{path}:9: invalid email 'Min': it needs exactly one @ with a name before it and a domain after it "
        "(the address is in another column: put a value that holds a comma in double quotes)",
    ]


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("Ada <ada@example.org>", "it holds a space or one of"),
        ("ada@@example.org", "not a plain address"),
        ("ada@localhost", "the domain 'localhost' is not like example.org"),
        ("adá@example.org", "only ASCII addresses are supported"),
        ("ada@example..org", "is not like example.org"),
    ],
)
def test_invalid_addresses(roster, address, why):
    path = roster(f'name,email\nAda,"{address}"\n')
    [line] = _problems(path)
    assert line.startswith(f"{path}:2: invalid email {address!r}: ") and why in line


def test_missing_column_names_the_header(roster):
    path = roster("\n\nname;mail;id\nAda;ada@example.org;1\n")
    assert _problems(path) == [f"{path}:3: the header has no 'email' column (it has 'name', 'mail', 'id'; "
                               "columns: name, email, optional id)"]
    path = roster("student\nAda\n")
    assert _problems(path) == [f"{path}:1: the header has no 'name' and 'email' columns (it has 'student'; "
                               "columns: name, email, optional id)"]


def test_an_empty_roster(roster):
    for content in ("", "\ufeff", "\n  \n"):
        path = roster(content)
        assert _problems(path) == [f"{path}: roster is empty: expected a header line 'name,email,id' and one line per student"]
    path = roster("name,email\n\n")
    assert _problems(path) == [f"{path}:1: roster is empty: the header has no student lines after it"]


def test_not_utf8_names_the_line_and_the_byte(roster):
    path = roster("name,email\nZoë,zoe@example.org\n".encode() + "Renée,renee@example.org\n".encode("cp1252"))
    assert _problems(path) == [f"{path}:3: not UTF-8: byte 0xe9 at byte 36 of the file (byte 4 of the line); "
                               "save the roster as UTF-8"]


def test_a_missing_roster_or_a_folder(tmp_path):
    assert _problems(tmp_path / "nope.csv") == [f"{tmp_path / 'nope.csv'}: no such roster file"]
    assert _problems(tmp_path) == [f"{tmp_path}: is a folder, not a roster file"]
