"""Rendering the localised article: round trips and each language's typography."""

import subprocess

import polib
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.conftest import GOLDEN, SEED, devset_articles
from translate import catalog, languages, render
from translate.segment import segment, segment_file


def msgen_table(article, tmp_path):
    """What GNU msgen makes of the template: every msgstr equal to its msgid."""
    template = catalog.template(article)
    if not len(template):
        return {}
    pot = tmp_path / f"{article.name}.pot"
    pot.write_text(str(template), encoding="utf-8")
    po = tmp_path / f"{article.name}.po"
    subprocess.run(["msgen", "-o", str(po), str(pot)], check=True)
    return render.translations(polib.pofile(str(po)))


def test_sample_round_trips_through_msgen(tmp_path, needs_gettext):
    article = segment_file(SEED)
    out = render.render(article, msgen_table(article, tmp_path), languages.ENGLISH, source=True)
    assert out.text.encode("utf-8") == SEED.read_bytes()
    assert out.fallback == []


@pytest.mark.parametrize("path", devset_articles(), ids=lambda p: p.stem[:40])
def test_every_devset_article_round_trips_through_msgen(path, tmp_path, needs_gettext):
    article = segment_file(path)
    out = render.render(article, msgen_table(article, tmp_path), languages.ENGLISH, source=True)
    assert out.text.encode("utf-8") == path.read_bytes()


paragraph = st.lists(st.sampled_from([
    "“We will win,” he said.", "Mr. Trump said: “It is over.”", " ", "The U.S. agreed.",
    "“Will it end?” the 47-year-old said.", "She called it a “disaster”.", "3.5 percent.",
    '"Straight," she added.', "“Unclosed", "closing”", "Photo / Getty Images", "Kyiv",
]), min_size=1, max_size=8).map(" ".join)
article_text = st.tuples(st.sampled_from(["", "\ufeff"]), st.sampled_from(["\n", "\r\n"]),
                         st.lists(paragraph, min_size=1, max_size=6)).map(
    lambda t: t[0] + (t[1] * 2).join(t[2]) + t[1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_text)
def test_generated_articles_round_trip_through_msgen(tmp_path, text):
    article = segment(text, "generated.txt")
    out = render.render(article, msgen_table(article, tmp_path), languages.ENGLISH, source=True)
    assert out.text == text


@pytest.mark.parametrize("code", ["uk", "pl", "de"])
def test_typography_matches_golden_file(code, tmp_path, needs_gettext):
    """English words, the target's marks and attribution punctuation: a person can read
    the diff of each language's rules."""
    article = segment_file(SEED)
    out = render.render(article, msgen_table(article, tmp_path), languages.get(code))
    assert out.text == (GOLDEN / f"render_{code}.txt").read_text(encoding="utf-8")


def quote_render(code, text="“We spoke,” Zelenskyy said. “Will it end?” he asked. “Never.”\n"):
    article = segment("Headline\n\n" + text + "\nEnd of story, with a comma.\n")
    return render.render(article, {}, languages.get(code)).text.split("\n\n")[1]


@pytest.mark.parametrize("code, expected", [
    ("de", "„We spoke“, Zelenskyy said. „Will it end?“, he asked. „Never.“"),
    ("pl", "„We spoke” – Zelenskyy said. „Will it end?” – he asked. „Never.”"),
    ("uk", "«We spoke», — Zelenskyy said. «Will it end?» — he asked. «Never»."),
])
def test_quote_marks_and_attribution_punctuation_per_language(code, expected):
    assert quote_render(code) == expected


@pytest.mark.parametrize("code, expected", [
    ("de", "Trump said: „It is ‚over‘ now.“"),
    ("uk", "Trump said: «It is „over“ now»."),
    ("pl", "Trump said: „It is «over» now.”"),
])
def test_attribution_before_and_nested_marks(code, expected):
    assert quote_render(code, "Trump said: “It is ‘over’ now.”\n") == expected


def test_untranslated_pieces_fall_back_and_are_counted():
    article = segment_file(SEED)
    first = next(p for p in article.pieces if p.kind == "quote")
    table = {catalog.key(article, first): ("Ми говорили про протиповітряну оборону", True)}
    out = render.render(article, table, languages.UKRAINIAN)
    assert out.text.startswith(" date 2025-07-04 «Ми говорили про протиповітряну оборону», — ")
    assert out.translated == 1 and len(out.fallback) == out.total - 1
    assert out.unreviewed == [first.text]


def test_reviewed_only_skips_fuzzy_entries():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="a", msgstr="A", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="b", msgstr="B"))
    assert render.translations(po, reviewed_only=True) == {(None, "b"): ("B", False)}
    assert len(render.translations(po)) == 2


def test_an_entry_matching_no_piece_stops_render_and_writes_nothing(tmp_path, monkeypatch):
    from translate.errors import InputError
    monkeypatch.chdir(SEED.parent.parent)
    article = segment_file(SEED)
    catalog.extract([article], tmp_path / "loc", ["de"])
    path = tmp_path / "loc" / "de" / "000_a9fb1a76507f7b7d.po"
    po = polib.pofile(str(path))
    po.find("War and terror").msgid = "War and terrorism"     # a msgid edited by hand
    po.save(str(path))
    before = path.read_bytes()
    with pytest.raises(InputError) as err:
        render.render_files([article], tmp_path / "loc", ["de"], tmp_path / "out")
    assert err.value.line == polib.pofile(str(path)).find("War and terrorism").linenum
    assert path.read_bytes() == before and not (tmp_path / "out").exists()
