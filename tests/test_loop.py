"""The translators' loop on real files: extract, machine-translate, a translator edits,
the English changes in every way a newsroom changes it, and nothing human is lost."""

import shutil
import subprocess

import polib
import pytest

from tests.conftest import SEED
from tests.test_mt import PACKAGES
from translate import catalog, languages, mt, render
from translate.segment import segment_file

PO = "uk/000_a9fb1a76507f7b7d.po"
HUMAN = {   # msgid -> what the translator wrote (reviewed, so not fuzzy)
    "War and terror": "Війна і терор (редаговано)",
    "Overnight Russian attacks have escalated over recent weeks.":
        "За останні тижні нічні російські атаки посилилися.",
    "The barrage, according to the air force, comprised 539 drones and 11 missiles.":
        "За даними Повітряних сил, удар складався з 539 дронів та 11 ракет.",
    "Will there be another one? Will something collapse on you?":
        "Чи буде ще одна? Чи не впаде щось на тебе?",
    "Complete disregard": "Повна зневага",
    "Russia announced a fresh swap of prisoners of war with Ukraine on Saturday as part of "
    "that agreement.": "У суботу Росія оголосила про новий обмін полоненими з Україною.",
}


@pytest.fixture
def loop(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    for path in PACKAGES:
        mt.install_file(path)
    article = tmp_path / "000_a9fb1a76507f7b7d.txt"
    shutil.copy(SEED, article)
    locales = tmp_path / "locales"
    monkeypatch.chdir(tmp_path)
    return article, locales


def run_pipeline(article, locales):
    catalog.extract([segment_file(article)], locales, ["uk"])
    mt.fill_catalogs([locales / PO])
    return polib.pofile(str(locales / PO))


def edit_as_translator(locales):
    po = polib.pofile(str(locales / PO))
    for entry in po:
        if entry.msgid in HUMAN:
            entry.msgstr = HUMAN[entry.msgid]
            entry.flags.remove("fuzzy")
            entry.tcomment = "reviewed by O. K."
    po.save(str(locales / PO))


def edit_the_english(article):
    text = article.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    # a paragraph inserted at the top (after the first), two swapped, one removed
    paragraphs.insert(1, "Air raid sirens sounded again in the capital on Saturday morning.")
    i = next(n for n, p in enumerate(paragraphs) if p.startswith("Overnight Russian attacks"))
    j = next(n for n, p in enumerate(paragraphs) if p.startswith("In Kyiv, one person"))
    paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    paragraphs = [p for p in paragraphs if not p.startswith("Russia announced a fresh swap")]
    text = "\n\n".join(paragraphs)
    # a fact corrected in one sentence, and a speaker changed from a woman to a man
    text = text.replace("539 drones", "540 drones")
    text = text.replace("Yuliia Golovnina, who said she", "Yurii Golovnin, who said he")
    text = text.replace("she added", "he added")
    article.write_text(text, encoding="utf-8")


def test_the_whole_loop_keeps_every_human_translation(loop, needs_gettext):
    article, locales = loop
    first = run_pipeline(article, locales)
    assert all(e.msgstr and e.fuzzy for e in first)
    edit_as_translator(locales)
    edit_the_english(article)
    po = run_pipeline(article, locales)
    live = {e.msgid: e for e in po if not e.obsolete}

    # unchanged pieces keep the translator's words, flags and comments exactly
    for msgid in ("War and terror", "Complete disregard",
                  "Overnight Russian attacks have escalated over recent weeks."):
        assert live[msgid].msgstr == HUMAN[msgid]
        assert not live[msgid].fuzzy and live[msgid].tcomment == "reviewed by O. K."

    # the corrected sentence keeps its old translation, fuzzy, with the old English shown
    corrected = live["The barrage, according to the air force, comprised 540 drones and 11 missiles."]
    assert corrected.fuzzy and corrected.msgstr == HUMAN[
        "The barrage, according to the air force, comprised 539 drones and 11 missiles."]
    assert corrected.previous_msgid.endswith("539 drones and 11 missiles.")

    # the quote whose speaker changed comes back fuzzy under the new speaker
    quote = live["Will there be another one? Will something collapse on you?"]
    assert quote.msgctxt == "quote|Yurii Golovnin|m" and quote.fuzzy
    assert quote.previous_msgctxt == "quote|Yuliia Golovnina|f"
    assert quote.msgstr == HUMAN[quote.msgid]
    assert "speaker: Yurii Golovnin (male)" in quote.comment

    # the removed paragraph is obsolete, its translation kept for when it returns
    removed = [e for e in po if e.obsolete and e.msgid.startswith("Russia announced")]
    assert removed and removed[0].msgstr == HUMAN[removed[0].msgid]

    # the new paragraph got machine translation; the file is still valid
    assert live["Air raid sirens sounded again in the capital on Saturday morning."].fuzzy
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(locales / PO)]).returncode == 0

    # a removed text that returns gets its translation back
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    po = run_pipeline(article, locales)
    back = po.find("Russia announced a fresh swap of prisoners of war with Ukraine on "
                   "Saturday as part of that agreement.")
    assert back.msgstr == HUMAN[back.msgid] and not back.obsolete

    # and the article renders, reviewed pieces only when asked
    loaded = segment_file(article)
    table = render.translations(catalog.read_po(locales / PO, languages.UKRAINIAN), True)
    out = render.render(loaded, table, languages.UKRAINIAN)
    assert "Війна і терор (редаговано)" in out.text
    assert len(out.fallback) == out.total - out.translated


