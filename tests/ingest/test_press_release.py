"""The press release read fully: quotes with speakers, people with roles, jury, awards, companies."""

from __future__ import annotations

from casebook.ingest.document import read_document
from casebook.ingest.press_release import extract_press_release
from casebook.ingest.records import Notes


def test_closeness_quotes_and_speakers(closeness):
    quotes = [(q.speaker, q.role, q.source.first_line, q.source.last_line) for q in closeness.press.quotes]
    assert quotes == [
        ("Katya Mtsitouridze", "CEO", 7, 7),
        ("Katya Mtsitouridze", "CEO", 9, 9),
        ("Kantemir Balagov", "director", 16, 20),
        ("Kantemir Balagov", "director", 23, 23),
        ("Darya Zhovner", "actress", 37, 37),
        ("Olga Dragunova", "actress", 42, 44),
        ("Katya Mtsitouridze", "CEO", 47, 47),
    ]
    balagov = closeness.press.quotes[2]
    assert len(balagov.paragraphs) == 3
    assert balagov.paragraphs[0].startswith("I'm really grateful to Katya Mtsitouridze")
    assert balagov.paragraphs[2].endswith("which leads, inevitably, to strife.")
    last = closeness.press.quotes[-1]
    assert last.paragraphs == ["It is, indeed, a film that stays with you, … When I revisited it I saw some scenes from a "
                               "different angle and figured out why they were needed and what context they were put "
                               "in. A movie that stays with you is, by definition, a good one."]


def test_closeness_headline(closeness):
    assert closeness.press.headline.value == 'Kantemir Balagov\'s "Closeness" Enjoys Raves at Cannes'


def test_closeness_people_jury_and_buyer(closeness_dir):
    data = extract_press_release(read_document(closeness_dir / "002_b52015972eff3ee8.txt"), Notes())
    roles = {(p["name"], p["role"]) for p in data["people"]}
    assert {("Darya Zhovner", "actress"), ("Olga Dragunova", "actress"), ("Katya Mtsitouridze", "CEO"),
            ("Alexander Sokurov", "mentor"), ("Uma Thurman", "jury president")} <= roles
    assert [(j["name"], j["source"]) for j in data["jury"]] == [("Uma Thurman", (50, 50))]
    assert [(c["name"], c["role"]) for c in data["companies"]] == [("Wild Bunch", "distributor")]
    assert data["awards"] == []  # "awards will be announced on May 27th": nothing won yet


def test_beanpole_three_ways_of_attributing_quotes(beanpole):
    assert [(q.speaker, q.role) for q in beanpole.press.quotes] == [
        ("Kantemir Balagov", None), ("Alexander Rodnyansky", "producer"), ("Viktoria Miroshnichenko", "actress")]
    assert beanpole.press.quotes[0].paragraphs[0] == "I was never interested in filming the battles,"


def test_beanpole_awards_jury_sales(beanpole_dir):
    data = extract_press_release(read_document(beanpole_dir / "002_4bc8f8a6aaa637fc.txt"), Notes())
    assert [(a["name"], a["year"]) for a in data["awards"]] == [("FIPRESCI Prize", 2017)]
    assert [j["name"] for j in data["jury"]] == ["Nadine Labaki"]
    assert ("Wild Bunch", "sales agent") in {(c["name"], c["role"]) for c in data["companies"]}
    assert data["dateline"]["place"] == "Cannes"
