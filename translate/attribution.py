"""Who said it: speaker mentions resolved, in document order, to the people and
organisations an article names."""

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from translate import english as en
from translate.clauses import (
    np_forward, parse_after, parse_before, parse_sentence, plausible_subject, sentence_subject,
    speech_verb, subject_of)
from translate.names import (
    POSSESSIVE_RE, bare, first_name_gender, full_name, is_cap, is_group, is_organisation,
    is_person_name, join_words, people_noun, possessive, split_mention, tokens, words)

# ", a political scientist", ", president of the caucus": a description after a name
APPOSITIVE_RE = re.compile(r",\s+(?:(?:a|an|the|his|her|its|their)\s"
                           r"|[a-z][\w-]*(?:\s[a-z][\w-]*)?\s(?:of|at|for)\s)")


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
        return first_name_gender(self.name) if self.person else None


def _key(name):
    """The word a bare surname or a description's head matches: "Trump", "ministry"."""
    toks = name.split()
    return bare(toks[-1]).strip(".,") if toks else ""


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
        """The entity a name refers to: the same full name, or for a bare surname ("Cruz")
        the one of that surname most often a subject or speaker, then the latest seen."""
        full = bare(name)
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
            entity = self.entities[bare(name)] = Entity(name, person=True)
        entity.seen = offset
        self.weak.append((offset, entity, first))
        return entity

    def named(self, name, offset, person=None, speaker=False, titles=()):
        """A subject or speaker named (or described) at offset; titles tell person and gender."""
        if " " not in name and name.lower() in self.common and not person:
            person = False
        entity = self.find(name)
        if entity is None:
            entity = self.entities[bare(name)] = Entity(name)
        entity.seen = offset
        if person is False:
            entity.person = False
        elif entity.person is None or person:
            if person or is_person_name(name):
                entity.person = True
            elif is_organisation(name):
                entity.person = False
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
                if off <= offset and (not entity.person or plural and is_group(entity.name)):
                    return entity
            return None
        # a person, or a speaker the text has not yet told to be a person or not
        found = None
        for off, entity, speaker in reversed(self.events):
            if off > offset or entity.gender not in (None, gender):
                continue
            if entity.name.split()[0].lower() in ("a", "an", "one", "another") and not speaker:
                continue    # "one questioner claimed that ...": met in passing, not the topic
            if entity.person or entity.person is None and (speaker or full_name(entity.name)):
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
    toks = words(mention)
    low = bare(toks[0]) if toks else ""
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
    if not toks:
        return None
    # "the 34-year-old mother of three": the head noun stands before "of"
    head = (toks[:toks.index("of")] if "of" in toks[1:] else toks)[-1].lower()
    if low in ("the", "this", "that"):
        generic = head in en.PERSON_NOUNS or not any(is_cap(t) for t in toks[1:])
        found = discourse.description(head, offset, generic)
        if found or not any(is_cap(t) for t in toks[1:]):
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
        elif mention and bare(words(mention)[0]) not in en.PRONOUNS:
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
    last, glue = _preceding(quote, pieces)
    if last is None or last.quote is not None:
        return None
    if not (last.text + glue).rstrip(' "“\n').endswith(":"):
        return None
    text = last.text.rstrip(":")
    parsed = parse_before(text)
    if parsed:
        mention, cue = parsed
    else:
        subject = sentence_subject([t for t, _ in tokens(text)])
        if not subject or not is_cap(subject[0]) or bare(subject[0]) in en.PRONOUNS:
            return None
        mention, cue = join_words(subject), None
    return resolve(mention, last.start + len(last.text), discourse), mention, cue


def _excerpt(text):
    """A quoted passage of another paper's reporting, not someone's speech: several
    sentences in the third person. Its sentences introduce people as narration does."""
    toks = {bare(t) for t in words(text)}
    return len(text) > 200 and not toks & {"i", "me", "my", "we", "us", "our", "you", "your"}


def _after_narration(quote, pieces, discourse):
    """"His former business partner, Lawrence B. Cummings, called him a master at deals.
    "He showed again and again an ability ..."": a quote standing after a sentence of
    its paragraph speaks for that sentence's subject, when it names someone."""
    last, glue = _preceding(quote, pieces)
    if last is None or last.kind != "sentence" or last.quote is not None or "\n" in glue \
            or glue.rstrip(' "“').endswith(":"):
        return None
    subject = sentence_subject([t for t, _ in tokens(last.text)])
    if not subject or not (is_cap(subject[-1]) or bare(subject[0]) in ("he", "she")):
        return None
    mention = join_words(subject)
    return resolve(mention, last.start + len(last.text), discourse), mention, None


