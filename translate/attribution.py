"""Who said it: cue verbs, speaker mentions, and pronouns resolved to named people."""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from translate import english as en

# words may carry mis-decoded bytes ("FranÃ§ois") without breaking the name they are in
TOKEN_RE = re.compile(r"\([^()]{0,40}\)|[\w’'\x80-\x9f§][\w’'.\-/\x80-\x9f§]*|[^\w\s]")
PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][\w.\-]*$")   # "R-Ky.", "D-N.Y." after a lawmaker
ABBREV_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|[A-Z]\.")
PUNCT = set(",.;:!?—–―()[]“”\"‘")
DASHES = "―—–"
ORG_JOINS = ("of", "on", "for", "and", "the", "to")
# ", a political scientist", ", president of the caucus": a description after a name
APPOSITIVE_RE = re.compile(r",\s+(?:(?:a|an|the|his|her|its|their)\s|[a-z][\w-]*(?:\s[a-z][\w-]*)?\s(?:of|at|for)\s)")


@dataclass
class Link:
    """How the segmenter found a quote: its attribution text, if any, and where."""

    attribution: tuple | None = None   # (text, form, offset); form: after, before, sentence
    continued: bool = False            # news-style continuation of the last paragraph's quote
    inside: int = 0                    # for partial quotes: offset within the sentence


@dataclass
class Entity:
    name: str
    person: bool | None = None   # None: the text has not told yet
    votes: Counter = field(default_factory=Counter)
    titles: set = field(default_factory=set)
    seen: int = 0
    mentions: int = 0   # as a subject or speaker: "Cruz" is Ted, not his wife Heidi Cruz

    @property
    def key(self):
        return _key(self.name)

    @property
    def gender(self):
        if self.votes["m"] != self.votes["f"]:
            return "m" if self.votes["m"] > self.votes["f"] else "f"
        return _first_name_gender(self.name) if self.person else None


def _norm_name(name):
    return re.sub(r"[’']s$", "", name).lower()


def _key(name):
    toks = name.replace("’s", "").replace("'s", "").split()
    return toks[-1].lower().strip(".,") if toks else ""


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
                n + 2 < len(toks) and toks[n + 2][0] in marks and _is_cap(toks[n + 1][0])
                or n >= 2 and toks[n - 2][0] in marks and _is_cap(toks[n - 1][0])):
            continue
        keep.append((tok, s))
    return keep


def words(text):
    return [t for t, _ in tokens(text) if t not in PUNCT]


def _is_cap(tok):
    return tok[:1].isupper()


def _lower(toks):
    return [t.lower() for t in toks]


# -- parsing an attribution clause -----------------------------------------------------
def parse_after(text):
    """(mention, cue) when text, right after a quote, opens with its attribution."""
    toks = [t for t, _ in tokens(text[:300])]
    i = 0
    low = _lower(toks)
    if toks[:1] and toks[0] in DASHES and toks[1:2] and _is_cap(toks[1]):
        np = _np_forward(toks, 1)     # "...” ― Veronica Cruz": a signed quote
        if np and len(np) <= 8 and len(np) + 1 >= len(toks) - 1:
            return _join(np), toks[0]
    while i < len(toks) and toks[i] in ",—–":
        i += 1
    if i < len(toks) and low[i] in en.CUE_VERBS:
        np = _np_forward(toks, i + 1)
        if np and (_plausible_subject(np) or low[i + 1] in ("the", "a", "an", "his", "her",
                                                              "its", "one", "another")):
            return _join(np), toks[i]
        return None
    if low[i:i + 2] == ["according", "to"]:
        np = _np_forward(toks, i + 2)
        return (_join(np), "according to") if np else None
    for k in range(i, min(len(toks), i + 30)):
        if (low[k] in en.CUE_VERBS or low[k] in en.AFTER_QUOTE_VERBS) and k > i:
            np = _np_backward(toks, k, floor=i)
            if np and toks.index(np[0], i) == i and _plausible_subject(np):
                return _join(np), toks[k]
            return None
        if toks[k] in ".;!?" or (toks[k] in PUNCT and toks[k] not in ",()"):
            return None
    return None


def parse_before(text):
    """(mention, cue) when a clause ending just before a quote introduces it."""
    toks = [t for t, _ in tokens(text)]
    low = _lower(toks)
    for k in range(len(toks) - 1, max(-1, len(toks) - 20), -1):
        if (low[k] in en.CUE_VERBS or low[k] in en.AFTER_QUOTE_VERBS) and not passive(low, k):
            np = subject_of(toks, k)
            if np and _plausible_subject(np):
                return _join(np), toks[k]
            after = _np_forward(toks, k + 1)
            if after and _is_cap(after[0]) and (k == 0 or toks[k - 1] in ",”\""):
                return _join(after), toks[k]
            return None
        if low[k] == "to" and k > 0 and low[k - 1] == "according":
            np = _np_forward(toks, k + 1)
            return (_join(np), "according to") if np else None
    return None


