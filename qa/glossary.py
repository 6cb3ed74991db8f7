"""A bilingual glossary of the field (migration, smuggling, trafficking) for English questions.

The report is French; an English question reaches its words lexically through these French
equivalents. Organisations are keyed by their English names and acronyms (the report uses the
French ones: ECOWAS/CEDEAO, IOM/OIM, UNODC/ONUDC); terms by their usual English wording.
"""
import re

ORGANISATIONS = {
    "eu": "UE Union européenne", "european union": "Union européenne UE",
    "european commission": "Commission européenne", "ecowas": "CEDEAO",
    "economic community of west african states": "CEDEAO", "iom": "OIM",
    "international organization for migration": "OIM Organisation Internationale pour les Migrations",
    "unhcr": "HCR UNHCR Haut-Commissariat des Nations Unies aux Réfugiés", "unodc": "ONUDC ONUDD",
    "un": "ONU Nations Unies", "united nations": "Nations Unies", "african union": "Union Africaine UA",
    "au": "Union Africaine UA", "jvap": "PACV Plan d'action conjoint de La Valette",
    "valletta": "La Valette PACV", "joint valletta action plan": "Plan d'action conjoint de La Valette PACV",
    "untoc": "UNTOC Convention des Nations Unies contre la criminalité transnationale organisée",
    "palermo convention": "Convention de Palerme", "global alliance": "Alliance mondiale",
    "khartoum process": "Processus de Khartoum", "rabat process": "Processus de Rabat",
    "niamey declaration": "Déclaration de Niamey", "mixed migration centre": "Centre sur la Migration Mixte MMC",
    "nigerian immigration service": "Service nigérian de l'immigration NIS",
    "special rapporteur": "Rapporteuse Spéciale", "ministry of justice": "Ministère de la Justice",
    "dg home": "DG HOME", "dg intpa": "DG INTPA", "csos": "OSC société civile", "cso": "OSC société civile",
    "ngos": "ONG", "ngo": "ONG", "financial intelligence units": "cellules de renseignement financier CRF",
}

