"""Places and work texts for generated demo data: postcodes, streets, employers, functions,
tasks, journal texts, plan goals and instruments."""

from __future__ import annotations

# Postcode ranges of the three municipalities (4-digit part).
POSTCODES = {"hengelo": (7550, 7559), "borne": (7620, 7624), "haaksbergen": (7480, 7483)}
MUNICIPALITY_WEIGHTS = {"hengelo": 70, "borne": 15, "haaksbergen": 15}
CITY = {"hengelo": "Hengelo", "borne": "Borne", "haaksbergen": "Haaksbergen"}
STREETS = [
    "Marktstraat",
    "Enschedesestraat",
    "Deldenerstraat",
    "Oldenzaalsestraat",
    "Kerkstraat",
    "Boekelosestraat",
    "Azelosestraat",
    "Goorsestraat",
    "Lentfertweg",
    "Veldkampweg",
    "Tuindorpstraat",
    "Esstraat",
    "Hengelosestraat",
    "Wiedenbroekstraat",
    "Stationsplein",
    "Molenstraat",
    "Prins Bernhardplantsoen",
    "Zwavertsweg",
    "Bornsestraat",
    "Beukenlaan",
]

EMPLOYER_NAMES = [
    "Bakkerij De Molen",
    "Twentse Groenvoorziening",
    "Logistiek Centrum Hengelo",
    "Zorgcentrum Het Wiedenbroek",
    "Supermarkt Oosterhof",
    "Metaalbewerking Kamphuis",
    "Schoonmaakbedrijf Glans",
    "Kringloop Twente",
    "Autobedrijf Nijhuis",
    "Restaurant De Twentse Hof",
    "Drukkerij Stork-Oost",
    "Hovenier Te Lintelo",
    "Fietsenmaker Zwavertsweg",
    "Installatiebedrijf Warmtekracht",
    "Sportpark Borne",
    "Wasserij Witte Was",
    "Timmerfabriek Haaksbergen",
    "Transport Ter Horst",
    "Thuiszorg Dichtbij",
    "Bibliotheek Hengelo",
]
SECTORS = [
    "Detailhandel",
    "Zorg",
    "Logistiek",
    "Groen",
    "Techniek",
    "Horeca",
    "Schoonmaak",
    "Productie",
    "Overheid",
    "Cultuur",
]
FUNCTIONS = [
    "Medewerker magazijn",
    "Productiemedewerker",
    "Medewerker groenvoorziening",
    "Schoonmaker",
    "Vakkenvuller",
    "Keukenhulp",
    "Medewerker wasserij",
    "Assistent-monteur",
    "Medewerker kringloop",
    "Chauffeur bestelbus",
]
TASKS = [
    "Orderpicken",
    "Inpakken en verzenden",
    "Schoonmaken werkplek",
    "Vakken vullen",
    "Onkruid wieden",
    "Afwassen",
    "Sorteren",
    "Klanten helpen",
    "Materiaal voorbereiden",
    "Administratie bijhouden",
]
JOURNAL_SUBJECTS = {
    "conversation": [
        "Intakegesprek",
        "Voortgangsgesprek",
        "Gesprek over plan van aanpak",
        "Evaluatie proefplaatsing",
    ],
    "phone": ["Telefonisch contact", "Afspraak verzet", "Terugbelverzoek"],
    "email": ["Cv ontvangen", "Vacature doorgestuurd", "Informatie over cursus"],
    "home_visit": ["Huisbezoek", "Kennismaking thuis"],
    "employer_visit": ["Werkplekbezoek", "Gesprek met leidinggevende"],
    "note": ["Notitie", "Overleg met collega", "Warme overdracht voorbereid"],
}
JOURNAL_BODIES = [
    "Klant is op tijd en goed voorbereid. Afgesproken dat klant twee vacatures per week bekijkt.",
    "Besproken welke cursus past. Klant wil graag VCA halen; aanmelding via het Leerwerkloket.",
    "Klant geeft aan dat de taal nog lastig is. Taalcursus op niveau A2 afgesproken.",
    "Werkgever is tevreden over inzet en tempo. Begeleiding kan volgende maand worden afgebouwd.",
    "Klant heeft zorgtaken thuis; werktijden afgestemd op schooltijden van de kinderen.",
    "Schuldhulpverlening is gestart. Volgende afspraak over drie weken.",
    "Klant doet vrijwilligerswerk bij de kringloop, twee ochtenden per week.",
    "Afspraak gemaakt voor loonwaardemeting op de werkplek.",
]
INSTRUMENTS = [
    "Sollicitatietraining",
    "VCA-cursus",
    "Taalcursus",
    "Proefplaatsing",
    "Jobcoaching",
    "Werkervaringsplaats",
    "Vrijwilligerswerk",
    "Schuldhulpverlening",
    "Loonkostensubsidie",
    "Re-integratietraject SWB",
]
GOALS = [
    "Binnen een jaar betaald werk voor 24 uur per week",
    "Taalniveau A2 halen",
    "Wekelijks vrijwilligerswerk doen",
    "Certificaat VCA behalen",
    "Schulden onder beheer brengen",
    "Zelfstandig naar het werk reizen",
    "Contract verlengd na proefplaatsing",
]

LEARNING_PARTS = (
    "BBL niveau 1 logistiek, een dag per week naar school",
    "Leerwerktraject groen met het certificaat VCA",
    "Praktijkverklaring schoonmaak (mbo), begeleid door een praktijkopleider",
    "Heftruckcertificaat en taalles op de werkplek",
)