def test_update_is_what_msgmerge_previous_makes(tmp_path, needs_gettext, monkeypatch):
    """Our update is GNU msgmerge --previous itself; only the writer (polib, 78 columns)
    differs, so both parse to the same entries."""
    monkeypatch.chdir(SEED.parent.parent)
    old = catalog.new_catalog(catalog.template(segment_file(SEED)), segment_file(SEED),
                              languages.GERMAN)
    for entry in old:
        entry.msgstr = entry.msgid.upper()
    po_path = tmp_path / "de.po"
    po_path.write_text(str(old), encoding="utf-8")
    edited = tmp_path / "a.txt"
    edited.write_text(SEED.read_text().replace("539 drones", "540 drones"), encoding="utf-8")
    pot = catalog.template(segment_file(edited))
    ours = catalog.updated_catalog(po_path, pot, languages.GERMAN)
    pot_path = tmp_path / "new.pot"
    pot_path.write_text(str(pot), encoding="utf-8")
    subprocess.run(["msgmerge", "-q", "--previous", "-o", str(tmp_path / "gnu.po"),
                    str(po_path), str(pot_path)], check=True)
    gnu = polib.pofile(str(tmp_path / "gnu.po"))

    def view(po):
        return [(e.msgctxt, e.msgid, e.msgstr, e.fuzzy, e.previous_msgid, e.obsolete) for e in po]
    assert view(ours) == view(gnu)
    assert any(e.fuzzy and e.previous_msgid for e in ours)


def test_a_segmenter_upgrade_keeps_translations_as_fuzzy(tmp_path, needs_gettext, monkeypatch):
    """Two sentences that a new segmenter joins into one come back as one fuzzy entry
    carrying the previous translation and text; the other becomes obsolete, not lost."""
    monkeypatch.chdir(SEED.parent.parent)
    article = segment_file(SEED)
    pot = catalog.template(article)
    po = catalog.new_catalog(pot, article, languages.POLISH)
    first = "Overnight Russian attacks have escalated over recent weeks."
    second = po[[e.msgid for e in po].index(first) + 1].msgid
    for e in po:
        e.msgstr = f"PL: {e.msgid}"
    path = tmp_path / "pl.po"
    path.write_text(str(po), encoding="utf-8")
    joined = pot.find(first)
    joined.msgid = f"{first} {second}"
    pot.remove(pot.find(second))
    merged = catalog.updated_catalog(path, pot, languages.POLISH)
    entry = merged.find(f"{first} {second}")
    assert entry.fuzzy and entry.msgstr.startswith("PL: ") and entry.previous_msgid
    assert all(e.msgstr for e in merged if e.msgid != f"{first} {second}" and not e.obsolete)
    assert any(e.obsolete for e in merged)
