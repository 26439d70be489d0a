"""English grammar words used by extraction and language detection."""

from __future__ import annotations

from .._defaults import Grammar

GRAMMAR = Grammar(
    # A person's background: "known for defending".
    background_words=frozenset(
        {"known", "famous", "renowned", "notorious", "remembered"}
    ),
    background_preps=frozenset({"for"}),
    capacity_nouns=frozenset(
        {"power", "powers", "right", "rights", "authority", "ability", "capacity"}
    ),
    infinitive_markers=frozenset({"to"}),
    # "takes over the presidency of the EU": an office, not a seizure.
    other_senses={
        "take": frozenset(
            """presidency chairmanship chair helm leadership office post role job
            reins""".split()
        ),
    },
    organisation_kinds={
        **dict.fromkeys(
            """plc ltd inc corp corporation holdings consortium industries motors
            airways airlines bank""".split(),
            "BUS",
        ),
        **dict.fromkeys(
            "trust society campaign alliance network centre center forum".split(),
            "NGO",
        ),
        **dict.fromkeys("university college school academy".split(), "EDU"),
        **dict.fromkeys("hospital hospitals".split(), "HLH"),
        **dict.fromkeys("church diocese".split(), "REL"),
    },
    latter_words={"latter": None},
    latter_determiners=frozenset({"the"}),
    negations=frozenset({"not", "n't", "never", "no"}),
    # English has no conditional mood that marks hearsay.
    conditional_alleged=False,
    # "according to Reuters".
    attribution_preps=frozenset({"according"}),
    # "both countries", "the two leaders".
    pair_words=frozenset(
        {"countries", "leaders", "governments", "capitals", "nations"}
    ),
    pair_numbers=frozenset({"two", "both"}),
    # "the support of X", "talks between X and Y".
    owner_preps=frozenset({"of", "between", "by"}),
    # "the army of Russia".
    genitive_preps=frozenset({"of"}),
    # "defended himself": the subject acts on itself; "accused each other".
    reflexives=frozenset(
        "himself herself itself themselves ourselves myself yourself".split()
    ),
    reciprocals=frozenset({"other", "another"}),
    quantity_words=frozenset("thousands hundreds dozens scores".split()),
    # "the visit of Putin", "an incursion by soldiers".
    noun_source_preps=frozenset({"of", "by"}),
    noun_agent_preps=frozenset({"by"}),
    claim_source_preps=frozenset({"from"}),
    protest_site_preps=frozenset({"outside"}),
    relatives=frozenset({"who", "which", "that"}),
    object_relatives=frozenset({"that", "which"}),
    if_words=frozenset({"if", "unless", "whether"}),
    locative_preps=frozenset({"in", "to", "into", "at", "near"}),
    toponym_preps=frozenset(
        {"from", "across", "throughout", "around", "outside", "via", "through"}
        | {"toward", "towards", "within", "off", "on"}
    ),
    place_object_verbs=frozenset({"visit"}),
    landmarks=frozenset(
        {"square", "street", "palace", "avenue", "boulevard", "road", "lane"}
        | {"bridge", "airport", "station", "plaza"}
    ),
    landmark_name_first=True,
    region_nouns=frozenset({"region", "province", "oblast", "governorate", "state"}),
    place_articles=("the ",),
    government_words=frozenset(
        {"government", "cabinet", "administration", "executive"}
    ),
    sport_words=frozenset(
        """match game final semi-final quarter-final championship cup tournament
        friendly fixture league football soccer rugby cricket tennis team
        stadium""".split()
    ),
    # "Amazon ... the company": the last company named.
    # "targeted by insults": the one aimed at is the target.
    target_verbs=frozenset({"target"}),
    # "faced criticism from": the one who faces it is the target.
    undergo_verbs=frozenset({"face", "suffer", "endure", "draw", "receive"}),
    movement_nouns=frozenset(
        {
            "movement",
            "movements",
            "group",
            "groups",
            "organiser",
            "organisers",
            "organizer",
            "organizers",
        }
    ),
    action_nouns=frozenset({"action", "actions", "day", "days", "wave"}),
    obligation_words=frozenset({"should", "must", "ought", "need"}),
    policy_nouns=frozenset(
        """bill law legislation reform plan plans proposal proposals measure
        measures policy budget scheme strategy order orders""".split()
    ),
    joining_verbs={"participate": "", "join": "", "take": "part"},
    undergo_source_preps=frozenset({"from"}),
    victim_preps=frozenset({"against", "towards", "toward"}),
    incise_verbs=frozenset({"continue", "go"}),
    # "was indicted", "was sentenced to prison": the judiciary's doing.
    judicial_words=frozenset(
        """indict charge sentence convict prison jail fine indictment charges
        conviction trial guilty""".split()
    ),
    # "shadow work and pensions secretary": an opposition spokesperson.
    opposition_prefixes=frozenset({"shadow"}),
    # "were filmed hurling abuse": the filmed did it.
    perception_verbs=frozenset(
        {"film", "see", "hear", "catch", "photograph", "spot", "record", "show"}
    ),
    # "posted a video criticising the government": the poster criticises.
    message_nouns=frozenset(
        """statement video letter message report post tweet communique
        declaration resolution motion petition note document text""".split()
    ),
    # "X, on a visit to China, praised ...": X is visiting.
    travel_preps=frozenset({"on"}),
    # "police made 20 arrests", "carried out a raid": the noun says what the
    # subject did.
    light_verbs=frozenset({"make", "carry", "conduct", "perform", "mount"}),
    # "who founded the party": the person belongs to the group.
    leading_verbs=frozenset(
        {"found", "co-found", "start", "launch", "lead", "head", "create", "chair"}
    ),
    # "Franco-German", "Sino-US": two countries joined by a hyphen.
    combining_forms={
        "franco": "FRA",
        "sino": "CHN",
        "anglo": "GBR",
        "russo": "RUS",
        "italo": "ITA",
        "indo": "IND",
        "german": "DEU",
        "hispano": "ESP",
        "luso": "PRT",
        "turco": "TUR",
        "greco": "GRC",
        "austro": "AUT",
        "nippo": "JPN",
        "belgo": "BEL",
        "serbo": "SRB",
        "irano": "IRN",
        "us": "USA",
        "israeli": "ISR",
        "syro": "SYR",
        "armeno": "ARM",
    },
    definite_anaphors=frozenset({"company", "firm", "newspaper", "broadcaster"}),
    member_nouns=frozenset(
        {
            "figure",
            "figures",
            "member",
            "members",
            "leader",
            "leaders",
            "head",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "representative",
            "representatives",
            "activist",
            "activists",
            "chairman",
            "chairwoman",
            "director",
            "boss",
            "chief",
            "commissioner",
            "executive",
        }
    ),
    person_pronouns=frozenset({"he", "she"}),
    plural_pronouns=frozenset({"they"}),
    neuter_pronouns=frozenset({"it"}),
    courtesy_titles=frozenset(
        {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady"}
    ),
    title_preps=frozenset({"of"}),
    genders={
        "he": "m",
        "she": "f",
        "mr": "m",
        "mr.": "m",
        "sir": "m",
        "lord": "m",
        "mrs": "f",
        "mrs.": "f",
        "ms": "f",
        "ms.": "f",
        "lady": "f",
    },
)

# Words frequent in English news and rare in other languages.
FUNCTION_WORDS = frozenset(
    """the of and to is was for on that with by as at from has have said it its
    are were be which this their after had not but they been will would""".split()
)
