"""Blocks, sentences and quotes, on real sentences from real articles."""

import pytest
from hypothesis import given, settings, strategies as st

from tests.conftest import SEED, devset_articles
from translate.segment import segment, segment_file


def kinds(article, kind):
    return [p.text for p in article.pieces if p.kind == kind]


def quote_texts(article):
    return [q.text for q in article.quotes]


# -- every character in one piece ---------------------------------------------------
def test_sample_rebuilds_byte_for_byte():
    article = segment_file(SEED)
    assert article.rebuild() == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", devset_articles(), ids=lambda p: p.stem[:40])
def test_every_devset_article_rebuilds_byte_for_byte(path):
    article = segment_file(path)
    assert article.rebuild() == path.read_bytes().decode("utf-8")


news_text = st.lists(st.sampled_from([
    "Mr. Trump said", "“We will win,”", " he said.", "\n\n", "\n", " ", "U.S.", "3.5",
    "“", "”", '"', "‘", "’", "Photo / Getty Images", "- Agence France-Presse", ":",
    "The ministry said it was “preferable”.", "\r\n", "\ufeff", "Kyiv", ", ", "...",
    "War and terror", "WASHINGTON —", "she added", "?", "!", "J. R. R. Tolkien",
]), min_size=1, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(news_text)
def test_any_text_rebuilds_byte_for_byte(text):
    if not text.strip("\ufeff \t\r\n"):
        return
    assert segment(text).rebuild() == text


def test_pieces_do_not_overlap_and_follow_offsets():
    article = segment_file(SEED)
    position = 0
    for piece in article.pieces:
        assert piece.start == position
        position += len(piece.text)


# -- blocks --------------------------------------------------------------------------
def test_sample_blocks():
    article = segment_file(SEED)
    by_kind = {}
    for block in article.blocks:
        by_kind.setdefault(block.kind, []).append(block)
    assert kinds(article, "meta") == ["date 2025-07-04"]
    assert [b.pieces[0].text for b in by_kind["subheading"]] == ["War and terror", "Complete disregard"]
    assert len(by_kind["caption"]) == 3
    assert kinds(article, "credit") == [" Photo / Getty Images"] * 3
    assert kinds(article, "byline") == ["- Agence France-Presse"]
    assert article.date == "2025-07-04"


def test_caption_text_is_apart_from_its_credit():
    article = segment_file(SEED)
    assert kinds(article, "caption")[0] == ("Ukrainian authorities reported at least 23 people "
                                           "have been injured in the overnight drone attack on Kyiv.")


def test_headline_and_dateline():
    text = ("Green Party candidate Jill Stein removed from N.Y. debate site by police.\n\n"
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party presidential candidate Jill Stein "
            "was escorted off the premises of Hofstra University on Monday afternoon.\n\n"
            "Stein said she plans to join her supporters at the protest.\n")
    article = segment(text)
    assert [b.kind for b in article.blocks] == ["headline", "paragraph", "paragraph"]
    assert kinds(article, "dateline") == ["HEMPSTEAD, N.Y., Sept. 26 (UPI) —"]


# -- sentences -----------------------------------------------------------------------
@pytest.mark.parametrize("text, count", [
    ("Talks with the U.S. stalled on Friday. Delegations met a month ago.", 2),
    ("Dr. Oz appeared on Jan. 5 with a 3.5 percent lead. He left.", 2),
    ("J. R. R. Tolkien wrote it. Mr. Trump read it.", 2),
    ("He started the war ... and the terror. Then he left.", 2),
    ("The ban applies to the U.S. The European Union did not follow.", 2),
    ("Rep. G.K. Butterfield (D-N.C.) spoke first. Sen. Warren followed.", 2),
])
def test_sentences_respect_abbreviations_initials_decimals(text, count):
    article = segment(f"Headline\n\n{text}\n\nThe closing paragraph of the story follows here.\n")
    assert len(kinds(article, "sentence")) == count + 1


def test_a_sentence_never_splits_inside_a_quote():
    text = "Germany’s foreign ministry said Moscow was continuing to “rely on. Brute force”. It ended.\n"
    assert kinds(segment(text), "sentence") == [
        "Germany’s foreign ministry said Moscow was continuing to “rely on. Brute force”.",
        "It ended."]


# -- quotes ----------------------------------------------------------------------------
def test_sample_finds_every_quote_in_order():
    article = segment_file(SEED)
    assert [(q.text[:30], q.partial) for q in article.quotes] == [
        ("We spoke about opportunities i", False),
        ("Nothing like this attack had e", False),
        ("preferable", True),
        ("But as long as that is not pos", False),
        ("Yet again, Russia is showing i", False),
        ("rely on brute force", True),
        ("Ukraine needs more to defend i", False),
        ("Will there be another one? Wil", False),
        ("In those seconds, you just hol", False),
        ("step up", True),
    ]


def test_quote_attribution_quote_in_one_paragraph():
    article = segment_file(SEED)
    para = next(b for b in article.blocks if "47-year-old" in "".join(p.text for p in b.pieces))
    assert [(p.kind, p.text) for p in para.pieces if p.kind in ("quote", "attribution")] == [
        ("quote", "Will there be another one? Will something collapse on you?"),
        ("attribution", "the 47-year-old said."),
        ("quote", "In those seconds, you just hold your breath and wait to see what happens next"),
        ("attribution", "she added."),
    ]


def test_straight_quotes_work_like_curly_ones():
    text = '"It\'s all I can afford," Mr. Clarke said.\n\nHe left.\n\nThe end came.\n'
    q = segment(text).quotes[0]
    assert (q.text, q.speaker, q.cue) == ("It's all I can afford", "Clarke", "said")


def test_attribution_before_the_quote_with_a_colon():
    text = ("Donald Trump spoke at the rally in Ohio on Friday, two days after the debate in "
            "New York, and took questions.\n\nHe says: “I wonder why it was bad. Think of that.”\n\n"
            "The crowd cheered.\n")
    article = segment(text)
    assert quote_texts(article) == ["I wonder why it was bad. Think of that."]
    assert [b.kind for b in article.blocks] == ["paragraph"] * 3
    assert kinds(article, "attribution") == ["He says"]
    assert article.quotes[0].speaker == "Donald Trump"


def test_inverted_cue_with_title_and_appositive():
    text = ("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the "
            "Congressional Black Caucus. “Donald Trump is a disgusting fraud.”\n\nMore.\n\nEnd.\n")
    first, second = segment(text).quotes
    assert first.speaker == second.speaker == "G.K. Butterfield"
    assert first.cue == "said"


def test_appositive_between_speaker_and_cue():
    text = ("“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, "
            "the Republican attorney general of Oklahoma, one of the states suing the EPA, said "
            "at a Washington event this month.\n\nMore.\n\nEnd.\n")
    assert segment(text).quotes[0].speaker == "Scott Pruitt"


def test_quote_over_several_paragraphs_keeps_its_speaker():
    text = ("“We have to stop the violence,” Trump said. “We have to bring law and order.\n\n"
            "“And we will do it quickly.”\n\nThe crowd cheered.\n")
    article = segment(text)
    assert [q.speaker for q in article.quotes] == ["Trump", "Trump", "Trump"]
    assert not article.warnings


def test_continued_paragraph_with_its_own_attribution_takes_that_speaker():
    text = ("“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday. "
            "“If indeed Barack Obama is not legitimate ... how can you feel good.\n"
            "“I have been doing a lot of thinking recently,” added Rep. Jim Clyburn (D-S.C.), "
            "the assistant leader of the Democratic caucus.\nMore.\n")
    speakers = [q.speaker for q in segment(text).quotes]
    assert speakers == ["Gwen Moore", "Gwen Moore", "Jim Clyburn"]


def test_single_quotes_nested_inside_stay_in_the_quote():
    text = ("“You say you ‘accept responsibility, and it was the fault of those 5,000 people,’” "
            "Merkley said.\n\nMore.\n\nEnd.\n")
    q = segment(text).quotes[0]
    assert q.text == "You say you ‘accept responsibility, and it was the fault of those 5,000 people,’"
    assert q.speaker == "Merkley"


def test_paragraph_that_is_only_a_quote_takes_the_previous_speaker():
    text = ("“We were there under legitimate pretenses,” Figueroa told USA Today.\n\n"
            "“We will be back.”\n\nThe campaign planned a protest.\n")
    assert [q.speaker for q in segment(text).quotes] == ["Figueroa", "Figueroa"]


def test_scare_quotes_and_titles_are_not_quotes():
    text = ("Blige sings Bruce Springsteen’s “American Skin” to Hillary Clinton.\n\n"
            "“American Skin (41 Shots)” was written by Springsteen after the 1999 shooting.\n\n"
            "Moscow continued the “special operation” in the east.\n")
    assert segment(text).quotes == []


def test_partial_quote_in_indirect_speech_is_kept_and_marked():
    article = segment_file(SEED)
    q = next(q for q in article.quotes if q.text == "rely on brute force")
    assert q.partial and q.speaker == "Germany’s foreign ministry"


def test_unbalanced_mark_warns_with_its_line_and_keeps_the_paragraph():
    text = "First paragraph.\n\n“It never crossed my mind, she said.\n\nLast paragraph.\n"
    article = segment(text, "a.txt")
    assert article.warnings == ["a.txt:3: warning: quotation mark opened here is never closed"]
    assert article.rebuild() == text
    assert "Last paragraph." in kinds(article, "sentence")


def test_stray_closing_mark_is_kept_as_text():
    text = "Headline\n\nHe said it was over.” Nobody agreed.\n\nMore.\n\nEnd.\n"
    article = segment(text, "a.txt")
    assert article.warnings == ["a.txt:3: warning: closing quotation mark with no opening one; kept as text"]
    assert article.rebuild() == text


def test_a_quote_after_she_continued_is_direct():
    article = segment("Headline\n\nShe continued, “For us, the 9/11 families and survivors, all "
                      "we are asking for is an opportunity. Denying us justice is un-American.”\n")
    assert [(q.text[:7], q.partial, q.cue) for q in article.quotes] == [("For us,", False, "continued")]


def test_a_speech_phrase_makes_a_partial_quote():
    article = segment("Headline\n\nThe senator spoke of “a new era” for the party on Monday.\n")
    assert [(q.text, q.partial) for q in article.quotes] == [("a new era", True)]


def test_a_passive_cue_makes_no_partial_quote():
    article = segment("Headline\n\nMehmet Oz has been called a charlatan by fellow physicians "
                      "for promoting “quack” medical cures.\n")
    assert article.quotes == []


def test_feet_and_inches_are_no_quotation_mark():
    text = ("Headline\n\nAmong the tidbits in the letter: Trump is 6'3\" tall and weighs 236 "
            "pounds, which classifies him as \"overweight,\" the letter said.\n")
    article = segment(text, "a.txt")
    assert article.warnings == []
    assert [q.text for q in article.quotes] == ["overweight,"]


def test_crlf_and_bom_are_kept():
    text = "\ufeffHeadline here\r\n\r\n“We spoke,” Zelenskyy said.\r\n\r\nMore text.\r\n"
    article = segment(text)
    assert article.rebuild() == text
    assert article.quotes[0].speaker == "Zelenskyy"


def test_metadata_on_a_line_of_its_own():
    text = ("date 2016-09-25\n\nHeadline of the day\n\nParagraph one, with a comma, and more."
            "\n\nParagraph two, with a comma, and more.\n")
    article = segment(text)
    assert [b.kind for b in article.blocks] == ["meta", "headline", "paragraph", "paragraph"]
    assert article.date == "2016-09-25" and article.rebuild() == text