def parse_sentence(text, inside):
    """(mention, cue) for a partial quote at offset inside: the speech verb that governs it."""
    toks = tokens(text)
    low = [t.lower() for t, _ in toks]
    words_only = [t for t, _ in toks]
    best = None
    for k, (tok, s) in enumerate(toks):
        cue = None
        if low[k] in en.CUE_VERBS and not passive(low, k):
            cue = tok
        elif low[k] == "according" and k + 1 < len(low) and low[k + 1] == "to":
            np = _np_forward(words_only, k + 2)
            if np:
                cand = (_join(np), "according to")
                best = cand if best is None or s < inside else best
            continue
        if cue is None:
            continue
        np = subject_of(words_only, k)
        if not np or not _plausible_subject(np):
            after = _np_forward(words_only, k + 1)
            inverted = k > 0 and words_only[k - 1] in ",”\""
            np = after if after and _is_cap(after[0]) and inverted else None
        if np:
            if s < inside or best is None:
                best = (_join(np), cue)
            if s < inside:
                break
    return best


BE = frozenset("is are was were be been being".split())


def passive(low, k):
    """"were rated", "was widely described": the subject is what was said about."""
    return k > 0 and low[k].endswith(("ed", "told", "written")) and (
        low[k - 1] in BE or k > 1 and low[k - 2] in BE and _adverb(low[k - 1]))


def subject_of(toks, k):
    """The subject of the cue verb at k."""
    np = _participle_subject(toks, k) or _coordinated_subject(toks, k) or \
        _not_governed(toks, k, _np_backward(toks, k))
    if toks[k].lower() in en.NOUN_LIKE_CUES and not (
            len(np) == 1 and _base(np[0]) in en.PRONOUNS or np and all(_is_cap(t) for t in np)):
        return []
    return np


def _not_governed(toks, k, np):
    """"In a Facebook message posted Friday, Cruz said": a noun phrase after a
    preposition is its object, not a subject."""
    for i in range(k - len(np), -1, -1):
        if toks[i:i + len(np)] == np:
            relative = any(_base(t) in ("who", "which") for t in toks[i + len(np):k])
            if i > 0 and toks[i - 1].lower() in en.PREPOSITIONS and not relative:
                # "Officials at Homeland Security Investigations": the head comes first
                if i > 1 and people_noun(toks[i - 2].lower()):
                    return toks[i - 2:i + len(np)]
                return []
            break
    return np


def _coordinated_subject(toks, k):
    """"Clinton stressed ... and said she ...": the verb shares the sentence's subject."""
    j = k - 1
    while j >= 0 and toks[j].lower() in en.SUBJECT_VERB_GAP:
        j -= 1
    if j < 1 or toks[j].lower() not in ("and", "but"):
        return []
    return sentence_subject(toks[:j], descriptions=True)


def _participle_subject(toks, k):
    """"He defended the remark, saying, ...", "Trump sent tweets early Friday saying":
    an -ing cue that no auxiliary carries speaks for the sentence's subject."""
    if not toks[k].lower().endswith("ing") or k == 0:
        return []
    if toks[k - 1].lower() in ("is", "are", "was", "were", "been", "be", "am"):
        return []
    if _is_cap(toks[k - 1]) and toks[k - 1].lower() not in en.TIME_WORDS and k > 1 and \
            toks[k - 2].lower() in en.PREPOSITIONS | {"of"}:
        return [toks[k - 1]]    # "footage of Trump saying", "a video of Clinton calling"
    if toks[0].lower() in en.INTRO_WORDS and "," not in toks[:k]:
        return sentence_subject(toks)   # "After saying her foot was ..., she was"
    return sentence_subject(toks[:k])


def _np_forward(toks, i):
    """The noun phrase starting at i: up to a comma, a clause word or punctuation."""
    out = []
    depth = 0
    for n, tok in enumerate(toks[i:i + 14], i):
        low = tok.lower()
        # "Alliance to Reclaim Our Schools": a name runs on across a small word
        joined = low in ORG_JOINS and out and _is_cap(out[-1]) and n + 1 < len(toks) and \
            _is_cap(toks[n + 1]) and toks[n + 1].lower() not in en.TIME_WORDS
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif depth == 0 and (tok in PUNCT or (low in en.NP_STOPS and out and not joined)):
            break
        out.append(tok)
    if out and out[0].lower() in en.NP_STOPS:
        return []
    return out


