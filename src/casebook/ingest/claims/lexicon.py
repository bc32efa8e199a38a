"""The lexicon of the claims layer (``lexicon.toml`` beside this file), loaded once and compiled to patterns."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation: the form in which names are compared."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def words(items: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern for a list of alternatives, each on word boundaries."""
    return re.compile(r"(?<![\w])(?:" + "|".join(items) + r")(?![\w])", flags)


@dataclass(frozen=True)
class Lexicon:
    data: dict[str, Any]
    money: dict[str, re.Pattern[str]]
    other_spend: re.Pattern[str]
    worldwide: re.Pattern[str]
    domestic: re.Pattern[str]
    places: list[tuple[str, re.Pattern[str]]]
    festivals: list[tuple[str, re.Pattern[str]]]
    award_aliases: dict[str, str]

    def pattern(self, *path: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return _pattern(path, flags)

    def place_in(self, text: str) -> list[tuple[int, int, str]]:
        """Every country named in ``text``: (start, end, country), in order, longest names first at one place."""
        found: list[tuple[int, int, str]] = []
        for country, pattern in self.places:
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b, _ in found):
                    found.append((m.start(), m.end(), country))
        return sorted(found)

    def festival_in(self, text: str) -> list[tuple[int, str]]:
        found: list[tuple[int, int, str]] = []
        for name, pattern in self.festivals:
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b, _ in found):
                    found.append((m.start(), m.end(), name))
        return [(a, name) for a, _, name in sorted(found)]

    def award_key(self, name: str) -> str:
        """One award under any of its names: the folded first name of its alias group."""
        key = fold(name)
        key = re.sub(r"^(?:the|a|an|its|le|la)\s+", "", key)
        return self.award_aliases.get(key, key)


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("casebook.ingest.claims").joinpath("lexicon.toml").read_text("utf-8"))
    money = {k: words(data["money"][k]) for k in ("budget", "box_office", "financing")}
    places = [(country, words(names, 0)) for country, names in data["places"].items()]
    places.sort(key=lambda item: -max(len(n) for n in data["places"][item[0]]))
    festivals = [(name, words(names)) for name, names in data["festivals"].items()]
    aliases: dict[str, str] = {}
    for group in data["awards"]["aliases"]:
        for name in group:
            aliases[fold(name)] = fold(group[0])
    return Lexicon(data, money, re.compile(r"\s*(?:[A-Z]{3}\b\s*)?(?:(?:in|on|for|of)\s+(?:the\s+)?)?(?:"
                                           + "|".join(data["money"]["other_spend"]) + ")", re.IGNORECASE),
                   words(data["scope"]["worldwide"]), words(data["scope"]["domestic"]), places, festivals, aliases)


@cache
def _pattern(path: tuple[str, ...], flags: int) -> re.Pattern[str]:
    node: Any = lexicon().data
    for key in path:
        node = node[key]
    return words(node, flags)
