"""The records ingest hands the model are typed, and the types are real.

* mypy, configured in pyproject.toml (``[tool.mypy]``: every ingest module and the model builder), finds no error;
* it does find one where code reads a record by a key the record does not have, or treats a value that may be
  None as always there (so the check is not vacuous: the records are not ``Any``);
* the records every case folder gives at run time have exactly the keys and value types their TypedDicts
  declare (a static type only says what the code claims; this checks the claim against what it makes).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import types
from pathlib import Path
from typing import Any, Literal, NotRequired, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from casebook.errors import CaseError
from casebook.ingest.business import BusinessRecord
from casebook.ingest.events import Event
from casebook.ingest.folder import SourceRecord, read_folder
from casebook.ingest.ledger import LedgerRecord
from casebook.ingest.press_kit import PressKitRecord
from casebook.ingest.press_release import PressReleaseRecord
from casebook.ingest.records import Claim, Premiere

from .conftest import FIXTURES, ROOT, SEEDS, SHARED

api = pytest.importorskip("mypy.api", reason="mypy is in the test extra: pip install '.[test]'")


def _mypy(*args: str, cache: Path) -> tuple[str, int]:
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(cache), *args])
    return out + err, status


@pytest.mark.slow  # mypy over ingest, a few seconds
def test_ingest_and_the_builder_type_check(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the config's paths are the repository's
    out, status = _mypy(cache=tmp_path)
    assert status == 0, out
    checked = re.search(r"no issues found in (\d+) source files", out)
    assert checked and int(checked[1]) >= len(list((ROOT / "src/casebook/ingest").rglob("*.py"))), out


MISUSE = '''
from casebook.ingest.folder import SourceRecord
from casebook.ingest.press_kit import Bio


def title(record: SourceRecord) -> str:
    return record.business()["titel"]


def surname(bio: Bio) -> str:
    return bio["name"].split()[-1]


def first_line(record: SourceRecord) -> int:
    return record.ledger()["entries"][0]["source"][0] + record.ledger()["entries"][0]["title"]
'''


@pytest.mark.slow  # mypy over ingest, a few seconds
def test_the_check_finds_a_misread_record(tmp_path, monkeypatch):
    """Three mistakes a reader of the records could make: a key the business record does not have, a bio's
    name used as if always given, an entry's title added to its line number."""
    (tmp_path / "misuse.py").write_text(MISUSE, encoding="utf-8")
    monkeypatch.chdir(ROOT)
    out, status = _mypy(str(tmp_path / "misuse.py"), cache=tmp_path / "cache")
    assert status == 1
    assert 'TypedDict "BusinessRecord" has no key "titel"' in out
    assert 'Item "None" of "str | None" has no attribute "split"' in out
    assert 'Unsupported operand types for + ("int" and "str")' in out
    assert out.count("error:") == 3 and "Found 3 errors in 1 file" in out, out


# --- the records at run time against their declared types ---------------------------------------------------


def _problems(value: Any, kind: Any, where: str) -> list[str]:
    """Where ``value`` differs from the type ``kind`` (a TypedDict, a list, a tuple, a union, a plain class)."""
    origin = get_origin(kind)
    if kind is Any or kind is object:
        return []
    if origin in (Union, types.UnionType):
        found = [_problems(value, option, where) for option in get_args(kind)]
        return [] if any(not f for f in found) else min(found, key=len)
    if origin is Literal:
        return [] if value in get_args(kind) else [f"{where}: {value!r} is none of {get_args(kind)}"]
    if is_typeddict(kind):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a {kind.__name__}"]
        hints = get_type_hints(kind)
        missing = _required(kind) - value.keys()
        extra = value.keys() - hints.keys()
        out = [f"{where}: {kind.__name__} lacks {sorted(missing)}"] if missing else []
        out += [f"{where}: {kind.__name__} has no key {sorted(extra)}"] if extra else []
        for key in value.keys() & hints.keys():
            out += _problems(value[key], hints[key], f"{where}.{key}")
        return out
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        (item,) = get_args(kind)
        return [p for i, v in enumerate(value) for p in _problems(v, item, f"{where}[{i}]")]
    if origin is tuple:
        args = get_args(kind)
        if not isinstance(value, tuple) or len(value) != len(args):
            return [f"{where}: {value!r}, not a tuple of {len(args)}"]
        return [p for i, (v, a) in enumerate(zip(value, args, strict=True)) for p in _problems(v, a, f"{where}[{i}]")]
    if origin is dict:
        return [] if isinstance(value, dict) else [f"{where}: {type(value).__name__}, not a dict"]
    if kind is type(None):
        return [] if value is None else [f"{where}: {value!r}, not None"]
    if kind is float:
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{where}: {value!r}, not a float"]
    if kind is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: {value!r}, not an int"]
    return [] if isinstance(value, kind) else [f"{where}: {type(value).__name__}, not a {kind.__name__}"]