def _np_backward(toks, k, floor=0):
    """The subject before the cue verb at k: skips "also", an appositive, and "who"."""
    j = k - 1
    while j >= floor and (toks[j].lower() in en.SUBJECT_VERB_GAP or _adverb(toks[j])):
        j -= 1
    # "who in 2010 said", "Trump on Friday said": a time between subject and verb
    if j - 1 >= floor and (toks[j][:1].isdigit() or toks[j].lower() in en.TIME_WORDS) and \
            toks[j - 1].lower() in ("in", "on", "at", "last", "this", "early", "late"):
        j -= 2
    if j >= floor and toks[j] == ",":
        start = _comma_before(toks, j, floor)
        if start is not None:
            j = start - 1

    relative = j >= floor and _base(toks[j]) in ("who", "which")
    if relative:
        j -= 1
        if j >= floor and toks[j] in (",", "—", "–"):
            j -= 1
    end = j
    if j >= floor and _base(toks[j]) in en.PRONOUNS:
        return [toks[j]]
    while j >= floor:
        tok = toks[j]
        low = tok.lower()
        if low in ("on", "for") and j > floor and _is_cap(toks[j - 1]) and _is_cap(toks[j + 1]) \
                and toks[j + 1].lower() not in en.TIME_WORDS:
            j -= 1      # "Commission on Presidential Debates"
            continue
        if low == "and" and j > floor and toks[end] in en.PERSON_NOUNS and (
                toks[j - 1] in en.PERSON_NOUNS or toks[j - 1] in en.TITLES):
            j -= 1      # "The former first lady and U.S. senator": one person, two roles
            continue
        if tok in PUNCT or low in en.NP_STOPS or low == "what" or low in en.INTRO_WORDS and j < end or \
                _base(tok) in en.PRONOUNS or low in en.CUE_VERBS:
            break
        j -= 1
    np = toks[j + 1:end + 1]
    # "Protesters marching through the streets chanted": the participle's phrase
    # modifies the subject before it
    if j - 1 > floor and toks[j].lower() in en.NP_STOPS and toks[j - 1].endswith("ing") \
            and toks[j - 1].islower() and toks[j - 1] not in en.CUE_VERBS:
        return _np_backward(toks, j - 1, floor)
    # a determiner opens a noun phrase: "Obama had a wide array of artists" -> from "a"
    for n in range(len(np) - 1, 0, -1):
        if np[n].lower() in ("a", "an", "the") and np[n - 1].lower() not in ("of", "and"):
            np = np[n:]
            break
    # "Tymur, a Kyiv resident who said ...", "Scott Pruitt, the attorney general of
    # Oklahoma, said": the description's name opens the clause before it.
    if j - 1 >= floor and toks[j].lower() in en.INTRO_WORDS and toks[j - 1] == ",":
        j -= 1          # "McConnell, now the Senate majority leader, who ..."
    if np and (np[0].lower() in ("a", "an", "the", "one") or not _is_cap(np[0])) \
            and j >= floor + 1 and toks[j] == ",":
        name = _np_backward_name(toks, j, floor, relative)
        if name:
            return name
    if np and all(t.lower() in en.TIME_WORDS or t[:1].isdigit() for t in np):
        return []
    return np


def _adverb(tok):
    """"forcefully", "repeatedly": a manner adverb between a subject and its verb."""
    return tok.islower() and tok.endswith("ly") and len(tok) > 4 and tok not in en.LY_NOUNS


def _np_backward_name(toks, j, floor, relative=False):
    """The name that opens a clause right before the comma at j, if any; for a relative
    clause, also a name after a preposition ("with McConnell, now ..., who said")."""
    i = j - 1
    while i >= floor and (_is_cap(toks[i]) or toks[i].lower() in en.NAME_PARTICLES):
        i -= 1
    opens = i < floor or toks[i] in PUNCT or relative and toks[i].lower() in en.NP_STOPS
    if i + 1 < j and opens and toks[i + 1].lower() not in en.TIME_WORDS:
        return toks[i + 1:j]
    return None


def _comma_before(toks, j, floor):
    """Start of an appositive ", ... ," that ends at the comma j, if there is one."""
    for i in range(j - 1, max(floor - 1, j - 25), -1):
        if toks[i] == ",":
            return i
        if toks[i] in ".;:!?“”\"":
            return None
    return None


