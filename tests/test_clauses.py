"""Reading an attribution clause: cue verbs and their subjects, on real news sentences."""

import pytest

from translate.clauses import parse_after, parse_before


@pytest.mark.parametrize("clause, expected", [
    (" he said.", ("he", "said")),
    (" said spokesman Dmitry Peskov.", ("spokesman Dmitry Peskov", "said")),
    (" the 47-year-old said.", ("the 47-year-old", "said")),
    (" said Debra Steger, a former negotiator.", ("Debra Steger", "said")),
    (" Figueroa told USA Today.", ("Figueroa", "told")),
    (" ― Veronica Cruz", ("Veronica Cruz", "―")),
    (" according to the air force.", ("the air force", "according to")),
    (" Rep. Gwen Moore (D-Wis.) said Friday.", ("Rep. Gwen Moore (D-Wis.)", "said")),
    (" The Kremlin said on Saturday it was preferable.", ("The Kremlin", "said")),
])
def test_attribution_after_a_quote(clause, expected):
    assert parse_after(clause) == expected


@pytest.mark.parametrize("clause", [" The talks stalled.", " and the crowd cheered."])
def test_narration_after_a_quote_is_no_attribution(clause):
    assert parse_after(clause) is None


@pytest.mark.parametrize("clause, expected", [
    ("He says", ("He", "says")),
    ("Dean then appeared on MSNBC, saying", ("Dean", "saying")),
    ("Clinton stressed her support of the raid and said she has the quality", ("Clinton", "said")),
    ("Limbaugh continued", ("Limbaugh", "continued")),
    ("While having a heated debate about the presidential nominees, a friend commented:",
     ("a friend", "commented")),
    ("The spot concludes with footage of Trump saying during the debate last week, ",
     ("Trump", "saying")),
])
def test_attribution_before_a_quote(clause, expected):
    assert parse_before(clause) == expected


def test_a_party_tag_after_a_name_is_an_appositive():
    assert parse_after(" Senate Majority Leader Mitch McConnell, R-Ky., said.") == (
        "Senate Majority Leader Mitch McConnell", "said")


def test_an_organisation_name_runs_across_small_words():
    assert parse_after(" according to the event organizer Alliance to Reclaim Our Schools (AROS).")\
        == ("the event organizer Alliance to Reclaim Our Schools (AROS)", "according to")
