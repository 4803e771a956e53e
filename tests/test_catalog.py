"""POT and PO files: what translators get, checked by GNU gettext itself."""

import gettext
import subprocess

import polib
import pytest

from tests.conftest import GOLDEN, SEED
from translate import catalog, languages
from translate.errors import InputError
from translate.segment import segment, segment_file

LANGS = languages.DEFAULT_TARGETS


def msgfmt_check(path):
    run = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
                         capture_output=True, text=True)
    return run.returncode, run.stderr


@pytest.fixture
def extracted(tmp_path, monkeypatch):
    monkeypatch.chdir(SEED.parent.parent)    # references are relative to the project
    catalog.extract([segment_file(SEED)], tmp_path, LANGS)
    return tmp_path


def test_template_matches_golden_file(monkeypatch):
    monkeypatch.chdir(SEED.parent.parent)
    pot = str(catalog.template(segment_file(SEED)))
    assert pot == (GOLDEN / "000_a9fb1a76507f7b7d.pot").read_text(encoding="utf-8")


def test_every_catalog_passes_msgfmt_check(extracted, needs_gettext):
    files = list(extracted.rglob("*.po")) + list(extracted.rglob("*.pot"))
    assert len(files) == 4
    for path in files:
        code, err = msgfmt_check(path)
        assert code == 0, err


def test_po_headers_are_what_editors_expect(extracted):
    for code in LANGS:
        meta = polib.pofile(str(extracted / code / "000_a9fb1a76507f7b7d.po")).metadata
        lang = languages.get(code)
        assert meta["Language"] == code
        assert meta["Plural-Forms"] == lang.plural_forms
        assert meta["Content-Type"] == "text/plain; charset=UTF-8"
        assert meta["POT-Creation-Date"] == "2025-07-04 00:00+0000"   # from the article
        assert meta["Project-Id-Version"] == "000_a9fb1a76507f7b7d"
        assert meta["X-Generator"].startswith("translate ")


@pytest.mark.parametrize("code, forms", [
    ("pl", {1: 0, 2: 1, 4: 1, 5: 2, 12: 2, 21: 2, 22: 1}),
    ("uk", {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 21: 0, 22: 1}),
    ("de", {1: 0, 2: 1, 5: 1}),
])
def test_plural_forms_pick_the_right_form(code, forms):
    expr = languages.get(code).plural_forms.split("plural=")[1].rstrip(";")
    pick = gettext.c2py(expr)
    assert {n: pick(n) for n in forms} == forms


def test_every_quote_is_its_own_entry_with_its_speaker(extracted):
    po = polib.pofile(str(extracted / "uk" / "000_a9fb1a76507f7b7d.po"))
    quotes = [e for e in po if e.msgctxt and e.msgctxt.startswith("quote|")]
    assert [e.msgctxt for e in quotes] == [
        "quote|Zelenskyy|m", "quote|Tymur|m", "quote|Dmitry Peskov|m", "quote|Zelenskyy|m",
        "quote|Germany’s foreign ministry|-", "quote|Yuliia Golovnina|f",
        "quote|Yuliia Golovnina|f"]
    assert quotes[5].msgid == "Will there be another one? Will something collapse on you?"
    assert "speaker: Yuliia Golovnina (female)" in quotes[5].comment


def test_attribution_entries_name_their_quote_and_speaker(extracted):
    po = polib.pofile(str(extracted / "pl" / "000_a9fb1a76507f7b7d.po"))
    entry = po.find("she added.", msgctxt="attribution|Yuliia Golovnina|f")
    assert entry is not None
    assert entry.comment == "attribution of quote q9 — speaker: Yuliia Golovnina (female)"
    assert entry.occurrences == [("seeds/000_a9fb1a76507f7b7d.txt", "35")]


def test_caption_entry_leaves_its_credit_out(extracted):
    po = polib.pofile(str(extracted / "de" / "000_a9fb1a76507f7b7d.po"))
    captions = [e for e in po if e.comment.startswith("photo caption")]
    assert len(captions) == 3
    assert all("Photo / Getty Images" not in e.msgid for e in captions)
    assert po.find("Agence France-Presse") is None and po.find("date 2025-07-04") is None


