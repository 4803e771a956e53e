"""Who said it: the sample exactly, and each attribution rule on real news sentences."""

from tests.conftest import SEED
from translate.segment import segment, segment_file

SAMPLE = [
    # speaker, mention, cue, gender, partial
    ("Zelenskyy", "Zelenskyy", "said", "m", False),
    ("Tymur", "he", "said", "m", False),
    ("The Kremlin", "The Kremlin", "said", None, True),
    ("Dmitry Peskov", "spokesman Dmitry Peskov", "said", "m", False),
    ("Zelenskyy", "he", "said", "m", False),
    ("Germany’s foreign ministry", "Germany’s foreign ministry", "said", None, True),
    ("Germany’s foreign ministry", "the ministry", "said", None, False),
    ("Yuliia Golovnina", "the 47-year-old", "said", "f", False),
    ("Yuliia Golovnina", "she", "added", "f", False),
    ("Ursula von der Leyen", "European Commission president Ursula von der Leyen", "said", "f", True),
]


def test_sample_quotes_are_all_exact():
    quotes = segment_file(SEED).quotes
    assert [(q.speaker, q.mention, q.cue, q.gender, q.partial) for q in quotes] == SAMPLE


def article(*paragraphs):
    return segment("\n\n".join(paragraphs) + "\n")


def speakers(*paragraphs):
    return [(q.speaker, q.gender) for q in article(*paragraphs).quotes]


def test_pronoun_takes_the_latest_speaker_of_its_gender():
    assert speakers(
        "Jill Stein arrived at Hofstra University on Monday with her press secretary.",
        "Stein spokeswoman Melezia Figueroa said the candidate was headed to interviews, "
        "and Donald Trump was not there.",
        "“We were there under legitimate pretenses,” she said.") == [("Melezia Figueroa", "f")]


def test_a_description_takes_the_entity_it_names():
    assert speakers(
        "Germany’s foreign ministry meanwhile said the timing of the attack mattered, "
        "and Poland agreed.",
        "“Ukraine needs more to defend itself, not less,” the ministry said on social media."
    ) == [("Germany’s foreign ministry", None)]


def test_i_and_we_inside_a_quote_are_never_the_speaker():
    assert speakers(
        "Yuliia Golovnina, who said she sheltered at the metro regularly, described the "
        "worry, with a comma.",
        "“We hide here and I wait,” she said.") == [("Yuliia Golovnina", "f")]


def test_a_quote_with_no_attribution_anywhere_has_no_speaker():
    assert speakers("The war went on, with a comma, for a long time afterwards.",
                    "“Nothing like this had ever happened before.”",
                    "The end of the story, with a comma.") == [(None, None)]


def test_gender_from_a_title():
    assert speakers("“The talks have stalled,” said spokeswoman Maria Zakharova, with a "
                    "comma.", "More news, with a comma.", "End, with a comma.")[0][1] == "f"


def test_gender_is_null_where_the_text_does_not_tell():
    assert speakers("“The talks have stalled,” Figueroa said, with a comma.",
                    "More news, with a comma.", "End, with a comma.") == [("Figueroa", None)]


def test_a_nickname_in_quotes_inside_the_attribution():
    assert speakers(
        '"This is a big year for our potential United States senator, Bobby Scott!" '
        'Scott\'s niece, state Del. Marcia "Cia" Price (D-Newport News), shouted to the crowd.',
        "More, with a comma.", "End, with a comma.")[0][0] == "Scott's niece"


def test_a_long_opening_phrase_before_the_subject():
    assert speakers(
        "With Democratic leaders increasingly worried about a lack of passion for Hillary "
        "Clinton among young black voters, President Obama is rolling out a new and more "
        "personal campaign message: \"It's about me.\"",
        "The president told African-Americans this weekend he would consider it a "
        "\"personal insult\" if they did not vote for Mrs. Clinton.") == [
        ("Obama", None), ("Obama", None)]


