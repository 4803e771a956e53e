"""Quality checks for CI. A check is one function: its name is the one users see, its
docstring's first line is its help, and its severity is set where it is registered."""

import csv
import os
import re
import subprocess
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import polib

from translate import catalog, languages

CHECKS = {}


@dataclass
class Check:
    name: str
    function: object
    severity: str   # "error" fails the run on a reviewed entry; "warning" never does

    @property
    def doc(self):
        return (self.function.__doc__ or "").strip().split("\n")[0]


def check(severity="error"):
    def register(function):
        CHECKS[function.__name__] = Check(function.__name__, function, severity)
        return function
    return register


@dataclass
class Finding:
    path: str
    line: int
    lang: str
    entry: str
    check: str
    message: str
    severity: str

    def as_dict(self):
        return asdict(self)

    def __str__(self):
        entry = f" [{self.entry[:50]}]" if self.entry else ""
        return f"{self.path}:{self.line}: {self.lang}: {self.severity}: {self.check}: {self.message}{entry}"


# -- the glossary ------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    source: str
    targets: dict      # language code -> rendering
    note: str = ""

    @property
    def kept(self):
        return self.note.startswith("keep")


def read_glossary(path):
    """locales/glossary.csv: en,uk,pl,de,note (one term a row); missing file, no terms."""
    path = Path(path)
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    codes = [c for c in (rows[0].keys() if rows else []) if c not in ("en", "note")]
    return [Term(r["en"], {c: r[c] for c in codes if r.get(c)}, r.get("note") or "")
            for r in rows if r.get("en")]


@lru_cache(maxsize=None)
def _lemmas(code, word):
    """A word's lemmas, lower-cased, by real morphology where a library has it: pymorphy3
    (Ukrainian), Morfeusz 2 (Polish). Cached: every glossary term asks about every word."""
    if code == "uk":
        return {p.normal_form.lower() for p in _morph_uk().parse(word)}
    if code == "pl":
        return {a[2][1].split(":")[0].lower() for a in _morf_pl().analyse(word)}
    return set()


def _matches(word, term, code):
    """Is word a form of term? Its lemma by real morphology; failing that (a name the
    dictionary lacks, an adjective made from a place: Донецькій <- Донецьк), a shared stem."""
    w, t = word.lower(), term.lower()
    if w == t or t in _lemmas(code, word):
        return True
    if code not in ("uk", "pl"):
        # no morphology library here: German names take only a genitive -s (Selenskyjs)
        # or open a compound; adjectives (ukrainisch) take the standard endings
        return w.startswith(t) and w[len(t):] in ("s", "e", "en", "er", "es", "em") or \
            w.startswith(t + "-")
    return len(os.path.commonprefix([w, t])) >= min(max(4, len(t) - 2), len(t))


def term_found(term, text, code):
    """Does text render the term: verbatim, or (but for names kept as they are) every word
    of it in some inflected form?"""
    targets = term.targets.get(code, "")
    if not targets:
        return True
    words = re.findall(r"\w[\w’'-]*", text)
    for target in targets.split("|"):      # "Rosja|rosyjski": the name or its adjective
        if target in text:
            return True
        if not term.kept and all(any(_matches(w, part, code) for w in words)
                                 for part in target.split()):
            return True
    return False


# -- checks on one entry -------------------------------------------------------------------
NUMBER_RE = re.compile(r"\d[\d\u00a0\u202f ,.]*\d|\d")


def _numbers(text, decimal, group):
    found = []
    for raw in NUMBER_RE.findall(text):
        raw = raw.strip(" ,.")
        value = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if group:
            value = value.replace(group, "")
        value = value.replace(decimal, ".")
        found.append(value)
    return found


@lru_cache(maxsize=None)
def _number_symbols(code):
    """(decimal, group) separators of a language, from CLDR as Babel ships it."""
    from babel import numbers
    return numbers.get_decimal_symbol(code), numbers.get_group_symbol(code)


@check("error")
def numbers(entry, lang, glossary):
    """Every number of the source appears in the translation (in the language's own digit grouping)."""
    source = _numbers(entry.msgid, ".", ",")
    decimal, group = _number_symbols(lang.code)
    target = _numbers(entry.msgstr, decimal, group.replace("\u00a0", " ")) + \
        _numbers(entry.msgstr, ".", ",")
    missing = [n for n in source if n not in target]
    if missing:
        return f"number {missing[0]} of the source is missing"
    return None