def test_extract_twice_changes_no_byte(extracted, needs_gettext):
    before = {p: p.read_bytes() for p in extracted.rglob("*.po*")}
    changed = catalog.extract([segment_file(SEED)], extracted, LANGS)
    assert changed == []
    assert {p: p.read_bytes() for p in extracted.rglob("*.po*")} == before


def test_a_repeated_sentence_is_one_entry_with_both_references():
    text = ("Talks have stalled, officials in Kyiv said on Friday.\n\nMore came later.\n\n"
            "Talks have stalled, officials in Kyiv said on Friday.\n")
    pot = catalog.template(segment(text, "a.txt"))
    entry = pot.find("Talks have stalled, officials in Kyiv said on Friday.")
    assert [line for _, line in entry.occurrences] == ["1", "5"]
    assert len([e for e in pot if e.msgid == entry.msgid]) == 1


def test_a_date_comes_from_the_file_name_when_the_text_has_none(tmp_path):
    path = tmp_path / "wash-post_2016-09-25_story.txt"
    path.write_text("One paragraph of news, with a comma.\n\nAnother paragraph.\n")
    assert catalog.template(segment_file(path)).metadata["POT-Creation-Date"] == \
        "2016-09-25 00:00+0000"


def test_a_broken_po_stops_extract_and_no_file_changes(extracted):
    broken = extracted / "pl" / "000_a9fb1a76507f7b7d.po"
    broken.write_text(broken.read_text() + '\nmsgid "dangling\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in extracted.rglob("*.po*")}
    with pytest.raises(InputError) as err:
        catalog.extract([segment_file(SEED)], extracted, LANGS)
    assert str(err.value).startswith(str(broken))
    assert {p: p.read_bytes() for p in extracted.rglob("*.po*")} == before


def test_wrong_plural_forms_is_an_error_with_its_line(extracted):
    path = extracted / "uk" / "000_a9fb1a76507f7b7d.po"
    path.write_text(path.read_text().replace(languages.UKRAINIAN.plural_forms,
                                             "nplurals=2; plural=(n != 1);"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        catalog.read_po(path, languages.UKRAINIAN)
    assert err.value.line == 15 and "Plural-Forms" in err.value.message


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a" / "b.po"
    catalog.write_atomic(target, b"x")
    assert target.read_bytes() == b"x"
    assert [p.name for p in target.parent.iterdir()] == ["b.po"]


def test_a_run_killed_mid_write_leaves_whole_files(tmp_path, needs_gettext):
    """SIGKILL at random moments of real extract runs: every PO is the old or the new
    one, whole, and msgfmt accepts it."""
    import random
    import signal
    import sys
    import time

    article = tmp_path / "big.txt"
    paragraphs = [f"Paragraph {n} says that talks stalled again on day {n}, officials said."
                  for n in range(3000)]
    article.write_text("Headline\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    locales = tmp_path / "loc"
    cmd = [sys.executable, "-m", "translate", "-q", "extract", str(article), "--locales",
           str(locales), "--lang", "uk"]
    subprocess.run(cmd, check=True)
    rng = random.Random(7)
    for n in range(4):
        article.write_text(article.read_text().replace(f"day {n},", f"day {n} (updated),"),
                           encoding="utf-8")
        proc = subprocess.Popen(cmd)
        time.sleep(rng.uniform(0.5, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path in locales.rglob("*.po*"):
            code, err = msgfmt_check(path)
            assert code == 0, err
            assert path.read_text(encoding="utf-8").rstrip().endswith('msgstr ""')


def test_a_second_run_waits_for_the_first_then_refuses(tmp_path):
    import threading
    with catalog.locked(tmp_path, wait=5):
        result = {}

        def second():
            try:
                with catalog.locked(tmp_path, wait=0.5):
                    result["ran"] = True
            except InputError as err:
                result["error"] = str(err)
        worker = threading.Thread(target=second)
        worker.start()
        worker.join()
    assert "another translate run is still working" in result["error"]
    with catalog.locked(tmp_path, wait=0.5):   # free again once the first ends
        pass


def test_source_language_is_detected_on_the_whole_text():
    assert segment_file(SEED).language == "en"
    assert languages.detect_language("Die Ukraine braucht mehr, um sich zu verteidigen, nicht "
                                     "weniger, erklärte das Ministerium in den sozialen Medien.") == "de"