def test_a_full_name_subject_takes_she_and_a_possessor_does_not():
    assert speakers(
        "Aung San Suu Kyi visited the White House on Wednesday as Burma's de facto leader.",
        "But unlike in Cuba or Iran, President Obama's decision to jump-start relations "
        "received critical support from Republican leaders.",
        "She will visit Capitol Hill on Thursday.",
        "\"It is the right thing to do,\" Obama said. He called Burma a \"good news story in "
        "an era when so often we see countries going the opposite direction.\"") == [
        ("Obama", "m"), ("Obama", "m")]


def test_an_adverb_and_comma_before_the_subject():
    assert speakers(
        "Phil Smith, a spokesman for the United Mine Workers of America, said the union "
        "expected production to improve.",
        "Ultimately, Mr. Clarke hopes to offset all of the expected emissions. But right now, "
        "he is offsetting only 10 percent. \"It's all I can afford,\" he said.")[0][0] == "Clarke"


def test_they_takes_a_group_not_one_person():
    assert speakers(
        "Mr. Stenger announced in a statement this month that he had reached a settlement.",
        "Critics of the EB-5 program, like Senators Charles E. Grassley, Republican of Iowa, "
        "see reauthorization of the program as an opportunity to fix problems.",
        "\"The program has become plagued by fraud and abuse,\" they wrote.") == [
        ("Critics", None)]


def test_a_participle_phrase_after_the_subject():
    assert speakers(
        "Protesters marching through the streets chanted \"What curfew?\" and kept going "
        "until nearly 2 a.m. Friday.")[0][0] == "Protesters"


def test_a_quoted_phrase_can_end_its_sentence():
    a = article("South Korea accused the North's leader, Kim Jong Un, of \"fanatic "
                "recklessness.\" South Korean President Park Geun-hye said Kim's mental state "
                "is \"spiraling out of control.\"")
    assert [p.text[:11] for p in a.pieces if p.kind == "sentence"] == ["South Korea", "South Korea"]
    assert [q.speaker for q in a.quotes] == ["South Korea", "Park Geun-hye"]


def test_naming_verbs_and_the_passive():
    assert speakers(
        "Japan branded North Korea an \"outlaw nation in the neighborhood.\" A majority of "
        "Democratic statements were rated \"mostly true\" by the site.") == [("Japan", None)]


def test_who_after_an_appositive_and_a_time():
    assert speakers(
        "Obama has had a frosty relationship with McConnell, now the Senate majority leader, "
        "who in 2010 said the GOP's most important goal was to make Obama a \"one-term "
        "president.\"") == [("McConnell", None)]


def test_a_source_introduced_with_a_description_takes_he():
    assert speakers(
        "Clinton campaign faces a problem with black voters",
        "Bryan Anderson largely agreed with McLenny and seemed to think the outreach was phony.",
        "“A lot of her attempts to reach out come across as pandering,” he said.",
        "While Obama had a wide array of black artists writing songs about him, that has not "
        "been happening for Clinton, which is something that concerns Henry Crespo, president "
        "of the Miami-based Florida Democratic Black Caucus.",
        "“No one is writing songs for Hillary,” he said.") == [
        ("Bryan Anderson", "m"), ("Henry Crespo", "m")]


def test_a_quoted_excerpt_of_reporting_introduces_its_people():
    assert speakers(
        "The Post sent its reporter Stephanie McCrummen into a living room in Pennsylvania.",
        "\"Melanie thought the whole thing was outrageous. She wasn’t a person with homicidal "
        "ideation. She was anxious, sure. Enraged, definitely. But certainly not homicidal, and "
        "certainly not in need of a hospital stay.\"",
        "“Here comes Big Daddy,” she said, clapping.")[-1] == ("Melanie", "f")