def sentence_subject(toks, descriptions=False):
    """The subject that opens a sentence: a pronoun, a name with its titles, or a short
    description ending in a person or organisation noun. Empty when unsure."""
    low = [t.lower() for t in toks]
    dash = next((n for n, t in enumerate(toks[:10]) if t in DASHES), None)
    if dash and all(t.isupper() for t in toks[:dash]):
        # "CONGRESS HAS INVESTIGATED HIM — Oz’s dubious medical advice": a kicker
        return sentence_subject(toks[dash + 1:], descriptions)
    # "With Democratic leaders increasingly worried about ..., President Obama is",
    # "Following a swiftly called, late-afternoon meeting, the Security Council issued"
    if low and low[0] in en.INTRO_WORDS:
        for start in (n + 1 for n, t in enumerate(toks[:25]) if t == ","):
            found = _subject_at(toks, low, start, descriptions)
            if found:
                return found
        return []
    if low[1:2] == [","] and _adverb(low[0]):
        return _subject_at(toks, low, 2, descriptions)     # "Ultimately, Mr. Clarke hopes"
    return _subject_at(toks, low, 0, descriptions)


def _subject_at(toks, low, start, descriptions=False):
    while start < len(toks) and toks[start] in "\"“”":
        start += 1      # 'On "Face the Nation," Sen. Bernie Sanders'
    if start + 1 < len(toks) and low[start] in en.FOCUS_WORDS and _is_cap(toks[start + 1]):
        start += 1      # "Even China, Pyongyang's only ally, said"
    if start >= len(toks):
        return []
    if low[start] in ("his", "her", "their", "its", "the", "a", "an"):
        # "His former business partner at Lenox, Lawrence B. Cummings, called him"
        comma = next((n for n in range(start + 1, min(len(toks), start + 9))
                      if toks[n] == ","), None)
        if comma is not None:
            name = _np_forward(toks, comma + 1)
            after = comma + 1 + len(name)
            if name and all(_is_cap(t) or t.lower() in en.NAME_PARTICLES for t in name) and \
                    after < len(toks) and toks[after] == ",":
                return name
    if _base(low[start]) in en.PRONOUNS:
        return [toks[start]]
    if descriptions and low[start] in ("the", "a", "an"):
        # "The Republican nominee also outlined his plan and vowed": a verb sharing the
        # subject of a sentence that opens with a description
        head = None
        for j in range(start + 1, min(len(toks), start + 6)):
            if toks[j] in PUNCT or low[j] in en.NP_STOPS or low[j] in en.SUBJECT_VERB_GAP:
                break
            if low[j] in en.PERSON_NOUNS:
                head = j
        if head is not None and not (head + 1 < len(toks) and _is_cap(toks[head + 1])):
            return toks[start:head + 1]
    group = _group_subject(toks, low, start)
    if group:
        return group
    end, noun = start, None
    while end < len(toks) and end - start < 4 and not _is_cap(toks[end]) and \
            low[end] not in en.NP_STOPS | en.CUE_VERBS | en.SUBJECT_VERB_GAP and \
            toks[end] not in PUNCT:
        if low[end] in en.PERSON_NOUNS or low[end] in en.ORG_WORDS:
            noun = end
        end += 1
    if noun is not None and not (end < len(toks) and _is_cap(toks[end])):
        return toks[start:noun + 1]
    if end < len(toks) and _is_cap(toks[end]) and low[end] not in \
            en.NP_STOPS | en.INTRO_WORDS | en.SENTENCE_STARTERS | en.CUE_VERBS:
        while end + 1 < len(toks) and (_is_cap(toks[end + 1]) or
                                       low[end + 1] in en.NAME_PARTICLES):
            end += 1
        # "Democratic presidential nominee Hillary Clinton": title words between names
        title = next((j for j in range(end + 1, min(len(toks), end + 4))
                      if not toks[j].islower() or low[j] in en.NP_STOPS), None)
        if title and title > end + 1 and _is_cap(toks[title]) and \
                low[title - 1] in en.TITLES and toks[title] not in PUNCT:
            end = title
            while end + 1 < len(toks) and (_is_cap(toks[end + 1]) or
                                           low[end + 1] in en.NAME_PARTICLES):
                end += 1
        # "Scott’s family has called": the possessor's noun is the subject
        if re.search(r"[’']s$", toks[end]) and end + 1 < len(toks) and (
                low[end + 1] in en.PERSON_NOUNS | en.ORG_WORDS or people_noun(low[end + 1])):
            end += 1
        return toks[start:end + 1]
    return []


def _group_subject(toks, low, start):
    """"Critics of the program", "Federal and state officials", "Administration officials":
    a plural noun for people heading the sentence's first few words."""
    for j in range(start, min(len(toks), start + 5)):
        if toks[j] in PUNCT or j > start and (_is_cap(toks[j]) or low[j] in en.NP_STOPS - {"and"}):
            return []
        if people_noun(low[j]) and not (j + 1 < len(toks) and people_noun(low[j + 1])):
            return toks[start:j + 1]
    return []


