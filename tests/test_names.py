"""Names found in text, and spellings of one entity joined."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from storydiff.core.facts.names import find_definitions, find_names
from storydiff.core.facts.spellings import group_spellings, is_acronym_of, load_aliases


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


def test_a_kind_of_place_after_its_name_is_the_same_place():
    assert joined("Gaza Strip", "Gaza")
    assert joined("Kherson Oblast", "Kherson region", "Kherson")
    assert not joined("Washington State", "Washington")


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


def test_a_deeply_nested_user_alias_file_does_not_stop_a_comparison(tmp_path):
    config = tmp_path / "config" / "storydiff"
    config.mkdir(parents=True)
    (config / "aliases.json").write_text('{"groups": ' + "[" * 100_000 + "]" * 100_000 + "}")
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("A fire in Leeds killed 4 people on Monday.\n")
    (story / "b.txt").write_text("A fire in Leeds killed 5 people on Monday.\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    run = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(story), "-f", "json"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["articles"]) == 2


def test_alias_groups_take_only_names(tmp_path):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"groups": [[["Daesh"], {"x": 1}, 3], ["Kiev", "Kyiv", 7]]}))
    aliases = load_aliases(str(path))
    assert aliases == (frozenset({"kiev", "kyiv"}),)


# --- letters outside Latin-1, and acronyms the writer defines --------------------------


def test_capitals_of_central_european_alphabets_start_names():
    found = names("Floods reached Śląsk and Ostrava, and the mayor of Gdańsk flew to Łomża.")
    assert {"Śląsk", "Ostrava", "Gdańsk", "Łomża"} <= set(found)


def test_letters_without_a_unicode_base_fold_to_their_plain_spelling():
    assert joined("Białystok", "Bialystok")
    assert joined("Øresund Bridge", "Oresund Bridge")
    assert not joined("Łomża", "Lublin")


def test_a_parenthesised_acronym_defines_the_whole_name_before_it():
    text = ("Officials at the Ministry of Fisheries, Oceans and Coastal Affairs (MFOCA) "
            "closed the bay.")
    found = find_definitions(text)
    assert [(d.name.text, d.acronym.text) for d in found] == [
        ("Ministry of Fisheries, Oceans and Coastal Affairs", "MFOCA")]
    assert "Ministry of Fisheries, Oceans and Coastal Affairs" in names(text)


def test_known_as_defines_an_acronym_in_another_language():
    text = "The Federal Office of Roads, known as ASTRA, shut the tunnel."
    found = find_definitions(text)
    assert [(d.name.text, d.acronym.text) for d in found] == [("Federal Office of Roads", "ASTRA")]
    ids = group_spellings(["Federal Office of Roads", "ASTRA"], aliases=(),
                          defined=[("Federal Office of Roads", "ASTRA")])
    assert ids["ASTRA"] == ids["Federal Office of Roads"]


def test_an_owner_or_a_lone_word_before_brackets_is_no_definition():
    assert [d.name.text for d in find_definitions("Spain's Civil Guard (GC) said")] == [
        "Civil Guard"]
    assert find_definitions("Smith (UK) won the heat.") == []
    assert find_definitions("He joined in 2019 (AP).") == []


def test_an_undefined_acronym_in_another_language_stays_apart():
    assert not joined("Federal Office of Roads", "ASTRA")


def test_one_word_of_a_name_abbreviated_is_the_same_name():
    assert joined("Nordrail IC", "Nordrail Intercity")
    assert not joined("Nordrail IC", "Nordrail Cargo")
    assert not joined("Nordrail IC", "Southrail Intercity")


def test_middle_initials_and_suffixes_belong_to_the_name():
    assert names("Coach Maria T. Okafor said Samuel Reyes Jr. would start.") == [
        "Maria T. Okafor", "Samuel Reyes Jr."]
    assert joined("Maria T. Okafor", "Maria Okafor")


def test_a_person_of_a_place_is_two_names_but_a_body_of_a_place_is_one():
    assert names("Senator Ana Ruiz of Nevada met the Bank of England and the Federal Bureau "
                 "of Investigation.") == ["Ana Ruiz", "Nevada", "Bank of England",
                                          "Federal Bureau of Investigation"]


def test_bodies_named_with_and_or_ampersand_are_one_name():
    assert names("The Food and Drug Administration fined Procter & Gamble; Keefe, Bruyette & "
                 "Woods cut its rating.") == ["Food and Drug Administration", "Procter & Gamble",
                                              "Keefe, Bruyette & Woods"]
    assert names("Britain and France agreed.") == ["Britain", "France"]


def test_hyphenated_place_names_with_capital_parts_stay_whole():
    assert names("The convoy left Stratford-upon-Avon for Mazar-i-Sharif.") == [
        "Stratford-upon-Avon", "Mazar-i-Sharif"]


def test_a_title_word_naming_a_body_is_kept():
    assert names("The Justice Department and the Defense Ministry declined.") == [
        "Justice Department", "Defense Ministry"]


def test_a_surname_two_people_share_joins_neither():
    ids = group_spellings(["Duncan Hunter", "Margaret Hunter", "Hunter"], aliases=())
    assert ids["Duncan Hunter"] != ids["Margaret Hunter"]
    assert ids["Hunter"] not in (ids["Duncan Hunter"], ids["Margaret Hunter"])


def test_a_given_name_or_a_firms_first_word_joins_the_one_name_it_starts():
    assert joined("Uma Thurman", "Uma")
    assert joined("Goldman Sachs", "Goldman")
    assert not joined("Washington Post", "Washington")
    assert not joined("Jesse Smith", "Jesse Brown", "Jesse")


def test_one_vowel_written_another_way_is_one_name():
    from storydiff.core.facts.spellings import group_spellings
    entity = group_spellings(["Penelec", "Penelac", "Hussein", "Hussain", "Germany", "Germans",
                              "Iran", "Iraq"])
    assert entity["Penelec"] == entity["Penelac"]
    assert entity["Hussein"] == entity["Hussain"]
    assert entity["Germany"] != entity["Germans"]  # a consonant, and at the end
    assert entity["Iran"] != entity["Iraq"]  # too short to tell a misspelling from a country


def test_a_business_title_before_a_name_is_not_part_of_it():
    assert [n.text for n in find_names("Chief Executive Officer Lloyd Blankfein was among them.")] \
        == ["Lloyd Blankfein"]
    assert [n.text for n in find_names("Chief Financial Officer Ana Ruiz said so.")] == ["Ana Ruiz"]


def test_us_departments_are_one_name_however_written():
    entity = group_spellings(["Justice Department", "DOJ", "Department of Justice",
                              "State Department", "Department of Defense", "Pentagon"])
    assert entity["Justice Department"] == entity["DOJ"] == entity["Department of Justice"]
    assert entity["Department of Defense"] == entity["Pentagon"]
    assert entity["State Department"] != entity["Justice Department"]


def test_a_newsroom_is_its_network_and_its_site():
    entity = group_spellings(["ABC News", "ABC.net.au", "Sky News", "Sky", "www.nytimes.com",
                              "NBC News"])
    assert entity["ABC News"] == entity["ABC.net.au"]
    assert entity["Sky News"] == entity["Sky"]
    assert entity["ABC News"] != entity["NBC News"]


def test_a_chain_is_named_with_or_without_its_shops():
    assert joined("Build-A-Bear", "Build-A-Bear Workshop")
    assert joined("Wal-Mart", "Wal-Mart Stores Inc.")
    assert not joined("New York", "New York Times")
