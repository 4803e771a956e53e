"""Reading an attribution clause: the cue verb that reports speech and its subject."""

from translate import english as en
from translate.names import (
    DASHES, ORG_JOINS, PUNCT, bare, is_cap, join_words, people_noun, possessive, tokens)


DETERMINERS = frozenset("""
    the a an his her its their this that one another some many several both two three
""".split())


# Where a description at a sentence's start ends, and words no name starts with.
_DESCRIPTION_STOPS = en.NP_STOPS | en.CUE_VERBS | en.SUBJECT_VERB_GAP
_NOT_NAME_STARTS = en.NP_STOPS | en.INTRO_WORDS | en.SENTENCE_STARTERS | en.CUE_VERBS


def _lower(toks):
    return [t.lower() for t in toks]


def parse_after(text):
    """(mention, cue) when text, right after a quote, opens with its attribution."""
    toks = [t for t, _ in tokens(text[:300])]
    i = 0
    low = _lower(toks)
    if toks[:1] and toks[0] in DASHES and toks[1:2] and is_cap(toks[1]):
        np = np_forward(toks, 1)     # "...” ― Veronica Cruz": a signed quote
        if np and len(np) <= 8 and len(np) + 1 >= len(toks) - 1:
            return join_words(np), toks[0]
    while i < len(toks) and toks[i] in ",—–":
        i += 1
    if i < len(toks) and low[i] in en.CUE_VERBS:
        np = np_forward(toks, i + 1)
        if np and (plausible_subject(np) or low[i + 1] in (
                "the", "a", "an", "his", "her", "its", "one", "another")):
            return join_words(_apposed_after(toks, i + 1, np)), toks[i]
        return None
    if low[i:i + 2] == ["according", "to"]:
        np = np_forward(toks, i + 2)
        return (join_words(np), "according to") if np else None
    for k in range(i, min(len(toks), i + 30)):
        if (low[k] in en.CUE_VERBS or low[k] in en.AFTER_QUOTE_VERBS) and k > i:
            np = _np_backward(toks, k, floor=i)
            at = toks.index(np[0], i) if np else -1
            # "the Iranian foreign minister, Abbas Araghchi, said": a description, then the name
            described = at > i and low[i] in DETERMINERS and toks[at - 1] == "," and \
                not any(t in PUNCT for t in toks[i:at - 1])
            if np and (at == i or described) and plausible_subject(np):
                return join_words(np), toks[k]
            # "a narrator in the Clinton ad asks": a described subject with its phrase
            span = toks[i:k]
            while span and span[-1].lower() in en.SUBJECT_VERB_GAP:
                span = span[:-1]
            if low[i] in ("a", "an", "the", "one") and 1 < len(span) <= 8 and \
                    not any(t in PUNCT for t in span):
                return join_words(span), toks[k]
            return None
        if toks[k] in ".;!?" or (toks[k] in PUNCT and toks[k] not in ",()"):
            return None
    return None


def _apposed_after(toks, i, np):
    """"said one resident, Olena, 62": the name apposed to a described speaker, if any."""
    if np[0].lower() not in DETERMINERS or toks[i + len(np):i + len(np) + 1] != [","]:
        return np
    name = np_forward(toks, i + len(np) + 1)
    if name and all(is_cap(t) or t.lower() in en.NAME_PARTICLES for t in name):
        return name
    return np


def parse_before(text):
    """(mention, cue) when a clause ending just before a quote introduces it."""
    toks = [t for t, _ in tokens(text)]
    low = _lower(toks)
    for k in range(len(toks) - 1, max(-1, len(toks) - 20), -1):
        if speech_verb(low, k) or low[k] in en.AFTER_QUOTE_VERBS:
            np = subject_of(toks, k)
            if np and plausible_subject(np):
                return join_words(np), toks[k]
            after = np_forward(toks, k + 1)
            if after and is_cap(after[0]) and (k == 0 or toks[k - 1] in ",”\""):
                return join_words(after), toks[k]
            return None
        if low[k] == "to" and k > 0 and low[k - 1] == "according":
            np = np_forward(toks, k + 1)
            return (join_words(np), "according to") if np else None
    return None