@check("error")
def quotes(entry, lang, glossary):
    """A quote keeps no quotation marks of its own; a sentence keeps its quoted phrases."""
    if (entry.msgctxt or "").startswith("quote|"):
        stray = [c for c in entry.msgstr if c in "“”„«»\""]
        if stray:
            return f"stray quotation mark {stray[0]} would break the rendered quote"
        return None
    quoted = len(re.findall(r"[“\"][^”\"]+[”\"]", entry.msgid))
    opened = sum(entry.msgstr.count(c) for c in (lang.quotes[0], "“", "\""))
    if quoted and opened < quoted:
        return f"{quoted} quoted phrase(s) in the source, {opened} in the translation"
    return None


@check("error")
def glossary(entry, lang, terms):
    """Names and terms from the glossary, in any inflected form."""
    for term in terms:
        if re.search(rf"(?<!\w){re.escape(term.source)}(?!\w)", entry.msgid) and \
                not term_found(term, entry.msgstr, lang.code):
            return f"“{term.source}” should be “{term.targets[lang.code].split('|')[0]}” " \
                   f"(or a form of it)"
    return None


def _past_genders(text, code):
    """The genders of the past-tense verbs in text, by the language's morphology."""
    found = set()
    if code == "uk":
        morph = _morph_uk()
        for word in re.findall(r"\w+", text):
            tag = morph.parse(word)[0].tag
            if tag.POS == "VERB" and tag.tense == "past" and tag.gender in ("masc", "femn"):
                found.add("m" if tag.gender == "masc" else "f")
    elif code == "pl":
        morf = _morf_pl()
        for word in re.findall(r"\w+", text):
            for _, _, (_, _, tag, *_rest) in morf.analyse(word):
                if tag.startswith("praet:sg:"):
                    found.add("f" if ":f:" in tag + ":" else "m")
                    break
    return found


@lru_cache(maxsize=None)
def _morph_uk():
    import pymorphy3
    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=None)
def _morf_pl():
    import morfeusz2
    return morfeusz2.Morfeusz()


@check("error")
def gender(entry, lang, terms):
    """An attribution's past-tense verb agrees with the speaker (-ла/-ła for a woman)."""
    ctxt = entry.msgctxt or ""
    if lang.code not in ("uk", "pl") or not ctxt.startswith("attribution|"):
        return None
    speaker_gender = ctxt.rsplit("|", 1)[-1]
    if speaker_gender not in ("m", "f"):
        return None
    genders = _past_genders(entry.msgstr, lang.code)
    if genders and speaker_gender not in genders:
        word = "feminine" if speaker_gender == "f" else "masculine"
        return f"the speaker is {'female' if speaker_gender == 'f' else 'male'}: the verb " \
               f"should be {word}"
    return None


@check("error")
def untranslated(entry, lang, terms):
    """The translation is not a copy of the English (names kept as they are excepted)."""
    words = re.findall(r"[A-Za-z]{3,}", entry.msgid)
    kept = {t.source for t in terms if t.kept or t.targets.get(lang.code) == t.source}
    if entry.msgstr.strip() == entry.msgid.strip() and len(words) >= 2 and \
            entry.msgid.strip() not in kept:
        return "the translation is the English text"
    return None


# Measured on the reference translations (tests/models): with the target among
# langdetect's candidates at p >= 0.1, pieces of 40-79 characters are all recognised,
# 20-39 only 80% of them, under 20 some 70%. Shorter pieces are not judged.
LANGDETECT_MIN_CHARS = 40


@check("warning")
def language(entry, lang, terms):
    """The translation is in the target language (checked where it is long enough to judge)."""
    if len(entry.msgstr) < LANGDETECT_MIN_CHARS:
        return None
    found = languages.language_candidates(entry.msgstr)
    if found and not any(code == lang.code and p >= 0.1 for code, p in found):
        return f"the translation reads as {found[0][0]!r}, not {lang.code!r}"
    return None


END = ".?!…"


@check("error")
def punctuation(entry, lang, terms):
    """A sentence that ends with . ? or ! ends so in translation too."""
    src = entry.msgid.rstrip().rstrip("”’\"»)")
    dst = entry.msgstr.rstrip().rstrip("”’\"»“)")
    if src[-1:] in END and dst[-1:] not in END:
        return f"the source ends with “{src[-1]}”, the translation does not"
    return None


@check("error")
def spaces(entry, lang, terms):
    """No doubled spaces, and leading and trailing white space as in the source."""
    if "  " in entry.msgstr and "  " not in entry.msgid:
        return "doubled space"
    if entry.msgstr[:1].isspace() != entry.msgid[:1].isspace() or \
            entry.msgstr[-1:].isspace() != entry.msgid[-1:].isspace():
        return "leading or trailing white space differs from the source"
    return None


