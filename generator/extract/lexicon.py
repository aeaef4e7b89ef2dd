"""Word lists the rules rely on: general English news vocabulary, not tuned to any article."""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """
    say tell state announce add claim insist emphasize emphasise stress warn note argue deny confirm
    explain report write declare assert acknowledge admit allege reply respond suggest predict promise
    vow pledge urge reiterate maintain contend estimate describe call believe think caution indicate
    disclose reveal recall testify tweet post comment remark observe mention point signal threaten
    concede agree ask demand announce complain accuse question propose recommend hint
    charge counter conclude assure boast brag joke quip shout answer retort
    show find hope fear expect feel doubt worry continue know learn
    criticize criticise
    affirm reaffirm underscore express welcome recognize recognise highlight condemn
""".split()
)
"""Lemmas of verbs that introduce what someone said or holds."""

CLAUSE_VERBS = frozenset("show find hope fear expect feel doubt worry continue know learn think believe".split())
"""Speech verbs that report only with a clause after them: "the poll shows that …", not "shows a film"."""

ROLE_NOUNS = frozenset(
    """
    president vice-president minister secretary director head chief leader chairman chairwoman chairperson
    chair spokesman spokeswoman spokesperson member official officer commander general admiral colonel
    governor mayor senator representative congressman congresswoman ambassador envoy negotiator adviser
    advisor coordinator ceo cfo coo cto founder co-founder executive manager president-elect king queen
    prince princess emperor pope bishop archbishop cardinal premier chancellor speaker justice judge
    prosecutor attorney lawyer deputy correspondent editor analyst researcher professor economist
    inspector commissioner administrator superintendent sheriff mediator diplomat lieutenant captain
    sergeant marshal chief-of-staff treasurer councillor councilor lawmaker legislator candidate nominee
    delegate emissary consul owner partner chairman-elect producer director-general secretary-general
""".split()
)
"""Head nouns of titles and roles ("director of the CIA", "a member of the Political Office")."""

SOLE_OFFICES = frozenset(
    "president prime premier chancellor king queen emperor pope governor mayor secretary-general president-elect".split()
)
"""Offices one person holds at a time: "an Australian prime minister" is one of those who held it, often long
ago, not who holds it now ("a member", "a spokesman" are current)."""

PLACE_NOUNS = frozenset(
    """
    crossing border strip bank camp city town village province region district county state street
    square airport port harbour harbor hospital bridge river valley mountain island peninsula sea gulf
    lake desert checkpoint base prison building plaza gate corridor wharf pier dock synagogue church mosque
    cathedral temple chapel
""".split()
)
"""Nouns that make a preceding proper name a place ("Rafah crossing", "Shifa hospital")."""

AREA_NOUNS = frozenset("strip region province state territory territories governorate".split())
"""Place nouns after which a name still names the same area ("Gaza Strip" is Gaza, "Washington State" is
Washington); after any other ("Gaza City", "Delaware River", "Rafah crossing") it names another place."""

MEASURE_WORDS = frozenset(
    """
    megawatt kilowatt gigawatt watt mile kilometre kilometer metre meter foot feet inch yard ton tonne pound
    gallon litre liter acre hectare degree
""".split()
)
"""Units of measure written out: a number before one is a measure, not part of a name ("Energys 550 megawatt")."""

