"""The claims layer, ingest side: every statement of a comparable attribute in a document, as a typed claim.

``claims_in`` reads one sentence (``extract`` for the typed attributes, ``legacy`` for state money, financiers,
event years and ages); ``title_years`` reads the years beside italic titles. The model resolves each claim's
subject and compares them (``casebook.model.conflicts``). The words that signal attributes, scopes, awards and
festivals are data: ``lexicon.toml``.
"""

from __future__ import annotations

from casebook.ingest.claims import extract, legacy
from casebook.ingest.claims.legacy import normal_org, title_years
from casebook.ingest.records import Claim
from casebook.ingest.sentences import Sentence

__all__ = ["claims_in", "normal_org", "title_years"]

_NEAR = 120  # characters between words of another work and a value they can be about


def claims_in(sentence: Sentence, context_year: int | None = None) -> list[Claim]:
    """Every claim one sentence makes."""
    label, value, value_at = extract.split_label(sentence.text)
    out = extract.money_claims(sentence, label, value_at)
    out += extract.admissions_claims(sentence, label, value_at)
    out += extract.runtime_claims(sentence, label, value, value_at)
    out += extract.premiere_claims(sentence, label, value, value_at, context_year)
    out += extract.release_claims(sentence, label, value, value_at, context_year)
    out += extract.award_count_claims(sentence, label, value, value_at)
    out += extract.award_name_claims(sentence, label, value, value_at)
    out += extract.shooting_claims(sentence, label, value, value_at)
    out += extract.footage_claims(sentence, label, value, value_at)
    out += extract.crew_claims(sentence, label, value, value_at)
    titles = extract._titles(sentence.text)
    other = [list(m.span()) for m in extract.lexicon().pattern("subjects", "other_work").finditer(sentence.text)]
    for claim in out:
        # words of another work count for a claim when they are near its value (the same clause, more or less)
        at = sentence.text.find(claim["value"])
        near = [span for span in other if at < 0 or abs(span[0] - at) <= _NEAR]
        own = [claim.pop("own_title")] if claim.get("own_title") else []
        claim.update({"titles": titles + own, "other_work": near, "label": label})
    for old in legacy.claims_in(sentence, context_year):
        out.append({"attribute": old["attribute"], "subject": old["subject"], "value": old["value"], "source": old["source"],
                    "typed": {"type": "legacy", "value": old["normalized"]}, "scope": None, "context": sentence.text,
                    "titles": titles, "other_work": other, "label": label})
    return out