def _plausible_subject(np):
    first = _base(np[0])
    if len(np) > 12:
        return False
    return any(_is_cap(t) for t in np) or first in en.TITLES or first in en.PERSON_NOUNS or first in en.PRONOUNS or first in (
        "the", "a", "an", "his", "her", "its", "their", "this", "that", "one", "another",
        "some", "many", "several", "both", "two", "three") or first[:1].isdigit() or (
        np[-1].lower() in en.PERSON_NOUNS or np[-1].lower() in en.ORG_WORDS or
        people_noun(np[-1].lower()))


def _base(tok):
    """A token without its clitic: "He’s" -> "he"."""
    return re.sub(r"[’']s$", "", tok.lower())


def _join(toks):
    out = ""
    for t in toks:
        if out and t not in ",.;:!?)" and not out.endswith("("):
            out += " "
        out += t
    return out


# -- names and descriptions ---------------------------------------------------------------
def split_mention(mention):
    """(name, title words) of a mention: "spokesman Dmitry Peskov" -> "Dmitry Peskov"."""
    head = mention.split(",")[0]
    toks = words(re.sub(r"\([^)]*\)", " ", head))
    if "of" in toks:
        cut = toks.index("of")
        left = toks[:cut]
        # "Del. Stacey Plaskett of the Virgin Islands": a person, then an affiliation
        if len(left) >= 2 and _is_cap(left[-1]) and left[-1].lower() not in en.TITLES and \
                _org(" ".join(left)) is None:
            toks = left
    org = [n for n, t in enumerate(toks) if _is_cap(t) and _org_word(toks, n)]
    if org and _is_cap(toks[-1]):
        # "the nonpartisan Commission on Presidential Debates": one name across of/on/for
        first = len(toks) - 1
        while first > 0 and (_is_cap(toks[first - 1]) or toks[first - 1] in ORG_JOINS):
            first -= 1
        while toks[first] in ORG_JOINS:     # "The Kremlin" keeps its capital article
            first += 1
        if first <= org[0] and toks[first].lower() not in en.TITLES:
            return " ".join(toks[first:]), toks[:first]
    if not toks or not _is_cap(toks[-1]):
        return None, toks
    i = len(toks) - 1
    while i > 0 and (_is_cap(toks[i - 1]) or toks[i - 1].lower() in en.NAME_PARTICLES):
        i -= 1
    run = toks[i:]
    for n in range(len(run) - 1, -1, -1):
        if run[n].lower() in en.TITLES and n < len(run) - 1:
            run = run[n + 1:]
            break
    # "NBC’s Dante Chinni": the possessor is an affiliation, the name follows it
    for n in range(len(run) - 2, -1, -1):
        if re.search(r"[’']s$", run[n]):
            run = run[n + 1:]
            break
    while run and run[0].lower() in en.NAME_PARTICLES | en.FOCUS_WORDS | {"the"}:
        run = run[1:]
    if not run or all(t.lower() in en.TIME_WORDS for t in run):
        return None, toks
    run[-1] = re.sub(r"[’']s$", "", run[-1])     # "Oz’s dubious advice ... for saying"
    return " ".join(run), toks[:len(toks) - len(run)]


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as gg
    except ImportError:
        return None
    return gg.Detector(case_sensitive=False)


def _first_name_gender(name):
    """A first name's gender where it is unambiguous ("Ursula" f), else None."""
    toks = name.split()
    if len(toks) < 2 or not toks[0].isalpha() or not _is_cap(toks[0]):
        return None     # "one veteran": no first name to tell
    detector = _detector()
    found = detector.get_gender(toks[0]) if detector else "unknown"
    return {"male": "m", "female": "f"}.get(found)


def _org(name):
    """False where a word of the name makes it an organisation or place, else unknown."""
    toks = name.split()
    return False if any(_org_word(toks, n) for n in range(len(toks))) else None


def _org_word(toks, n):
    """"Commission" in "the Commission on ...", "Post" ending "The Washington Post"; not
    "Park" opening "Park Geun-hye": an organisation's word heads its name."""
    word = _base(toks[n])
    return (word in en.ORG_WORDS or word.endswith("s") and word[:-1] in en.ORG_WORDS) and (
        n == len(toks) - 1 or not _is_cap(toks[n + 1]))


def _full_name(name):
    """"Aung San Suu Kyi": two or more capitalised words and none of an organisation's."""
    toks = name.split()
    return len(toks) >= 2 and all(_is_cap(t) for t in toks) and _org(name) is None


def _group(name):
    """"Obama and Clinton", "Critics", "Administration officials": who "they" can be."""
    toks = name.split()
    return " and " in name or bool(toks) and people_noun(toks[-1].lower())


