"""Names found in text, and spellings of one entity joined."""

from __future__ import annotations

import json

from storydiff.core.names import find_names, group_spellings, is_acronym_of, load_aliases


def names(text: str) -> list[str]:
    return [n.text for n in find_names(text)]


def joined(*spellings: str, aliases=()) -> bool:
    ids = group_spellings(spellings, aliases=tuple(aliases))
    return len({ids[s] for s in spellings}) == 1


def test_capitalised_runs_with_particles_and_connectors():
    found = names("Rescuers reached the Gulf of Aden port after the Bank of England met "
                  "al-Qaeda envoys and Mohamed Shia al-Sudani.")
    assert "Gulf of Aden" in found and "Bank of England" in found
    assert "Mohamed Shia al-Sudani" in found


def test_particles_and_hyphenated_given_names_stay_inside_the_name():
    found = names("Crown Prince Mohammed bin Salman met Kim Jong-un and Iran-backed envoys.")
    assert found == ["Mohammed bin Salman", "Kim Jong-un", "Iran"]
    assert joined("Kim Jong-un", "Kim Jong Un")


def test_titles_and_possessives_cut_names():
    found = names("Interior Minister Jane Okafor visited Lagos's harbour with President Ruto.")
    assert "Jane Okafor" in found and "Lagos" in found and "Ruto" in found
    assert not any("Minister" in n for n in found)


def test_sentence_starters_and_dates_are_not_names():
    assert names("However, the flood receded on Monday in January.") == []


def test_a_lower_case_facility_word_belongs_to_the_name():
    assert names("On Monday, planes were diverted from the Heathrow airport overnight.") == [
        "Heathrow airport"]


def test_transliterations_of_one_place_are_one_entity():
    assert joined("Al-Asad Air Base", "Ain al-Asad", "al-Assad Airbase", "Al Asad airbase")


def test_transliterations_of_one_person_are_one_entity():
    assert joined("Qassem Suleimani", "Soleimani")
    assert joined("Muammar Gaddafi", "Gaddafi")


def test_given_names_spelled_apart_beside_one_surname():
    assert joined("Mohammed bin Salman", "Muhammad bin Salman")
    assert joined("Jon Smith", "John Smith")
    assert not joined("John Smith", "Jane Smith")


def test_a_surname_joins_the_full_name():
    assert joined("Lloyd Austin", "Austin")


def test_different_names_that_share_letters_stay_apart():
    assert not joined("Iran", "Iraq")
    assert not joined("Austria", "Australia")
    assert not joined("Jon Finer", "Jane Okafor")
    assert not joined("South Sudan", "Sudan")


def test_acronyms_join_their_expansions():
    assert is_acronym_of("IRGC", "Islamic Revolutionary Guard Corps")
    assert is_acronym_of("CENTCOM", "Central Command")
    assert is_acronym_of("NATO", "North Atlantic Treaty Organization")
    assert not is_acronym_of("NATO", "National Weather Service")
    assert joined("FEMA", "Federal Emergency Management Agency")
    assert joined("CENTCOM", "US Central Command", "Central Command")


def test_company_forms_and_descriptors_do_not_make_another_entity():
    assert joined("Acme Corp", "Acme Corporation", "Acme Inc.")
    assert names("Incumbent Jon Smith conceded.") == ["Jon Smith"]


def test_a_country_before_an_organisation_does_not_make_it_another():
    assert joined("U.S. Central Command", "Central Command")


def test_the_alias_file_joins_what_no_rule_can(tmp_path):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"groups": [["Daesh", "Islamic State"]]}), encoding="utf-8")
    aliases = load_aliases(str(path))
    assert joined("Daesh", "Islamic State", aliases=aliases)
    assert not joined("Daesh", "Islamic State", aliases=())


def test_the_packaged_alias_file_loads():
    assert any("kyiv" in group and "kiev" in group for group in load_aliases())


def test_a_broken_alias_file_is_ignored(tmp_path):
    path = tmp_path / "aliases.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_aliases(str(path)) == ()
