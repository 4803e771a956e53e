"""Facts about English news prose that segmentation and attribution read: data, not code."""

# Verbs (and the one preposition phrase) that introduce reported speech, in every
# form a news sentence uses them. "according to" is matched as two words.
CUE_VERBS = frozenset("""
    say says said saying tell tells told telling add adds added adding
    urge urges urged urging write writes wrote writing ask asks asked asking
    explain explains explained explaining notes noted noting
    stated declare declares declared insist insists insisted insisting
    argue argues argued arguing claims claimed claiming
    recall recalls recalled recalling
    tweets tweeted tweeting posted
    warn warns warned reply replies replied replying
    respond responds responded answered
    announce announces announced admit admits admitted
    acknowledge acknowledges acknowledged complain complains complained complaining
    conclude concludes concluded concede concedes conceded remarked
    suggest suggests suggested testify testifies testified
    yell yells yelled shout shouts shouted cries cried scream screamed
    joked quipped countered retort retorted
    observe observes observed predict predicts predicted promised
    boasted vow vows vowed chanted chanting
    sings sang wonder wonders wondered demanded
    mused lamented recount recounts recounted
    emphasize emphasizes emphasized stressed
    assert asserts asserted contend contends contended maintains maintained
    describe describes described calls called calling reported reads
    condemn condemns condemned denounce denounces denounced criticized criticizes
    accused accuses blasted slammed praised pledged
    brand brands branded label labels labeled labelled dub dubs dubbed rated
    cite cites cited comments commented attacked likened
""".split())

# Phrases that report speech about something: 'as Trump went on about "how the system is
# rigged"'. Matched word by word, for partial quotes.
CUE_PHRASES = tuple(tuple(p.split()) for p in (
    "went on about", "goes on about", "spoke of", "spoke about", "speaks of", "speaks about",
    "talked about", "talks about", "referred to", "refers to"))

# Verbs that attribute a quote right after it ("..., she continued.", "..., the sign read.")
# but that narration uses for anything ("Moscow continued the offensive").
AFTER_QUOTE_VERBS = frozenset("continued continues interjected read".split())

# Cue verbs that are also plural nouns ("his early-morning tweets", "the calls"): a verb
# only after a name or a pronoun.
NOUN_LIKE_CUES = frozenset("tweets claims calls notes reports reads posts remarks comments".split())

# Cue verbs that take a direct quote only when it is explicit; they often just name
# something ("called it a 'fraud'"), so they make a partial quote, not a direct one.
NAMING_VERBS = frozenset("""
    describe describes described call calls called calling brand brands branded
    label labels labeled labelled dub dubs dubbed rated
""".split())

# Words that may stand between a subject and its cue verb: "he also said", "has said".
SUBJECT_VERB_GAP = frozenset("""
    also then later meanwhile previously recently again simply has had have
    had once later further repeatedly publicly privately flatly is are was were been
    will would could still often
""".split())

# Prepositions: a noun phrase after one is its object ("in a message posted Friday").
PREPOSITIONS = frozenset("""
    in on at from with by for following after before during about into over under
    through without against among despite
""".split())

# Words a noun phrase never runs back across when we look for a cue verb's subject.
NP_STOPS = frozenset("""
    that which who whom whose and but or nor as when while because if after before since
    though although until unless where so than to for with without by in on at from into
    about against over under during through is are was were be been being
    it's is not did does do will would could should can may might must
""".split()) - {"of"}

# Words that open a new clause after a comma: "..., she said, but Kevin was drifting off".
CLAUSE_WORDS = frozenset("but and while as when although though whereas yet so".split())

# Forms of "be": before a participle they make a passive ("were rated") or a progressive.
BE = frozenset("is are was were be been being am".split())

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}