def parse_sentence(text, inside):
    """(mention, cue) for a partial quote at offset inside: the speech verb that governs it,
    the first one of the quote's own clause, else of the sentence, else the first after."""
    toks = tokens(text)
    found = list(_speech(toks))
    start = _clause_start(toks, inside)
    for pick in ([f for f in found if start <= f[0] < inside], [f for f in found if f[0] < inside],
                 found):
        if pick:
            return pick[0][1:]
    return None


def _speech(toks):
    """(offset, mention, cue) for each speech verb with a subject, and each "according to"."""
    low = [t.lower() for t, _ in toks]
    plain = [t for t, _ in toks]
    for k, (tok, s) in enumerate(toks):
        if low[k] == "according" and low[k + 1:k + 2] == ["to"]:
            np = np_forward(plain, k + 2)
            if np:
                yield s, join_words(np), "according to"
            continue
        phrase = _phrase_at(low, k)
        if phrase:
            tok = " ".join(plain[k:k + len(phrase)])    # "went on about", "spoke of"
        elif not speech_verb(low, k):
            continue
        np = subject_of(plain, k)
        if not np or not plausible_subject(np):
            after = np_forward(plain, k + 1)
            inverted = k > 0 and plain[k - 1] in ",”\""
            np = after if after and is_cap(after[0]) and inverted else None
        if np:
            yield s, join_words(np), tok


def _clause_start(toks, inside):
    """Where the clause holding offset inside begins: after a semicolon, or a comma before
    "but", "and", "while", "as" ...; 0 for the sentence's first clause."""
    start = 0
    for k, (tok, s) in enumerate(toks):
        if s >= inside:
            break
        if tok == ";" or tok == "," and k + 1 < len(toks) and toks[k + 1][0].lower() in \
                en.CLAUSE_WORDS:
            start = s
    return start


def reports_speech(low):
    """Does a sentence's lower-case words hold a speech verb (not a passive), a speech phrase
    or "according to"?"""
    return any(speech_verb(low, k) or _phrase_at(low, k) or
               t == "according" and low[k + 1:k + 2] == ["to"] for k, t in enumerate(low))


def _phrase_at(low, k):
    """The speech phrase starting at k ("went on about"), if any."""
    return next((p for p in en.CUE_PHRASES if tuple(low[k:k + len(p)]) == p), None)


def speech_verb(low, k):
    """Is the word at k a verb reporting speech? Not in a passive ("were rated") and not
    before "with" ("The spot concludes with footage of ...")."""
    return low[k] in en.CUE_VERBS and not passive(low, k) and low[k + 1:k + 2] != ["with"]


def passive(low, k):
    """"were rated", "was widely described": the subject is what was said about."""
    return k > 0 and low[k].endswith(("ed", "told", "written")) and (
        low[k - 1] in en.BE or k > 1 and low[k - 2] in en.BE and _adverb(low[k - 1]))


def subject_of(toks, k):
    """The subject of the cue verb at k."""
    np = _participle_subject(toks, k) or _coordinated_subject(toks, k) or \
        _not_governed(toks, k, _np_backward(toks, k))
    if toks[k].lower() in en.NOUN_LIKE_CUES and not (
            len(np) == 1 and bare(np[0]) in en.PRONOUNS or np and all(is_cap(t) for t in np)):
        return []
    return np


def _not_governed(toks, k, np):
    """"In a Facebook message posted Friday, Cruz said": a noun phrase after a
    preposition is its object, not a subject."""
    for i in range(k - len(np), -1, -1):
        if toks[i:i + len(np)] == np:
            relative = any(bare(t) in ("who", "which") for t in toks[i + len(np):k])
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
    if toks[k - 1].lower() in en.BE:
        return []
    if is_cap(toks[k - 1]) and toks[k - 1].lower() not in en.TIME_WORDS and k > 1 and \
            (toks[k - 2].lower() in en.PREPOSITIONS or toks[k - 2].lower() == "of"):
        return [toks[k - 1]]    # "footage of Trump saying", "a video of Clinton calling"
    if toks[0].lower() in en.INTRO_WORDS and "," not in toks[:k]:
        return sentence_subject(toks)   # "After saying her foot was ..., she was"
    return sentence_subject(toks[:k])