UNIT_SYMBOLS = frozenset(
    "w kw mw gw kwh mwh gwh twh kv mah hz khz mhz ghz kb mb gb tb pb kbps mbps gbps km cm mm kg mg ml "
    "lb lbs oz ft mph kph km/h hp bhp psi ksi rpm".split()
)
"""Unit symbols written after a number with a space ("5 W", "50 GB"), compared in lower case; one-letter
symbols and those that are also words ("in", "am", "m" for million) are left out."""
AREA_WORDS = frozenset("sq sq. square".split())
LENGTH_UNITS = frozenset(
    "m km cm mm ft mi yd in metre metres meter meters kilometre kilometres kilometer kilometers foot feet mile "
    "miles yard yards inch inches".split()
)
"""An area written as two words after a number: "1520 sq m", "200 square feet"."""
TEMPERATURE_SCALES = {
    "celsius": "Celsius", "centigrade": "Celsius", "fahrenheit": "Fahrenheit", "kelvin": "Kelvin",
    "c": "Celsius", "f": "Fahrenheit",
}  # fmt: skip
"""Scales a temperature is written in ("20 degrees Celsius"); "C" and "F" count only after "degrees" or "°"."""
NEGATIVE_WORDS = frozenset("minus negative".split())
"""Words that put the number after them below zero: "minus 20 degrees"."""
UNIT_LETTERS = frozenset("C F K M B T".split())
"""Capital letters that written onto a number are a unit or a scale ("30C", "10K", "8B"); any other letter
so written makes a name ("3G", "5G")."""
MEASURE_NOUNS = frozenset("point".split())
"""Nouns of a measure written between a number and what it describes: "a 60 basis point improvement"."""

DURATION_UNITS = frozenset("second minute hour day week month year decade century night".split())

RATE_WORDS = frozenset("a an per each every".split())
"""Words that make the period after a figure its rate: "100 trucks a day", "$2,000 per year"."""

NOT_A_RATE_AFTER = frozenset("ago after before later earlier into since old from on in".split())
"""Words after "a day", "a year" that make it a time, not a rate: "13 hostages a day after the truce"."""

TIME_POINT_AFTER = frozenset("away".split())
"""Words after a duration that make it a point in time ahead, not a measure: "the shutdown is two weeks away",
"10 days from now" (with "from now", "from today"). Not "ago", "before", "after": "75 years ago", "nearly 20
months after he launched his invasion" are the story's measures (whitehouse_dev's gold keeps five such)."""

DESCRIBING_SUBJECTS = frozenset("these those they we you".split())
"""Subjects of "are two men that …": a small count on their complement says who they are, not how many."""

DAY_WORDS = frozenset("today tomorrow yesterday".split())
"""Relative days that a determiner or adjective makes a time instead ("a better tomorrow")."""

DISCOURSE_NOUNS = frozenset(
    """
    thing question way word reason example answer comment remark follow-up moment piece kind sort
    thought
""".split()
)
"""Lemmas of nouns that a speaker counts in passing ("two questions", "one thing", "give me a minute"):
no figure a reader would chart."""

TALKING_VERBS = frozenset("talk speak say discuss argue debate chat testify joke".split())
"""Verbs of talking: how long someone has talked ("talking now for three days") is no figure of the story."""

NEGATIONS = frozenset("not no never nor without".split())

WEAK_NUMBER_WORDS = frozenset("zero one a an".split())
"""Number words that mostly count nothing when spelled out: "one" is a determiner or pronoun far more
often than a count ("one hand", "for one day", "I haven't had one"), and a spelled "zero" is rhetoric
("zero evidence"). A figure written only with these waits for a person's review."""

WINDOW_WORDS = frozenset("last past next previous coming".split())
"""Words before a duration that make it the time window of what the sentence counts: "in the last 24 hours,
about 96 citizens crossed"."""

PAST_WINDOW_WORDS = frozenset("last past previous".split())
"""Window words that look back: "over the past two years" frames what was done, a measure of nothing; "over
the next 48 hours" may be the news itself (a pause extended)."""

APPROXIMATE_SEPARATORS = frozenset("or ,".split())
"""Between two bare numbers before one unit, a spoken approximation: "four or five decades", "35, 40
percent" (a range from the first to the second)."""
"""Words that make the quantity after them none: "not one Republican voted"."""

PERIOD_WORDS = frozenset("the last past next first previous coming".split())
"""Words between a preposition and a number that make it a period: "over the last four years"."""

HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev".split())

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "half": 0.5,
}
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
    "k": 1_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "mn": 1_000_000,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
}
QUALIFIER_INTENSIFIERS = frozenset("just well slightly only".split())
"""Words before a qualifier that leave its meaning: "just under a hundred" is fewer than 100."""
QUALIFIERS = {
    "more than": "more than",
    "over": "more than",
    "at least": "at least",
    "nearly": "nearly",
    "almost": "nearly",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "up to": "up to",
    "greater than": "more than",
    "higher than": "more than",
    "upwards of": "more than",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "lower than": "fewer than",
    "under": "fewer than",
    "at most": "at most",
    "some ": "about",
    "as many as": "up to",
    "as much as": "up to",
    "going on": "nearly",
}

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "any", "it": "organisation"}

# Names news writes in several ways that no name list covers: abbreviations of countries and of
# international and US bodies every English news reader knows. Story knowledge goes in the registry.
KNOWN_ENTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "United States": ("place", ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America")),
    "United Kingdom": ("place", ("UK", "U.K.", "Britain", "Great Britain")),
    "United Arab Emirates": ("place", ("UAE", "U.A.E.")),
    "United Nations": ("organisation", ("UN", "U.N.")),
    "European Union": ("organisation", ("EU", "E.U.")),
    "White House": ("organisation", ()),
    "Congress": ("organisation", ()),
    "CIA": ("organisation", ("Central Intelligence Agency",)),
    "FBI": ("organisation", ("Federal Bureau of Investigation",)),
    "NATO": ("organisation", ("North Atlantic Treaty Organization",)),
}

TITLE_WORDS = frozenset(
    """
    prime vice deputy acting former first second senior principal assistant associate foreign defense
    defence interior finance state national security general attorney chief press homeland
    amir emir sheikh sheikha crown gentleman lady his her excellency majesty highness honorable honourable
    emerita emeritus pro tem tempore
    sen rep gov gen adm lt col sgt capt supt potus flotus vpotus scotus
""".split()
)
"""Words that, with ROLE_NOUNS and HONORIFICS, make up a title before a name ("Prime Minister",
"Second Gentleman", "Amir Sheikh"): a name made only of these is a title, not a name."""

VESSEL_PREFIXES = frozenset("USS HMS HMAS HMCS HMNZS INS USNS USCGC MV RV SS".split())
"""Prefixes of ships' names, written in capitals ("USS Gerald R. Ford"): what follows names a ship."""

VESSEL_NOUNS = frozenset("carrier destroyer frigate cruiser submarine warship ship vessel aircraft".split())
"""Nouns that make the name beside them a ship's: "the aircraft carrier Gerald R. Ford", "the Gerald R. Ford
carrier strike group". A ship is not a person, an organisation or a place."""

LEADING_VERB_TAGS = frozenset("MD VB VBD VBG VBN VBP VBZ".split())
"""Part-of-speech tags of a word the model wrongly took into a name: "Will Jake Sullivan", "Joining Kirby"."""

GOVERNMENT_WORDS = frozenset("government administration".split())
"""Nouns that make "US Government" a place (a government named by its country) and "Biden
administration" an organisation."""

BODY_NOUNS = frozenset(
    "committee subcommittee commission council board group panel forum office taskforce force".split()
)
"""Last words of bodies that are named by their remit ("Committee on the Peaceful Uses of Outer Space",
"Working Group on reducing space threats"): without it the name says only what kind of body it is."""

CAMPUS_WORDS = frozenset("university college".split())
"""First words of names that a campus's place completes ("University of Nevada, Las Vegas")."""

ORG_WORDS = frozenset(
    """
    inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc group holdings bank banks ministry
    department agency party association committee council commission university college institute authority
    board bureau office court congress senate parliament assembly union federation fund foundation reserve
    service services times post press news network airlines airways motors systems technologies laboratories
    school hospital police army navy force forces command organization organisation club league cabinet
""".split()
)
"""Last words that make a name an organisation ("Yamato Life Insurance Company", "Labor Department")."""

COMMON_WORD_ENDINGS = ("ism", "isms", "phobia", "phobic", "ic", "ous", "nomics")
"""Endings of abstract nouns and adjectives ("Islamophobia", "Antisemitic", "Indigenous", "Bidenomics"): one
such word the model calls an organisation names no body."""