def _preceding(quote, pieces):
    """The last translatable piece before a quote, and the marks and spaces between them."""
    n = bisect_left(pieces, quote.start, key=lambda p: p.start)
    for i in range(n - 1, -1, -1):
        if pieces[i].translatable:
            return pieces[i], "".join(p.text for p in pieces[i + 1:n])
    return None, ""


def _block_no(block_id):
    return int(block_id[1:])


def _narration(piece, discourse):
    """Register who a sentence is about: its subject, the people it introduces, and every
    speech verb's subject."""
    toks = tokens(piece.text)
    before = len(discourse.events)
    _sentence_subject(piece, toks, discourse)
    if piece.kind != "quote":
        _speech_verbs(piece, toks, discourse)
    # "Trump attacked Jeb Bush, a former governor": the subject stays the topic
    _introductions(piece, discourse, sources=len(discourse.events) == before)


def _sentence_subject(piece, toks, discourse):
    """The subject at the sentence's start (or after an opening phrase): he/she, a group, an
    organisation named by a possessive, or a name."""
    plain = [t for t, _ in toks]
    subject = sentence_subject(plain)
    if not subject:
        return
    k = plain.index(subject[0])
    offset = piece.start + toks[k][1]
    if bare(subject[0]) in ("he", "she"):
        gender = en.PRONOUNS[bare(subject[0])]
        entity = discourse.pronoun(gender, offset)
        if entity:
            entity.votes[gender] += 1
            discourse.events.append((offset, entity, False))
    elif people_noun(subject[-1].lower()):
        discourse.named(join_words(subject), offset)
    elif len(subject) > 1 and possessive(subject[-2]) and subject[-1] in en.ORG_WORDS:
        # "Donald Trump’s campaign is defending ...": what "it" will refer to
        discourse.named(join_words(subject), offset, person=False)
    elif any(is_cap(t) for t in subject) and not (
            subject[-1].isupper() and len(subject[-1]) > 3) and not (
            # "President Obama's decision ... received": the possessor is not the subject
            any(possessive(t) for t in subject[-2:])):
        name, titles = split_mention(POSSESSIVE_RE.sub("", join_words(subject)))
        if name and (is_person_name(name) or full_name(name) or discourse.find(name) or any(
                t.lower() in en.TITLES for t in titles)):
            discourse.named(name, offset, titles=titles)
        elif name and is_organisation(name):
            discourse.named(name, offset, person=False)     # what "it" will refer to


def _introductions(piece, discourse, sources):
    """Full person names anywhere in the sentence, for surnames and pronouns to come; in a
    sentence with no subject of its own, a name with a description introduces a source."""
    for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][\w’'-]+)+", piece.text):
        run = POSSESSIVE_RE.sub("", m.group())
        if is_person_name(run):
            # "... concerns Henry Crespo, president of the caucus": a source introduced
            described = sources and APPOSITIVE_RE.match(piece.text, m.end()) is not None
            discourse.introduce(run, piece.start + m.start(), described)


def _speech_verbs(piece, toks, discourse):
    """Every speech verb's subject speaks; "said he/she" tells the subject's gender."""
    plain = [t for t, _ in toks]
    low = [t.lower() for t in plain]
    for k in range(len(plain)):
        if not speech_verb(low, k):
            continue
        np = subject_of(plain, k)
        if k > 0 and plain[k - 1] == "," and (not np or not plausible_subject(np)):
            after = np_forward(plain, k + 1)     # "..., noted NBC’s Dante Chinni."
            np = after if after and is_cap(after[0]) else np
        if not np or not plausible_subject(np) or np[0].lower() in ("that", "this") or not (
                any(is_cap(t) for t in np) or bare(np[0]) in en.PRONOUNS or
                np[0].lower() == "the"):
            continue
        entity = resolve(join_words(np), piece.start + toks[k][1], discourse)
        # "Trump said he would ...": most often the subject itself; not after "saying",
        # whose "he" is whom the words are about, nor after a group ("Police said he")
        if entity and low[k + 1:k + 2] in (["he"], ["she"]) and not low[k].endswith("ing") \
                and not is_group(entity.name):
            entity.votes[en.PRONOUNS[low[k + 1]]] += 1
            entity.person = True