def _required(kind: Any) -> set[str]:
    """The keys a TypedDict requires: every key not marked ``NotRequired`` (the records use no ``total=False``).
    Read from the annotations, as ``__required_keys__`` is wrong under ``from __future__ import annotations``
    before Python 3.14."""
    assert kind.__total__, f"{kind.__name__}: mark optional keys NotRequired instead of total=False"
    hints = get_type_hints(kind, include_extras=True)
    return {key for key, hint in hints.items() if get_origin(hint) is not NotRequired}


RECORD_OF = {"business": BusinessRecord, "ledger": LedgerRecord, "press_release": PressReleaseRecord,
             "press_kit": PressKitRecord}


def _case_folders(tmp: Path) -> list[Path]:
    folders = [SEEDS / "closeness"]
    folders += sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    examples = SHARED / "examples"
    for source in sorted(examples.iterdir()) if examples.is_dir() else []:
        if source.is_dir():  # the documents only: ANSWERS.json is an answer key, not a source
            folder = tmp / source.name
            folder.mkdir()
            for path in source.glob("*.txt"):
                shutil.copy(path, folder / path.name)
            folders.append(folder)
    return folders


def _read(folder: Path) -> list[SourceRecord]:
    try:
        return read_folder(folder).sources
    except CaseError:
        return []  # a fixture of bad input


def test_every_record_has_its_declared_shape(tmp_path):
    seen: dict[str, int] = {}
    problems: list[str] = []
    for folder in _case_folders(tmp_path):
        for record in _read(folder):
            where = f"{folder.name}/{record.doc.name}"
            if record.kind in RECORD_OF:
                seen[record.kind] = seen.get(record.kind, 0) + 1
                problems += _problems(record.data, RECORD_OF[record.kind], where)
            problems += _problems(record.claims, list[Claim], f"{where} claims")
            problems += _problems(record.events, list[Event], f"{where} events")
            problems += _problems(record.premieres, list[Premiere], f"{where} premieres")
    assert not problems, "\n".join(problems[:20])
    # the seed alone has one of each kind; the fixtures and examples many more
    assert set(seen) == set(RECORD_OF)
    assert min(seen.values()) >= 1


def test_the_shape_check_sees_a_wrong_record():
    """The runtime check itself: a missing key, a key too many, a value of the wrong type are each found."""
    event = {"kind": "born", "year": 1970, "month": None, "date": None, "text": "Born in 1970.", "prose": True,
             "source": (3, 3)}
    assert _problems(event, Event, "e") == []
    assert _problems({k: v for k, v in event.items() if k != "year"}, Event, "e") == ["e: Event lacks ['year']"]
    assert _problems(event | {"place": "Oslo"}, Event, "e") == ["e: Event has no key ['place']"]
    assert _problems(event | {"date": "1970"}, Event, "e") == ["e.date: str, not a date"]
    assert _problems(event | {"source": (3,)}, Event, "e") == ["e.source: (3,), not a tuple of 2"]
    assert _problems(event | {"month": dt.date(1970, 1, 1)}, Event, "e") == ["e.month: datetime.date(1970, 1, 1), not an int"]


def test_required_keys_are_read_from_the_annotations():
    """The keys the runtime check requires, for three records read by hand."""
    assert _required(Premiere) == {"date", "kind", "source"}  # festival and section only when named
    assert "source" not in _required(LedgerRecord)  # set when the whole ledger has been read
    assert _required(Claim) == {"attribute", "value", "typed", "source"}