# Titles that stand before a name and are not part of it. The gender a title carries is
# a fact the text states ("spokeswoman Jane Doe", "Mr. Smith").
TITLES = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "dr.": None, "prof.": None, "sen.": None, "rep.": None, "gov.": None, "gen.": None,
    "lt.": None, "col.": None, "sgt.": None, "capt.": None, "adm.": None, "rev.": None,
    "sec.": None, "atty.": None, "del.": None, "gov": None, "sen": None, "rep": None,
    "president": None, "vice": None, "senator": None, "representative": None,
    "governor": None, "secretary": None, "minister": None, "prime": None,
    "chancellor": None, "mayor": None, "judge": None, "justice": None, "speaker": None,
    "attorney": None, "general": None, "state": None, "director": None, "chief": None,
    "ceo": None, "chairman": "m", "chairwoman": "f", "chair": None, "leader": None,
    "candidate": None, "nominee": None, "spokesman": "m", "spokeswoman": "f",
    "spokesperson": None, "congressman": "m", "congresswoman": "f", "sir": "m",
    "lady": "f", "lord": "m", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "pope": "m", "father": "m", "sister": "f", "brother": "m", "rabbi": None,
    "ambassador": None, "commissioner": None, "councilman": "m", "councilwoman": "f",
    "assemblyman": "m", "assemblywoman": "f", "businessman": "m", "businesswoman": "f",
    "actor": "m", "actress": "f", "host": None, "anchor": None, "founder": None,
    "economist": None, "analyst": None, "professor": None, "coach": None, "rival": None,
    "officer": None, "sheriff": None, "detective": None, "inspector": None,
}

# Nouns that describe a person: "the 47-year-old said", "the official said".
PERSON_NOUNS = frozenset("""
    man woman boy girl resident official spokesman spokeswoman spokesperson
    president senator governor minister candidate nominee lawmaker leader chairman
    chairwoman secretary representative congressman congresswoman mayor judge father
    mother son daughter wife husband brother sister businessman businesswoman
    veteran voter supporter activist aide adviser advisor director executive ceo founder
    author writer analyst expert economist professor lawyer attorney teacher student
    doctor surgeon nurse officer soldier diplomat ambassador negotiator strategist
    democrat republican star actor actress singer host anchor mogul billionaire
    official campaigner organizer chief manager commissioner sheriff pastor priest
    witness victim survivor mom dad grandmother grandfather neighbor friend
    critic protester demonstrator delegate observer parent member worker
    researcher scientist investigator prosecutor regulator legislator relative
""".split())

# Plural person nouns a regular -s does not make.
PERSON_PLURALS = frozenset("men women people children police".split())

GENDERED_NOUNS = {
    "man": "m", "woman": "f", "boy": "m", "girl": "f", "father": "m", "mother": "f",
    "son": "m", "daughter": "f", "wife": "f", "husband": "m", "brother": "m",
    "sister": "f", "mom": "f", "dad": "m", "grandmother": "f", "grandfather": "m",
}

# Words that make a capitalised run an organisation or a place, not a person.
ORG_WORDS = frozenset("""
    party university college school house senate congress committee commission council
    department ministry agency bureau office court times post news press journal network
    union caucus association institute foundation center centre company corporation inc
    group club church army navy force forces police service services station county city
    state states republic kingdom federation administration campaign team bank fund
    board authority airport hospital street avenue road square river mountain park
    region province district village media television radio channel magazine
    kremlin pentagon whitehouse parliament assembly cabinet government family
""".split())

# Lowercase words inside a name: "Ursula von der Leyen", "Charles de Gaulle".
NAME_PARTICLES = frozenset("von van der den de del della di da la le du dos ter bin al ibn".split())

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof sen rep gov gen lt col sgt capt adm rev sec atty del st jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx dept est
    fig inc corp co ltd mt ft pt univ assn bros gov't
""".split())

# Words that begin a sentence after a dotted acronym at a sentence's end ("the U.S. The").
SENTENCE_STARTERS = frozenset("""
    the a an he she it they we i his her its their this that these those there but and
    so yet in on at after before when while if as for mr mrs ms dr one two three some
    many most all both each every several other others another my our your
""".split())

# Words that look like a subject but say when, not who: "which on Friday announced".
TIME_WORDS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec week month year morning afternoon
    evening night weekend
""".split())

# Words that may stand before a subject and are not part of it: "Even China said".
FOCUS_WORDS = frozenset("even only also just especially particularly".split())

# Words ending in -ly that are not manner adverbs ("Scott's family has said").
LY_NOUNS = frozenset("""
    family families rally ally italy july supply reply assembly anomaly monopoly
    belly bully jelly holly lily fly butterfly melancholy homily
""".split())

# Words that open a sentence with a phrase before its subject: "In Kyiv, one person ...".
INTRO_WORDS = frozenset("""
    in on at after before during since while when although though as despite following
    earlier later meanwhile however still yet also but and so then now speaking asked
    according for with without under over from by if once
""".split())