def np_forward(toks, i):
    """The noun phrase starting at i: up to a comma, a clause word or punctuation."""
    out = []
    depth = 0
    for n, tok in enumerate(toks[i:i + 14], i):
        low = tok.lower()
        joined = _joins_name(toks, n)    # "Alliance to Reclaim Our Schools"
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
    """The subject before the cue verb at k: skips "also", a time, an appositive and "who"."""
    j, apposed, relative = _before_verb(toks, k, floor)
    end = j
    if j >= floor and bare(toks[j]) in en.PRONOUNS:
        return [toks[j]]
    j = _phrase_start(toks, j, end, floor)
    np = toks[j + 1:end + 1]
    # "Another critic, Laurence H. Tribe, likened": the name apposed to a description
    if apposed and np and np[0].lower() in DETERMINERS and all(
            is_cap(t) or t.lower() in en.NAME_PARTICLES for t in apposed):
        return apposed
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
    if np and (np[0].lower() in ("a", "an", "the", "one") or not is_cap(np[0])) \
            and j >= floor + 1 and toks[j] == ",":
        name = _np_backward_name(toks, j, floor, relative)
        if name:
            return name
    if np and all(t.lower() in en.TIME_WORDS or t[:1].isdigit() for t in np):
        return []
    return np


def _before_verb(toks, k, floor):
    """(j, apposed, relative): where the subject ends before the verb at k, past "also",
    "in 2010", an appositive ", ... ," (returned) and a relative "who"."""
    j = k - 1
    while j >= floor and (toks[j].lower() in en.SUBJECT_VERB_GAP or _adverb(toks[j])):
        j -= 1
    # "who in 2010 said", "Trump on Friday said": a time between subject and verb
    if j - 1 >= floor and (toks[j][:1].isdigit() or toks[j].lower() in en.TIME_WORDS) and \
            toks[j - 1].lower() in ("in", "on", "at", "last", "this", "early", "late"):
        j -= 2
    apposed = None
    if j >= floor and toks[j] == ",":
        start = _comma_before(toks, j, floor)
        if start is not None:
            apposed = toks[start + 1:j]
            j = start - 1
    relative = j >= floor and bare(toks[j]) in ("who", "which")
    if relative:
        j -= 1
        if j >= floor and toks[j] in (",", "—", "–"):
            j -= 1
    return j, apposed, relative


def _phrase_start(toks, j, end, floor):
    """The index just before the noun phrase that ends at end."""
    while j >= floor:
        tok = toks[j]
        low = tok.lower()
        if j > floor and _joins_name(toks, j, ("on", "for")):
            j -= 1      # "Commission on Presidential Debates"
            continue
        if low == "and" and j > floor and toks[end] in en.PERSON_NOUNS and (
                toks[j - 1] in en.PERSON_NOUNS or toks[j - 1] in en.TITLES):
            j -= 1      # "The former first lady and U.S. senator": one person, two roles
            continue
        if tok in PUNCT or low in en.NP_STOPS or low == "what" or \
                low in en.INTRO_WORDS and j < end or bare(tok) in en.PRONOUNS or \
                low in en.CUE_VERBS:
            break
        j -= 1
    return j


def _joins_name(toks, n, small=ORG_JOINS):
    """"Alliance to Reclaim", "Commission on Presidential": a small word inside a name."""
    return toks[n].lower() in small and n > 0 and is_cap(toks[n - 1]) and \
        n + 1 < len(toks) and is_cap(toks[n + 1]) and toks[n + 1].lower() not in en.TIME_WORDS


def _adverb(tok):
    """"forcefully", "repeatedly": a manner adverb between a subject and its verb."""
    return tok.islower() and tok.endswith("ly") and len(tok) > 4 and tok not in en.LY_NOUNS


def _np_backward_name(toks, j, floor, relative=False):
    """The name that opens a clause right before the comma at j, if any; for a relative
    clause, also a name after a preposition ("with McConnell, now ..., who said")."""
    i = j - 1
    while i >= floor and (is_cap(toks[i]) or toks[i].lower() in en.NAME_PARTICLES):
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
    """The subject that starts at start: an apposed name, a pronoun, a description (when
    asked for), a group, or a name with its titles. Empty when there is none."""
    while start < len(toks) and toks[start] in "\"“”":
        start += 1      # 'On "Face the Nation," Sen. Bernie Sanders'
    if start + 1 < len(toks) and low[start] in en.FOCUS_WORDS and is_cap(toks[start + 1]):
        start += 1      # "Even China, Pyongyang's only ally, said"
    if start >= len(toks):
        return []
    if bare(low[start]) in en.PRONOUNS:
        return [toks[start]]
    return (_apposed_name(toks, low, start)
            or descriptions and _description(toks, low, start)
            or _group_subject(toks, low, start)
            or _noun_or_name(toks, low, start))


