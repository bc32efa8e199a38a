from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("CASEBOOK_SHARED", ROOT.parent / "shared"))


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/golden/ from what casebook gives now (tests/cases/test_golden.py)")


@pytest.fixture(scope="session")
def closeness_dir() -> Path:
    return SEEDS / "closeness"


@pytest.fixture(scope="session")
def closeness(closeness_dir):
    from casebook.pipeline import load_case

    return load_case(closeness_dir)


@pytest.fixture(scope="session")
def beanpole_dir(tmp_path_factory) -> Path:
    """The second example case, its source documents only (ANSWERS.md is an answer key, not a source)."""
    source = SHARED / "examples" / "beanpole"
    if not source.is_dir():
        pytest.skip(f"../shared/examples/beanpole is not here ({source}); CI always has it")
    folder = tmp_path_factory.mktemp("cases") / "beanpole"
    folder.mkdir()
    for path in source.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def beanpole(beanpole_dir):
    from casebook.pipeline import load_case

    return load_case(beanpole_dir)


def full_deck_theme():
    """The default theme with the reading deck (``--deck full``) instead of the teaching deck."""
    from casebook.theme import default_theme

    theme = default_theme()
    return theme.model_copy(update={"deck": theme.deck.model_copy(update={"style": "full"})})
