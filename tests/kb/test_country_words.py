"""Party words (newsevents/kb/parties.py and KnowledgeBase.party)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.base import KnowledgeBase, default_kb
from newsevents.kb.country_words import PartyWord, load_home_words, load_party_words


def test_party_words_name_parties_of_their_country() -> None:
    kb = default_kb()
    ps = kb.party("fr", "socialistes", "FRA")
    assert ps is not None and ps.actor is not None and ps.actor.org == "PS"
    psoe = kb.party("fr", "socialiste", "ESP")
    assert psoe is not None and psoe.actor is not None and psoe.actor.org == "PSOE"
    assert kb.party("fr", "socialiste", "BEL") is None


def test_capitalised_party_words_need_their_capital() -> None:
    kb = default_kb()
    assert kb.party("en", "Conservative", "GBR") is not None
    assert kb.party("en", "conservative", "GBR") is None


def test_every_bundled_party_word_has_its_party() -> None:
    words = load_party_words()
    assert len(words) >= 40
    kb = default_kb()
    for word in words:
        entry = kb.party(word.lang, word.word, word.country)
        assert entry is not None and entry.actor is not None, word
        assert (entry.actor.country, entry.actor.org) == (word.country, word.org)


def test_a_party_word_of_no_known_party_is_an_error() -> None:
    with pytest.raises(DataError, match="no organisation 'XYZ' of FRA"):
        KnowledgeBase().add_party_words([PartyWord("fr", "xyziste", "FRA", "XYZ", 3)])


def test_bad_rows_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "parties.tsv"
    path.write_text("lang\tword\tcountry\torg\nfr\tsocialiste\tFrance\tPS\n")
    with pytest.raises(DataError, match=r"parties.tsv:2: bad country 'France'"):
        load_party_words(path)


def test_home_words_load_and_count_one_word_each(tmp_path: Path) -> None:
    words = load_home_words()
    assert {(w.lang, w.word, w.country) for w in words} >= {
        ("en", "MPs", "GBR"),
        ("fr", "bourgmestre", "BEL"),
    }
    assert default_kb().home_words["fr"]["wali"] == "DZA"
    path = tmp_path / "home.tsv"
    path.write_text("lang\tword\tcountry\nfr\tconseil fédéral\tCHE\n")
    with pytest.raises(DataError, match=r"home.tsv:2: 'conseil fédéral': one word"):
        load_home_words(path)