PERSON_NEVER_ENDINGS = ("ism", "isms", "phobia", "phobic", "ous", "nomics")
"""Endings no word of a person's or a place's name has (unlike "-ic": Eric, Dominic; "Indigenous Peoples" is
no place)."""

AWARD_WORDS = frozenset("star heart medal prize award trophy".split())
"""Last words of the names of awards ("Bronze Star", "Purple Heart"), which the small model calls people or
places ("Toronto Star" is an organisation, and stays)."""

DEMONYM_ENDINGS = ("ian", "ean", "an", "n", "i", "ese", "ish")
"""Endings that make a people's or a language's word of a place's name ("Ukrainian", "Gazan", "Qatari")."""

CORPORATE_SUFFIXES = frozenset("inc inc. corp corp. corporation co co. company ltd ltd. llc plc group holdings".split())
"""Left out when comparing names: "Apple Inc." and "Apple" are one company."""

NOT_ENTITIES = frozenset(
    word.replace("-", " ")
    for word in """
    utc gmt est edt cst cdt pst pdt bst cet usd eur gbp jpy gb mb tb kb ghz mhz
    dow dow-jones nasdaq ftse nikkei dax cac hang-seng stoxx kospi sensex s&p tsx asx
""".split()
)
"""Time zones, currency and unit codes and market indices that the small model calls organisations."""

EVENT_WORDS = frozenset(
    "conference summit festival expo championship championships cup tournament olympics games awards war day inauguration".split()
)
"""Last words of names of events, which are neither people, organisations nor places."""

NON_ENTITY_HEADS = frozenset(
    """
    program programs initiative initiatives challenge sprint agreement agreements accord accords declaration
    act plan strategy framework compact compacts treaty protocol pledge roadmap doctrine charter memorandum
    partnership dialogue consultations talks poll survey guidelines principles award awards prize
""".split()
)
"""Last words of names of programmes, initiatives, agreements, laws, documents and polls ("Green Shipping
Challenge", "Paris Agreement"): things done or written, not people, organisations or places. A name the
model cut before one of these ("Safer States" of "Safer States Initiative") is part of such a name too.
Not "programme": United Nations agencies are named so ("World Food Programme")."""

GENERIC_PLURALS = frozenset(
    """
    commissions councils ministries departments agencies committees governments organizations organisations
    universities courts offices parties embassies bureaus leaders allies members
""".split()
)
"""Plural organisation nouns that make a name a kind of body, not one body ("the Fulbright Commissions")."""

COMMON_ABBREVIATIONS = frozenset(
    "ai gdp ceo cfo coo cto covid covid-19 hiv aids dna rna lgbtq lgbtqi+ lgbtqi esg ev evs ipo ngo ngos jr jr. sr sr.".split()
)
"""Abbreviations of common nouns and name suffixes that the small model reads as names when they stand alone
("AI", "Jr.")."""

PRODUCT_VERBS = frozenset("release launch unveil introduce ship upgrade discontinue redesign".split())
"""Verbs whose object is a product: "Apple released the MacBook Air"."""

PRODUCT_NOUNS = frozenset(
    """
    laptop notebook computer desktop tablet phone smartphone handset device console player software app
    system browser platform camera television tv car model vehicle drug vaccine version
    line lineup edition update
""".split()
)
"""Lemmas of common nouns that make a name before them a product ("MacBook Air laptops", "Mac software")."""

INDEX_WORDS = frozenset("index indices average composite".split())

HYPOTHETICAL_MODALS = frozenset("would could might may should".split())
"""Modals that make a speech verb hypothetical ("he would say", "she might announce"): not a claim."""

FUTURE_MODALS = frozenset("will 'll ’ll shall".split())
"""Modals of a speech act to come ("Biden will announce 30 new actions"): said by no one yet, unless the
speaker says it as they speak ("I'll say this: …")."""

CONDITIONAL_MARKS = frozenset("if unless whether".split())
"""Subordinators of a condition: "if he says so" reports nothing said."""

