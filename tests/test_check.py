"""QA checks: a failing and a passing case of each, on real PO content, and the CI gate."""

import json
import shutil
import subprocess
import sys

import polib
import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from translate import check, languages
from translate.cli import main

TERMS = check.read_glossary(ROOT / "locales" / "glossary.csv")


def entry(msgid, msgstr, msgctxt=None, fuzzy=False, tcomment=""):
    return polib.POEntry(msgid=msgid, msgstr=msgstr, msgctxt=msgctxt, tcomment=tcomment,
                         flags=["fuzzy"] if fuzzy else [])


def fails(name, code, msgid, msgstr, msgctxt=None, tcomment=""):
    found = check.CHECKS[name].function(entry(msgid, msgstr, msgctxt, tcomment=tcomment),
                                         languages.get(code), TERMS)
    return found is not None


def passes(*args, **kwargs):
    return not fails(*args, **kwargs)


BARRAGE = "The barrage, according to the air force, comprised 539 drones and 11 missiles."


def test_numbers():
    assert passes("numbers", "uk", BARRAGE, "За даними Повітряних сил, удар складався з 539 дронів і 11 ракет.")
    assert fails("numbers", "uk", BARRAGE, "За даними Повітряних сил, удар складався з 593 дронів і 11 ракет.")
    # each language's grouping and decimal separator (CLDR, through Babel)
    assert passes("numbers", "de", "They agreed to exchange 1,000 prisoners and 3.5 tonnes.",
                  "Sie vereinbarten den Austausch von 1.000 Gefangenen und 3,5 Tonnen.")
    assert passes("numbers", "pl", "They agreed to exchange 1,000 prisoners.",
                  "Uzgodnili wymianę 1\u00a0000 jeńców.")


def test_quotes():
    assert passes("quotes", "uk", "Ukraine needs more to defend itself, not less",
                  "Україні потрібно більше, щоб захищатися, а не менше", "quote|Germany’s foreign ministry|-")
    assert fails("quotes", "uk", "Ukraine needs more to defend itself, not less",
                 "Україні потрібно «більше», щоб захищатися", "quote|Germany’s foreign ministry|-")
    stepped = "European Commission president Ursula von der Leyen said the EU needed to “step up”."
    assert passes("quotes", "de", stepped, "Ursula von der Leyen sagte, die EU müsse „mehr tun“.")
    assert fails("quotes", "de", stepped, "Ursula von der Leyen sagte, die EU müsse mehr tun.")


def test_glossary_accepts_inflected_forms_by_real_morphology():
    msgid = "He urged the United States to increase pressure on Zelenskyy's opponents in Kyiv."
    assert passes("glossary", "uk", msgid, "Він закликав США посилити тиск на опонентів Зеленського в Києві.")
    assert passes("glossary", "pl", msgid, "Wezwał USA do zwiększenia presji na przeciwników Zełenskiego w Kijowie.")
    assert passes("glossary", "de", msgid, "Er forderte die USA auf, den Druck auf Selenskyjs Gegner in Kiew zu erhöhen.")
    assert fails("glossary", "uk", msgid, "Він закликав США посилити тиск на опонентів Зеленського в Кийові.")
    assert fails("glossary", "de", msgid, "Er forderte die USA auf, den Druck auf Zelenskyys Gegner in Kiew zu erhöhen.")


def test_glossary_names_kept_as_they_are():
    assert passes("glossary", "uk", "- Agence France-Presse", "- Agence France-Presse")
    assert fails("glossary", "uk", "Photo / Getty Images", "Фото / Гетті Імеджес")


def test_gender_agreement_in_attributions():
    she = "attribution|Yuliia Golovnina|f"
    assert passes("gender", "uk", "she added.", "додала вона.", she)
    assert fails("gender", "uk", "she added.", "додав він.", she)
    assert passes("gender", "pl", "the 47-year-old said.", "powiedziała 47-latka.", she)
    assert fails("gender", "pl", "the 47-year-old said.", "powiedział 47-latek.", she)
    assert fails("gender", "uk", "he said.", "сказала вона.", "attribution|Tymur|m")
    assert passes("gender", "uk", "the ministry said.", "заявило міністерство.",
                  "attribution|Germany’s foreign ministry|-")


def test_untranslated():
    assert fails("untranslated", "pl", "Overnight Russian attacks have escalated.",
                 "Overnight Russian attacks have escalated.")
    assert passes("untranslated", "pl", "Agence France-Presse", "Agence France-Presse")


def test_language():
    assert fails("language", "de", BARRAGE, "The barrage, according to the air force, comprised 539 drones.")
    assert passes("language", "de", BARRAGE, "Nach Angaben der Luftwaffe umfasste der Angriff 539 Drohnen und 11 Raketen.")
    assert passes("language", "de", "War and terror", "War and terror")   # too short to judge


def test_punctuation_spaces_brackets():
    assert fails("punctuation", "uk", "he said.", "сказав він")
    assert passes("punctuation", "uk", "he said.", "сказав він.")
    assert fails("spaces", "pl", "War and terror", "Wojna  i terror")
    assert fails("spaces", "pl", "War and terror", " Wojna i terror")
    assert passes("spaces", "pl", "War and terror", "Wojna i terror")
    assert fails("brackets", "de", "Rep. Gwen Moore (D-Wis.) said.", "Gwen Moore (D-Wis. sagte.")
    assert passes("brackets", "de", "Rep. Gwen Moore (D-Wis.) said.", "Gwen Moore (D-Wis.) sagte.")


