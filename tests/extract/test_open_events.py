"""Events of unseen news that the coder used to drop or miscode, each on a
small sentence in the language it was seen in: a country acting is its
government, people who demonstrate are protesters, an arrest without an
agent is the police's, two parties of one code are two actors, an intent
is coded by the action that fits it, a predicate adjective gives the
polarity, statements and protests need no target, and the support-verb
idioms of the reviewed families ("mettre en garde", "fire tear gas")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsevents.kb.base import surnames
from newsevents.models import CodedArticle

Coder = Callable[..., CodedArticle]  # the session fixture `coder`

Row = tuple[str | None, str, str | None]

WEDNESDAY = date(2024, 6, 19)


def _events(coded: CodedArticle) -> list[Row]:
    return [
        (
            e.source.code if e.source else None,
            e.code,
            e.target.code if e.target else None,
        )
        for e in coded.events
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A country named as an actor is its government; a demonym is not.
        ("en", "France has recalled its ambassador from Italy.",
         [("FRAGOV", "161", "ITAGOV")]),
        ("fr", "La France promet de fournir des missiles à l'Ukraine.",
         [("FRAGOV", "0332", "UKRGOV")]),
        # People who demonstrate are protesters (OPP), not the public; a
        # clash between police and protesters is repression (175) and a
        # violent protest (145), not war (190).
        ("en", "Police clashed with protesters in Paris. About 50,000 people "
         "demonstrated in Paris on Saturday.",
         [("FRACOP", "175", "FRAOPP"), ("FRAOPP", "145", "FRACOP"),
          ("FRAOPP", "141", None)]),
        ("fr", "Les gilets jaunes défilent à Berne. Plusieurs centaines de "
         "personnes ont manifesté samedi.", [("CHEOPP", "141", None)]),
        # Crowds that police disperse with tear gas are protesters too.
        ("en", "Protesters marched in Paris. Police fired tear gas at the crowds.",
         [("FRAOPP", "141", None), ("FRACOP", "175", "FRAOPP")]),
        # "Use tear gas" is riot control, not a chemical weapon (2041).
        ("en", "Protesters marched in Paris. Police used tear gas against the demonstrators.",
         [("FRAOPP", "141", None), ("FRACOP", "175", "FRAOPP")]),
        ("en", "Some protesters in Paris threw stones at the police.",
         [("FRAOPP", "145", "FRACOP")]),
        # An arrest reported without its agent is the police's.
        ("fr", "Les gilets jaunes ont manifesté à Paris samedi. Un manifestant "
         "a été placé en garde à vue mardi soir.",
         [("FRAOPP", "141", None), ("FRACOP", "173", "FRAOPP")]),
        # Two parties with one CAMEO code are still two actors (in 2005,
        # both in opposition).
        ("en", "The Tories criticised the Liberal Democrats on Monday.",
         [("GBROPP", "111", "GBROPP")]),
        # A promise is coded by the action that fits it: "increase the
        # minimum wage" is no "increase presence" (a threat, 138).
        ("en", "French President Emmanuel Macron pledged to increase the minimum wage.",
         [("FRAGOV", "030", None)]),
        # The predicate adjective before the object gives the polarity.
        # (and the criticism of an opposition goes to its government).
        ("fr", "À Paris, les oppositions ont jugé injuste la prime.",
         [("FRAOPP", "111", "FRAGOV")]),
        # Support-verb idioms of the reviewed families, not the bare verb.
        ("fr", "Le chef de la diplomatie américaine a mis en garde la Russie.",
         [("USAGOV", "130", "RUSGOV")]),
        ("fr", "Le préfet de Paris a mis en demeure les manifestants.",
         [("FRAGOV", "020", "FRAOPP")]),
        # "They" / "ils" stand for the last plural agents acting as subject.
        ("en", "Protesters in Paris marched on Saturday. They were criticising "
         "the government's proposed tax on fuel.",
         [("FRAOPP", "141", None), ("FRAOPP", "111", "FRAGOV")]),
        ("fr", "Les gilets jaunes ont défilé samedi à Paris. Ils ont dénoncé la "
         "politique du gouvernement.",
         [("FRAOPP", "141", None), ("FRAOPP", "111", "FRAGOV")]),
        # A protest named without its protesters is theirs if the sentence
        # names some.
        ("en", "Police in Paris said protesters had been calm during a fourth "
         "weekend of demonstrations.", [("FRAOPP", "141", None)]),
        # Criticism of an act "by X" targets X.
        ("en", "Macron condemned anti-Semitic abuse by a group of protesters "
         "in Paris.",
         [("FRAGOV", "111", "FRAOPP")]),
        # Reported speech judged by its content: criticism of the clause's
        # actor, or of nobody named.
        ("en", "Poland said the decision of Hungary was a disgrace.",
         [("POLGOV", "111", "HUNGOV")]),
        ("en", '"This is a disgrace," the French president said.',
         [("FRAGOV", "111", None)]),
        ("fr", "Varsovie a estimé que la décision de Budapest était inacceptable.",
         [("POLGOV", "111", "HUNGOV")]),
        ("en", "Greece stressed that the decision of Turkey was dangerous.",
         [("GRCGOV", "111", "TURGOV")]),
        ("fr", "La Grèce a souligné que la décision d'Ankara était dangereuse.",
         [("GRCGOV", "111", "TURGOV")]),
        # A visit to a place is a visit to its country.
        ("en", "The German chancellor will visit Auschwitz in Poland.",
         [("DEUGOV", "042", "POL")]),
        # An investigation reported without its agent is the judiciary's.
        ("fr", "PARIS (AFP) - Une enquête préliminaire a été ouverte dimanche.",
         [("FRAJUD", "091", None)]),
        # A protest named after a place or a people is its people's, not
        # its government's.
        ("en", "The Paris protests turned violent on Saturday.",
         [("FRAOPP", "141", None)]),
        ("en", "Kenyan protests against the tax bill grew.",
         [("KENOPP", "141", None)]),
        # A verb's first entry that finds no target yields to a later one
        # that finds its own.
        ("en", "Japan hosted the G7 summit.", [("JPNGOV", "043", "IGOG07")]),
        ("fr", "Le Japon a accueilli le sommet du G7.", [("JPNGOV", "043", "IGOG07")]),
        ("en", "Israel freed 30 Palestinian prisoners.", [("ISRGOV", "0841", "PSE")]),
        # Negotiating a truce between two parties is mediation (045);
        # negotiating with one is negotiation (046).
        ("en", "Egypt negotiated a ceasefire between Israel and Hamas.",
         [("EGYGOV", "045", "ISRGOV"), ("EGYGOV", "045", "PSEREB")]),
        ("fr", "L'Égypte a négocié une trêve entre Israël et le Hamas.",
         [("EGYGOV", "045", "ISRGOV"), ("EGYGOV", "045", "PSEREB")]),
        ("fr", "L'Ukraine a négocié un accord avec la Russie.",
         [("UKRGOV", "046", "RUSGOV"), ("RUSGOV", "046", "UKRGOV")]),
        # Exercises with a partner are cooperation (062); near a country, a
        # show of force at it (150); with neither, a show of force.
        ("en", "China held military exercises near Taiwan.", [("CHNGOV", "150", "TWN")]),
        ("en", "China held military exercises on Monday.", [("CHNGOV", "150", None)]),
        ("en", "Japan conducted naval exercises with the Philippines.",
         [("JPNGOV", "062", "PHLGOV"), ("PHLGOV", "062", "JPNGOV")]),
        ("fr", "La Chine a organisé des exercices militaires lundi.",
         [("CHNGOV", "150", None)]),
        # A plain verb of demand asking for a thing targets the thing's owner.
        ("fr", "PARIS (AFP) - Le patronat a demandé l'arrêt du mouvement des gilets jaunes.",
         [("FRABUS", "020", "FRAOPP")]),
        # What is promised may be a thing: the promise has no target.
        ("fr", "PARIS (AFP) - Le président a promis une baisse des impôts.",
         [("FRAGOV", "030", None)]),
        ("en", "LONDON (Reuters) - The prime minister promised a tax cut.",
         [("GBRGOV", "030", None)]),
        # More French words of blame; more French verbs of assault.
        ("fr", "PARIS (AFP) - Le ministre a qualifié les casseurs de criminels.",
         [("FRAGOV", "111", "FRAOPP")]),
        ("fr", "PARIS (AFP) - Des policiers ont bousculé un journaliste.",
         [("FRACOP", "182", "FRAMED")]),
        # A statement negated is CAMEO's decline comment, which did happen.
        ("en", "LONDON (Reuters) - The Home Office did not comment on the report.",
         [("GBRGOV", "011", None)]),
        ("fr", "PARIS (AFP) - Le ministère n'a pas commenté ces informations.",
         [("FRAGOV", "011", None)]),
        # One party of a country's politics attacking another speaks in
        # figures (111); protesters attacking parliament use force.
        ("en", "LONDON (Reuters) - Labour attacked the Tories over their tax plans.",
         [("GBRGOV", "111", "GBROPP")]),  # in 2005
        ("en", "LONDON (Reuters) - Protesters attacked the parliament.",
         [("GBROPP", "145", "GBRLEG")]),
        # A passive with a second object keeps its "by" agent.
        ("en", "The decision of Hungary was branded a betrayal by Poland.",
         [("POLGOV", "111", "HUNGOV")]),
        # A dispatch's first verb is not parsed as a complement of its city.
        ("fr", "PARIS (AFP) - De nombreux manifestants ont été interpellés à Paris.",
         [("FRACOP", "173", "FRAOPP")]),
        # "s'attaquer à", parsed as a passive, is criticism; "mettre la
        # pression sur" a demand; "tirer au LBD" repression.
        ("fr", "Le président américain s'est vivement attaqué à la France.",
         [("USAGOV", "111", "FRAGOV")]),
        ("fr", "Le président américain a mis la pression sur Emmanuel Macron.",
         [("USAGOV", "100", "FRAGOV")]),
        ("fr", "À Paris, les CRS ont tiré au LBD sur les manifestants.",
         [("FRACOP", "175", "FRAOPP")]),
        # Investigations need no target.
        ("en", "The Paris prosecutor's office has launched an investigation.",
         [("FRAJUD", "091", None)]),
        ("fr", "Les autorités françaises ont lancé des vérifications.",
         [("FRAGOV", "090", None)]),
        # Unnamed people are civilians of the story's country: "un homme",
        # "les suspects" arrested by the police no text names.
        ("fr", "PARIS (AFP)\n\nUn homme a été placé en garde à vue mardi soir.",
         [("FRACOP", "173", "FRACVL")]),
        ("fr", "PARIS (AFP)\n\nLes dix suspects ont été interpellés dans la nuit.",
         [("FRACOP", "173", "FRACVL")]),
        # A passive parsed as a copula ("a été prise à partie par"), between
        # two groups of one code, is still an event between two groups.
        ("fr", "PARIS (AFP)\n\nL'ancienne figure du mouvement a été violemment "
         "prise à partie par certains manifestants.",
         [("FRAOPP", "111", "FRAOPP")]),
        # A subject the parse hung on the previous clause: the actor right
        # before the verb group; not the noun a bare participle modifies.
        ("fr", "Mi-novembre, à peine rentré de Paris où il avait célébré la paix "
         "avec les autres dirigeants du monde, Donald Trump s'était vivement "
         "attaqué à la France.", [("USA", "111", "FRAGOV")]),
        # Force in words is criticism; a title may be the name's compound
        # ("the philosopher Alain Finkielkraut").
        ("en", "PARIS (AFP)\n\nProtesters verbally attacked the philosopher "
         "Alain Finkielkraut.", [("FRAOPP", "111", "FRACVL")]),
        # A protest at an actor's door is against that actor; companies
        # are BUS of their country.
        ("fr", "PARIS (AFP)\n\nDes élus communistes ont manifesté devant le "
         "siège d'Amazon.", [("FRAOPP", "141", "USABUS")]),
        ("en", "BRUSSELS (Reuters)\n\nHundreds of farmers protested outside the "
         "European Parliament.", [("BELAGR", "141", "IGOEEC")]),
        # A known person without an office that day takes the role of the
        # title the text gives him (the text is the newer evidence).
        ("en", "Italian deputy prime minister Luigi Di Maio criticised the "
         "French government.", [("ITAGOV", "111", "FRAGOV")]),
        # Force against a thing keeps its source (GDELT's events with an
        # Actor1 only); warplanes act for their country's armed forces.
        ("en", "Israeli warplanes struck a building in Gaza City.",
         [("ISRMIL", "190", None)]),
        ("en", "Unknown gunmen opened fire on a bus in Mogadishu.",
         [("SOMUAF", "193", None)]),
        # A passive whose patient the parse hung on a participle before it.
        ("en", "PARIS (AFP)\n\nIn a separate incident, a police car stuck in a "
         "traffic jam in Lyon, southeastern France, was stoned by demonstrators.",
         [("FRAOPP", "145", "FRACOP")]),
        # Objects the parse made the subject of a following infinitive:
        # the actors right after the verb.
        ("en", "Tony Blair has met Italian Prime Minister Silvio Berlusconi and "
         "German Chancellor Gerhard Schroeder to talk about Turkey.",
         [("GBR", "040", "ITAGOV"), ("ITAGOV", "040", "GBR"),
          ("GBR", "040", "DEUGOV"), ("DEUGOV", "040", "GBR")]),
        # Derived entries (converted from PETRARCH, not reviewed) keep the
        # actor target they require: no untargeted "hold a conference" (017).
        ("en", "LONDON (Reuters)\n\nThe Labour Party will hold a conference in "
         "Brighton.", []),
        # A passive's agent controls its purpose infinitive; crowds the
        # police disperse are protesters.
        ("en", "PARIS (AFP)\n\nHorses were used by police to disperse crowds.",
         [("FRACOP", "175", "FRAOPP")]),
        # "Clashes between X and Y": the first party is the source.
        ("fr", "PARIS (AFP)\n\nDes heurts ont éclaté entre des manifestants et "
         "la police.", [("FRAOPP", "145", "FRACOP")]),
        ("en", "PARIS (AFP)\n\nAt least 34 people were taken in for questioning.",
         [("FRACOP", "173", "FRACVL")]),
        # A passive with its own patient inherits no agent from the clause
        # it depends on (not "Macron attacked a philosopher").
        ("en", "PARIS (AFP)\n\nMacron condemned the abuse after a philosopher "
         "was attacked.", [("FRAGOV", "111", None)]),
        # A name the tagger took for an adverb before its verb group is still
        # the subject found on the left.
        ("fr", "PARIS (AFP)\n\nMacron a refusé de rencontrer les manifestants.",
         [("FRAGOV", "125", None)]),
        # What is said comes from whoever it comes from ("verbal attacks from
        # X"); a place one withdraws from is no source.
        ("en", "PARIS (AFP)\n\nThe meeting follows verbal attacks from Matteo "
         "Salvini on the French president.", [("ITA", "111", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nBritish troops began their withdrawal from "
         "Iraq.", [("GBRMIL", "0874", "IRQGOV")]),
        # Words of insult judge the one they are said of, not a whole clause.
        ("en", "PARIS (AFP)\n\nItalian Interior Minister Matteo Salvini hit back, "
         "calling Macron a very bad president.", [("ITAGOVCOP", "111", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nThe ministry said the tax would be bad for "
         "Britain.", []),
        ("fr", "PARIS (AFP)\n\nMatteo Salvini a traité Emmanuel Macron de très "
         "mauvais président.", [("ITA", "111", "FRAGOV")]),
        # Verbs the French tagger takes for an adjective or a noun, or
        # lemmatises as the noun; not the noun itself.
        ("fr", "PARIS (AFP)\n\nLe ministre critique le président russe.",
         [("FRAGOV", "111", "RUSGOV")]),
        ("fr", "PARIS (AFP)\n\nEmmanuel Macron critique la décision de Moscou.",
         [("FRAGOV", "111", "RUSGOV")]),
        ("fr", "PARIS (AFP)\n\nLe président russe visite la Corée du Nord.",
         [("RUSGOV", "042", "PRK")]),
        ("fr", "PARIS (AFP)\n\nUne nouvelle visite du président russe est "
         "prévue.", []),
        # A title with its own complement before the name: "le professeur de
        # droit public X" is a professor (EDU).
        ("fr", "PARIS (AFP)\n\nLe professeur de droit public Alexandre Viala "
         "critique le président.", [("FRAEDU", "111", "FRAGOV")]),
        # Taking in refugees or migrants is humanitarian aid (075), not
        # hosting a meeting (043).
        ("fr", "PARIS (AFP)\n\nL'Allemagne va accueillir des réfugiés syriens.",
         [("DEUGOV", "075", "SYRREF")]),
        ("en", "LONDON (Reuters)\n\nGermany will take in 500 Syrian refugees.",
         [("DEUGOV", "075", "SYRREF")]),
        # A definite company or newspaper word is the last one named; a
        # plural is not ("les entreprises": companies of the home country).
        ("fr", "PARIS (AFP)\n\nAmazon a licencié quatre salariés. L'entreprise a "
         "critiqué le gouvernement français.",
         [("USABUS", "111", "FRAGOV")]),
        ("fr", "PARIS (AFP)\n\nAmazon a licencié quatre salariés. Les entreprises "
         "ont critiqué le gouvernement français.",
         [("FRABUS", "111", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nAmazon has been fined. The company criticised "
         "the Dutch government.", [("USABUS", "111", "NLDGOV")]),
        # A phrasal verb's particle parsed as a preposition with the entry's
        # object ("went on strike").
        ("en", "LONDON (Reuters)\n\nThousands of workers went on strike on "
         "Monday.", [("GBRLAB", "143", None)]),
        # A person described in apposition as a member of a group belongs to
        # it, for later mentions too; one who only speaks of the group does
        # not.
        ("en", "PARIS (AFP)\n\nThe list is headed by Ingrid Levavasseur, 31, a "
         "health worker who has become one of the most high-profile members of "
         "the movement. Levavasseur accused the French president, Emmanuel "
         "Macron, of ignoring the movement.", [("FRAOPP", "112", "FRAGOV")]),
        ("fr", "PARIS (AFP)\n\nPriscillia Ludosky, l'une des figures des gilets "
         "jaunes, a critiqué le gouvernement.", [("FRAOPP", "111", "FRAGOV")]),
        ("fr", "PARIS (AFP)\n\nJean Dupont, qui a critiqué les gilets jaunes, a "
         "rencontré le ministre.", []),
        # A leader named by the group before the title leads that group.
        ("en", "PARIS (AFP)\n\nGilets jaunes leader Christophe Chalençon "
         "criticised the government.", [("FRAOPP", "111", "FRAGOV")]),
        ("en", "Rebel leader John Garang criticised the Sudanese government.",
         [("SDNREB", "111", "SDNGOV")]),
        # Two titles joined before the name ("philosopher and writer X"),
        # also when the NER took the name for an organisation.
        ("en", "PARIS (AFP)\n\nProtesters shouted anti-Semitic insults at "
         "philosopher and writer Alain Finkielkraut.", [("FRAOPP", "111", "FRACVL")]),
        ("fr", "PARIS (AFP)\n\nDes manifestants ont insulté le philosophe et "
         "écrivain Alain Finkielkraut.", [("FRAOPP", "111", "FRACVL")]),
        # Judging an action targets its agents: the protests' protesters.
        ("en", "PARIS (AFP)\n\nAs yellow vest protesters marched in Paris, "
         "Bruno Le Maire denounced the protests as shameful.",
         [("FRAOPP", "141", None), ("FRAGOV", "111", "FRAOPP")]),
        # One "targeted by" an event noun is its target; the noun's
        # participle names who did it.
        ("fr", "PARIS (AFP)\n\nLe philosophe Alain Finkielkraut a été visé par des "
         "injures antisémites proférées par des manifestants.",
         [("FRAOPP", "111", "FRACVL")]),
        ("en", "PARIS (AFP)\n\nThe philosopher Alain Finkielkraut was targeted by "
         "insults from protesters.", [("FRAOPP", "111", "FRACVL")]),
        # A person whose description says they founded or lead a group
        # belongs to it; one who only criticised it does not.
        ("en", "PARIS (AFP)\n\nJacline Mouraud, widely credited with starting the "
         "yellow vests movement, criticised the government.",
         [("FRAOPP", "111", "FRAGOV")]),
        ("en", "PARIS (AFP)\n\nJean Dupont, who criticised the yellow vests "
         "movement, met the minister.", []),
        # A later mention by surname that the NER missed is the person the
        # article described.
        ("en", "PARIS (AFP)\n\nProtesters shouted insults at philosopher and "
         "writer Alain Finkielkraut. Finkielkraut, who had voiced support for "
         "the movement, denounced the protesters as grotesque.",
         [("FRAOPP", "111", "FRACVL"), ("FRACVL", "051", "FRAOPP"),
          ("FRACVL", "111", "FRAOPP")]),
        # Two countries joined by a hyphen are both parties ("Franco-German",
        # "franco-allemand", "israélo - palestinien"); "General Franco" is no
        # country.
        ("en", "LONDON (Reuters)\n\nThe Franco-German treaty means France will "
         "give Alsace to Germany.",
         [("FRAGOV", "057", "DEUGOV"), ("DEUGOV", "057", "FRAGOV")]),
        ("fr", "PARIS (AFP)\n\nLe traité franco-allemand prévoit une coopération.",
         [("FRAGOV", "057", "DEUGOV"), ("DEUGOV", "057", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nGeneral Franco signed a treaty with Germany.",
         []),
        # Judging an arrest judges the police who made it, not the one
        # arrested; the lawyer of a known person is of that person's
        # country ("X's lawyer", "l'avocat de X").
        ("en", "PARIS (AFP)\n\nEric Drouet, a truck driver, leads the yellow "
         "vests. Drouet’s lawyer called the arrest “totally unjustified”. The "
         "minister, Bruno Le Maire, defended Drouet’s arrest.",
         [("FRAJUD", "111", "FRACOP"), ("FRAGOV", "052", "FRACOP")]),
        ("fr", "PARIS (AFP)\n\nL'avocat d'Eric Drouet a dénoncé cette arrestation.",
         [("FRAJUD", "111", "FRACOP")]),
        ("en", "LONDON (Reuters)\n\nLabour criticised the investigation.",
         [("GBROPP", "111", "GBRJUD")]),
        # "call on" needs its "on": "called the arrest an abuse of power" is
        # criticism (the insult list), not an appeal (020).
        ("en", "PARIS (AFP)\n\nThe lawyer called the arrest an abuse of power.",
         [("FRAJUD", "111", "FRACOP")]),
        ("en", "LONDON (Reuters)\n\nThe lawyer called the decision a farce.",
         [("GBRJUD", "111", None)]),
        # A light verb's event noun is the subject's doing ("procéder à",
        # "make"); not a noun hanging on "because of".
        ("en", "LONDON (Reuters)\n\nPolice made 20 arrests of protesters.",
         [("GBRCOP", "173", "GBROPP")]),
        ("en", "LONDON (Reuters)\n\nThe minister would never make a U-turn "
         "because of street protests.", []),
        # Charges and sentences without an agent are the judiciary's; custody
        # is the police's.
        ("fr", "PARIS (AFP)\n\nDeux gilets jaunes ont été mis en examen. Un "
         "homme a été placé en garde à vue.",
         [("FRAJUD", "173", "FRAOPP"), ("FRACOP", "173", "FRACVL")]),
        ("en", "LONDON (Reuters)\n\nTwo activists were charged with public "
         "disorder.", [("GBRJUD", "173", "GBROPP")]),
        # The idiom's own noun may be the target: "disperser les manifestants".
        ("fr", "PARIS (AFP)\n\nLes forces de l'ordre ont dispersé les "
         "manifestants avec des gaz lacrymogènes.", [("FRACOP", "175", "FRAOPP")]),
        # A target preposition with a thing after it is an appeal or an
        # inquiry about a thing.
        ("fr", "PARIS (AFP)\n\nLe maire a appelé au calme.",
         [("FRAGOV", "020", None)]),
        ("fr", "PARIS (AFP)\n\nLa justice enquête sur les financements du parti.",
         [("FRAJUD", "091", None)]),
        # An intended action is read by a reviewed entry that fits it: "cut
        # taxes" is no "cut down" (194), so the promise stays a promise.
        ("en", "LONDON (Reuters)\n\nThe prime minister promised to cut taxes.",
         [("GBRGOV", "030", None)]),
        # Attacking a policy or a record is criticism of its owner.
        ("en", "LONDON (Reuters)\n\nLabour slammed the government's handling "
         "of the crisis.", [("GBROPP", "111", "GBRGOV")]),
        # What is judged is a thing; its owner is the target, also when the
        # thing hangs on the predicate ("qualifié de honteuse la décision").
        ("fr", "PARIS (AFP)\n\nEmmanuel Macron a qualifié de « honteuse » la "
         "décision de Washington.", [("FRAGOV", "111", "USAGOV")]),
        # Who is filmed or seen doing something does it; who is criticised
        # for failing to act is not the agent of what follows.
        ("en", "LONDON (Reuters)\n\nPolice were seen beating protesters.",
         [("GBRCOP", "175", "GBROPP")]),
        ("en", "LONDON (Reuters)\n\nThe minister was criticised for failing to "
         "act on fighting climate change.", []),
        # A shadow minister is the opposition's; the title gives its role to
        # a person then out of office (Theresa May in 2005).
        ("en", "LONDON (Reuters)\n\nThe shadow secretary of state for the "
         "family, Theresa May, criticised the plans.", [("GBROPP", "111", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nThe shadow defence secretary criticised the "
         "cuts.", [("GBROPP", "111", "GBRGOV")]),
        # The staff of a company are workers of the country they work in,
        # and "l'entreprise" is then the company named.
        ("fr", "PARIS (AFP)\n\nQuatre salariés d'Amazon ont été licenciés. Ils "
         "sont accusés par l'entreprise de lui avoir porté préjudice.",
         [("USABUS", "112", "FRALAB")]),
        ("en", "LONDON (Reuters)\n\nAmazon workers went on strike.",
         [("GBRLAB", "143", None)]),
        # A prepositional verb's support object ("called for the
        # resignation of"): one event, the noun is not an event of its own.
        ("en", "LONDON (Reuters)\n\nThe Tories called for the resignation of "
         "the prime minister.", [("GBROPP", "0241", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nLabour called for an inquiry into the "
         "affair.", [("GBROPP", "020", "GBRGOV")]),
        # What one protests against is a thing, its owner the target, down a
        # chain of things and on a noun the parse hung it on; a government a
        # party forms is the state's.
        ("fr", "PARIS (AFP)\n\nDes agriculteurs ont défilé mardi dans trois "
         "préfectures contre la réforme fiscale du gouvernement "
         "socialiste.", [("FRAAGR", "141", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nUnions protested against the Labour "
         "government's reform.", [("GBRLAB", "141", "GBRGOV")]),
        # What is said of a thing whose owner is known by name only: the
        # first coded actor in what is said is judged (a British public
        # body, Ofsted). The speaker, a "Council of Britain", takes the
        # government role of "council": a known weakness, not asserted here
        # as right, only as what the target depends on.
        ("en", "LONDON (Reuters)\n\nThe Islamic Council of Britain said Ofsted "
         "boss Mr Bell's comments were \"shameful\".", [("GBRGOV", "111", "GBRGOV")]),
        # Publishing a report is a statement; a national section of an
        # international NGO is an NGO of its country.
        ("fr", "PARIS (AFP)\n\nGreenpeace France a présenté jeudi une étude sur "
         "les forêts.", [("FRANGO", "010", None)]),
        ("en", "LONDON (Reuters)\n\nAmnesty International UK criticised the "
         "government.", [("GBRNGO", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nGreenpeace a critiqué la France.",
         [("NGOGRP", "111", "FRAGOV")]),
        # A parliamentary delegation is of the legislature.
        ("fr", "PARIS (AFP)\n\nLe président portugais a reçu une délégation "
         "parlementaire canadienne.", [("PRTGOV", "043", "CANLEG")]),
        # A protest participle before its agent is a protest; other
        # participles there describe ("the invading army").
        ("en", "PARIS (AFP)\n\nProtesting farmers spent the night near Lyon.",
         [("FRAAGR", "141", None)]),
        ("en", "PARIS (AFP)\n\nThe invading army spent the night near Lyon.", []),
        # "Être" with the participle of a verb that takes "avoir" is a
        # passive, even parsed as a compound tense: the residents are asked,
        # they ask no one.
        ("fr", "NANTES (AFP)\n\nLes riverains sont invités à évacuer leur "
         "maison.", []),
        ("fr", "PARIS (AFP)\n\nDes manifestants sont interpellés par la police.",
         [("FRACOP", "173", "FRAOPP")]),
        # Leaders of a group named by a possessive or an adjective lead it.
        ("fr", "PARIS (AFP)\n\nLes dirigeants syndicaux ont critiqué le "
         "gouvernement.", [("FRALAB", "111", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nDoctors' leaders criticised the government.",
         [("GBRHLH", "111", "GBRGOV")]),
        # Approximate numbers count what follows; young people are civilians.
        ("fr", "LYON (AFP)\n\nLes gendarmes ont arrêté une trentaine de jeunes.",
         [("FRACOP", "173", "FRACVL")]),
        ("fr", "PARIS (AFP)\n\nUne centaine de policiers ont chargé les "
         "manifestants.", [("FRACOP", "175", "FRAOPP")]),
        # A warning that something may happen is a pessimistic comment
        # (012), said to the government when a non-state actor makes it; a
        # warning to someone, or of what the speaker will do, is a threat.
        # The head of a named organisation belongs to it.
        ("en", "LONDON (Reuters)\n\nJohn Smith, director general of the British "
         "Chambers of Commerce, warned that many small firms could be crippled.",
         [("GBRBUS", "012", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nRussia warned that it would impose sanctions.",
         [("RUSGOV", "1312", None)]),
        # A threat of nothing named, to no one, is no event.
        ("en", "LONDON (Reuters)\n\nRussia can threaten to release parts of the "
         "conversations.", []),
        ("fr", "PARIS (AFP)\n\nLe syndicat a averti que les usines pourraient "
         "fermer.", [("FRALAB", "012", "FRAGOV")]),
        # A partner's preposition hung on the means ("au téléphone avec X").
        ("fr", "PARIS (AFP)\n\nLe président s'est entretenu au téléphone avec "
         "Vladimir Poutine.", [("FRAGOV", "040", "RUSGOV"), ("RUSGOV", "040", "FRAGOV")]),
        # Camps dismantled (171), the owner the target; roundabouts blocked.
        ("en", "LONDON (Reuters)\n\nPolice dismantled the protesters' camp.",
         [("GBRCOP", "171", "GBROPP")]),
        ("fr", "PARIS (AFP)\n\nLa maire procède au démontage de l'abri des "
         "gilets jaunes. Les gilets jaunes ont bloqué des ronds-points.",
         [("FRAGOV", "171", "FRAOPP"), ("FRAOPP", "144", None)]),
        # A dismissal is an administrative sanction (172); reported without
        # an agent, the government's. The Paris police prefect is police.
        ("fr", "PARIS (AFP)\n\nLe préfet de police de Paris a été limogé hier.",
         [("FRAGOV", "172", "FRACOP")]),
        ("en", "LONDON (Reuters)\n\nThe president fired the defence minister. "
         "Israeli troops fired on the crowd.",
         # The crowd fired on, with no place named, is of the troops'
         # country rather than of the London dateline.
         [("GBRGOV", "172", "GBRGOVMIL"), ("ISRMIL", "190", "ISRCVL")]),
        # A ban on protests, in an article about them, is on the protesters.
        ("fr", "PARIS (AFP)\n\nDes milliers de gilets jaunes ont manifesté. Les "
         "autorités ont interdit les manifestations dans le centre de Paris.",
         [("FRAOPP", "141", None), ("FRAGOV", "1721", "FRAOPP")]),
        # A dam is no roadblock; a roadblock held is one.
        ("fr", "PARIS (AFP)\n\nDes gilets jaunes ont tenu un barrage filtrant près "
         "de Caen. Les habitants de Pezens ont été évacués en raison de risques "
         "de débordement d'un barrage.", [("FRAOPP", "144", None)]),
        ("fr", "PARIS (AFP)\n\nLe président a commencé une déambulation dans les "
         "allées de la manifestation, entouré d'agriculteurs.", []),
        # Force on a thing is an event from armed actors, states and crowds,
        # a figure of speech from a named person.
        ("en", "LONDON (Reuters)\n\nGordon Brown has hit home buyers with a new "
         "tax. Russia struck the power grid of Kharkiv.",
         [("RUSGOV", "190", "UKR")]),
        # A reflexive object: the subject acts on itself (no event), or, for
        # two subjects, each on the other.
        ("fr", "PARIS (AFP)\n\nLes habitantes se consolent. La Russie et "
         "l'Ukraine s'accusent mutuellement.",
         [("RUSGOV", "112", "UKRGOV"), ("UKRGOV", "112", "RUSGOV")]),
        ("en", "LONDON (Reuters)\n\nThe minister defended himself. Russia and "
         "Ukraine accused each other.",
         [("RUSGOV", "112", "UKRGOV"), ("UKRGOV", "112", "RUSGOV")]),
        # Sentencing is 116, the judiciary's when no agent is named; "se
        # heurter aux forces de l'ordre" is a clash.
        ("fr", "PARIS (AFP)\n\nLe tribunal a condamné l'ancien ministre à cinq ans "
         "de prison. Le député a été condamné à une amende.",
         [("FRAJUD", "116", "FRAELI"), ("FRAJUD", "116", "FRALEG")]),
        ("fr", "PARIS (AFP)\n\nDes manifestants se sont heurtés aux forces de "
         "l'ordre.", [("FRAOPP", "145", "FRACOP")]),
        # "hit out at"; "called on X", with "on" parsed as a particle; an appeal
        # to resign is an appeal for a change of leadership (0241).
        ("en", "LONDON (Reuters)\n\nCharles Kennedy hit out at the government. "
         "Michael Howard called on Tony Blair to resign.",
         [("GBROPP", "111", "GBRGOV"), ("GBROPP", "0241", "GBRGOV")]),
        # Calls and appeals from an actor are appeals (020); the opposition's
        # go to the government.
        ("en", "LONDON (Reuters)\n\nThere were calls from the opposition for a "
         "public inquiry. The appeal from the UN for a ceasefire went unheeded.",
         [("GBROPP", "020", "GBRGOV"), ("IGOUNO", "020", None)]),
        # The subject of an incise, parsed as its object, is the source; a
        # judgement in an incise is about the quotation before it.
        ("fr", "« C'est une honte », a dénoncé Marine Le Pen.",
         [("FRAOPP", "111", "FRAGOV")]),
        ("fr", "« Cette réforme est injuste », a estimé Marine Le Pen.",
         [("FRAOPP", "111", "FRAGOV")]),
        # Insisting on something is a demand; insisting alone is none.
        ("en", "LONDON (Reuters)\n\nRussia insisted on the neutrality of Ukraine. "
         "The minister insisted.", [("RUSGOV", "100", "UKRGOV")]),
        # Sanctions extended or renewed are sanctions (163).
        ("fr", "PARIS (AFP)\n\nL'Union européenne a prolongé les sanctions contre "
         "la Russie.", [("IGOEEC", "163", "RUSGOV")]),
        ("en", "LONDON (Reuters)\n\nThe EU renewed its sanctions on Russia.",
         [("IGOEEC", "163", "RUSGOV")]),
        # A crowd named by its size protests; a number of police are police.
        ("fr", "PARIS (AFP)\n\nDes milliers ont défilé samedi à Paris. Des "
         "milliers de policiers ont manifesté mercredi.",
         [("FRAOPP", "141", None), ("FRACOP", "141", None)]),
        # Rioting: setting fire to cars, looting, smashing windows (145 by
        # protesters).
        ("en", "LONDON (Reuters)\n\nProtesters set fire to cars. Rioters looted "
         "shops.", [("GBROPP", "145", None)]),
        ("fr", "PARIS (AFP)\n\nDes manifestants ont incendié des voitures. Les "
         "casseurs ont saccagé des magasins.", [("FRAOPP", "145", None)]),
        # An event noun subject of "opposer": its object and "à" are the
        # parties.
        ("fr", "PARIS (AFP)\n\nDes heurts ont opposé des gilets jaunes aux forces "
         "de l'ordre.", [("FRAOPP", "145", "FRACOP")]),
        # What a "target" participle on the object aims at is the target.
        ("fr", "PARIS (AFP)\n\nLe parquet a ouvert une enquête visant le ministre. "
         "L'Union européenne a adopté des sanctions visant la Russie.",
         [("FRAJUD", "091", "FRAGOV"), ("IGOEEC", "163", "RUSGOV")]),
        ("en", "LONDON (Reuters)\n\nThe EU adopted sanctions targeting Russia.",
         [("IGOEEC", "163", "RUSGOV")]),
        # Protesters who mobilise protest (140); an army mobilises (154).
        ("fr", "PARIS (AFP)\n\nLa mobilisation des gilets jaunes se poursuit. "
         "L'armée russe a mobilisé des réservistes.",
         [("FRAOPP", "140", None), ("RUSMIL", "154", None)]),
        # A message's participle says what its author does.
        ("en", "LONDON (Reuters)\n\nThe opposition published a report accusing "
         "the government of corruption.", [("GBROPP", "112", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nL'opposition a publié une vidéo critiquant le "
         "gouvernement.", [("FRAOPP", "111", "FRAGOV")]),
        # A statement whose participle is an event is that event only.
        ("en", "LONDON (Reuters)\n\nThe opposition issued a statement condemning "
         "the government.", [("GBROPP", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nL'opposition a publié un communiqué dénonçant le "
         "gouvernement.", [("FRAOPP", "111", "FRAGOV")]),
        # The inverted pronoun after a French quotation is its speaker, and a
        # judging verb of the incise judges the quotation's first actor.
        ("fr", "PARIS (AFP)\n\nMarine Le Pen est arrivée lundi. « Le "
         "gouvernement a échoué », fustige-t-elle.", [("FRAOPP", "111", "FRAGOV")]),
        # Organising an action or a "journée d'action" is demonstrating.
        ("fr", "PARIS (AFP)\n\nLes gilets jaunes ont organisé samedi une "
         "nouvelle journée d'action.", [("FRAOPP", "141", None)]),
        # Forces deployed with no one named who sent them show their force.
        ("fr", "PARIS (AFP)\n\nDes policiers ont été déployés en masse à "
         "proximité d'agences bancaires.", [("FRACOP", "153", None)]),
        ("en", "LONDON (Reuters)\n\nTroops were deployed to the border.",
         [("GBRMIL", "150", None)]),
        # Gathering or convening people is meeting them (04).
        ("en", "LONDON (Reuters)\n\nThe president convened his ministers.",
         [("GBRGOV", "040", "GBRGOV")]),
        # The far right and far left are actors (opposition, radicals).
        ("fr", "PARIS (AFP)\n\nLe gouvernement accuse l'extrême droite de "
         "vouloir exploiter la colère.", [("FRAGOV", "112", "FRAOPPRAD")]),
        # Hectoring and haranguing are criticism (111).
        ("en", "LONDON (Reuters)\n\nThe opposition leader hectored the prime "
         "minister.", [("GBROPP", "111", "GBRGOV")]),
        # What is judged is a thing: the agent of its participle, or its
        # owner for a rejection, is the target.
        ("en", "LONDON (Reuters)\n\nThe minister condemned the attack carried out "
         "by the rebels. Moscow rejected Washington's proposal.",
         [("GBRGOV", "111", "GBRREB"), ("RUSGOV", "127", "USAGOV")]),
        ("fr", "PARIS (AFP)\n\nLe ministre a condamné l'attaque menée par les "
         "rebelles.", [("FRAGOV", "111", "FRAREB")]),
        # Someone "en visite", "on a visit" is the visitor.
        ("fr", "PARIS (AFP)\n\nEmmanuel Macron, en visite en Chine, a salué la "
         "coopération.", [("FRAGOV", "042", "CHN")]),
        ("en", "LONDON (Reuters)\n\nEmmanuel Macron, on a visit to China, praised "
         "the cooperation.", [("FRAGOV", "042", "CHN")]),
        # Clergy are religious actors.
        ("fr", "PARIS (AFP)\n\nL'archevêque a dénoncé le gouvernement.",
         [("FRAREL", "111", "FRAGOV")]),
        # Clashes at a protest that name no one: protesters and police.
        ("fr", "PARIS (AFP)\n\nDes heurts ont marqué samedi l'acte 19 des "
         "manifestations.", [("FRAOPP", "145", "FRACOP")]),
        ("en", "LONDON (Reuters)\n\nClashes broke out on the sidelines of the "
         "protest.", [("GBROPP", "145", "GBRCOP"), ("GBRCOP", "175", "GBROPP")]),
        # Clashes that name no one and no protest: no parties, no event.
        ("en", "LONDON (Reuters)\n\nClashes erupted in the north of the "
         "country.", []),
        # Talks that name no one are between the subjects of their verb.
        ("en", "LONDON (Reuters)\n\nRussia and China signed a deal after talks "
         "in Beijing.", [("RUSGOV", "057", "CHNGOV"), ("CHNGOV", "057", "RUSGOV"),
                         ("RUSGOV", "040", "CHNGOV"), ("CHNGOV", "040", "RUSGOV")]),
        # A preposition's clause gives its subject as the target (a senator
        # the FBI investigates is of the FBI's country).
        ("en", "LONDON (Reuters)\n\nThe FBI launched an investigation into "
         "whether the senator took bribes.", [("USACOP", "091", "USALEG")]),
        # The unqualified enemy of a fight is of the place fought in, else
        # of the fighter's country.
        ("fr", "PARIS (AFP)\n\nL'armée russe a bombardé des positions rebelles "
         "en Syrie.", [("RUSMIL", "195", "SYRREB")]),
        ("en", "LONDON (Reuters)\n\nThe army shelled rebel positions.",
         [("GBRMIL", "194", "GBRREB")]),
        # A motion tabled against the government is criticism of it.
        ("fr", "PARIS (AFP)\n\nL'opposition a déposé une motion de censure "
         "contre le gouvernement.", [("FRAOPP", "111", "FRAGOV")]),
        # What a "target" participle aims at, on a noun's complement.
        ("fr", "PARIS (AFP)\n\nLe parquet a ouvert une enquête pour corruption "
         "visant le maire.", [("FRAJUD", "091", "FRAGOV")]),
        # "lors des négociations": talks through a word of time.
        ("fr", "PARIS (AFP)\n\nMoscou et Washington ont signé un accord lors des "
         "négociations.", [("RUSGOV", "057", "USAGOV"), ("USAGOV", "057", "RUSGOV"),
                           ("RUSGOV", "046", "USAGOV"), ("USAGOV", "046", "RUSGOV")]),
        # "A court" opening an English sentence is no place ("A Reykjavik").
        ("en", "LONDON (Reuters)\n\nA court sentenced the former minister to two "
         "years in prison.", [("GBRJUD", "116", "GBRELI")]),
        # "it" stands for the last institution or country acting.
        ("en", "LONDON (Reuters)\n\nThe foreign ministry said it had summoned the "
         "French ambassador.", [("GBRGOV", "114", "FRAGOV")]),
        # A pronoun object is someone, not a thing force is used on.
        ("en", "LONDON (Reuters)\n\nTony Blair said it was a disgrace that the "
         "Tories attacked him.", [("GBRGOV", "111", "GBROPP")]),
        # The speaker's own state is not what its statement judges.
        ("en", "LONDON (Reuters)\n\nThe French foreign ministry condemned the "
         "insults. \"France has been the target of outrageous declarations,\" it "
         "said.", [("FRAGOV", "111", None)]),
        # An organisation named after its kind, unknown to the knowledge base.
        ("fr", "PARIS (AFP)\n\nLa Fondation Abbé Pierre a dénoncé le "
         "gouvernement.", [("FRANGO", "111", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nThe University of Manchester criticised the "
         "government.", [("GBREDU", "111", "GBRGOV")]),
        # One person of a kind of civilians, not only their plural.
        ("fr", "LYON (AFP)\n\nUn automobiliste a été placé en garde à vue mardi.",
         [("FRACOP", "173", "FRACVL")]),
        ("en", "LONDON (Reuters)\n\nA motorist was arrested in Leeds on Tuesday.",
         [("GBRCOP", "173", "GBRCVL")]),
        # "Call for" a clause: an appeal (a union's, to the government).
        ("en", "LONDON (Reuters)\n\nTrade unions have called for the ban to be "
         "lifted.", [("GBRLAB", "020", "GBRGOV")]),
        # Custody and trial after their preposition; a trial is the courts'.
        ("en", "LONDON (Reuters)\n\nAn aide to the mayor has been placed in "
         "custody.", [("GBRCOP", "173", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nThe protesters will be put on trial.",
         [("GBRJUD", "173", "GBROPP")]),
        ("en", "LONDON (Reuters)\n\nThe unions called for calm.",
         [("GBRLAB", "020", "GBRGOV")]),
        # Employers' federations are business.
        ("fr", "PARIS (AFP)\n\nLes organisations patronales ont salué les annonces du "
         "Premier ministre.", [("FRABUS", "051", "FRAGOV")]),
        # A passive infinitive's controller is its patient, not its agent;
        # "ce dernier" is the last one named.
        ("fr", "LYON (AFP)\n\nLe manifestant vient d'être condamné à deux mois de "
         "prison.", [("FRAJUD", "116", "FRAOPP")]),
        ("fr", "LYON (AFP)\n\nUn automobiliste a été interpellé samedi. Ce dernier "
         "vient d'être condamné à deux mois de prison.",
         [("FRACOP", "173", "FRACVL"), ("FRAJUD", "116", "FRACVL")]),
        # Questioning whether a thing holds is criticism, asserted: a clause
        # with "whether" is an indirect question, no condition.
        ("en", "LONDON (Reuters)\n\nThe Tories questioned whether the plan had been "
         "costed.", [("GBROPP", "111", "GBRGOV")]),
        # What one says "in order to" is an aim, no event; a deed done for a
        # purpose still is.
        ("en", "LONDON (Reuters)\n\nThe minister met union leaders on Monday to "
         "press them for a deal.",
         [("GBRGOV", "040", "GBRLAB"), ("GBRLAB", "040", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nPolice used tear gas to disperse the protesters.",
         [("GBRCOP", "175", None), ("GBRCOP", "175", "GBROPP")]),
        # The owner of what a passive welcomes is its target.
        ("en", "LONDON (Reuters)\n\nThe Kenyan government's decision was welcomed "
         "by Uganda.", [("UGAGOV", "051", "KENGOV")]),
        # A person's background is no news ("connu pour", "known for").
        ("fr", "PARIS (AFP)\n\nLe député, connu pour avoir dénoncé le "
         "gouvernement, a parlé.", []),
        ("en", "LONDON (Reuters)\n\nThe lawyer, known for defending the prime "
         "minister, spoke.", []),
        # The day the French parser takes for the object is not the object.
        ("fr", "LYON (AFP)\n\nLe parquet de Lyon a ouvert dimanche une enquête sur "
         "les injures.", [("FRAJUD", "091", None)]),
        # The owner of a plan named before it ("the EU plan") or by a
        # demonym ("le plan américain") is the target; a plain plan is none.
        ("en", "Kenya rejected the EU plan.", [("KENGOV", "127", "IGOEEC")]),
        ("en", "Kenya rejected the peace plan.", [("KENGOV", "127", None)]),
        ("fr", "Israël a rejeté la proposition américaine.",
         [("ISRGOV", "125", "USA")]),
        ("fr", "La Turquie a salué la décision américaine.",
         [("TURGOV", "051", "USA")]),
        # What an appeal or demand asks for is an act of its owner.
        ("fr", "Le Mali a réclamé le retrait des troupes françaises.",
         [("MLIGOV", "1056", "FRAMIL")]),
        ("fr", "Kiev a demandé la protection de la France.",
         [("UKRGOV", "0234", "FRAGOV")]),
        ("en", "Kenya demanded the withdrawal of British troops.",
         [("KENGOV", "1056", "GBRMIL")]),
        # An unreviewed (derived) entry codes its own verb, not one read
        # through the verb that controls it.
        ("en", "LONDON (Reuters)\n\nThe police quelled the protesters.",
         [("GBRCOP", "170", "GBROPP")]),
        ("en", "LONDON (Reuters)\n\nThe police tried to quell the protesters.", []),
        # A quotation the parse makes the subject of the verb of its incise
        # is what is said, the name after the verb the speaker (read as its
        # object or an adverb); the victim of the act condemned is not the
        # one condemned.
        ("fr", "PARIS (AFP)\n\nLes insultes lancées contre le maire par les "
         "casseurs \"sont une honte\", a déclaré Édouard Philippe.",
         [("FRAGOV", "111", "FRAOPP")]),
        ("fr", "PARIS (AFP)\n\n« Les violences contre les policiers sont la "
         "négation de la République », a déclaré le ministre de l'Intérieur.",
         [("FRAGOVCOP", "111", None)]),
        # Looting is rioting (145, not an arrest); a government that backs
        # down in a story of riots yields to the rioters.
        ("fr", "PARIS (AFP)\n\nDes casseurs ont pillé des magasins. Le "
         "gouvernement a reculé mardi.",
         [("FRAOPP", "145", None), ("FRAGOV", "0832", "FRAOPP")]),
        # A verdict: "found guilty", the adjective read as what is said of
        # the object; with no court named, the judiciary's.
        ("en", "LONDON (Reuters)\n\nThe driver was found guilty of fraud. A "
         "Russian court found the American journalist guilty.",
         [("GBRJUD", "116", "GBRCVL"), ("RUSJUD", "116", "USAMED")]),
        # "The public" is people (CVL); "public" as an adjective is no one.
        ("en", "LONDON (Reuters)\n\nPolice urged the public to stay away. The "
         "public inquiry opened.", [("GBRCOP", "020", "GBRCVL")]),
        # With no protest told, a minister's criticism of no one named is
        # aimed at the opposition the article names.
        ("fr", "PARIS (AFP)\n\nMarine Le Pen a proposé un référendum. Le ministre "
         "de l'Intérieur a dénoncé « une comédie ».",
         [("FRAOPP", "030", None), ("FRAGOVCOP", "111", "FRAOPP")]),
        # A verb the parse coordinates with another with neither a
        # conjunction nor a comma between them does not inherit its subject
        # (the president does not protest).
        ("en", "WASHINGTON (Reuters)\n\nThe president blamed the new tariffs as "
         "demonstrations in Canada continued to protest against them.",
         [("USAGOV", "112", None)]),
        # "décliner un train de mesures" sets them out; "décliner une
        # invitation" turns it down (125, not 036).
        ("fr", "PARIS (AFP)\n\nLa ministre a décliné jeudi un programme de "
         "mesures. Le ministre a décliné l'invitation de la Russie.",
         [("FRAGOV", "125", "RUSGOV")]),
        # "prompted X to condemn", "a contraint X à reculer": X did it
        # (asserted), the one prompted is the source.
        ("en", "BERLIN (Reuters)\n\nThe riots prompted Chancellor Olaf Scholz to "
         "condemn the rioters.", [("DEUOPP", "145", None), ("DEUGOV", "111", "DEUOPP")]),
        ("fr", "PARIS (AFP)\n\nLes syndicats ont contraint le gouvernement à "
         "reculer.", [("FRALAB", "170", "FRAGOV"), ("FRAGOV", "0832", None)]),
        # Saying that someone forged, faked or lied blames them.
        ("fr", "PARIS (AFP)\n\nLe quotidien affirme que la Russie diffuse de "
         "fausses nouvelles.", [("FRAMED", "111", "RUSGOV")]),
        ("en", "LONDON (Reuters)\n\nThe minister said the Chinese government had "
         "sent a falsified report.", [("GBRGOV", "111", "CHNGOV")]),
        # What follows a colon is what a reaction says.
        ("fr", "PARIS (AFP)\n\nLe ministre a réagi : « Cette décision russe est "
         "inacceptable. »", [("FRAGOV", "111", "RUS")]),
        ("en", "LONDON (Reuters)\n\nThe minister reacted: \"The Russian decision "
         "is unacceptable.\"", [("GBRGOV", "111", "RUS")]),
        # Whoever faces, suffers or "essuie" criticism is its target.
        ("en", "LONDON (Reuters)\n\nThe government faces growing criticism from "
         "the opposition.", [("GBROPP", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLe ministre a essuyé les critiques des syndicats.",
         [("FRALAB", "111", "FRAGOV")]),
        # An event noun subject of a verb whose entries take it as their
        # object ("continue an attack") is still an event.
        ("en", "The attack on Israel by Iran continued.",
         [("IRNGOV", "190", "ISR")]),
        # Verbal attacks are criticism; objections and refusals are
        # rejections; promises and pledges are promises.
        ("en", "The verbal attacks of Russia on Ukraine continued. The plan went "
         "ahead despite US objections. The promise of Japan to the "
         "Philippines was kept.",
         [("RUSGOV", "111", "UKRGOV"), ("USAGOV", "120", None),
          ("JPNGOV", "030", "PHLGOV")]),
        # A demand for someone to act targets that someone, and takes the
        # code the intended action selects.
        ("en", "LONDON (Reuters)\n\nTalks stalled over a UN demand for Serbia to "
         "recognise Kosovo. Germany backed the demand for workers' councils to run "
         "factories.", [("IGOUNO", "100", "SRBGOV")]),
        # Of two objects, a bare noun is an idiom misread as one; the heads
        # of a group met somewhere still belong to the group.
        ("fr", "PARIS (AFP)\n\nLa ministre, qui a reçu tour à tour les dirigeants "
         "des syndicats à Bercy, a promis une réponse.",
         [("FRAGOV", "043", "FRALAB"), ("FRAGOV", "030", None)]),
        # The agent of a nominal event may hang on its patient; with no
        # agent named, an arrest is the police's; who "fait l'objet" of an
        # event undergoes it.
        ("fr", "PARIS (AFP)\n\nL'arrestation de trois militants par la police a "
         "surpris.", [("FRACOP", "173", "FRAOPP")]),
        ("en", "LONDON (Reuters)\n\nThe arrest of three students by police "
         "surprised the town.", [("GBRCOP", "173", "GBREDU")]),
        ("fr", "PARIS (AFP)\n\nUn lycéen a fait l'objet d'une interpellation. "
         "Le préfet a fait l'objet de vives critiques des élus.",
         [("FRACOP", "173", "FRAEDU"), ("FRALEG", "111", "FRAGOV")]),
        # An arrest with no agent nor place named is done by the state of
        # whoever is arrested, when the text qualifies them.
        ("en", "PARIS (AFP)\n\nA Turkish opposition leader was arrested on "
         "Sunday.", [("TURCOP", "173", "TUROPP")]),
        # Who takes part in a strike or a protest is its source; a strike by
        # workers is a labour strike, not an air strike; a peer named by
        # title is a legislator.
        ("fr", "PARIS (AFP)\n\nDes centaines d'infirmières ont pris part à la "
         "grève.", [("FRAHLH", "143", None)]),
        ("en", "LONDON (Reuters)\n\nHundreds of teachers took part in a national "
         "strike.", [("GBREDU", "143", None)]),
        ("en", "LONDON (Reuters)\n\nThe government refused to support Baroness "
         "Hale's amendment.", [("GBRGOV", "120", "GBRLEG")]),
        # Who receives blows or threats "de la part de" / "from" someone
        # undergoes that someone's act; the receiving is no hosting (043).
        ("fr", "PARIS (AFP)\n\nUn photographe a reçu des coups de poing de la "
         "part d'un gendarme.", [("FRACOP", "182", "FRAMED")]),
        ("fr", "PARIS (AFP)\n\nLa députée a reçu des menaces de la part de "
         "manifestants.", [("FRAOPP", "130", "FRALEG")]),
        ("en", "LONDON (Reuters)\n\nThe councillor received threats from "
         "protesters.", [("GBROPP", "130", "GBRGOV")]),
        # The source's role makes some codes precise: police mobilised show
        # police power (153); prosecutors investigate a crime (091); a
        # government backing down accedes to a policy demand (0832). A
        # promise of money is one of economic aid (0331).
        ("en", "LONDON (Reuters)\n\nPolice have mobilised 2,000 officers in "
         "Leeds.", [("GBRCOP", "153", None)]),
        ("fr", "PARIS (AFP)\n\nLe parquet de Lyon a ouvert une enquête.",
         [("FRAJUD", "091", None)]),
        ("fr", "PARIS (AFP)\n\nLe gouvernement a reculé sur la taxe.",
         [("FRAGOV", "0832", None)]),
        ("en", "LONDON (Reuters)\n\nThe chancellor promised £2bn for "
         "hospitals.", [("GBRGOV", "0331", None)]),
        # Demands for explanations are demands for information (101);
        # admitting failures is an admission (015); blows received from no
        # one named are no event.
        ("fr", "PARIS (AFP)\n\nLes avocats ont réclamé des éclaircissements au "
         "ministère. Le préfet a reconnu des défaillances. Mon collègue a reçu "
         "des coups de pied de la part d'un policier.",
         [("FRAJUD", "101", "FRAGOV"), ("FRAGOV", "015", None)]),
        ("en", "LONDON (Reuters)\n\nThe unions demanded an explanation from the "
         "council. The minister acknowledged shortcomings.",
         [("GBRLAB", "101", "GBRGOV"), ("GBRGOV", "015", None)]),
        # Who multiplies or steps up meetings or attacks does them; the
        # political class is an actor.
        ("fr", "PARIS (AFP)\n\nLe ministre a multiplié les rencontres avec les "
         "syndicats.", [("FRAGOV", "040", "FRALAB"), ("FRALAB", "040", "FRAGOV")]),
        # Backing a policy backs the government that makes it; the
        # government welcoming its own plan is no event.
        ("en", "LONDON (Reuters)\n\nThe nurses' union backs the reform. The "
         "minister welcomed the plan.", [("GBRLAB", "051", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLes syndicats agricoles soutiennent la réforme.",
         [("FRALAB", "051", "FRAGOV")]),
        # The leaders of a protest are protesters, not office holders.
        ("en", "LONDON (Reuters)\n\nStrike leaders criticised the government.",
         [("GBROPP", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLes dirigeants de la grève ont critiqué le "
         "gouvernement.", [("FRAOPP", "143", None), ("FRAOPP", "111", "FRAGOV")]),
        # A protest noun that only qualifies a group names no protest.
        ("en", "LONDON (Reuters)\n\nThe protest movement criticised the "
         "government.", [("GBROPP", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLa classe politique a condamné les violences "
         "contre les élus.", [("FRAPTY", "111", None)]),
        # "Riot police" are police, no riot; a committee is parliament's;
        # judging a policy in what is said judges the government that
        # makes it, unless the government is the speaker.
        ("en", "LONDON (Reuters)\n\nProtesters confronted riot police.",
         [("GBROPP", "040", "GBRCOP")]),
        ("en", "LONDON (Reuters)\n\nCommittee members said the bill was "
         "deeply flawed. The minister said the law was dangerous.",
         [("GBRLEG", "111", "GBRGOV"), ("GBRGOV", "111", None)]),
        ("fr", "PARIS (AFP)\n\nLes syndicats ont estimé que la réforme était "
         "injuste.", [("FRALAB", "111", "FRAGOV")]),
        # Being ready or willing to act is an intent (03x) of that action,
        # with its target; readiness for nothing the lexicon knows is none.
        ("fr", "PARIS (AFP)\n\nLa France est prête à financer des canons pour "
         "l'Ukraine.", [("FRAGOV", "0332", "UKRGOV")]),
        ("en", "Turkey is willing to host talks with Russia.",
         [("TURGOV", "036", "RUSGOV")]),
        ("fr", "PARIS (AFP)\n\nDes paramilitaires sont prêts à intervenir.", []),
        # Insisting that something is so states, it demands nothing;
        # insisting on something, or that someone must act, demands.
        ("en", "Ministers insist the orders are proportionate. Russia insisted "
         "on the neutrality of Ukraine.", [("RUSGOV", "100", "UKRGOV")]),
        ("en", "Britain insisted that Iran must release the sailors.",
         [("GBRGOV", "100", "IRNGOV")]),
        # Talks at a protest that name no one are no clash of protesters and
        # police; criticism a thing draws is aimed at its owner.
        ("en", "LONDON (Reuters)\n\nTalks took place on the sidelines of the "
         "protest.", []),
        ("fr", "PARIS (AFP)\n\nLe projet du gouvernement a suscité les "
         "critiques des syndicats.", [("FRALAB", "111", "FRAGOV")]),
        # Those arrested at a protest, unnamed, are its protesters; a house
        # arrest that a bill allows is no event.
        ("fr", "PARIS (AFP)\n\nLa police a procédé à des interpellations en "
         "marge de la manifestation.", [("FRACOP", "173", "FRAOPP")]),
        ("en", "LONDON (Reuters)\n\nPolice made 50 arrests at the rally. The "
         "bill allows house arrest.", [("GBRCOP", "173", "GBROPP")]),
        # What someone says another should or must do is an appeal (02x)
        # for that action, which is no event of its own; an appeal of no one
        # by parliament goes to the government.
        ("en", "LONDON (Reuters)\n\nThe opposition said the government should "
         "resign.", [("GBROPP", "0241", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nMPs said there should be an independent "
         "inquiry.", [("GBRLEG", "020", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLes syndicats estiment que le gouvernement doit "
         "retirer sa réforme.", [("FRALAB", "025", "FRAGOV")]),
        ("fr", "PARIS (AFP)\n\n« Nous devons continuer », a dit le ministre.", []),
        # The head of a body named just before the name is the body's; a
        # member of the Scottish Parliament is a legislator.
        ("en", "LONDON (Reuters)\n\nMetropolitan Police Commissioner Sir Ian "
         "Blair criticised the Home Office.", [("GBRCOP", "111", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nMSP Karen Whitefield criticised the "
         "government.", [("GBRLEG", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLe secrétaire général de la CGT Philippe "
         "Martinez a critiqué le gouvernement.", [("FRALAB", "111", "FRAGOV")]),
        # Guests received at a seat of government are its guests.
        ("fr", "PARIS (AFP)\n\nLes syndicats ont été reçus à Matignon.",
         [("FRAGOV", "043", "FRALAB")]),
        ("en", "LONDON (Reuters)\n\nThe union leaders were received at Downing "
         "Street.", [("GBRGOV", "043", "GBRLAB")]),
        # "des Républicains": the party's name without the article it
        # contracts with.
        ("fr", "PARIS (AFP)\n\nLa proposition des Républicains a été rejetée "
         "par le gouvernement.", [("FRAGOV", "125", "FRAOPP")]),
        # "Ces derniers" stands for the last group named, in any role.
        ("fr", "PARIS (AFP)\n\nLe ministre a reçu les syndicats. Ces derniers "
         "ont dénoncé la réforme.",
         [("FRAGOV", "043", "FRALAB"), ("FRALAB", "111", "FRAGOV")]),
        # Banning a protest restricts the protesters (1721); smashing a door
        # is rioting.
        ("en", "PARIS (Reuters)\n\nProtesters marched in Paris. The authorities "
         "banned the rally. Protesters smashed the door of a ministry.",
         [("FRAOPP", "141", None), ("FRAGOV", "1721", "FRAOPP"),
          ("FRAOPP", "145", None)]),
        # A state agent the text does not qualify, after the officials of one
        # foreign country in its sentence, is theirs; "there" is no subject
        # of the speaker's second verb.
        ("en", "LONDON (Reuters)\n\nBelgium's interior minister said there "
         "had been no threat to the country and praised the police.",
         [("BELGOVCOP", "051", "BELCOP")]),
        ("fr", "PARIS (AFP)\n\nLe ministre belge de l'Intérieur a félicité "
         "la police.", [("BELGOV", "051", "BELCOP")]),
        ("en", "LONDON (Reuters)\n\nThe Belgian minister and the British "
         "minister praised the police.",
         [("BELGOV", "051", "GBRCOP"), ("GBRGOV", "051", "GBRCOP")]),
        # A peer described in apposition as a party's leader has both roles;
        # "the Bill" is no person of surname Bill.
        ("en", "LONDON (Reuters)\n\nLord Collins, Labour leader in the Lords, "
         "warned ministers.", [("GBROPPLEG", "130", "GBRGOV")]),
        ("en", "LONDON (Reuters)\n\nThe Tories criticised the Bill.", []),
        # What the government says should be done, naming no one to do it,
        # is its own policy; said by others, it is an appeal to it.
        ("en", "PARIS (Reuters)\n\nThe prime minister said the state must "
         "guarantee social justice. The unions said the state must guarantee "
         "social justice.", [("FRALAB", "020", "FRAGOV")]),
        ("fr", "PARIS (AFP)\n\nLe Premier ministre a estimé que l'État doit "
         "garantir la justice sociale. Les syndicats ont estimé que l'État "
         "doit garantir la justice sociale.", [("FRALAB", "020", "FRAGOV")]),
        # A pronoun after a sentence stands for its subject, not for the
        # possessor named after it; a chief of staff is an official's.
        ("en", "WASHINGTON (Reuters)\n\nSenator John Smith was dropped from "
         "Biden's campaign team. He later criticised France.",
         [("USALEG", "111", "FRAGOV")]),
        ("en", "PARIS (Reuters)\n\nMacron's chief of staff, Patrick Strzoda, "
         "criticised the union.", [("FRAGOV", "111", "FRALAB")]),
        # A power to act is no act.
        ("en", "LONDON (Reuters)\n\nThe government will replace current "
         "powers to detain foreign terror suspects.", []),
        # Taking contact is consulting; firefighters are a public service,
        # whose mobilisation is no army's.
        ("fr", "BRUXELLES (AFP)\n\nLe ministre belge a pris contact avec le "
         "CICR.", [("BELGOV", "040", "NGOIRC"), ("NGOIRC", "040", "BELGOV")]),
        ("fr", "PARIS (AFP)\n\nLe syndicat a salué la mobilisation des "
         "pompiers.", [("FRALAB", "051", "FRAGOV")]),
        # Prosecuted before a court, with no agent named: the judiciary's.
        ("fr", "PARIS (AFP)\n\nUne dizaine de manifestants étaient poursuivis "
         "lundi devant le tribunal correctionnel.", [("FRAJUD", "173", "FRAOPP")]),
        # An organisation nobody knows has the kind its name says; "it"
        # after one known by name only is no earlier institution.
        ("en", "LONDON (Reuters)\n\nAcme Holdings plc criticised the "
         "government.", [("GBRBUS", "111", "GBRGOV")]),
        ("fr", "PARIS (AFP)\n\nLe Réseau Sortir du nucléaire a critiqué le "
         "gouvernement.", [("FRANGO", "111", "FRAGOV")]),
        ("en", "LONDON (Reuters)\n\nBritain criticised France. Royal Mail "
         "said it would boycott France.", [("GBRGOV", "111", "FRAGOV")]),
        # "takes over the presidency ... in July": an office, no seizure,
        # and "in July" no particle of "take in".
        ("en", "LONDON (Reuters)\n\nBritain takes over the presidency of the "
         "EU from Luxembourg in July. Police took in 20 protesters.",
         [("GBRCOP", "173", "GBROPP")]),
        # The forces of a body are that body's, not the army.
        ("fr", "PARIS (AFP)\n\nLes forces spécialisées de la police aux "
         "frontières ont interpellé les manifestants.",
         [("FRACOP", "173", "FRAOPP")]),
        ("en", "LONDON (Reuters)\n\nThe forces of the police arrested 20 "
         "protesters.", [("GBRCOP", "173", "GBROPP")]),
        # A passive's "par" agent that the model labels a modifier.
        ("fr", "PARIS (AFP)\n\nLes militants belges ont été refoulés par les "
         "autorités françaises.", [("FRAGOV", "174", "BELOPP")]),
        # Released on bail with no agent named: the police's; a couple is
        # two people.
        ("en", "LONDON (Reuters)\n\nThe man was released on police bail. The "
         "couple had been charged with attempted murder.",
         [("GBRCOP", "0841", "GBRCVL"), ("GBRJUD", "173", "GBRCVL")]),
    ],
)  # fmt: skip
def test_open_events(
    coder: Coder, language: str, text: str, expected: list[Row]
) -> None:
    published = (
        date(2005, 3, 1)
        if any(w in text for w in ("Tories", "shadow", "Kennedy"))
        else WEDNESDAY
    )
    assert _events(coder(text, language, published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PARIS (AFP) - Julien Marchand, une des figures du mouvement des gilets "
        "jaunes, a salué le moratoire.",
        "PARIS (AFP) - Julien Marchand, l'une des figures des gilets jaunes, a "
        "salué le moratoire.",
    ],
)
def test_apposition_parsed_as_a_complement_describes_the_name(
    coder: Coder, text: str
) -> None:
    # The French parse makes "une des figures de X" after a comma a noun
    # complement or a conjunct of the name, not its apposition.
    coded = coder(text, "fr", WEDNESDAY)
    person = next(m for m in coded.mentions if m.text == "Julien Marchand")
    assert person.actor is not None
    assert (person.actor.code, person.resolved_by) == ("FRAOPP", "apposition")


def test_surname_with_its_particle_names_the_person(coder: Coder) -> None:
    # "Di Maio" after "Luigi Di Maio" (Italy's deputy prime minister on
    # that day): the surname keeps its particle.
    text = (
        "Luigi Di Maio met leaders of the gilets jaunes in France on Tuesday. "
        "Di Maio then criticised the French government."
    )
    events = _events(coder(text, "en", date(2019, 2, 6)))
    assert ("ITAGOV", "111", "FRAGOV") in events


def test_lone_surname_is_the_person_the_article_described(coder: Coder) -> None:
    # "Ms Hughes" after "immigration minister Beverley Hughes", in an undated
    # article: her, not another Hughes the knowledge base holds an office for.
    text = (
        "LONDON (Reuters)\n\nThe report discussed the scandal which led to the "
        "resignation of immigration minister Beverley Hughes last year. "
        "Investigations carried out in the wake of Ms Hughes' resignation "
        "found problems."
    )
    coded = coder(text, "en", None)
    assert {m.actor.code for m in coded.mentions if "Hughes" in m.text} == {"GBRGOV"}


def test_surnames() -> None:
    assert surnames("Luigi Di Maio") == ["Maio", "Di Maio"]
    assert surnames("Marine Le Pen") == ["Pen", "Le Pen"]
    assert surnames("Kim Jong Un") == []
    assert surnames("Macron") == []


@pytest.mark.parametrize("at", ["À", "A"])
def test_place_opening_the_sentence_is_no_party(coder: Coder, at: str) -> None:
    # The parse coordinates the place with the subject, or makes "A" (a
    # headline's "À") the subject with the place under it.
    text = (
        f"{at} Reykjavik, Moscou et Washington appellent à la coopération après "
        "des discussions « constructives ».\n\nLes deux pays ont parlé."
    )
    events = _events(coder(text, "fr", date(2021, 5, 20)))
    assert {s for s, _, _ in events} == {"RUSGOV", "USAGOV"}
    assert all(t != "ISLGOV" for _, _, t in events)


@pytest.mark.parametrize(
    ("language", "text", "countries"),
    [
        ("fr", "Le conflit israélo-palestinien continue.", {"ISR", "PSE"}),
        ("fr", "Les pourparlers sino-américains ont repris.", {"CHN", "USA"}),
        ("en", "Sino-US talks resumed in Geneva.", {"CHN", "USA"}),
        ("en", "General Franco ruled Spain.", {"ESP"}),
    ],
)
def test_hyphenated_countries_are_one_mention_of_both(
    coder: Coder, language: str, text: str, countries: set[str]
) -> None:
    coded = coder(text, language, WEDNESDAY)
    found = {m.actor.country for m in coded.mentions if m.actor and m.actor.country}
    assert found == countries


def test_a_target_found_through_targeted_by_is_named(coder: Coder) -> None:
    # "targeted by" an event noun: the pattern says how the target was found.
    coded = coder(
        "PARIS (AFP)\n\nThe philosopher Alain Finkielkraut was targeted by insults "
        "from protesters.",
        "en",
        WEDNESDAY,
    )
    assert [e.pattern.split("+") for e in coded.events] == [["nominal", "targeted"]]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # An undated article takes the time it reports from the latest full
        # date it names: the Five Star Movement governed Italy in 2019.
        ("fr", "ROME (AFP)\n\nLe 12 janvier 2019, le Mouvement 5 étoiles a "
         "critiqué la France.", [("ITAGOV", "111", "FRAGOV")]),
        ("en", "ROME (Reuters)\n\nOn January 12, 2019, the Five Star Movement "
         "criticised France.", [("ITAGOV", "111", "FRAGOV")]),
    ],
)  # fmt: skip
def test_undated_article_takes_its_time_from_its_dates(
    coder: Coder, language: str, text: str, expected: list[Row]
) -> None:
    assert _events(coder(text, language, None)) == expected