def test_a_noun_after_a_preposition_is_no_subject():
    assert speakers(
        "In a Facebook message posted Friday, Cruz said he has had \"areas of significant "
        "disagreement\" with Trump.",
        "Following a swiftly called, late-afternoon meeting, the Security Council issued a "
        "statement calling the test \"a clear violation.\"") == [
        ("Cruz", "m"), ("Security Council", None)]


def test_a_quote_after_a_sentence_speaks_for_its_subject():
    assert speakers(
        "On \"Face the Nation,\" Sen. Bernie Sanders (Vt.), who lost the Democratic primaries "
        "to Clinton, identified young voters' exhaustion with bigotry as one of the reasons. "
        "\"The younger people are sick and tired of discrimination and racism.\"",
        "His former business partner at Lenox, Lawrence B. Cummings, called him a master at "
        "bolting together business transactions. \"He showed again and again an ability to "
        "put together deals that other people couldn't.\"") == [
        ("Bernie Sanders", None), ("Lawrence B. Cummings", "m")]


def test_a_participle_in_an_opening_phrase_speaks_for_the_main_subject():
    assert speakers(
        "Hillary Clinton wrote about it after she left the White House.",
        "After saying her right foot was “so swollen I could barely get my shoe on,” she was "
        "“whisked … off to Bethesda Naval Hospital” for tests.")[0] == ("Hillary Clinton", "f")


def test_descriptions_resolve_by_their_head_noun():
    assert speakers(
        "Ivanka Trump, the Republican presidential nominee's eldest daughter, noted the rule "
        "in the interview last week.",
        "When pressed on why the plan leaves out dads, the 34-year-old mother of three "
        "replied, \"It's meant to benefit the mother who has given birth.\"",
        "The nonpartisan Commission on Presidential Debates says there was a problem with "
        "the microphone.",
        "The commission says on its website that \"there were issues regarding the audio.\"") == [
        ("Ivanka Trump", "f"), ("Commission on Presidential Debates", None)]


def test_it_takes_an_organisation_named_by_a_possessive():
    assert speakers(
        "Donald Trump’s campaign is defending his early-morning tweets. It’s denouncing what "
        "it calls “the single-biggest coordinated media attack in history.”")[0][0] == \
        "Donald Trump’s campaign"


def test_a_verb_shares_a_described_subject():
    assert speakers(
        "Donald Trump spoke in Virginia on Monday.",
        "The Republican nominee also outlined his cybersecurity plan and vowed to harshly "
        "punish “those who violate classification rules.”")[0][0] == "Donald Trump"


def test_a_cue_verb_ends_a_described_subject():
    assert speakers(
        "Bill Clinton calls Obamacare ‘crazy system’ during campaign stop",
        "Former President Bill Clinton criticized the Affordable Care Act during a stop in "
        "Flint for his wife Hillary Clinton.",
        "During the rally Monday, the former president said Obamacare is causing premiums "
        "to rise.",
        "“It’s the craziest thing in the world,” he said.") == [("Bill Clinton", "m")]


def test_an_inverted_cue_and_a_relative_after_a_dash_make_speakers():
    assert speakers(
        "New poll shows minor post-debate bump",
        "However debates are not likely to alter the campaign, noted NBC’s Dante Chinni.",
        "“Remember debates happen late — very late — in the campaign,” he wrote.",
        "Trump would expand the standard deduction, said Lily Batchelder, a former aide.",
        "It’s become a major issue in the campaign, with Hillary Clinton — who’s called for big "
        "tax hikes on the rich — lambasting Trump’s plan.",
        "“The kind of plan that Donald has put forth would be trickle-down economics,” she "
        "said.") == [("Dante Chinni", "m"), ("Hillary Clinton", "f")]


