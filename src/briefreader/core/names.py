"""People and organisations named in an article: first names, titles, and surname resolution."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

# Words of rank or office that stand before a name and are not part of it.
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss madam dr dr. prof prof. professor sir dame lord lady president
    candidate nominee
    vice prime minister secretary sen sen. senator rep rep. representative gov gov. governor
    mayor chancellor chief justice judge general gen gen. lt lt. col col. colonel major maj
    capt capt. captain sgt sgt. sergeant adm adm. admiral commander officer detective
    ambassador king queen prince princess pope father rev rev. reverend rabbi imam sheikh
    ayatollah coach manager chairman chairwoman chair ceo director spokesman spokeswoman
    spokesperson deputy foreign defense defence interior finance state national security
    press attorney speaker leader premier envoy commissioner inspector superintendent
    constable chairperson executive founder analyst economist minister-president member shri
    sri smt smt. shrimati administrator director-general secretary-general vice-president
    vice-chancellor under-secretary undersecretary mk mp mep msp mla presenter anchor
    correspondent editor councillor councilor councilman councilwoman alderman assemblyman
    assemblywoman congressman congresswoman legislator lawmaker sheriff marshal coroner
    magistrate barrister solicitor counsel ombudsman comptroller treasurer registrar dean
    provost rector bishop archbishop cardinal pastor brigadier lieutenant corporal the""".split()
)
# Family names that East and Southeast Asian names put first ("Nguyen Thi Hoa", "Li Qiang").
FAMILY_FIRST = frozenset(
    """nguyen tran le pham hoang huynh phan vu vo dang bui ngo duong truong dinh trinh kim
    park choi jung jeong kang cho yoon jang lim shin seo kwon hwang ahn song hong wang li zhang
    liu chen yang huang zhao wu zhou xu sun zhu hu guo lin gao luo zheng liang xie tang feng
    deng cao peng zeng xiao tian pan yuan cai jiang du cheng su ding shen yao chan wong leung
    lau cheung tsang lam tse kwok yip ng chow chiu fung mak lai""".split()
)
# The article an Arabic surname opens with, which later mentions may drop: "al-Garawi", "Garawi".
ARABIC_ARTICLE = re.compile(r"^[ae]l-(?=\w{3})")
# Vietnamese middle names that tell the gender: "Nguyen Thi Hoa" is a woman.
VIETNAMESE_MIDDLE = {"thi": "f", "thị": "f", "van": "m", "văn": "m"}
# Letters after a name ("Philippa Strand KC") that are not part of it.
POST_NOMINALS = frozenset("kc qc sc obe cbe mbe kbe dbe phd md esq esq. mp mep msp".split())
# A romanised Chinese given name written after the family name: "Lau Chun-kit", "Tse Ho-yin".
SYLLABLE_PAIR = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
# How English courts style their judges: the style is the name articles give them.
# Words after an office that may give its domain ("Minister for Coastal Affairs Ifeoma Ross").
DOMAIN_WORDS = frozenset(("of", "for", "from"))
JUDGE_STYLE = re.compile(r"\b(?:Mr|Mrs|Ms|Lord|Lady) Justice(?: [A-Z][\w’'-]+)+$")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
MALE_TITLES = frozenset("mr mr. sir lord king prince father spokesman chairman shri".split())
FEMALE_TITLES = frozenset(
    "mrs mrs. ms ms. miss dame lady queen princess spokeswoman chairwoman smt smt. shrimati".split()
)
# Words that make a capitalised run an organisation rather than a person.
ORG_WORDS = frozenset(
    """house kremlin pentagon ministry department agency council commission committee
    company corp corp. corporation inc inc. ltd ltd. plc group bank fund office court
    police army navy force forces guard government administration university institute
    center centre foundation association union party parliament congress senate
    assembly service services reuters press news times post journal network authority
    board bureau organization organisation nations alliance coalition federation club
    league team hospital school college church embassy command staff co co. llc airlines
    airways motors energy oil gas media tv radio council, nato un eu opec who imf fbi cia
    kgb fsb sec fda cdc gazprom rosneft tesla apple google microsoft amazon meta openai
    sa nv ag gmbh holdings records brotherhood industries partners airport station stadium
    museum hotel prison market bridge river island province district region city village
    avenue road arena cathedral mosque trust hospitals nhs""".split()
)
# Places that speak only as a government does; never a person for he/she.
PLACES = frozenset(
    """washington moscow kyiv kiev tehran beijing london paris berlin brussels jerusalem
    ankara tokyo seoul delhi new riyadh doha cairo damascus baghdad kabul islamabad minsk
    warsaw rome madrid ottawa canberra russia ukraine iran china israel america britain
    france germany turkey india japan europe syria iraq afghanistan pakistan poland belarus
    crimea kherson gaza lebanon egypt qatar korea taiwan canada mexico brazil australia
    italy spain sweden finland norway denmark hungary romania georgia armenia venezuela
    cuba saudi yemen libya sudan ethiopia kenya nigeria africa asia the""".split()
)
PERSON_HEADS = frozenset(
    """man woman businessman businesswoman driver nurse doctor teacher resident official
    spokesman spokeswoman spokesperson father mother husband wife son daughter boy girl worker
    farmer soldier officer student patient victim witness owner passenger pensioner shopkeeper
    manager mayor engineer pilot survivor volunteer mechanic fisherman widow priest lawyer
    commuter traveller traveler veteran activist""".split()
)
# Roles a news story gives someone it has just named ("the striker", "the architect"); with the
# role nouns above, and nouns in -ist and -ian ("the violinist", "the historian").
ROLE_HEADS = PERSON_HEADS | frozenset(
    """striker midfielder defender goalkeeper keeper forward winger captain international
    player coach batter bowler pitcher quarterback rookie champion singer actor actress
    author writer novelist composer conductor architect artist designer director producer
    researcher scientist professor economist analyst attorney surgeon physician principal
    chef baker grazier rancher miner builder carpenter plumber electrician grandmother
    grandfather brother sister candidate lawmaker politician senator governor minister envoy
    diplomat general commander detective judge prosecutor founder executive entrepreneur
    investor banker trader broker""".split()
)
PRONOUNS = {
    "he": "m",
    "she": "f",
    "him": "m",
    "her": "f",
    "they": "p",
    "it": "n",
    "i": "s",
    "we": "p",
}
PARTICLES = frozenset(
    "de da di del della der den van von bin ibn al la le du dos das ter ap i y".split()
)
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


