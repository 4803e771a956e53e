"""The translate command as a user runs it: help, the quotes contract, bad input."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tests.conftest import SEED
from translate import __version__
from translate.cli import main

COMMANDS = ["quotes", "segment", "extract", "render"]


def run(*args, cwd=None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_version_and_module_entry_point():
    assert run("--version").output.strip() == f"translate, version {__version__}"
    done = subprocess.run([sys.executable, "-m", "translate", "--version"],
                          capture_output=True, text=True)
    assert done.stdout.strip() == f"translate, version {__version__}"


def test_quotes_json_is_the_documented_contract():
    result = run("quotes", str(SEED), "--json")
    quotes = json.loads(result.output)
    assert len(quotes) == 10
    assert set(quotes[0]) >= {"text", "speaker", "mention", "cue", "gender", "partial", "block"}
    assert quotes[7] | {"line": 0} == {
        "text": "Will there be another one? Will something collapse on you?",
        "speaker": "Yuliia Golovnina", "mention": "the 47-year-old", "cue": "said",
        "gender": "f", "partial": False, "block": "b19", "line": 0}


def test_extract_then_render_writes_catalogs_and_articles(tmp_path):
    loc, out = tmp_path / "loc", tmp_path / "out"
    assert run("-q", "extract", str(SEED), "--locales", str(loc)).exit_code == 0
    assert sorted(p.relative_to(loc).as_posix() for p in loc.rglob("*.po*")) == [
        "de/000_a9fb1a76507f7b7d.po", "pl/000_a9fb1a76507f7b7d.po",
        "templates/000_a9fb1a76507f7b7d.pot", "uk/000_a9fb1a76507f7b7d.po"]
    result = run("render", str(SEED), "--locales", str(loc), "--out", str(out), "--lang", "de")
    assert "0/40 pieces translated, 40 in the source language" in result.output
    assert (out / "de" / "000_a9fb1a76507f7b7d.txt").read_text().startswith(" date 2025-07-04 „We")


def test_unknown_language_is_a_usage_error():
    result = run("extract", str(SEED), "--lang", "xx")
    assert result.exit_code == 2 and "unknown language 'xx'" in result.output


def write(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "missing.txt: no such file or directory"),
    (lambda d: (d / "empty_dir").mkdir() or d / "empty_dir", "directory holds no articles"),
    (lambda d: write(d / "empty.txt", b"\n  \n"), "empty.txt: is empty"),
    (lambda d: write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\0\0"), "bin.txt: is a binary file"),
    (lambda d: write(d / "latin1.txt", b"Caf\xe9 news\n\nMore.\n"), "latin1.txt:1: is not UTF-8"),
])
def test_bad_input_is_one_line_exit_1_and_nothing_written(tmp_path, make, message):
    path = make(tmp_path)
    done = subprocess.run([sys.executable, "-m", "translate", "extract", str(path),
                           "--locales", str(tmp_path / "loc")], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "loc").exists()


def test_broken_po_fails_render_with_file_and_line(tmp_path):
    loc = tmp_path / "loc"
    run("-q", "extract", str(SEED), "--locales", str(loc), "--lang", "uk")
    po = loc / "uk" / "000_a9fb1a76507f7b7d.po"
    po.write_text(po.read_text() + 'msgid "x"\nmsgstr\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "translate", "render", str(SEED), "--locales",
                           str(loc), "--lang", "uk", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith(f"translate: error: {po}:")
    assert not (tmp_path / "out").exists()


def test_bom_and_crlf_survive_the_round_trip(tmp_path):
    article = write(tmp_path / "crlf.txt", "\ufeffHeadline\r\n\r\n“We spoke,” Zelenskyy said "
                    "after the call, in Kyiv.\r\n\r\nMore text follows here.\r\n".encode())
    loc = tmp_path / "loc"
    run("-q", "extract", str(article), "--locales", str(loc), "--lang", "de")
    (loc / "en").mkdir()
    subprocess.run(["msgen", "-o", str(loc / "en" / "crlf.po"), str(loc / "templates" / "crlf.pot")],
                   check=True)
    run("-q", "render", str(article), "--locales", str(loc), "--lang", "en", "--out",
        str(tmp_path / "out"))
    assert (tmp_path / "out" / "en" / "crlf.txt").read_bytes() == article.read_bytes()
