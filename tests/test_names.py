"""Names in a mention: the person or organisation, without titles and affiliations."""

import pytest

from translate.names import is_organisation, is_person_name, people_noun, split_mention


@pytest.mark.parametrize("mention, name", [
    ("spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("European Commission president Ursula von der Leyen", "Ursula von der Leyen"),
    ("Massachusetts Sen. Elizabeth Warren", "Elizabeth Warren"),
    ("Secretary of State John F. Kerry", "John F. Kerry"),
    ("Del. Stacey Plaskett of the Virgin Islands", "Stacey Plaskett"),
    ("the Commission on Presidential Debates", "Commission on Presidential Debates"),
    ("Germany’s foreign ministry", None),
    ("NBC’s Dante Chinni", "Dante Chinni"),
])
def test_the_name_in_a_mention(mention, name):
    assert split_mention(mention)[0] == name


def test_an_organisation_word_heads_its_name():
    assert split_mention("South Korean President Park Geun-hye") == ("Park Geun-hye", [
        "South", "Korean", "President"])


def test_an_organisation_name_keeps_its_small_words():
    assert split_mention("the event organizer Alliance to Reclaim Our Schools (AROS)")[0] == \
        "Alliance to Reclaim Our Schools"


@pytest.mark.parametrize("name, person", [
    ("Jill Stein", True), ("Melanie", True), ("Said Ellis", False), ("Even China", False),
    ("Senate Democrats", False), ("Monday Night", False)])
def test_a_person_name_opens_with_a_first_name(name, person):
    assert is_person_name(name) is person


@pytest.mark.parametrize("name, organisation", [
    ("The Washington Post", True), ("Commission on Presidential Debates", True),
    ("Park Geun-hye", False), ("Senate Democrats", False), ("Alliance to Reclaim Our Schools", True)])
def test_an_organisation_word_must_head_the_name(name, organisation):
    assert is_organisation(name) is organisation


@pytest.mark.parametrize("word, people", [
    ("officials", True), ("critics", True), ("women", True), ("lawmakers", True),
    ("family", False), ("officers", True), ("statements", False)])
def test_plural_nouns_for_people(word, people):
    assert people_noun(word) is people
