"""Typographic and gettext facts per language: one table each, read by catalog and render;
and which language a text is in."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    plural_forms: str
    quotes: tuple        # opening and closing mark of a quote
    nested: tuple        # the marks of a quote inside a quote
    # How a quote meets the attribution that follows it. The source's comma inside the
    # closing mark ("...,” he said") is the text's, so each language places its own.
    close_attr: str      # after a quote that ended in a comma
    close_attr_term: str  # after a quote that ended in ? or !
    open_attr: str       # between an attribution and the quote it introduces
    period_outside: bool = False   # a quote's full stop goes after the closing mark


ENGLISH = Language(
    code="en", name="English",
    plural_forms="nplurals=2; plural=(n != 1);",
    quotes=("“", "”"), nested=("‘", "’"),
    close_attr=",”", close_attr_term="”", open_attr=": “",
)

# Duden: „Wir sprachen“, sagte er. / Er sagte: „…“  Nested: ‚…‘
GERMAN = Language(
    code="de", name="German",
    plural_forms="nplurals=2; plural=(n != 1);",
    quotes=("„", "“"), nested=("‚", "‘"),
    close_attr="“,", close_attr_term="“,", open_attr=": „",
)

# Polish: „Rozmawialiśmy” – powiedział. / Powiedział: „…”  Nested: «…»
POLISH = Language(
    code="pl", name="Polish",
    plural_forms="nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
                 "(n%100<10 || n%100>=20) ? 1 : 2);",
    quotes=("„", "”"), nested=("«", "»"),
    close_attr="” –", close_attr_term="” –", open_attr=": „",
)

# Ukrainian: «Ми говорили», — сказав він. / «Чи буде ще?» — сказала вона.
# Він сказав: «…».  Nested: „…“. The full stop of a quote stands after the guillemet.
UKRAINIAN = Language(
    code="uk", name="Ukrainian",
    plural_forms="nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                 "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    quotes=("«", "»"), nested=("„", "“"),
    close_attr="», —", close_attr_term="» —", open_attr=": «",
    period_outside=True,
)

LANGUAGES = {lang.code: lang for lang in (ENGLISH, GERMAN, POLISH, UKRAINIAN)}
DEFAULT_TARGETS = ("uk", "pl", "de")


def get(code):
    """The table for a language code; KeyError names the codes we know."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise KeyError(f"unknown language {code!r} (known: {known})") from None


def language_candidates(text):
    """langdetect's (language, probability) guesses, seeded for repeatable answers."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs
    DetectorFactory.seed = 0
    try:
        return [(c.lang, c.prob) for c in detect_langs(text)]
    except LangDetectException:
        return []


def detect_language(text):
    """The language of a whole article (English when langdetect cannot tell)."""
    found = language_candidates(text)
    return found[0][0] if found else "en"