def test_demo_output_is_a_warning_unless_publishing():
    note = "machine translation: translate-en_uk 0.1 (demo model)"
    assert fails("demo", "uk", "War and terror", "Війна і терор", tcomment=note)
    assert passes("demo", "uk", "War and terror", "Війна і терор", tcomment="")


# -- the gate on real catalogs ------------------------------------------------------------
@pytest.fixture
def project(tmp_path, monkeypatch):
    """The sample with reviewed reference translations, as a translator would leave it."""
    import csv
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "locales" / "glossary.csv", tmp_path / "glossary.csv")
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(main, ["-q", "extract"], catch_exceptions=False)
    shutil.copy(tmp_path / "glossary.csv", tmp_path / "locales" / "glossary.csv")
    with open(ROOT / "tests" / "models" / "reference.tsv", encoding="utf-8") as f:
        ref = list(csv.DictReader(f, delimiter="\t"))
    for code in ("uk", "pl", "de"):
        path = tmp_path / "locales" / code / "000_a9fb1a76507f7b7d.po"
        po = polib.pofile(str(path))
        for e in po:
            e.msgstr = next(r[code] for r in ref if r["en"] == e.msgid)
        po.save(str(path))
    return tmp_path


def run_check(*args):
    return subprocess.run([sys.executable, "-m", "translate", "check", *args],
                          capture_output=True, text=True)


def test_reviewed_reference_catalogs_pass(project):
    done = run_check()
    assert done.returncode == 0, done.stdout + done.stderr


def edit(project, code, msgid, change, msgctxt=None):
    path = project / "locales" / code / "000_a9fb1a76507f7b7d.po"
    po = polib.pofile(str(path))
    e = po.find(msgid, msgctxt=msgctxt) if msgctxt else po.find(msgid)
    change(e)
    po.save(str(path))
    return path, polib.pofile(str(path)).find(msgid, msgctxt=msgctxt) if msgctxt else \
        polib.pofile(str(path)).find(msgid)


@pytest.mark.parametrize("code, msgid, msgctxt, change, name", [
    ("uk", BARRAGE, None, lambda e: setattr(e, "msgstr", e.msgstr.replace("539", "593")), "numbers"),
    ("de", "Zelenskyy said on social media after the call.", "attribution|Zelenskyy|m",
     lambda e: setattr(e, "msgstr", e.msgstr.replace("Selenskyj", "Selenski")), "glossary"),
    ("uk", "she added.", "attribution|Yuliia Golovnina|f",
     lambda e: setattr(e, "msgstr", "додав він."), "gender"),
])
def test_a_broken_entry_fails_with_its_exact_location(project, code, msgid, msgctxt, change, name):
    path, changed = edit(project, code, msgid, change, msgctxt)
    done = run_check("--format", "json")
    assert done.returncode == 1
    found = [f for f in json.loads(done.stdout) if f["severity"] == "error"]
    assert [(f["path"], f["line"], f["lang"], f["check"]) for f in found] == [
        (f"locales/{code}/000_a9fb1a76507f7b7d.po", changed.linenum, code, name)]


def test_a_stale_catalog_fails(project):
    article = project / "seeds" / "000_a9fb1a76507f7b7d.txt"
    article.write_text(article.read_text().replace("539 drones", "540 drones"), encoding="utf-8")
    done = run_check()
    assert done.returncode == 1
    assert "stale: new in the article: run translate extract" in done.stdout


def test_a_syntax_error_fails_with_file_and_line(project):
    path = project / "locales" / "pl" / "000_a9fb1a76507f7b7d.po"
    path.write_text(path.read_text() + '\nmsgid "x"\nmsgstr "y"\nmsgstr "z"\n', encoding="utf-8")
    done = run_check()
    assert done.returncode == 1
    assert f"{path.relative_to(project)}:" in done.stderr + done.stdout


def test_fuzzy_problems_are_warnings(project):
    edit(project, "uk", BARRAGE, lambda e: (setattr(e, "msgstr", e.msgstr.replace("539", "593")),
                                            e.flags.append("fuzzy")))
    done = run_check()
    assert done.returncode == 0 and "warning: numbers" in done.stdout


def test_junit_and_github_annotations(project, monkeypatch):
    edit(project, "uk", BARRAGE, lambda e: setattr(e, "msgstr", e.msgstr.replace("539", "593")))
    junit = run_check("--format", "junit").stdout
    assert '<testsuite name="translate check" tests="1" failures="1">' in junit
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    annotated = run_check().stdout
    assert "::error file=locales/uk/000_a9fb1a76507f7b7d.po,line=" in annotated


def test_shards_cover_every_article_exactly_once(tmp_path):
    from translate.cli import _shard
    names = [f"article-{n:02}" for n in range(10)]
    shares = [_shard(names, (k, 3)) for k in (1, 2, 3)]
    assert sorted(sum(shares, [])) == names
    assert all(len(s) in (3, 4) for s in shares)
    assert _shard(names, (2, 3)) == _shard(list(reversed(names)), (2, 3))   # deterministic
