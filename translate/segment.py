"""Segment an article into blocks, sentences and quotes; every character in one piece."""

import re
from dataclasses import dataclass

from translate import english as en
from translate.article import Article, Block, Piece, Quote, read_text
from translate.attribution import Link, attribute
from translate.clauses import parse_after, parse_before, reports_speech
from translate.names import words

OPENING = "“\""
CLOSING = "”\""
MARKS_RE = re.compile("[“”\"]")
FEET_INCHES_RE = re.compile(r"\d['’]\d{1,2}$")
DASHES = "—―–-"

META_RE = re.compile(r"[\ufeff\s]*(?P<key>[A-Za-z][\w-]*):?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?=\s)")
FILE_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")
# "HEMPSTEAD, N.Y., Sept. 26 (UPI) — " and "WASHINGTON ― ": a place in capitals, a dash.
DATELINE_RE = re.compile(r"[A-Z][A-Z .'’-]{2,}(?:,[^—―–\n]{1,40}?)?(?: \([A-Za-z ]+\))? ?[—―–-]{1,2}(?= )")
# "... on Kyiv. Photo / Getty Images", "(AP Photo/Evan Vucci)": a caption's credit.
CREDIT_RE = re.compile(r"(?:\(?[\w ]*\b(?:Photos?|Pictures?|Image|Video|Illustration)\s*(?:/|:|by)\s*[^.()]{1,60}\)?|\(?Getty Images\)?)$")
BYLINE_RE = re.compile(r"(?:[-—–]\s*\S.{0,60}|By [A-Z][^.!?]{0,60})$")
SENTENCE_END_RE = re.compile(r"[.?!…]+[”’\"')\]]*(?=\s)")


@dataclass
class Span:
    """A pair of double quotation marks; close is None where the paragraph ends first."""

    open: int
    close: int | None
    direct: bool = False
    continued: bool = False   # the next paragraph takes the quote up (news style)
    end: int | None = None    # where an unclosed quote's words stop, if not at the paragraph end


def segment_file(path):
    return segment(read_text(path), str(path))


def segment(text, path="<text>"):
    """Split an article's text into blocks, pieces and attributed quotes."""
    seg = _Segmenter(text, path)
    seg.run()
    quotes = attribute(seg.pieces, seg.quotes, seg.links, text)
    date = seg.date or _file_date(path)
    return Article(path, text, seg.blocks, quotes, seg.warnings, date)


def _file_date(path):
    m = FILE_DATE_RE.search(path.rsplit("/", 1)[-1])
    return m.group(1) if m else None