@cache
def first_names() -> dict[str, str]:
    """Lower-case first name -> "m", "f" or "u" (either), from the shipped list."""
    data = resources.files("briefreader.core").joinpath("data", "first_names.txt")
    text = data.read_text(encoding="utf-8")
    # comprehensions, not a loop of statements: the list has some nine thousand lines
    rows = (line.partition("\t") for line in text.splitlines() if line and line[0] != "#")
    return {name: gender.strip() or "u" for name, _, gender in rows}


def clean_token(token: str) -> str:
    """A token without a possessive ending: "Kirby’s" -> "Kirby"."""
    if "’" not in token and "'" not in token:
        return token
    for ending in ("’s", "'s", "’", "'"):
        if token.endswith(ending):
            return token[: -len(ending)]
    return token


def gender_of(name: str) -> str:
    """ "m", "f" or "u" for a person's name, from its first name or a title in front of it."""
    words = name.lower().split()
    if not words:
        return "u"
    if words[0] in MALE_TITLES:
        return "m"
    if words[0] in FEMALE_TITLES:
        return "f"
    if len(words) == 3 and words[0] in FAMILY_FIRST and words[1] in VIETNAMESE_MIDDLE:
        return VIETNAMESE_MIDDLE[words[1]]
    found = first_names().get(words[0])
    if found is None and "-" in words[0]:
        # a double first name not listed ("Lise-Lotte") takes the gender of its last part
        found = first_names().get(words[0].rpartition("-")[2])
    return found or "u"