def people_noun(word):
    """"officials", "critics", "women": a plural noun for people."""
    return word in en.PERSON_PLURALS or word.endswith("s") and (
        word[:-1] in en.PERSON_NOUNS or word.endswith("ies") and word[:-3] + "y" in en.PERSON_NOUNS)


def is_person_name(name):
    """A name that opens with a first name the lexicon knows ("Melanie", "Jill Stein")."""
    toks = name.split()
    detector = _detector()
    if _org(name) is False or not toks or not toks[0].isalpha() or detector is None or \
            toks[0].lower() in en.TIME_WORDS | en.SENTENCE_STARTERS | en.NP_STOPS | en.INTRO_WORDS \
            | en.FOCUS_WORDS | en.CUE_VERBS:
        return False
    return detector.get_gender(toks[0]) != "unknown"


# -- the discourse: entities in order ---------------------------------------------------
class Discourse:
    """Entities in the order the article mentions them, for resolving "he" and "the ministry"."""

    def __init__(self, text=""):
        self.entities = {}
        self.events = []     # (offset, entity, is_speaker)
        self.weak = []       # (offset, entity, introduced): names anywhere, not as subjects
        # words the article writes in lower case: "Demonstrators" opening a sentence is one
        self.common = set(re.findall(r"(?<![\w’'])[a-z]+(?![\w’'])", text))

    def find(self, name):
        """The entity a name refers to: the same full name, or for a bare surname
        ("Trump") the one of that surname mentioned last."""
        full = _norm_name(name)
        if full in self.entities:
            return self.entities[full]
        if " " in full:
            return None
        same = [e for e in self.entities.values() if e.key == _key(name)]
        return max(same, key=lambda e: (e.mentions, e.seen)) if same else None

    def introduce(self, name, offset, described=False):
        """A full person name seen anywhere: later surnames resolve to it, and a pronoun
        with no subject to take falls back on it."""
        entity = self.find(name)
        first = entity is None and described
        if entity is None:
            entity = self.entities[_norm_name(name)] = Entity(name, person=True)
        entity.seen = offset
        self.weak.append((offset, entity, first))
        return entity

    def named(self, name, offset, person=None, speaker=False, titles=()):
        if " " not in name and name.lower() in self.common and not person:
            person = False
        entity = self.find(name)
        if entity is None:
            entity = self.entities[_norm_name(name)] = Entity(name)
        entity.seen = offset
        if person is False:
            entity.person = False
        elif entity.person is None or person:
            entity.person = True if person or is_person_name(name) else _org(name)
        entity.mentions += 1
        entity.titles.update(t.lower() for t in titles)
        for t in titles:
            g = en.TITLES.get(t.lower()) or en.GENDERED_NOUNS.get(t.lower())
            if g:
                entity.votes[g] += 2
                entity.person = True
            elif t.lower() in en.TITLES or t.lower() in en.PERSON_NOUNS:
                entity.person = True
        self.events.append((offset, entity, speaker))
        return entity

    def pronoun(self, gender, offset, plural=False):
        """The most recent compatible entity before offset: a person for he/she (or a
        speaker the text has not yet told to be a person or not)."""
        if gender is None:
            for off, entity, _ in reversed(self.events):
                if off <= offset and (not entity.person or plural and _group(entity.name)):
                    return entity
            return None
        # a person, or a speaker the text has not yet told to be a person or not
        found = None
        for off, entity, speaker in reversed(self.events):
            if off > offset or entity.gender not in (None, gender):
                continue
            if entity.name.split()[0].lower() in ("a", "an", "one", "another") and not speaker:
                continue    # "one questioner claimed that ...": met in passing, not the topic
            if entity.person or entity.person is None and (speaker or _full_name(entity.name)):
                found = off, entity
                break
        # "... concerns Henry Crespo, president of the caucus. "...," he said.": a person
        # introduced by full name and a description after the last subject is the new source
        for off, entity, first in reversed(self.weak):
            if off <= offset and entity.gender in (None, gender) and (
                    found is None or first and off > found[0]):
                found = off, entity
                break
            if found and off < found[0]:
                break
        if found:
            found[1].person = True
            return found[1]
        return None

    def description(self, head, offset, generic=True):
        """"the ministry" -> the latest entity whose name ends in ministry; "the 47-year-old"
        -> the latest person."""
        person = head in en.PERSON_NOUNS or head.endswith("-old")
        for titled in (True, False) if generic else (True,):
            for off, entity, _ in reversed(self.events):
                if off > offset:
                    continue
                if entity.key == head or head in entity.titles or head in en.ORG_WORDS and \
                        head in entity.name.lower().split() or (
                        not titled and person and entity.person):
                    return entity
        return None