def _apposed_name(toks, low, start):
    """"His former business partner at Lenox, Lawrence B. Cummings, called him": the name
    in apposition to a description."""
    if low[start] not in ("his", "her", "their", "its", "the", "a", "an"):
        return []
    comma = next((n for n in range(start + 1, min(len(toks), start + 9)) if toks[n] == ","), None)
    if comma is None:
        return []
    name = np_forward(toks, comma + 1)
    after = comma + 1 + len(name)
    if name and all(is_cap(t) or t.lower() in en.NAME_PARTICLES for t in name) and \
            after < len(toks) and toks[after] == ",":
        return name
    return []


def _description(toks, low, start):
    """"The Republican nominee also outlined his plan and vowed": a description that a
    coordinated verb shares, up to its last person noun."""
    if low[start] not in ("the", "a", "an"):
        return []
    head = None
    for j in range(start + 1, min(len(toks), start + 6)):
        if toks[j] in PUNCT or low[j] in en.NP_STOPS or low[j] in en.SUBJECT_VERB_GAP:
            break
        if low[j] in en.PERSON_NOUNS:
            head = j
    if head is None or head + 1 < len(toks) and is_cap(toks[head + 1]):
        return []
    return toks[start:head + 1]


def _noun_or_name(toks, low, start):
    """"the ministry", "Democratic presidential nominee Hillary Clinton", "Scott’s family"."""
    end, noun = start, None
    while end < len(toks) and end - start < 4 and not is_cap(toks[end]) and \
            low[end] not in _DESCRIPTION_STOPS and \
            toks[end] not in PUNCT:
        if low[end] in en.PERSON_NOUNS or low[end] in en.ORG_WORDS:
            noun = end
        end += 1
    if noun is not None and not (end < len(toks) and is_cap(toks[end])):
        return toks[start:noun + 1]
    if end >= len(toks) or not is_cap(toks[end]) or low[end] in _NOT_NAME_STARTS:
        return []
    end = _name_end(toks, low, end)
    # "Democratic presidential nominee Hillary Clinton": title words between names
    title = next((j for j in range(end + 1, min(len(toks), end + 4))
                  if not toks[j].islower() or low[j] in en.NP_STOPS), None)
    if title and title > end + 1 and is_cap(toks[title]) and low[title - 1] in en.TITLES and \
            toks[title] not in PUNCT:
        end = _name_end(toks, low, title)
    # "Scott’s family has called": the possessor's noun is the subject
    if possessive(toks[end]) and end + 1 < len(toks) and (
            low[end + 1] in en.PERSON_NOUNS or low[end + 1] in en.ORG_WORDS or
                people_noun(low[end + 1])):
        end += 1
    return toks[start:end + 1]


def _name_end(toks, low, end):
    """The last word of the capitalised run (with "von", "de" inside) from end."""
    while end + 1 < len(toks) and (is_cap(toks[end + 1]) or low[end + 1] in en.NAME_PARTICLES):
        end += 1
    return end


def _group_subject(toks, low, start):
    """"Critics of the program", "Federal and state officials", "Administration officials":
    a plural noun for people heading the sentence's first few words."""
    for j in range(start, min(len(toks), start + 5)):
        if toks[j] in PUNCT or j > start and (is_cap(toks[j]) or (low[j] in en.NP_STOPS and low[j] != "and")):
            return []
        if people_noun(low[j]) and not (j + 1 < len(toks) and people_noun(low[j + 1])):
            return toks[start:j + 1]
    return []


def plausible_subject(np):
    """A noun phrase that can say something: a name, a pronoun, a determiner's phrase, or
    one ending in a noun for people or organisations."""
    first, last = bare(np[0]), np[-1].lower()
    if len(np) > 12:
        return False
    return any(is_cap(t) for t in np) or first in en.TITLES or first in en.PERSON_NOUNS or \
        first in en.PRONOUNS or first in DETERMINERS or first[:1].isdigit() or \
        last in en.PERSON_NOUNS or last in en.ORG_WORDS or people_noun(last)