INTENT_VERBS = frozenset("want like wish try begin start plan intend love hope".split())
"""A speaker's talk about the talk ("I want to start there", "I'd like to call up …"): procedure, no claim."""

DISCOURSE_MARKERS = frozenset(
    "so well now look okay ok yes yeah no oh right listen again and but or anyway first finally also".split()
)
"""Words that open a spoken sentence without adding to its claim ("So, …", "Look, …")."""

ASKING_LABELS = frozenset(
    "q question reporter interviewer moderator audience participant questioner host press".split()
)
"""Transcript labels of the side that asks: their turns give no statements."""

ACTION_SENSE_VERBS = frozenset("add post".split())
"""Speech verbs that report only with a clause or a quotation; with a plain object they act ("has added
forces to the region", "posted troops"), they say nothing."""

DIRECTIVE_VERBS = frozenset("ask direct order instruct task".split())
"""Verbs that tell someone to act ("asked his team to …"): a directive, not a claim."""

TALK_VERBS = frozenset(
    "turn refer understand go move close end open start begin call make take give blow share update speak talk".split()
)
"""Verbs of a speaker running the talk ("I have two pieces of news", "I would refer you to …")."""

SPEAKER_NOUNS = frozenset(
    """
    official aide source spokesman spokeswoman spokesperson representative government administration ministry
    department agency office campaign committee council commission court panel party group organization
    organisation union company firm team staff board leadership authority authorities police military army
    lawmaker legislator voter resident witness survivor expert analyst economist scientist researcher doctor
    critic supporter opponent activist advocate observer investigator prosecutor lawyer attorney
    family relative parent friend neighbour neighbor worker employee student teacher poll survey study report
    statement letter memo document filing complaint lawsuit ruling data figure estimate record statistic
    research finding section
    leader person man woman victim journalist reporter newspaper network media
    ad advertisement commercial spot clip video film book website site blog tweet slide transcript analysis
    review database average percent percentage majority minority share brief submission fund bank magazine
    journal editorial article story account narrator announcer questioner moderator host proponent
    developer regulator environmentalist demonstrator protester republican democrat conservative liberal
    candidate nominee member senator governor mayor president director chief lawmaker delegate
""".split()
)
"""Head nouns of a speaker that is not a name: people, bodies of people and documents that state things."""

STANCE_ADJECTIVES = frozenset("clear consistent adamant firm explicit emphatic unequivocal".split())
"""“X has been clear: …” states X's position."""

PLEASANTRIES = frozenset("good great nice wonderful pleasure honor honour privilege".split())
"""“It's good to see you all”: a greeting, not a claim."""

BRIEFING_NOUNS = frozenset("question update readout".split())
"""What a briefing hands out ("take your questions", "give you an update"): procedure, not a claim."""

TOPIC_NOUNS = frozenset("thing topic agenda".split())
"""Nouns a speaker announces what comes next with ("one more thing I wanted to touch on is …", "there will be
many topics … discussed"): the talk's order, not a claim."""

TOPIC_VERBS = frozenset("touch mention discuss cover raise address flag highlight talk speak comment".split())
"""Verbs of taking up a topic in a talk."""

CAUTION_ADJECTIVES = frozenset("careful cautious mindful".split())
"""“I want to be careful because …”: a speaker hedging how they answer, not a claim."""

PERCEPTION_VERBS = frozenset("see hear read notice watch remember".split())
"""Verbs of what the listeners saw or heard ("you probably all saw the statement"): the speaker addressing
the room, not a claim."""

DANGLING_WORDS = frozenset(
    """
    a an the of on in at to for with from by about into onto over under between through than as and or but
    nor which whose if because while my your our their that so including regarding concerning how what why
    when where who
""".split()
)
"""Words a clause cannot stop on where the speaker breaks off: a content cut there lost its point ("… the
newly minted office on —")."""

INVERTED_SPEECH_VERBS = frozenset("said says added adds asked asks".split())
"""Speech verbs that can open a sentence before their speaker ("Said Ellis: “…”"), which the small model reads
as part of the name."""