@check("error")
def brackets(entry, lang, terms):
    """Brackets are balanced, as many as in the source."""
    for pair in ("()", "[]"):
        opened, closed = entry.msgstr.count(pair[0]), entry.msgstr.count(pair[1])
        if opened != closed or opened != entry.msgid.count(pair[0]):
            return f"unbalanced or missing {pair}"
    return None


@check("warning")
def demo(entry, lang, terms):
    """Machine translation by a demo model, not fit for publication (an error with --publish)."""
    if "(demo model)" in entry.tcomment:
        return "filled by a demo model"
    return None


# -- running the checks -------------------------------------------------------------------------
def check_entry(entry, lang, terms, names=None):
    """(check, message) of every check an entry fails."""
    if entry.obsolete or not entry.msgstr or not entry.msgid:
        return []
    out = []
    for check_ in CHECKS.values():
        if names is None or check_.name in names:
            message = check_.function(entry, lang, terms)
            if message:
                out.append((check_, message))
    return out


def check_catalogs(articles, locales, langs, publish=False, severities=None):
    """Every finding on the catalogs of the given articles: stale files, msgfmt errors,
    and QA checks (errors on reviewed entries, warnings on fuzzy ones)."""
    severities = severities or {}
    terms = read_glossary(Path(locales) / "glossary.csv")
    findings = []
    expected = catalog.extracted(articles, locales, langs)
    for path, text in expected.items():
        lang = path.parent.name
        if not path.exists():
            findings.append(Finding(str(path), 0, lang, "", "stale", "missing: run translate "
                                    "extract", "error"))
            continue
        language = languages.get(lang) if path.suffix == ".po" else None
        have = catalog.read_po(path, language)   # parsed once, for staleness and QA
        if path.read_text(encoding="utf-8") != text:
            findings += _stale(path, have, text, lang)
        findings += _msgfmt(path, lang)
        if language is None:
            continue
        for entry in have:
            for check_, message in check_entry(entry, language, terms):
                severity = severities.get(check_.name, check_.severity)
                if check_.name == "demo" and publish:
                    severity = "error"
                elif entry.fuzzy and severity == "error":
                    severity = "warning"
                findings.append(Finding(str(path), entry.linenum, lang, entry.msgid,
                                        check_.name, message, severity))
    return findings


def _stale(path, have, text, lang):
    """Which entries extract would add or drop (or that headers and comments moved)."""
    want = polib.pofile(text)
    have_keys = {(e.msgctxt, e.msgid): e for e in have if not e.obsolete}
    want_keys = {(e.msgctxt, e.msgid) for e in want if not e.obsolete}
    out = [Finding(str(path), e.linenum, lang, k[1], "stale", "no longer in the article: run "
                   "translate extract", "error") for k, e in have_keys.items() if k not in want_keys]
    out += [Finding(str(path), 0, lang, k[1], "stale", "new in the article: run translate "
                    "extract", "error") for k in want_keys if k not in have_keys]
    return out or [Finding(str(path), 1, lang, "", "stale", "extract would rewrite this file "
                           "(comments, references or headers changed)", "error")]


def _msgfmt(path, lang):
    run = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
                         capture_output=True, text=True)
    if run.returncode == 0:
        return []
    out = []
    for line in run.stderr.splitlines():
        m = re.match(rf"{re.escape(str(path))}:(\d+): (.*)", line)
        if m and "warning" not in m.group(2):
            out.append(Finding(str(path), int(m.group(1)), lang, "", "msgfmt", m.group(2), "error"))
    return out or [Finding(str(path), 0, lang, "", "msgfmt", run.stderr.strip()[:200], "error")]


# -- reports --------------------------------------------------------------------------------------
def as_junit(findings):
    errors = [f for f in findings if f.severity == "error"]
    cases = "".join(
        f'  <testcase classname={quoteattr(f.path)} name={quoteattr(f"{f.check}:{f.line}")}>'
        f'<failure message={quoteattr(f.message)}>{escape(str(f))}</failure></testcase>\n'
        for f in errors)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="translate check" '
            f'tests="{max(len(errors), 1)}" failures="{len(errors)}">\n'
            + (cases or '  <testcase classname="translate" name="check"/>\n') + "</testsuite>\n")


def as_github(finding):
    kind = "error" if finding.severity == "error" else "warning"
    return f"::{kind} file={finding.path},line={max(finding.line, 1)},title={finding.check}::" \
           f"{finding.lang}: {finding.message}"
