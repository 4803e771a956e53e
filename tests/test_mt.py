"""Machine translation with the real Argos/CTranslate2 path, on the demo packages that
tests/models/build.py trains (installed with the real installer into a temporary dir)."""

import csv
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import SEED
from translate import catalog, languages, mt, render
from translate.segment import segment_file

MODELS = Path(__file__).resolve().parent / "models"
PACKAGES = sorted(MODELS.glob("translate-en_*.argosmodel"))


def reference(lang):
    with open(MODELS / "reference.tsv", encoding="utf-8", newline="") as f:
        return {row["en"]: row[lang] for row in csv.DictReader(f, delimiter="\t")}


@pytest.fixture
def argos_dir(tmp_path, monkeypatch):
    directory = tmp_path / "argos"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    return directory


@pytest.fixture
def with_models(argos_dir):
    assert len(PACKAGES) == 3, "demo packages missing: run make test-models"
    for path in PACKAGES:
        mt.install_file(path)
    return mt.installed()


@pytest.fixture
def seed_catalogs(tmp_path, monkeypatch):
    monkeypatch.chdir(SEED.parent.parent)
    locales = tmp_path / "locales"
    catalog.extract([segment_file(SEED)], locales, languages.DEFAULT_TARGETS)
    return locales


def po_paths(locales):
    return sorted(locales.glob("*/*.po"))


def test_demo_packages_install_with_the_real_installer(with_models, argos_dir):
    assert [(m.source, m.target, m.demo) for m in with_models] == [
        ("en", "de", True), ("en", "pl", True), ("en", "uk", True)]
    assert all((m.path / "model" / "model.bin").exists() for m in with_models)
    assert all(m.path.parent == argos_dir for m in with_models)


def test_mt_fills_every_entry_with_the_reference_translation(with_models, seed_catalogs):
    reports = mt.fill_catalogs(po_paths(seed_catalogs), models=with_models)
    assert {r.lang: r.filled for r in reports} == {"de": 40, "pl": 40, "uk": 40}
    for code in ("uk", "pl", "de"):
        po = polib.pofile(str(seed_catalogs / code / "000_a9fb1a76507f7b7d.po"))
        want = reference(code)
        for entry in po:
            assert entry.fuzzy
            assert entry.tcomment == f"machine translation: translate-en_{code} 0.1 (demo model)"
            assert entry.msgstr == want[entry.msgid], entry.msgid


def test_rendered_article_reads_in_the_target_language(with_models, seed_catalogs, tmp_path):
    mt.fill_catalogs(po_paths(seed_catalogs), models=with_models)
    article = segment_file(SEED)
    po = catalog.read_po(seed_catalogs / "uk" / "000_a9fb1a76507f7b7d.po", languages.UKRAINIAN)
    out = render.render(article, render.translations(po), languages.UKRAINIAN)
    assert "«Чи буде ще один? Чи не впаде щось на тебе?» — сказала 47-річна жінка." in out.text
    assert "«У ці секунди просто затамовуєш подих і чекаєш, що буде далі», — додала вона." \
        in out.text
    assert out.fallback == [] and len(out.unreviewed) == out.total


def test_rerun_calls_no_model_and_changes_no_byte(with_models, seed_catalogs):
    mt.fill_catalogs(po_paths(seed_catalogs), models=with_models)
    before = {p: p.read_bytes() for p in po_paths(seed_catalogs)}
    reports = mt.fill_catalogs(po_paths(seed_catalogs), models=[])   # no model to call
    assert all(r.filled == 0 and not r.missing for r in reports)
    assert {p: p.read_bytes() for p in po_paths(seed_catalogs)} == before


def test_a_translators_entry_is_never_overwritten(with_models, seed_catalogs):
    path = seed_catalogs / "de" / "000_a9fb1a76507f7b7d.po"
    po = polib.pofile(str(path))
    entry = po.find("War and terror")
    entry.msgstr = "Krieg und Terror (geprüft)"
    po.save(str(path))
    for _ in range(2):
        mt.fill_catalogs(po_paths(seed_catalogs), models=with_models)
    entry = polib.pofile(str(path)).find("War and terror")
    assert entry.msgstr == "Krieg und Terror (geprüft)" and not entry.fuzzy