def resolve(mention, offset, discourse, speaker=True):
    """The entity a mention names, registering it; None for an unresolvable one."""
    first = words(mention)[:1]
    low = _base(first[0]) if first else ""
    if low in ("i", "we"):
        return None     # the writer speaking, not someone the article names
    if low in en.PRONOUNS:
        entity = discourse.pronoun(en.PRONOUNS[low], offset, plural=low == "they")
        if entity is not None and en.PRONOUNS[low]:
            entity.votes[en.PRONOUNS[low]] += 1     # "she said": the text tells the gender
        return entity
    name, titles = split_mention(mention)
    if name:
        titled = any(t.lower() in en.TITLES for t in titles)
        return discourse.named(name, offset, person=True if titled else None,
                               speaker=speaker, titles=titles)
    toks = words(mention)
    if not toks:
        return None
    # "the 34-year-old mother of three": the head noun stands before "of"
    head = (toks[:toks.index("of")] if "of" in toks[1:] else toks)[-1].lower()
    if low in ("the", "this", "that"):
        generic = head in en.PERSON_NOUNS or not any(_is_cap(t) for t in toks[1:])
        found = discourse.description(head, offset, generic)
        if found or not any(_is_cap(t) for t in toks[1:]):
            return found
    person = True if head in en.PERSON_NOUNS else None
    entity = discourse.named(re.sub(r"^(?:the|The)\s+", "", mention.split(",")[0]), offset,
                             person=person, speaker=speaker, titles=toks)
    return entity


# -- attribute every quote ----------------------------------------------------------------
def attribute(pieces, quotes, links, text=""):
    """Fill speaker, mention, cue and gender on every quote, in document order."""
    discourse = Discourse(text)
    found = {}
    events = []  # (offset, kind, payload) processed in document order
    for piece in pieces:
        if piece.kind in ("sentence", "attribution", "caption", "quote"):
            events.append((piece.start, 0, piece))
    for i, (quote, link) in enumerate(zip(quotes, links)):
        # a quote is attributed once its attribution has been read
        at = link.attribution[2] if link.attribution else quote.start
        events.append((max(at, quote.start), 1, i))
    events.sort(key=lambda e: (e[0], e[1]))
    for offset, kind, payload in events:
        if kind == 0:
            if payload.kind != "quote" or _excerpt(payload.text):
                _narration(payload, discourse)
            continue
        i = payload
        quote, link = quotes[i], links[i]
        if link.attribution:
            text, form, start = link.attribution
            parsed = (parse_after(text) if form == "after" else parse_before(text)
                      if form == "before" else parse_sentence(text, link.inside))
            if parsed:
                mention, cue = parsed
                entity = resolve(mention, offset, discourse, speaker=not quote.partial)
                found[i] = (entity, mention, cue)
                continue
        if quote.partial:
            continue    # words in a sentence that reports no speech: nobody we can name
        inherited = _lead_in(quote, pieces, discourse) or \
            _after_narration(quote, pieces, discourse) or _inherit(i, quotes, links, found)
        if inherited:
            found[i] = inherited
    for i, quote in enumerate(quotes):
        entity, mention, cue = found.get(i, (None, None, None))
        quote.mention, quote.cue = mention, cue
        if entity is not None:
            quote.speaker, quote.gender = entity.name, entity.gender
        elif mention and _base(words(mention)[0]) not in en.PRONOUNS:
            quote.speaker = mention     # a description the article gives no name for
    return quotes


def _inherit(i, quotes, links, found):
    """An unattributed quote: the speaker of the quote before it in the same paragraph, of a
    quote it continues, or the last speaker of the paragraph before."""
    quote = quotes[i]
    for j in range(i - 1, -1, -1):
        same_block = quotes[j].block == quote.block
        adjacent = _block_no(quotes[j].block) == _block_no(quote.block) - 1
        if quotes[j].partial and not same_block and not (adjacent and j in found):
            continue
        if (same_block or links[i].continued or adjacent) and j in found:
            return found[j]
        break
    return None


def _lead_in(quote, pieces, discourse):
    """A quote after a clause ending in a colon speaks for that clause's speaker: "..., he
    said:" closing the paragraph before, or "Obama is rolling out a new message: "..."".
    Without a speech verb, the clause's subject speaks when it names someone."""
    before = [p for p in pieces if p.start < quote.start]
    last = next((p for p in reversed(before) if p.translatable), None)
    if last is None or last.quote is not None:
        return None
    between = "".join(p.text for p in before if p.start >= last.start)
    if not between.rstrip(' "“\n').endswith(":"):
        return None
    text = last.text.rstrip(":")
    parsed = parse_before(text)
    if parsed:
        mention, cue = parsed
    else:
        subject = sentence_subject([t for t, _ in tokens(text)])
        if not subject or not _is_cap(subject[0]) or _base(subject[0]) in en.PRONOUNS:
            return None
        mention, cue = _join(subject), None
    return resolve(mention, last.start + len(last.text), discourse), mention, cue