@lru_cache(maxsize=4096)
def person_in_run(run: str) -> str | None:
    """The person's name inside a capitalised run ("Israeli President Isaac Herzog" ->
    "Isaac Herzog", "McLaren's Lando Norris" -> "Lando Norris", "Chip Roy of Texas" ->
    "Chip Roy"), or None when the run names no one we can tell is a person."""
    possessive = "’" in run or "'" in run
    # lowered whole and then split: the same words as each word lowered, in one call
    lowered = run.lower().split()
    names = first_names()
    if (
        "-" not in run
        and "Justice" not in run
        and not possessive
        and names.keys().isdisjoint(lowered)
        and TITLES.isdisjoint(lowered)
        and FAMILY_FIRST.isdisjoint(lowered)
    ):
        # Without a first name, a title or a family name put first, no rule below finds where
        # a name starts: half the runs are rejected here by three set tests instead of the rules.
        return None
    raw = run.split()
    if len(raw) > 2:  # a name of two words keeps them: most runs need no call
        raw = post_nominals_dropped(raw)
    styled = JUDGE_STYLE.search(" ".join(raw)) if "Justice" in run else None
    if styled is not None:
        return styled.group()  # "Mr Justice Ravindran" is how the article names a judge
    for i, token in enumerate(raw if not DOMAIN_WORDS.isdisjoint(lowered) else ()):
        if token.lower() in ("of", "for", "from") and i > 0:
            domain = raw[i + 1 :]
            if (
                raw[i - 1][:1].isupper()
                and raw[i - 1].lower() in TITLES
                and len(domain) > 2
                and all(w[:1].isupper() for w in domain)
            ):
                # "Minister for Coastal Affairs Ifeoma Ross": the domain, then the name
                return name_after_domain([clean_token(t) for t in domain])
            raw = raw[:i]
            break
    if possessive:  # most runs have no possessive: nothing to clean
        for i in range(len(raw) - 1, -1, -1):
            if clean_token(raw[i]) != raw[i] and i < len(raw) - 1:
                raw = raw[i + 1 :]  # a possessive owner comes before the name
                break
        tokens = [clean_token(t) for t in raw]
        lowered = [t.lower() for t in tokens]
    else:
        tokens = raw
        lowered = lowered[: len(tokens)]  # words were only dropped from the end
    # The name starts at a first name, or after the last title ("NATO Secretary General Jens
    # Stoltenberg", "District Judge Lorna Schofield"); a body's words after that mean no person.
    start = None
    for i, token in enumerate(lowered):
        if (
            token in names
            and i + 1 < len(tokens)
            and (tokens[i + 1][:1].isupper() or lowered[i + 1] in PARTICLES)
        ):
            if lowered[i + 1] not in DAYS and lowered[i + 1] not in TITLES:
                start = i
                break
    while start and "." in tokens[start - 1] and INITIALS.fullmatch(tokens[start - 1]):
        start -= 1  # "K. Lakshmi Ammal": initials before the first name are part of the name
    if start == 1 and len(tokens) == 3 and lowered[0] in FAMILY_FIRST:
        start = 0  # "Tran Minh Chau": the family name first, then a given name the list knows
    # `is_title` inline: most words are no title and have no hyphen, which one set test tells
    titled = (
        [
            i
            for i, t in enumerate(lowered)
            if t != "the" and (t in TITLES or ("-" in t and is_title(t)))
        ]
        if "-" in run or not TITLES.isdisjoint(lowered)
        else []
    )
    last_title = titled[-1] if titled and titled[-1] < len(tokens) - 2 else None
    if start is None or (
        last_title is not None
        and last_title + 1 < start
        and not any(t in ROLE_HEADS for t in lowered[last_title + 1 : start])  # "State Engineer"
    ):
        # "Information Minister Sardar Ali Khan": after a title, the name begins at once, even
        # with a first word the list does not know
        if titled and titled[-1] < len(tokens) - 1:
            start = titled[-1] + 1
    if (
        start is None
        and len(tokens) >= 2
        and "-" in tokens[-1]
        and SYLLABLE_PAIR.fullmatch(tokens[-1])
    ):
        start = len(tokens) - 2  # "Industry Lau Chun-kit": the family name, then the given
    if start is None and len(tokens) in (2, 3) and lowered[0] in FAMILY_FIRST:
        start = 0  # "Nguyen Thi Hoa", "Li Qiang": the family name first
    if start is None or (
        any(t.rstrip(".,") in ORG_WORDS for t in lowered[start:])
        if "." in run or "," in run
        else not ORG_WORDS.isdisjoint(lowered[start:])  # nothing to strip: one set test
    ):
        return None
    return " ".join(tokens[start:])


@lru_cache(maxsize=4096)
def without_post_nominals(name: str) -> str:
    """ "Philippa Strand KC" -> "Philippa Strand"; every name the cast adds again asks anew,
    hence the cache."""
    return " ".join(post_nominals_dropped(name.split()))


def post_nominals_dropped(words: list[str]) -> list[str]:
    """The words of a name without the letters after it ("KC", "MP"), a name of two words kept."""
    while len(words) > 2 and words[-1].lower() in POST_NOMINALS:
        words = words[:-1]
    return words


def is_title(word: str) -> bool:
    """A lower-case word of rank or office, hyphenated ones too ("vice-chair", "deputy-head")."""
    if word in TITLES:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in TITLES for p in parts)


def family_name(name: str) -> str | None:
    """The family name of a name written family name first with a romanised given name
    ("Agnes Lau Suk-man" -> "Lau", "Tse Ho-yin" -> "Tse"), else None."""
    words = name.split()
    if len(words) >= 2 and "-" in words[-1] and SYLLABLE_PAIR.fullmatch(words[-1]):
        return words[-2]
    if len(words) in (2, 3) and words[0].lower() in FAMILY_FIRST:
        return words[0]  # "Nguyen Thi Hoa" is "Nguyen" later
    return None


def name_after_domain(words: list[str]) -> str | None:
    """The name at the end of an office's domain ("Coastal Affairs Ifeoma Ross"): from a known
    first name, else the last two words."""
    names = first_names()
    for i, word in enumerate(words[:-1]):
        if word.lower() in names or INITIALS.fullmatch(word):
            return " ".join(words[i:])  # "… Ifeoma Ross", "… K.N. Mayilvaganan"
    if any(w.lower().rstrip(".,") in ORG_WORDS or w.lower() in PARTICLES for w in words):
        return None
    return " ".join(words[-2:])


@lru_cache(maxsize=4096)
def without_suffixes(name: str) -> str:
    """The name without "Jr.", "III", "KC" and the like; an article adds the same names again and
    again, hence the cache."""
    plain = " ".join(t for t in name.split() if t.lower() not in SUFFIXES) or name
    return without_post_nominals(plain)