TERMS = {
    "smuggling": "trafic", "migrant smuggling": "trafic de personnes migrantes", "smuggler": "passeurs",
    "smugglers": "passeurs", "trafficking": "traite", "human trafficking": "traite des êtres humains",
    "trafficker": "trafiquants", "victim": "victimes", "survivor": "survivants", "child": "enfants",
    "children": "enfants", "minor": "mineurs minorité", "women": "femmes", "girls": "filles",
    "youth": "jeunes", "young people": "jeunes", "prosecution": "poursuites", "conviction": "condamnations",
    "investigation": "enquêtes investigations", "judicial": "judiciaire", "law enforcement": "application des lois forces de l'ordre",
    "border": "frontières frontaliers", "border management": "gestion des frontières", "cooperation": "coopération",
    "cross-border": "transfrontalière transfrontalier", "data": "données", "database": "base de données",
    "information sharing": "partage d'informations", "information transfer": "transfert d'information",
    "referral": "orientation", "referral mechanism": "mécanisme d'orientation", "shelter": "hébergement centres d'accueil",
    "return": "retour", "reintegration": "réintégration", "asylum": "asile", "refugee": "réfugiés",
    "forced labour": "travail forcé", "forced labor": "travail forcé", "sexual exploitation": "exploitation sexuelle",
    "funding": "financement", "financing": "financement", "fund": "fonds", "grant": "subventions",
    "civil society": "société civile", "training": "formation", "trained": "formé formés", "teacher": "enseignants",
    "student": "élèves", "pupil": "élèves", "school": "écoles scolaire", "education": "éducation",
    "awareness": "sensibilisation", "campaign": "campagnes", "mediterranean": "Méditerranée", "sea": "mer",
    "death": "décès morts", "died": "décédées mortes", "irregular migration": "migration irrégulière",
    "irregular": "irrégulière", "arrival": "arrivées arrivant", "legal pathways": "voies légales",
    "labour mobility": "mobilité de la main-d'œuvre", "strategy": "stratégie", "action plan": "plan d'action",
    "legislation": "législation", "law": "loi", "court": "tribunal cour", "specialised": "spécialisé",
    "specialized": "spécialisé", "asset freezing": "gel des avoirs", "freezing": "gel", "assets": "avoirs",
    "confiscated": "confisqués", "financial investigations": "enquêtes financières",
    "liaison magistrates": "magistrats de liaison", "magistrate": "magistrats", "prosecutor": "procureurs parquets",
    "mutual legal assistance": "entraide judiciaire", "evidence": "preuve", "audio recordings": "enregistrements audios",
    "recording": "enregistrements", "survey": "enquête", "response": "réponses", 
    "participant": "participants", "country": "pays", "countries": "pays", "representative": "représentants",
    "chair": "présidence coprésidence", "presidency": "présidence", "priorities": "priorités",
    "empowerment": "autonomisation", "predictive": "prédictif", "profiling": "profilage", "passenger": "passagers",
    "mentoring": "mentorat", "recruitment": "recrutement", "online": "en ligne", "digital": "numérique",
    "social media": "réseaux sociaux", "climate": "climatique", "poverty": "pauvreté", "root causes": "causes profondes",
    "vulnerability": "vulnérabilités", "human rights": "droits humains", "gender": "genre", "trauma": "traumatismes",
    "early warning": "alerte précoce", "partnership": "partenariats", "joint investigation teams": "équipes communes d'enquête",
    "gold mining": "exploitation aurifère", "agriculture": "agriculture", "mapping": "cartographie",
    "detected": "détectées", "identified": "identifiées identifiés", "worldwide": "monde mondial", "global": "mondial",
    "increase": "augmentation augmenté", "increased": "augmenté", "share": "part", "proportion": "part",
    "million": "millions", "billion": "milliards", "adopted": "adoptée", "achieve": "résultats", "achieved": "résultats", "emergency passport": "passeport d'urgence",
    "identity card": "carte d'identité", "cybersecurity": "cybersécurité", "intercepted": "interceptés",
    "arrested": "arrestation", "dismantled": "démantèlement", "networks": "réseaux", "network": "réseaux",
    "moderated": "animée modérée modération", "moderator": "modératrice modérateur", "opening": "ouverture",
    "closing": "clôture", "incoming": "entrante entrant", "outgoing": "sortante sortant", "meeting": "réunion", "session": "session", "impressions": "impressions",
    "coverage": "couverture", "linkedin": "LinkedIn", "satisfaction": "satisfaction", "project": "projet",
    "implemented": "mis en œuvre", "partner": "partenaires", "investment": "investissements", "invested": "investi",
    "contribution": "contribution", "contribute": "contribution", "supports": "soutient", "support": "soutien",
    "adoption": "adoption", "ceremony": "cérémonie",
    "lesson": "enseignements", "takeaways": "enseignements", "challenge": "défis", "recommendation": "recommandations",
    "violation": "violation", "journey": "voyage parcours", "route": "routes itinéraires",
    "january": "janvier", "february": "février", "march": "mars", "april": "avril", "may": "mai",
    "june": "juin", "july": "juillet", "august": "août", "september": "septembre", "october": "octobre",
    "november": "novembre", "december": "décembre",
    "senegal": "Sénégal", "ethiopia": "Éthiopie", "mauritania": "Mauritanie", "morocco": "Maroc", "tunisia": "Tunisie",
    "ivory coast": "Côte d'Ivoire", "italy": "Italie", "italian": "italien italienne", "sudan": "Soudan",
    "uganda": "Ouganda", "egypt": "Égypte", "gambia": "Gambie", "guinea": "Guinée", "benin": "Bénin",
    "chad": "Tchad", "somalia": "Somalie", "switzerland": "Suisse", "spain": "Espagne", "netherlands": "Pays-Bas",
    "norway": "Norvège", "united kingdom": "Royaume-Uni", "horn of africa": "Corne de l'Afrique",
    "west africa": "Afrique de l'Ouest", "north africa": "Afrique du Nord", "gulf of guinea": "golfe de Guinée",
    "brussels": "Bruxelles", "palermo": "Palerme", "catania": "Catane", "nigerian": "nigérian nigériane Nigeria",
    "ethiopian": "éthiopien", "europe": "Europe", "european": "européen européenne", "african": "africain africaine",
}

_GLOSSARY = {**TERMS, **ORGANISATIONS}
# Longest keys first so that "migrant smuggling" wins over "smuggling"; a trailing s or es is allowed.
_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(_GLOSSARY, key=len, reverse=True)) + r")(?:e?s)?\b",
    re.IGNORECASE)


def expansions(text):
    """French equivalents of the English terms and organisations found in text."""
    found = []
    for match in _PATTERN.finditer(text.replace("’", "'")):
        key = match.group(1).lower()
        # an acronym counts only as typed in capitals ("AU", not the French "au")
        if key in ORGANISATIONS and len(key) <= 3 and not match.group(1).isupper():
            continue
        french = _GLOSSARY[key]
        if french not in found:
            found.append(french)
    return found
