"""Words that reporting clauses are read by: reporting verbs and what stands around them."""

from __future__ import annotations

from briefreader.core.names import DAYS

# Verbs that judge something in quoted words, "as …" or not: "attacked the budget as “…”",
# "hailed it as “…”"; they report only with a subject.
JUDGING_VERBS = frozenset(
    """hailed attacked dismissed slammed criticised criticized praised derided denounced
    condemned blasted""".split()
)
REPORTING_VERBS = frozenset(
    """said says say told tells added adds asked asks stated states wrote writes explained
    explains noted notes argued argues warned warns insisted insists claimed claims declared
    declares announced announces replied replies responded responds continued continues
    observed observes remarked remarks acknowledged acknowledges admitted admits conceded
    concedes suggested suggests stressed stresses emphasized emphasised emphasizes emphasises
    recalled recalls predicted predicts cautioned cautions countered counters complained
    complains tweeted tweets posted posts testified testifies ruled rules concluded concludes
    confirmed confirms urged urges vowed vows promised promises pledged pledges boasted
    boasts joked jokes quipped quips shouted shouts yelled yells screamed chanted chant
    chants whispered whispers mused muses lamented laments described describes called calls
    contended contends maintained maintains asserted asserts alleged alleges commented
    comments elaborated reiterated reiterates underscored underscores reckoned reckons
    recounted recounts agreed agrees objected protested sighed laughed demanded demands
    thundered fumed scoffed snapped retorted wondered wonders texted messaged emailed
    blogged reported reports estimated estimates charged charges accused accuses pleaded
    pleads opined forecast forecasts remembers remembered recalls writes accused laughs
    laughed shrugs shrugged smiles smiled sighs nods nodded found finds""".split()
) | frozenset(JUDGING_VERBS)
# Verbs that put their subject after them: `“…,” said Becca Wasser`.
INVERTING_VERBS = frozenset(
    """said says added adds asked asks wrote writes explained explains noted notes argued
    argues warned warns insisted insists continued continues replied replies recalled recalls
    remarked observed countered concluded concludes cautioned stressed suggested suggests
    declared announced tweeted posted quipped joked shouted yelled""".split()
)
NOUN_OR_VERB = frozenset(
    """calls claims posts notes comments remarks charges promises pledges vows demands
    forecast forecasts estimates rules states counters reports replies tweets""".split()
)
PARTICIPLES = frozenset(
    """saying adding telling noting writing arguing warning insisting explaining claiming
    calling describing stressing asking declaring urging suggesting stating chanting shouting
    yelling singing""".split()
)
OPENING_CLAUSE = frozenset(
    """after before when while as in on at during despite although though if since for with by
    outside inside beyond near across among around behind""".split()
)
# Words of an opening time phrase ("Three months on, …"), which is never the subject.
TIME_WORDS = frozenset(
    "ago later earlier since days weeks months years decades hours minutes yesterday".split()
)
COMMON_VERBS = REPORTING_VERBS | frozenset(
    """held had has have is was are were made took gave met went came sent led ran left kept
    brought put set began won lost paid sold bought built spent thought felt saw""".split()
)
# Words that open a relative clause or an apposition after a comma.
RELATIVES_AND_APPOSITIONS = frozenset("who whose whom which a an the".split())
# Words after which a reporting word is a noun ("the remarks", "its forecast").
OWNERS = frozenset("its his her their our my your".split())
NOUN_BEFORE = OWNERS | frozenset("the a an this these".split())
# Openers that say less than the description set beside them ("Another witness, a driver,").
VAGUE_OPENERS = frozenset("a an another one".split())
# Words that may stand between a subject and its verb without changing who speaks.
BETWEEN_SUBJECT_AND_VERB = (
    frozenset(
        """also later then previously earlier recently further again has had have would will
        was were is are did does reportedly separately similarly simply flatly publicly
        privately repeatedly once often subsequently yesterday today tonight on last this
        week month morning afternoon evening night however too only""".split()
    )
    | DAYS
)
