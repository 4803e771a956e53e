"""Words and names: tokens of English news prose, and what a run of capitalised words
names (a person, an organisation, a group, a gender the first name tells)."""

import re
from functools import lru_cache

from translate import english as en

# words may carry mis-decoded bytes ("FranÃ§ois") without breaking the name they are in
TOKEN_RE = re.compile(r"\([^()]{0,40}\)|[\w’'\x80-\x9f§][\w’'.\-/\x80-\x9f§]*|[^\w\s]")
PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][\w.\-]*$")   # "R-Ky.", "D-N.Y." after a lawmaker
ABBREV_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|[A-Z]\.")
PUNCT = set(",.;:!?—–―()[]“”\"‘")
DASHES = "―—–"
ORG_JOINS = ("of", "on", "for", "and", "the", "to")


def tokens(text):
    """Word and punctuation tokens; a period stays on abbreviations and initials."""
    out = []
    for m in TOKEN_RE.finditer(text):
        tok, s = m.group(), m.start()
        if tok.endswith(".") and len(tok) > 1 and not (
                ABBREV_TOKEN_RE.fullmatch(tok) or tok[:-1].lower() in en.ABBREVIATIONS
                or PARTY_TAG_RE.match(tok)):
            out.append((tok[:-1], s))
            out.append((".", s + len(tok) - 1))
        else:
            out.append((tok, s))
    return _drop_nicknames(out)


def _drop_nicknames(toks):
    """Marcia "Cia" Price: marks around one capitalised word inside a name are not
    punctuation of the clause."""
    marks = {'"', "“", "”"}
    keep = []
    for n, (tok, s) in enumerate(toks):
        if tok in marks and (
                n + 2 < len(toks) and toks[n + 2][0] in marks and is_cap(toks[n + 1][0])
                or n >= 2 and toks[n - 2][0] in marks and is_cap(toks[n - 1][0])):
            continue
        keep.append((tok, s))
    return keep


def words(text):
    return [t for t, _ in tokens(text) if t not in PUNCT]


def is_cap(tok):
    return tok[:1].isupper()


POSSESSIVE_RE = re.compile(r"[’']s$")


def possessive(tok):
    """"Trump’s", "Scott's": a possessor."""
    return POSSESSIVE_RE.search(tok) is not None


def bare(tok):
    """A token without its clitic: "He’s" -> "he"."""
    return POSSESSIVE_RE.sub("", tok.lower())


def join_words(toks):
    out = ""
    for t in toks:
        if out and t not in ",.;:!?)" and not out.endswith("("):
            out += " "
        out += t
    return out


# Words that open a run of capitals without belonging to the name: "the", "von", "Even".
NOT_NAME_WORDS = en.NAME_PARTICLES | en.FOCUS_WORDS | {"the"}


def split_mention(mention):
    """(name, title words) of a mention: "spokesman Dmitry Peskov" -> "Dmitry Peskov"."""
    head = mention.split(",")[0]
    toks = words(re.sub(r"\([^)]*\)", " ", head))
    if "of" in toks:
        cut = toks.index("of")
        left = toks[:cut]
        # "Del. Stacey Plaskett of the Virgin Islands": a person, then an affiliation
        if len(left) >= 2 and is_cap(left[-1]) and left[-1].lower() not in en.TITLES and \
                not is_organisation(" ".join(left)):
            toks = left
    org = [n for n, t in enumerate(toks) if is_cap(t) and _org_word(toks, n)]
    if org and is_cap(toks[-1]):
        # "the nonpartisan Commission on Presidential Debates": one name across of/on/for
        first = len(toks) - 1
        while first > 0 and (is_cap(toks[first - 1]) or toks[first - 1] in ORG_JOINS):
            first -= 1
        while toks[first] in ORG_JOINS:     # "The Kremlin" keeps its capital article
            first += 1
        if first <= org[0] and toks[first].lower() not in en.TITLES:
            return " ".join(toks[first:]), toks[:first]
    if not toks or not is_cap(toks[-1]):
        return None, toks
    i = len(toks) - 1
    while i > 0 and (is_cap(toks[i - 1]) or toks[i - 1].lower() in en.NAME_PARTICLES):
        i -= 1
    run = toks[i:]
    for n in range(len(run) - 1, -1, -1):
        if run[n].lower() in en.TITLES and n < len(run) - 1:
            run = run[n + 1:]
            break
    # "NBC’s Dante Chinni": the possessor is an affiliation, the name follows it
    for n in range(len(run) - 2, -1, -1):
        if possessive(run[n]):
            run = run[n + 1:]
            break
    while run and run[0].lower() in NOT_NAME_WORDS:
        run = run[1:]
    if not run or all(t.lower() in en.TIME_WORDS for t in run):
        return None, toks
    run[-1] = POSSESSIVE_RE.sub("", run[-1])     # "Oz’s dubious advice ... for saying"
    return " ".join(run), toks[:len(toks) - len(run)]


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as gg
    except ImportError:
        return None
    return gg.Detector(case_sensitive=False)


def first_name_gender(name):
    """A first name's gender where it is unambiguous ("Ursula" f), else None."""
    toks = name.split()
    if len(toks) < 2 or not toks[0].isalpha() or not is_cap(toks[0]):
        return None     # "one veteran": no first name to tell
    detector = _detector()
    found = detector.get_gender(toks[0]) if detector else "unknown"
    return {"male": "m", "female": "f"}.get(found)


def is_organisation(name):
    """A word of the name makes it an organisation or a place ("Senate Democrats" does not
    count; "the Commission on Presidential Debates" does)."""
    toks = name.split()
    return any(_org_word(toks, n) for n in range(len(toks)))


def _org_word(toks, n):
    """"Commission" in "the Commission on ...", "Post" ending "The Washington Post"; not
    "Park" opening "Park Geun-hye": an organisation's word heads its name."""
    word = bare(toks[n])
    return (word in en.ORG_WORDS or word.endswith("s") and word[:-1] in en.ORG_WORDS) and (
        n == len(toks) - 1 or not is_cap(toks[n + 1]))


def full_name(name):
    """"Aung San Suu Kyi": two or more capitalised words and none of an organisation's."""
    toks = name.split()
    return len(toks) >= 2 and all(is_cap(t) for t in toks) and not is_organisation(name)


def is_group(name):
    """"Obama and Clinton", "Critics", "Administration officials": who "they" can be."""
    toks = name.split()
    return " and " in name or bool(toks) and people_noun(toks[-1].lower())


def people_noun(word):
    """"officials", "critics", "women": a plural noun for people."""
    return word in en.PERSON_PLURALS or word.endswith("s") and (
        word[:-1] in en.PERSON_NOUNS or word.endswith("ies") and word[:-3] + "y" in en.PERSON_NOUNS)


# Words that open a capitalised run without being a first name ("Said Ellis", "Even China").
NOT_FIRST_NAMES = (en.TIME_WORDS | en.SENTENCE_STARTERS | en.NP_STOPS | en.INTRO_WORDS
                   | en.FOCUS_WORDS | en.CUE_VERBS)


def is_person_name(name):
    """A name that opens with a first name the lexicon knows ("Melanie", "Jill Stein")."""
    toks = name.split()
    detector = _detector()
    if not toks or not toks[0].isalpha() or detector is None or \
            toks[0].lower() in NOT_FIRST_NAMES or is_organisation(name):
        return False
    return detector.get_gender(toks[0]) != "unknown"