DEMONSTRATIVES = frozenset("this that these those".split())
"""Pronouns that point back at what was said before: a claim whose subject or object is one of them alone
says nothing on its own ("they would do this")."""

REFERRING_PRONOUNS = frozenset("he she they him her them it his its their".split())
"""Third-person pronouns: with no name before them in the sentence, only an earlier sentence says who or what
they are ("They haven't been able to start a conversation …")."""

OBJECT_PRONOUNS = frozenset("them him us me".split())
"""Pronouns that cannot open a claim: a content that starts with one lost its subject ("them repeatedly …")."""

FILLER_WORDS = frozenset(
    """
    i we you they he she it this that there i'm we're you're they're he's she's it's that's there's i've we've
    you've they've i'd we'd don't doesn't didn't can't won't is are was were be have has had do does did will
    would can could not the a an so look well and but now again as just
""".split()
)
"""Words a speaker can start on and abandon at a dash ("it — we don't — nobody wants …"): a run of only these
before the first dash is a false start, taken out of the claim."""

CORRECTION_MARKERS = frozenset("actually rather sorry correction excuse".split())
"""Words a speaker opens a self-correction with, right after a dash ("on the call — actually, two calls")."""

SELF_CORRECTIONS = (
    "let me back up",
    "let me start over",
    "let me start again",
    "let me rephrase",
    "let me say it differently",
    "strike that",
    "i misspoke",
    "i'm sorry",
)
"""What a speaker says right after a break to take back what came before ("a matter of — let me back up"),
as a whole phrase: followed by a comma, a break or nothing."""

ASIDE_OPENERS = frozenset("and or but as which who if despite of i frankly importantly honestly again".split())
"""First words of an aside set off by two breaks, after which the claim goes on ("the goal is — and always
has been — to bring …"): a break so closed is no dropped phrase."""

HESITATIONS = frozenset("what uh um er erm ah oh".split())
"""Words a speaker fills a pause with between two breaks ("next week — what — as it relates")."""

LINKING_VERBS = frozenset("is are was were be been am".split())

TALK_BACK_VERBS = frozenset("mention hear".split())
"""Verbs of a speaker pointing back at the talk itself ("I mentioned …", "I heard the question"): with "I"
as subject, what follows names a topic already raised, not a claim."""
"""A break right after one of these leaves the claim without its point ("What I can say is — you know")."""

SETTING_PREPOSITIONS = frozenset("in at during from after before since on inside outside near".split())
"""Prepositions that open when or where something was said ("during the debate", "from the island")."""

LOCATIVE_WORDS = frozenset(
    "in near into inside outside around across throughout toward towards part parts outskirts".split()
)
"""Words right before a name that put it on a map ("in Khan Younis", "parts of Khan Younis")."""

PATRONYMIC_WORDS = frozenset("bin bint ibn ben abu".split())
"""Words that join a person's name to their father's ("Haitham bin Tariq"): one name, which the model splits."""

NAME_PARTICLES = PATRONYMIC_WORDS | frozenset("al el de del della der den di da dos du la le van von y".split())
"""Lower-case words inside people's names ("Mohammed bin Salman", "Lula da Silva", "Ludwig van Beethoven")."""

LOWER_CASE_NAME_WORDS = frozenset("of and the for on in at to with without".split()) | PLACE_NOUNS | GOVERNMENT_WORDS
"""Lower-case words that names hold ("Bank of America", "Doctors without Borders", "Rafah crossing",
"Biden administration"); any other lower-case word makes no name ("the Florida party")."""

NAME_FRAGMENT_ENDINGS = frozenset("and or of the for & to on in with".split()) | NAME_PARTICLES
"""Words a name never ends with: "Departments of State and" is a fragment of two names."""

LONE_COMMON_NOUNS = frozenset(
    "department ministry agency office bureau committee commission board states council court taskforce".split()
)
"""Words that name no one body on their own ("the Department said", "the States")."""

COLLECTIVE_POSSESSORS = frozenset("people peoples women children men workers veterans".split())
"""Plural nouns whose possessive is part of a name: "the People's Republic of China", "Children's Hospital"."""