def test_an_adverb_a_kicker_and_a_possessor_before_the_subject():
    assert speakers(
        "In a panel discussion in Washington, Marc H. Morial, the chief executive of the "
        "National Urban League, forcefully told a young woman who suggested that some people "
        "may not vote that \"this is not the first generation to be frustrated.\"",
        "CONGRESS HAS INVESTIGATED HIM — Oz’s dubious medical advice earned him the attention "
        "of Congress, where he appeared for saying that green coffee extract was a \"magic "
        "weight loss cure.\"",
        "Scott's family has called on police to release the videos \"as a matter of the greater "
        "good\" and called on people to protest peacefully.") == [
        ("Marc H. Morial", "m"), ("Oz", None), ("Scott's family", None)]


def test_a_bare_surname_is_the_person_the_article_quotes_not_a_relative():
    assert speakers(
        "Ah, friends once more",
        "Sen. Ted Cruz endorsed Donald Trump on Friday.",
        "\"No, this is not politics,\" Cruz said at the time.",
        "Trump also retweeted an unflattering photo of Heidi Cruz.",
        "\"I am not in the habit of supporting people who attack my wife,\" Cruz said in July.") \
        == [("Ted Cruz", "m"), ("Ted Cruz", "m")]


def test_one_person_in_two_roles_and_a_quote_paragraph_after_partial_quotes():
    assert speakers(
        "Candidates vie for vets' support",
        "Clinton, the former secretary of State, stressed her support of the 2011 raid.",
        "The former first lady and U.S. senator said it was \"a mistake\" to use private email.",
        "Though she called Wells Fargo’s behavior “outrageous,” Clinton restricted comments "
        "about breaking up big banks to hypothetical scenarios.",
        "“If any bank can’t be managed effectively, it should be broken up.”") == [
        ("Clinton", "f"), ("Clinton", "f"), ("Clinton", "f")]


def test_speaker_names_without_focus_words_verbs_or_half_titles():
    assert speakers(
        "Outrage but few options",
        "Even China, Pyongyang's only ally, said it was \"resolutely opposed\" to the test.",
        "Democratic presidential nominee Hillary Clinton chimed in on Twitter, saying that "
        "officials should release the videos \"without delay.\"",
        "Clinton has largely ignored the issue. Said Ellis: “I don’t get the sense she’s the "
        "least bit interested in it.”") == [
        ("China", None), ("Hillary Clinton", "f"), ("Ellis", None)]


def test_he_skips_someone_met_in_passing_but_not_someone_quoted():
    assert speakers(
        "The latest on the campaign",
        "Donald Trump says political correctness has run amok in the military.",
        "At a forum in Virginia on Monday, one questioner claimed that the “forces of "
        "political correctness” were adversely affecting the military.",
        "“You’re right, we have a politically correct military,” he said.")[-1] == (
        "Donald Trump", "m")
    assert speakers(
        "The latest on the campaign",
        "Donald Trump spoke in Virginia on Monday.",
        "“It was a long day,” one veteran said. “He talked for an hour,” he added.")[-2:] == [
        ("one veteran", "m"), ("one veteran", "m")]


def test_what_opens_a_relative_and_lawmakers_can_speak():
    assert speakers(
        "Stumpf’s repeated emphasis that only 1 percent of the sales force had been involved "
        "with what multiple lawmakers called “fraud” led two senators to invoke a break-up.",
        "Other leaders used blunt language to denounce what Australian Prime Minister Malcolm "
        "Turnbull called North Korea's \"reckless, provocative, dangerous\" actions.") == [
        ("multiple lawmakers", None), ("Malcolm Turnbull", "m")]


def test_it_takes_an_organisation_subject_and_saying_he_is_not_its_gender():
    assert speakers(
        "Popular website shows bias",
        "During the primaries, the Times gave Clinton a glowing endorsement.",
        "Meanwhile, it attacked Trump, saying he “has offended Hispanics, women and former "
        "prisoners of war.”") == [("Times", None)]


def test_a_name_described_beside_a_subject_does_not_take_he():
    assert speakers(
        "Trump goes after Bush",
        "Donald Trump attacked Jeb Bush, a former governor of Florida, on Monday.",
        "“He is a low-energy person,” he said.") == [("Donald Trump", "m")]