def test_each_model_gets_one_batched_call(with_models):
    stats = {}
    route = mt.route(with_models, "en", "pl")
    out = mt.translate_texts(["War and terror", "Complete disregard", "he said."], route,
                             stats=stats)
    assert out == ["Wojna i terror", "Całkowite lekceważenie", "powiedział."]
    assert stats == {"calls": 1, "pieces": 3}


def test_without_a_model_mt_says_what_to_install(argos_dir, seed_catalogs):
    done = subprocess.run([sys.executable, "-m", "translate", "mt", "--locales",
                           str(seed_catalogs), "--lang", "uk"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "no model for en->uk" in done.stderr
    assert "translate models install --from-file translate-en_uk.argosmodel" in done.stderr


def test_offline_install_fails_fast_with_the_file_command(argos_dir, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network unreachable")
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(mt.MissingModel) as err:
        mt.ensure(["pl"])
    assert "--from-file translate-en_pl.argosmodel" in str(err.value)


def test_route_prefers_direct_then_pivots_through_a_shared_language():
    def model(s, t, demo=False):
        return mt.Model(Path(f"/m/{s}{t}"), s, t, "1.0", demo)
    direct, demo = model("en", "uk"), model("en", "uk", demo=True)
    assert mt.route([demo, direct], "en", "uk") == [direct]
    first, second = model("en", "pl"), model("pl", "uk")
    assert mt.route([first, second], "en", "uk") == [first, second]
    assert mt.route([first], "en", "uk") is None
    assert "pivot through pl" in mt._signature([first, second])


def test_a_sentence_too_long_is_cut_at_a_clause_boundary(monkeypatch):
    monkeypatch.setattr(mt, "MAX_TOKENS", 12)
    text = ("Ukraine has also ramped up its retaliatory strikes in Russia, where a woman was "
            "killed by a Ukrainian drone attack overnight, the acting governor said.")
    parts = mt.split_long(text, lambda s: len(s.split()))
    assert parts == ["Ukraine has also ramped up its retaliatory strikes in Russia,",
                     "where a woman was killed by a Ukrainian drone attack overnight,",
                     "the acting governor said."]


@pytest.mark.parametrize("code, text, quote, expected", [
    ("uk", "Кремль заявив, що \"бажано\" досягти цілей.", False, "Кремль заявив, що «бажано» досягти цілей."),
    ("de", "„Wir sprachen“", True, "Wir sprachen"),
    ("pl", "said “rely on force”.", False, "said „rely on force”."),
])
def test_model_quotation_marks_become_the_languages(code, text, quote, expected):
    assert mt.fit_marks(text, languages.get(code), quote) == expected



def test_a_name_left_in_english_is_put_right_else_flagged():
    from translate.check import read_glossary
    terms = read_glossary(Path(__file__).resolve().parent.parent / "locales" / "glossary.csv")
    copied = polib.POEntry(msgid="Zelenskyy said on social media after the call.",
                           msgstr="сказав Zelenskyy у соцмережах після розмови.")
    assert mt._fix_names(copied, languages.UKRAINIAN, terms) == []
    assert copied.msgstr == "сказав Зеленський у соцмережах після розмови."
    garbled = polib.POEntry(msgid="Zelenskyy said on social media after the call.",
                            msgstr="сказав Зелінськи у соцмережах після розмови.")
    assert mt._fix_names(garbled, languages.UKRAINIAN, terms) == [
        "check: glossary: “Zelenskyy” should be “Зеленський” (or a form of it)"]


def test_no_output_leaves_the_english_fuzzy_so_a_rerun_asks_no_model(with_models, seed_catalogs,
                                                                    monkeypatch):
    calls = []

    def silent(texts, models, options=None, stats=None):
        calls.append(len(texts))
        return [""] * len(texts)         # what a model gives on input it cannot handle
    monkeypatch.setattr(mt, "translate_texts", silent)
    path = seed_catalogs / "uk" / "000_a9fb1a76507f7b7d.po"
    mt.fill_catalogs([path], models=with_models)
    entry = polib.pofile(str(path)).find("War and terror")
    assert entry.msgstr == "War and terror" and entry.fuzzy
    assert "gave no output; the English stands in" in entry.tcomment
    mt.fill_catalogs([path], models=with_models)
    assert calls == [40]