class _Segmenter:
    def __init__(self, text, path):
        self.text, self.path = text, path
        self.blocks, self.pieces, self.quotes, self.links = [], [], [], []
        self.warnings, self.date = [], None
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    # -- bookkeeping -------------------------------------------------------------
    def line_of(self, offset):
        lo, hi = 0, len(self._newlines)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._newlines[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo + 1

    def warn(self, offset, message):
        self.warnings.append(f"{self.path}:{self.line_of(offset)}: warning: {message}")

    def block(self, kind):
        self.blocks.append(Block(f"b{len(self.blocks) + 1}", kind))
        return self.blocks[-1]

    def add(self, kind, start, end, role="", quote=None):
        if end <= start:
            return None
        piece = Piece(kind, self.text[start:end], start, self.line_of(start), role, quote)
        self.blocks[-1].pieces.append(piece)
        self.pieces.append(piece)
        return piece

    def add_stripped(self, kind, start, end, quote=None):
        """A piece for the text in [start, end), its surrounding white space as space."""
        chunk = self.text[start:end]
        s = start + len(chunk) - len(chunk.lstrip())
        e = start + len(chunk.rstrip())
        self.add("space", start, s)
        piece = self.add(kind, s, e, quote=quote) if e > s else None
        self.add("space", max(s, e), end)
        return piece

    # -- blocks ------------------------------------------------------------------
    def run(self):
        paragraphs = self._paragraphs()
        if not paragraphs:     # white space only: one block that keeps it
            self.block("paragraph")
            self.add("space", 0, len(self.text))
            return
        start = 0
        meta = META_RE.match(self.text, 0)
        if meta and meta.end() <= paragraphs[0][1]:
            # " date 2025-07-04" opening the first line: a block of its own
            self.block("meta")
            self.add("space", 0, meta.start("key"))
            self.add("meta", meta.start("key"), meta.end())
            self.date = meta.group("date")
            rest = self.text[meta.end():paragraphs[0][1]]
            start = meta.end()
            if rest.strip():
                paragraphs[0] = (paragraphs[0][1] - len(rest.lstrip()), paragraphs[0][1])
            else:
                paragraphs.pop(0)     # the metadata was the whole line
            if not paragraphs:
                self.add("space", meta.end(), len(self.text))
                return
        kinds = self._kinds(paragraphs)
        first_paragraph = kinds.index("paragraph") if "paragraph" in kinds else -1
        state = {"open": None}
        for i, ((ps, pe), kind) in enumerate(zip(paragraphs, kinds)):
            block = self.block(kind)
            self.add("space", start, ps)
            nxt = paragraphs[i + 1][0] if i + 1 < len(paragraphs) else len(self.text)
            if kind == "paragraph":
                self._paragraph(ps, pe, nxt, block, state, dateline=i == first_paragraph)
            elif kind == "caption":
                credit = ps + _credit(self.text[ps:pe])
                self.add_stripped("caption", ps, credit)
                self.add("credit", credit, pe)
            elif kind == "byline":
                self.add("byline", ps, pe)
            else:
                self.add(kind, ps, pe)
            self.add("space", pe, nxt)
            start = nxt

    def _paragraphs(self):
        """(start, end) of every paragraph's text, white space around it left out."""
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", self.text)]
        lines = [(s + len(self.text[s:e]) - len(self.text[s:e].lstrip()),
                  s + len(self.text[s:e].rstrip())) for s, e in lines]
        lines = [(s, e) for s, e in lines if self.text[s:e].strip("\ufeff")]
        if self._wrapped(lines):
            return self._join_wrapped(lines)
        return lines

    def _wrapped(self, lines):
        """Hard-wrapped text: paragraphs of several short lines between blank lines."""
        groups = self._join_wrapped(lines)
        multi = [g for g in groups if "\n" in self.text[g[0]:g[1]]]
        widths = sorted(e - s for s, e in lines)
        return len(multi) * 2 > len(groups) and widths[len(widths) // 2] <= 90

    def _join_wrapped(self, lines):
        groups = []
        for s, e in lines:
            if groups and not self.text[groups[-1][1]:s].count("\n") > 1:
                groups[-1] = (groups[-1][0], e)
            else:
                groups.append((s, e))
        return groups

    def _kinds(self, paragraphs):
        kinds = []
        for i, (ps, pe) in enumerate(paragraphs):
            text = self.text[ps:pe]
            n_words = len(text.split())
            last = i == len(paragraphs) - 1
            if (not kinds or set(kinds) == {"headline"}) and self._headline(i, paragraphs):
                kinds.append("headline")
            elif _credit(text) > 0:
                kinds.append("caption")
            elif last and n_words <= 8 and BYLINE_RE.match(text):
                kinds.append("byline")
            elif kinds and n_words <= 8 and not MARKS_RE.search(text) and (
                    text[-1] not in ".,;:!?)”’\"'" or text.isupper()):
                kinds.append("subheading")
            else:
                kinds.append("paragraph")
        if "paragraph" not in kinds:
            kinds = ["paragraph" if k == "headline" else k for k in kinds]
        return kinds

    def _headline(self, i, paragraphs):
        """The article's first lines, before the first blank line, when short."""
        ps, pe = paragraphs[i]
        text = self.text[ps:pe]
        words_ = text.split()
        if len(paragraphs) < 3 or len(words_) > 25 or text[0] in OPENING:
            return False
        # a headline is title case, or a short clause: no commas of running prose
        capitals = sum(w[0].isupper() for w in words_) / len(words_)
        if capitals < 0.5 and text.count(",") >= 1:
            return False
        if i == 0:
            return True
        gap = self.text[paragraphs[i - 1][1]:ps]
        return gap.count("\n") == 1 and len(text.split()) <= 25 and i < 2

    # -- paragraphs: quotes and sentences ------------------------------------------
    def _paragraph(self, ps, pe, nxt, block, state, dateline):
        if dateline:
            m = DATELINE_RE.match(self.text, ps, pe)
            if m:
                self.add("dateline", ps, m.end())
                ps = m.end()
        continued = state["open"] is not None
        spans = self._spans(ps, pe, nxt, state)
        for span in spans:
            span.direct = self._direct(span, ps, pe)
        inline = [s for s in spans if not s.direct]
        pos, after = ps, None
        for span in (s for s in spans if s.direct):
            pos, before = self._run(pos, span.open, after, True, inline, block)
            link = Link(attribution=before, continued=continued and span.open == ps)
            pos, after = self._quote(pos, span, pe, block, link)
        self._run(pos, pe, after, False, inline, block)

    def _spans(self, ps, pe, nxt, state):
        spans, opened, nested = [], None, None
        for m in MARKS_RE.finditer(self.text, ps, pe):
            i, ch = m.start(), self._shape(m.start(), ps, pe)
            if ch == '"' and FEET_INCHES_RE.search(self.text, max(ps, i - 6), i):
                continue    # 6'3": inches, not a quotation mark
            if opened is None:
                if ch == "”":
                    self.warn(i, "closing quotation mark with no opening one; kept as text")
                    continue
                opened = i
            elif nested is not None:
                nested = None if ch in "”\"" else nested
            elif ch == "“" and (self.text[opened] == "\"" or self._nests(i, pe)) or \
                    ch == "\"" and self.text[opened] == "“" and self._opens(i):
                nested = i      # the other kind of mark, nested inside this quote
            elif ch == "“":
                self.warn(opened, "quotation mark opened here is never closed")
                spans.append(Span(opened, None, end=i))
                opened = i
            else:
                spans.append(Span(opened, i))
                opened = None
        if opened is not None:
            following = self.text[nxt:nxt + 1]
            span = Span(opened, None, continued=bool(following) and following in OPENING)
            if not span.continued:
                self.warn(opened, "quotation mark opened here is never closed")
            spans.append(span)
        state["open"] = spans[-1] if spans and spans[-1].continued else None
        return spans

    def _shape(self, i, ps, pe):
        """A mark as it works: where its place says open or close, a typo's wrong
        glyph (”Quote.” or “Quote.“) does not matter; elsewhere the glyph decides."""
        ch = self.text[i]
        if ch == '"':
            return ch
        before = self.text[i - 1] if i > ps else " "
        after = self.text[i + 1] if i + 1 < pe else " "
        if (before.isspace() or before in "([—–―") and not after.isspace():
            return "“"
        if not before.isspace() and (after.isspace() or after in ".,;:!?)—–―"):
            return "”"
        return ch

    def _nests(self, i, pe):
        """An opening mark inside an open quote nests when two closing marks follow."""
        rest = self.text[i + 1:pe]
        return rest.count("”") - rest.count("“") >= 2

    def _opens(self, i):
        """A straight mark opens a quote when a space stands before it and a word after."""
        before = self.text[i - 1:i]
        return (not before or before.isspace() or before in "([—–") and \
            self.text[i + 1:i + 2].strip() != ""

    def _direct(self, span, ps, pe):
        """A quote that stands as speech, not a phrase quoted inside a sentence."""
        text = self.text
        before = text[ps:span.open].rstrip()
        inner = text[span.open + 1:span.close if span.close is not None else span.end or pe].strip()
        if not inner:
            return False
        after = text[span.close + 1:pe] if span.close is not None else ""
        ends = inner[-1] in ",.?!…—–-;:"
        starts = not before or before[-1] in ".?!…:" + DASHES or before[-1] in CLOSING
        if starts:
            return (ends or not after.strip() or span.close is None
                    or parse_after(after) is not None or bool(SENTENCE_END_RE.search(inner)))
        last = words(before)[-1:]
        verb = last[0].lower() if last else ""     # "She continued, “For us, ...”"
        cue_before = (verb in en.CUE_VERBS or verb in en.AFTER_QUOTE_VERBS) and \
            verb not in en.NAMING_VERBS
        return cue_before and inner[0].isupper() and (ends or span.close is None)

    def _quote(self, start, span, pe, block, link):
        """Pieces for a direct quote: opening mark, its words, closing mark."""
        text = self.text
        end = span.close if span.close is not None else span.end or pe
        inner_start = span.open + 1
        while inner_start < end and text[inner_start].isspace():
            inner_start += 1
        inner_end = len(text[:end].rstrip())
        after = text[span.close + 1:pe] if span.close is not None else ""
        attributed = span.close is not None and parse_after(after) is not None
        role = "open-attr" if link.attribution else "open"
        self.add("open", start, inner_start, role=role)
        index = len(self.quotes)
        role = "close"
        if attributed and text[inner_end - 1] == ",":
            inner_end -= 1
            role = "close-attr"
        elif attributed and text[inner_end - 1] in "?!…—–-":
            role = "close-attr-term"
        self.add("quote", inner_start, inner_end, quote=index)
        self.quotes.append(Quote(text[inner_start:inner_end], block.id,
                                 self.line_of(inner_start), inner_start))
        self.links.append(link)
        if span.close is None:
            self.add("space", inner_end, end)
            return end, (index, False)
        self.add("close", inner_end, span.close + 1, role=role)
        return span.close + 1, (index, attributed)

    def _run(self, start, end, after, leads_quote, inline, block):
        """Pieces for the narration between direct quotes; returns where the next
        quote's opening begins and that quote's attribution when it comes first."""
        text = self.text
        tail = end
        if leads_quote:
            tail = start + re.search(r"[,:]?\s*$", text[start:end]).start()
        sentences = self._sentences(start, tail, inline)
        before = None
        for k, (s, e) in enumerate(sentences):
            kind, quote = "sentence", None
            chunk = text[s:e].strip()
            if k == 0 and after is not None and after[1]:
                kind, quote = "attribution", after[0]
                self.links[after[0]].attribution = (chunk, "after", s)
            if k == len(sentences) - 1 and leads_quote and tail == e and (
                    text[tail:end].strip() or words(chunk)[-1:] and chunk[-1] not in ".?!…" and
                    words(chunk)[-1].lower() in en.CUE_VERBS) and parse_before(chunk):
                before = (chunk, "before", s)
                if kind == "sentence":
                    kind, quote = "attribution", len(self.quotes)
            piece = self.add_stripped(kind, s, e, quote=quote)
            self._inline_quotes(piece, inline, block)
        if not sentences:
            if text[start:tail].strip():
                raise AssertionError("narration without a sentence")
            self.add("space", start, tail)
        if before is None and leads_quote and not text[tail:end].strip():
            # plain white space before the mark stays white space
            self.add("space", tail, end)
            tail = end
        return tail, before

    def _sentences(self, start, end, inline):
        """Sentence bounds in [start, end), never inside a quoted phrase."""
        text = self.text
        masked = [(s.open, s.close if s.close is not None else end) for s in inline
                  if start <= s.open < end]
        bounds, s = [], start
        for m in SENTENCE_END_RE.finditer(text, start, end):
            cut = m.end()
            # a quoted phrase may end its sentence ('of "fanatic recklessness." South
            # Korean President Park said'), but no sentence ends inside one
            if any(o < m.start() < c and cut <= c for o, c in masked) or \
                    not self._breaks(m.start(), cut, end):
                continue
            bounds.append((s, cut))
            s = cut
        if text[s:end].strip():
            bounds.append((s, end))
        elif bounds:
            bounds[-1] = (bounds[-1][0], end)
        return bounds

    def _breaks(self, dot, cut, end):
        """Does the punctuation at dot end a sentence? Abbreviations and initials do not."""
        text = self.text
        rest = text[cut:end].lstrip()
        if not rest:
            return True
        if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'(["):
            return False
        if text[dot] != ".":
            return True
        m = re.search(r"(\S+)$", text[max(0, dot - 30):dot])
        word = m.group(1) if m else ""
        bare = word.lstrip("(“\"‘'").lower()
        if bare in en.ABBREVIATIONS:
            return False
        if re.fullmatch(r"[A-Za-z]", bare):                     # an initial: J. R. R. Tolkien
            return False
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", bare):       # U.S, N.Y, D.C
            nxt = re.match(r"[\w’']+", rest)
            return bool(nxt) and nxt.group().lower() in en.SENTENCE_STARTERS
        return True

    def _inline_quotes(self, piece, inline, block):
        """Quoted phrases inside a sentence: partial quotes when the sentence reports speech."""
        if piece is None:
            return
        end = piece.start + len(piece.text)
        for span in inline:
            if not piece.start <= span.open < end:
                continue
            close = span.close if span.close is not None else end
            inner = self.text[span.open + 1:close].strip()
            if not inner or not self._reported(piece, span, inner):
                continue
            self.quotes.append(Quote(inner, block.id, self.line_of(span.open), span.open + 1,
                                     partial=True))
            self.links.append(Link(attribution=(piece.text, "sentence", piece.start),
                                   inside=span.open - piece.start))

    def _reported(self, piece, span, inner):
        """A partial quote, not a scare quote or a title: its sentence reports speech."""
        if _title_case(inner):
            return False    # "Morning Joe", "Face the Nation,": a name, not words said
        outside = MARKS_RE.sub(" ", re.sub(r"“[^”]*”|\"[^\"]*\"", " ", piece.text))
        return reports_speech([w.lower() for w in words(outside)])


SMALL_WORDS = frozenset("a an and as at but by for in nor of on or the to with".split())


def _title_case(text):
    """Every word capitalised, as in the name of a show, a book or a nickname."""
    found = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not found or len(found) > 8:
        return False
    return all(w[0].isupper() or w.lower() in SMALL_WORDS for w in found) and found[0][0].isupper()


def _credit(text):
    """Where a photo credit starts at the end of a paragraph, or -1. Only the tail is
    searched: a credit is short, and the pattern is slow on a whole paragraph."""
    start = max(0, len(text) - 80)
    m = CREDIT_RE.search(text, start)
    return m.start() if m else -1