def _excerpt(text):
    """A quoted passage of another paper's reporting, not someone's speech: several
    sentences in the third person. Its sentences introduce people as narration does."""
    toks = {_base(t) for t in words(text)}
    return len(text) > 200 and not toks & {"i", "me", "my", "we", "us", "our", "you", "your"}


def _after_narration(quote, pieces, discourse):
    """"His former business partner, Lawrence B. Cummings, called him a master at deals.
    "He showed again and again an ability ..."": a quote standing after a sentence of
    its paragraph speaks for that sentence's subject, when it names someone."""
    before = [p for p in pieces if p.start < quote.start and p.translatable]
    last = before[-1] if before else None
    between = "".join(p.text for p in pieces if last and last.start < p.start < quote.start)
    if last is None or last.kind != "sentence" or last.quote is not None or "\n" in between \
            or between.rstrip(' "“').endswith(":"):
        return None
    subject = sentence_subject([t for t, _ in tokens(last.text)])
    if not subject or not (_is_cap(subject[-1]) or _base(subject[0]) in ("he", "she")):
        return None
    mention = _join(subject)
    return resolve(mention, last.start + len(last.text), discourse), mention, None


def _block_no(block_id):
    return int(block_id[1:])


def _narration(piece, discourse):
    """Register who a sentence is about: its subject and every speech verb's subject."""
    toks = tokens(piece.text)
    plain = [t for t, _ in toks]
    low = [t.lower() for t in plain]
    base = piece.start
    # the sentence's subject: a name or he/she at its start, or after an opening phrase
    subject = sentence_subject(plain)
    if subject and _base(subject[0]) in ("he", "she"):
        k = plain.index(subject[0])
        gender = en.PRONOUNS[_base(subject[0])]
        entity = discourse.pronoun(gender, base + toks[k][1])
        if entity:
            entity.votes[gender] += 1
            discourse.events.append((base + toks[k][1], entity, False))
    elif subject and people_noun(subject[-1].lower()):
        k = plain.index(subject[0])
        discourse.named(_join(subject), base + toks[k][1])
    elif len(subject) > 1 and re.search(r"[’']s$", subject[-2]) and subject[-1] in en.ORG_WORDS:
        # "Donald Trump’s campaign is defending ...": what "it" will refer to
        k = plain.index(subject[0])
        discourse.named(_join(subject), base + toks[k][1], person=False)
    elif subject and any(_is_cap(t) for t in subject) and not (
            subject[-1].isupper() and len(subject[-1]) > 3) and not (
            # "President Obama's decision ... received": the possessor is not the subject
            any(re.search(r"[’']s$", t) for t in subject[-2:])):
        k = plain.index(subject[0])
        name, titles = split_mention(re.sub(r"[’']s$", "", _join(subject)))
        if name and (is_person_name(name) or _full_name(name) or discourse.find(name) or any(
                t.lower() in en.TITLES for t in titles)):
            discourse.named(name, base + toks[k][1], titles=titles)
    for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][\w’'-]+)+", piece.text):
        run = re.sub(r"[’']s$", "", m.group())
        if is_person_name(run):
            # "Henry Crespo, president of the caucus": a source being introduced
            described = APPOSITIVE_RE.match(piece.text, m.end()) is not None
            discourse.introduce(run, base + m.start(), described)
    # every speech verb's subject speaks; "said he/she" tells the subject's gender
    for k in range(len(plain)):
        if low[k] not in en.CUE_VERBS or piece.kind == "quote" or passive(low, k):
            continue
        np = subject_of(plain, k)
        if k > 0 and plain[k - 1] == "," and (not np or not _plausible_subject(np)):
            after = _np_forward(plain, k + 1)     # "..., noted NBC’s Dante Chinni."
            np = after if after and _is_cap(after[0]) else np
        if not np or not _plausible_subject(np) or np[0].lower() in ("that", "this") or not (
                any(_is_cap(t) for t in np) or _base(np[0]) in en.PRONOUNS or
                np[0].lower() in ("the", "this")):
            continue
        entity = resolve(_join(np), base + toks[k][1], discourse)
        if entity and k + 1 < len(low) and low[k + 1] in ("he", "she"):
            entity.votes[en.PRONOUNS[low[k + 1]]] += 1
            entity.person = True
