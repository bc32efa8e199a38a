"""Cast and crew of a press kit in the family of credit layouts: each rule with two layouts it must read and one
it must not. The credits are written for these tests (no film of the examples); golden values come from reading them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.ingest.document import read_document
from casebook.ingest.press_kit import extract_press_kit
from casebook.ingest.records import Notes
from tests.conftest import SHARED


def _credits(tmp_path: Path, text: str) -> list[tuple[str, str | None, list[str]]]:
    path = tmp_path / "kit.txt"
    path.write_text("LE LAC\n\nun film de Jeanne Morel\n\nSYNOPSIS\nA lake freezes over.\n\n" + text, encoding="utf-8")
    data = extract_press_kit(read_document(path), Notes())
    return [(c["section"], c["role"], c["names"]) for c in data["credits"]]


def test_french_headings_in_two_languages_and_french_role_words(tmp_path: Path):
    got = _credits(tmp_path, """FICHE ARTISTIQUE / CAST
Odile ........................ Inès Garnier
Le passeur ................... Théo Blanc

FICHE TECHNIQUE / CREW
Réalisation .................. Jeanne Morel
Scénario ..................... Paul Arnaud, Jeanne Morel
Image ........................ Lucie Ferrand
""")
    assert got == [("cast", "Odile", ["Inès Garnier"]), ("cast", "Le passeur", ["Théo Blanc"]),
                   ("crew", "Réalisation", ["Jeanne Morel"]), ("crew", "Scénario", ["Paul Arnaud", "Jeanne Morel"]),
                   ("crew", "Image", ["Lucie Ferrand"])]


def test_one_mixed_list_told_apart_by_role_words(tmp_path: Path):
    got = _credits(tmp_path, """GÉNÉRIQUE
Montage : Claire Dubois
Musique : Hugo Lemaire et Anaïs Roy
Son                    Marc Petit, Léa Simon
Avec ......................... Inès Garnier, Théo Blanc
Sonia ........................ Agathe Roux
Avec le soutien de ........... Fonds Régional du Cinéma
Son ........................... Dolby Digital
""")
    assert got == [
        ("crew", "Montage", ["Claire Dubois"]),  # "Role : Name", a space before the colon
        ("crew", "Musique", ["Hugo Lemaire", "Anaïs Roy"]),  # names joined by "et"
        ("crew", "Son", ["Marc Petit", "Léa Simon"]),  # columns
        ("cast", None, ["Inès Garnier", "Théo Blanc"]),  # "Avec": actors without their characters
        ("cast", "Sonia", ["Agathe Roux"]),  # a character whose name begins like a crew word ("Son")
        ("crew", "Avec le soutien de", ["Fonds Régional du Cinéma"]),  # an organisation is never a character
    ]  # "Son ..... Dolby Digital" is a technical detail, not a credit


def test_people_who_play_themselves(tmp_path: Path):
    got = _credits(tmp_path, """FEATURING
Marta Ilić ................... herself
Goran Ilić ................... himself, Marta's brother
""")
    assert got == [("cast", "herself", ["Marta Ilić"]), ("cast", "himself, Marta's brother", ["Goran Ilić"])]


@pytest.fixture(scope="module")
def amelie():
    source = SHARED / "examples" / "amelie"
    if not source.is_dir():
        pytest.skip(f"../shared/examples/amelie is not here ({source}); CI always has it")
    from casebook.pipeline import load_case

    return load_case(source)


def test_amelie_french_credits_and_people_named_in_passing(amelie):
    people = {p.name: p.roles for p in amelie.people}
    parts = {p.name: p.parts for p in amelie.people}
    # read from the kit's FICHE ARTISTIQUE / CAST and FICHE TECHNIQUE / CREW; a role shown by its kind ("Montage"
    # is the editor's credit), in one casing
    assert (people["Yolande Moreau"], parts["Yolande Moreau"]) == ([], ["Madeleine Wallace"])
    assert people["Hervé Schneid"] == ["editor"]
    assert people["Arne Meerkamp van Embden"] == ["coproducteur"]
    assert people["Jean Umansky"] == ["sound"]
    # the bio headings' "RÉALISATEUR / DIRECTOR" and the crew's "Réalisation" are one credit; so are
    # "PRODUCTRICE / PRODUCER" and "Producer"
    assert people["Jean-Pierre Jeunet"] == ["director", "writer"]
    assert people["Claudie Ossard"] == ["producer"]
    # named only in filmographies ("dir. Tonie Marshall", "co-directed with Marc Caro"): no role in this film
    assert people["Tonie Marshall"] == []
    assert people["Marc Caro"] == []


def test_a_company_is_told_by_its_words_and_its_role_not_by_its_name():
    from casebook.model.people import kind_of

    assert kind_of("Blue Heron", "US Distribution") == "organisation"  # a role that is an activity
    assert kind_of("Kestrel", "co-financier and distributor") == "organisation"  # one word with a company's role
    assert kind_of("NORDLYS", None) == "organisation"  # one word in capitals
    assert kind_of("Jane Roe", "Head of Distribution") == "person"  # a person's title
    assert kind_of("Rufus", "cast: Raphaël") == "person"  # one word, an actor


def test_a_name_given_once_as_a_company_is_a_company_everywhere():
    from casebook.model.people import merge_people

    ref = {"source": "S1", "first_line": 1, "last_line": 1}
    people = merge_people([{"name": "Blue Heron", "role": "Sales Agent", "kind": "person", "source": ref},
                           {"name": "Blue Heron", "role": "International Sales", "kind": "organisation", "source": ref}])
    assert [(p["name"], p["kind"], p["roles"]) for p in people] == [
        ("Blue Heron", "organisation", ["sales agent", "international sales"])]
