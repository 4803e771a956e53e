"""Reading an attribution clause: cue verbs and their subjects, on real news sentences."""

import pytest

from translate.clauses import parse_after, parse_before, parse_sentence


@pytest.mark.parametrize("clause, expected", [
    (" he said.", ("he", "said")),
    (" the Iranian foreign minister, Abbas Araghchi, said in a post on X.",
     ("Abbas Araghchi", "said")),
    (" said one resident, Olena, 62.", ("Olena", "said")),
    (" the article read.", ("the article", "read")),
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


@pytest.mark.parametrize("sentence, phrase, expected", [
    ("Clinton said the plan would work, but Trump called it \"a disaster\" on Monday.",
     "\"a disaster", ("Trump", "called")),
    ("Trump said during a rally that Clinton once described the deal as \"the gold standard\" "
     "of trade deals.", "\"the gold", ("Trump", "said")),
    ("According to Yahoo News, Clinton spokesman Jesse Lehrich said Friday that she would "
     "\"sign this legislation.\"", "\"sign", ("Yahoo News", "according to")),
    ("“You winning?” she said, but Kevin was drifting off again, and as Trump went on about "
     "“how the system is rigged,” Melanie said yes.", "“how", ("Trump", "went on about")),
    ("The spot concludes with footage of Trump saying during the debate last week, “That makes "
     "me smart,” when Clinton blasted him.", "“That", ("Trump", "saying")),
    ("Another critic, Laurence H. Tribe, likened the rules to \"burning the Constitution\" - a "
     "charge that might have stung.", "\"burning", ("Laurence H. Tribe", "likened")),
    ("In an August speech, Trump attacked “the hateful ideology of radical Islam.”", "“the",
     ("Trump", "attacked")),
])
def test_a_partial_quote_takes_the_first_speech_verb_of_its_clause(sentence, phrase, expected):
    assert parse_sentence(sentence, sentence.index(phrase)) == expected


def test_a_described_subject_keeps_its_phrase():
    assert parse_after(" a narrator in the Clinton ad asks. The spot concludes.") == (
        "a narrator in the Clinton ad", "asks")
