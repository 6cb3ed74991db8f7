"""The names of the organisations, processes and instruments of the dialogues in their seven
languages, and the months (from the CLDR, through Babel), as the reports' French writes them.

A question or statement in English, Arabic, Spanish, Portuguese, Italian or German names "UNODC",
"ACNUR" or "الإنتربول"; the report writes "ONUDC", "HCR", "INTERPOL". These are names, which the
encoder cannot be trusted to translate, so they are written by hand; every other word reaches the
report's through the encoder (qa/vocabulary.py) and places through the CLDR (qa/places.py).
"""
import re
from functools import lru_cache

from babel import Locale

from qa.language import LANGUAGES
from qa.text import fold

# The report's names first (what a question is expanded to, each a name of its own), then how the
# other languages write them.
ORGANISATIONS = [
    (("UE", "Union européenne"), "EU", "European Union", "Unión Europea", "União Europeia", "Unione europea",
     "Europäische Union", "الاتحاد الأوروبي"),
    (("Commission européenne",), "European Commission", "Comisión Europea", "Comissão Europeia", "Commissione europea",
     "Europäische Kommission", "المفوضية الأوروبية"),
    (("CEDEAO",), "ECOWAS", "Economic Community of West African States",
     "Comunidad Económica de los Estados de África Occidental", "Comunidade Económica dos Estados da África Ocidental",
     "Comunità economica degli Stati dell'Africa occidentale", "Westafrikanische Wirtschaftsgemeinschaft",
     "الإيكواس", "إيكواس", "الجماعة الاقتصادية لدول غرب أفريقيا"),
    (("OIM", "Organisation Internationale pour les Migrations"), "IOM", "International Organization for Migration",
     "Organización Internacional para las Migraciones", "Organização Internacional para as Migrações",
     "Organizzazione internazionale per le migrazioni", "Internationale Organisation für Migration",
     "المنظمة الدولية للهجرة"),
    (("HCR", "UNHCR", "Haut-Commissariat des Nations Unies aux Réfugiés"), "UNHCR", "ACNUR", "UN Refugee Agency",
     "United Nations High Commissioner for Refugees", "Alto Comisionado de las Naciones Unidas para los Refugiados",
     "Alto Comissariado das Nações Unidas para os Refugiados", "Alto Commissariato delle Nazioni Unite per i Rifugiati",
     "Hoher Flüchtlingskommissar der Vereinten Nationen", "Flüchtlingshilfswerk der Vereinten Nationen",
     "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "مفوضية الأمم المتحدة لشؤون اللاجئين", "مفوضية اللاجئين"),
    (("ONUDC", "ONUDD"), "UNODC", "United Nations Office on Drugs and Crime",
     "Oficina de las Naciones Unidas contra la Droga y el Delito", "Escritório das Nações Unidas sobre Drogas e Crime",
     "Ufficio delle Nazioni Unite contro la droga e il crimine",
     "Büro der Vereinten Nationen für Drogen- und Verbrechensbekämpfung",
     "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"),
    (("HCDH", "Haut-Commissariat des Nations Unies aux Droits de l'Homme"), "OHCHR", "ACNUDH",
     "Office of the High Commissioner for Human Rights", "Oficina del Alto Comisionado para los Derechos Humanos",
     "Alto Comissariado das Nações Unidas para os Direitos Humanos",
     "Alto Commissariato delle Nazioni Unite per i diritti umani", "Hochkommissariat für Menschenrechte",
     "مفوضية الأمم المتحدة السامية لحقوق الإنسان", "المفوضية السامية لحقوق الإنسان"),
    (("ONU", "Nations Unies"), "UN", "UNO", "United Nations", "Naciones Unidas", "Nações Unidas", "Nazioni Unite",
     "Vereinte Nationen", "Vereinten Nationen", "الأمم المتحدة"),
    (("UA", "Union Africaine"), "AU", "African Union", "Unión Africana", "União Africana", "Unione africana",
     "Afrikanische Union", "الاتحاد الأفريقي"),
    (("OIT", "Organisation internationale du Travail"), "ILO", "OIL", "IAO", "International Labour Organization",
     "International Labor Organization", "Organización Internacional del Trabajo",
     "Organização Internacional do Trabalho", "Organizzazione internazionale del lavoro",
     "Internationale Arbeitsorganisation", "منظمة العمل الدولية"),
    (("ICMPD", "Centre international pour le développement des politiques migratoires"),
     "International Centre for Migration Policy Development",
     "Centro Internacional para el Desarrollo de Políticas Migratorias",
     "Centro Internacional para o Desenvolvimento de Políticas Migratórias",
     "Centro internazionale per lo sviluppo delle politiche migratorie",
     "Internationales Zentrum für Migrationspolitikentwicklung", "المركز الدولي لتطوير سياسات الهجرة"),
    (("INTERPOL",), "Interpol", "الإنتربول", "الانتربول", "إنتربول"),
    (("Europol",), "اليوروبول", "يوروبول"),
    (("Eurojust",), "يوروجست"),
    (("Frontex",), "فرونتكس"),
    (("AFRIPOL",), "أفريبول"),
    (("UNICEF",), "اليونيسف", "يونيسف"),
    (("Processus de Khartoum",), "Khartoum Process", "Proceso de Jartum", "Processo de Cartum", "Processo di Khartoum",
     "Khartum-Prozess", "عملية الخرطوم"),
    (("Processus de Rabat",), "Rabat Process", "Proceso de Rabat", "Processo de Rabat", "Processo di Rabat",
     "Rabat-Prozess", "عملية الرباط"),
    (("Processus de Niamey",), "Niamey Process", "Proceso de Niamey", "Processo de Niamey", "Processo di Niamey",
     "Niamey-Prozess", "عملية نيامي"),
    (("Déclaration de Niamey",), "Niamey Declaration", "Declaración de Niamey", "Declaração de Niamey",
     "Dichiarazione di Niamey", "Erklärung von Niamey", "إعلان نيامي"),
    (("PACV", "Plan d'action conjoint de La Valette"), "JVAP", "Joint Valletta Action Plan", "Valletta",
     "Plan de Acción Conjunto de La Valeta", "Plano de Ação Conjunto de Valeta",
     "Piano d'azione congiunto di La Valletta", "Gemeinsamer Aktionsplan von Valletta", "خطة عمل فاليتا المشتركة"),
    (("UNTOC", "Convention des Nations Unies contre la criminalité transnationale organisée"), "UNTOC",
     "United Nations Convention against Transnational Organized Crime",
     "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
     "Convenção das Nações Unidas contra o Crime Organizado Transnacional",
     "Convenzione delle Nazioni Unite contro la criminalità organizzata transnazionale",
     "Übereinkommen der Vereinten Nationen gegen die grenzüberschreitende organisierte Kriminalität",
     "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"),
    (("Convention de Palerme",), "Palermo Convention", "Convención de Palermo", "Convenção de Palermo",
     "Convenzione di Palermo", "Palermo-Übereinkommen", "اتفاقية باليرمو"),
    (("Alliance mondiale",), "Global Alliance", "Alianza Mundial", "Aliança Global", "Alleanza globale", "Globale Allianz",
     "التحالف العالمي"),
    (("MMC", "Centre sur la Migration Mixte"), "Mixed Migration Centre", "Centro de Migración Mixta",
     "Centro de Migração Mista", "Centro per le migrazioni miste", "مركز الهجرة المختلطة"),
    (("NIS", "Service nigérian de l'immigration"), "Nigerian Immigration Service", "Nigeria Immigration Service",
     "Servicio de Inmigración de Nigeria", "Serviço de Imigração da Nigéria", "Servizio immigrazione nigeriano",
     "Einwanderungsbehörde Nigerias", "دائرة الهجرة النيجيرية"),
    (("Rapporteuse Spéciale", "Rapporteur spécial"), "Special Rapporteur", "Relatora Especial", "Relator Especial",
     "Relatrice speciale", "Sonderberichterstatterin", "Sonderberichterstatter", "المقررة الخاصة",
     "المقرر الخاص"),
    (("Ministère de la Justice",), "Ministry of Justice", "Ministerio de Justicia", "Ministério da Justiça",
     "Ministero della Giustizia", "Justizministerium", "وزارة العدل"),
    (("OSC", "société civile"), "CSO", "CSOs", "OSC", "civil society organisations", "civil society organizations",
     "organizaciones de la sociedad civil", "organizações da sociedade civil", "organizzazioni della società civile",
     "zivilgesellschaftliche Organisationen", "منظمات المجتمع المدني"),
    (("ONG",), "NGO", "NGOs", "ONGs", "NRO", "NROs", "المنظمات غير الحكومية"),
    (("CRF", "cellules de renseignement financier"), "financial intelligence units", "FIU", "FIUs",
     "unidades de inteligencia financiera", "unidades de informação financeira", "unità di informazione finanziaria",
     "Finanzermittlungsstellen", "وحدات الاستخبارات المالية"),
]

_WORD = r"[^\W_]"
# Arabic writes "and", "in", "for" onto the next word ("والإنتربول"): a name may follow one such letter
_START = rf"(?:(?<!{_WORD})|(?<=(?<!{_WORD})[وفبلك]))"


def _is_acronym(name):
    return name.isupper() and " " not in name and len(name) <= 6


@lru_cache(maxsize=1)
def _tables():
    """(acronyms: as written -> the report's names, names: folded -> the report's names, their pattern)."""
    acronyms, names = {}, {}
    for report_names, *others in ORGANISATIONS:
        report_names = list(report_names)
        for name in others:
            if _is_acronym(name):
                acronyms.setdefault(name, report_names)
            else:
                names.setdefault(fold(name), report_names)
    by_length = sorted(names, key=len, reverse=True)  # "Nations Unies" inside a longer name comes second
    names_pattern = re.compile(_START + "(" + "|".join(re.escape(n) for n in by_length) + rf")(?!{_WORD})")
    acronyms_pattern = re.compile(rf"(?<!{_WORD})(" + "|".join(re.escape(a) for a in acronyms) + rf")s?(?!{_WORD})")
    return acronyms, acronyms_pattern, names, names_pattern


@lru_cache(maxsize=1)
def _months():
    """(month as written -> the French month, its pattern). English and German write months with a
    capital, which tells "May" from "may"; the other languages do not."""
    french, months = Locale("fr").months["format"]["wide"], {}
    for language in LANGUAGES:
        for number, month in Locale(language).months["format"]["wide"].items():
            for form in (month,) if language in ("en", "de") else (month, month.capitalize()):
                months.setdefault(form, french[number])
    return months, re.compile(rf"(?<!{_WORD})(" + "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
                              + rf")(?!{_WORD})")


def months_in(text):
    """[(month as written, the French month)] of the months text names, in any of the dialogues' languages."""
    months, pattern = _months()
    return [(m.group(1), months[m.group(1)]) for m in pattern.finditer(text)]


def organisations_named(text):
    """[(the name as text writes it, folded for a name in words; the report's names for it)] per
    organisation or process text names."""
    acronyms, acronyms_pattern, names, names_pattern = _tables()
    return [(m.group(1), acronyms[m.group(1)]) for m in acronyms_pattern.finditer(text)] + \
        [(m.group(1), names[m.group(1)]) for m in names_pattern.finditer(fold(text.replace("’", "'")))]


def report_synonyms(name):
    """The reports' other names for the organisation name is one of ("HCR": "UNHCR" and its name in
    full), [] for a name the glossary does not give as theirs."""
    folded = fold(name)
    return next(([n for n in report_names if fold(n) != folded] for report_names, *_ in ORGANISATIONS
                 if folded in {fold(n) for n in report_names}), [])


def names_in(text):
    """The names of organisations and processes text writes (folded): words that name, not that claim."""
    return [fold(written) for written, _ in organisations_named(text)]


def expansions(text):
    """The report's names for the organisations, processes and months text names in another language."""
    months, months_pattern = _months()
    found = [name for _, names in organisations_named(text) for name in names]
    found += [months[m.group(1)] for m in months_pattern.finditer(text)]
    return list(dict.fromkeys(found))
