<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>Nieuwe klant</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Dossier openen</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Bewerken</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Klantgegevens bewerken</source>
        <translation>Edit client details</translation>
    </message>
    <message>
        <source>Journaalbericht</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <source>Nieuw journaalbericht</source>
        <translation>New journal entry</translation>
    </message>
    <message>
        <source>Ladderbeoordeling</source>
        <translation>Ladder assessment</translation>
    </message>
    <message>
        <source>Nieuwe ladderbeoordeling</source>
        <translation>New ladder assessment</translation>
    </message>
    <message>
        <source>Ladderbeweging</source>
        <translation>Ladder movement</translation>
    </message>
    <message>
        <source>Beweging op de participatieladder</source>
        <translation>Movement on the participation ladder</translation>
    </message>
    <message>
        <source>Wat staat er open…</source>
        <translation>What is due…</translation>
    </message>
    <message>
        <source>Alle openstaande acties en termijnen</source>
        <translation>Every open action and deadline</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Terug naar de caseload</source>
        <translation>Back to the caseload</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Teamcaseload</source>
        <translation>Team caseload</translation>
    </message>
    <message>
        <source>Eigen caseload of team</source>
        <translation>Own caseload or team</translation>
    </message>
    <message>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>Reservekopie maken</source>
        <translation>Make a backup</translation>
    </message>
    <message>
        <source>Nu een versleutelde reservekopie maken (Trede doet dit ook elke dag)</source>
        <translation>Make an encrypted backup now (Trede also does so every day)</translation>
    </message>
    <message>
        <source>Instellingen…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Caseload exporteren…</source>
        <translation>Export caseload…</translation>
    </message>
    <message>
        <source>Caseloadoverzicht (PDF)…</source>
        <translation>Caseload overview (PDF)…</translation>
    </message>
    <message>
        <source>Kwartaalrapportage (PDF)…</source>
        <translation>Quarterly report (PDF)…</translation>
    </message>
    <message>
        <source>Loonkostensubsidie per maand…</source>
        <translation>Wage-cost subsidy per month…</translation>
    </message>
    <message>
        <source>Wat de gemeente per maand en kwartaal aan loonkostensubsidie betaalt</source>
        <translation>What the municipality pays in wage-cost subsidy per month and quarter</translation>
    </message>
    <message>
        <source>Plannen van de caseload (PDF&apos;s)…</source>
        <translation>Plans of the caseload (PDFs)…</translation>
    </message>
    <message>
        <source>Overdrachtsbestand maken…</source>
        <translation>Make transfer file…</translation>
    </message>
    <message>
        <source>Klantdossier overdragen zonder verbinding</source>
        <translation>Hand a client file over without a connection</translation>
    </message>
    <message>
        <source>Overdrachtsbestand inlezen…</source>
        <translation>Read transfer file…</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Nu synchroniseren met de centrale server</source>
        <translation>Sync with the central server now</translation>
    </message>
    <message>
        <source>Aanmelden bij centrale server…</source>
        <translation>Log in to the central server…</translation>
    </message>
    <message>
        <source>Conflicten oplossen…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <source>Demodatabase maken met gegenereerde klanten…</source>
        <translation>Creating the demo database with generated clients…</translation>
    </message>
    <message>
        <source>Demo: het wachtwoord is {0}</source>
        <translation>Demo: the passphrase is {0}</translation>
    </message>
    <message>
        <source>Volgende actie</source>
        <translation>Next action</translation>
    </message>
    <message>
        <source>Herbeoordeling</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Leeftijd</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Trede</source>
        <translation>Rung</translation>
    </message>
    <message>
        <source>Doelgroepen</source>
        <translation>Priority groups</translation>
    </message>
    <message>
        <source>Arbeidsplicht</source>
        <translation>Work obligation</translation>
    </message>
    <message>
        <source>Medewerker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Zoek op naam, BSN of postcode  (Ctrl+F)</source>
        <translation>Search by name, BSN or postcode  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Zoeken in de caseload</source>
        <translation>Search the caseload</translation>
    </message>
    <message>
        <source>Filter op trede</source>
        <translation>Filter by rung</translation>
    </message>
    <message>
        <source>Alle treden</source>
        <translation>All rungs</translation>
    </message>
    <message>
        <source>Trede {0} – {1}</source>
        <translation>Rung {0} – {1}</translation>
    </message>
    <message>
        <source>Nog niet beoordeeld</source>
        <translation>Not yet assessed</translation>
    </message>
    <message>
        <source>Filter op doelgroep</source>
        <translation>Filter by priority group</translation>
    </message>
    <message>
        <source>Alle doelgroepen</source>
        <translation>All priority groups</translation>
    </message>
    <message>
        <source>Filter op gemeente</source>
        <translation>Filter by municipality</translation>
    </message>
    <message>
        <source>Alle gemeenten</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Filter op status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Actieve klanten</source>
        <translation>Active clients</translation>
    </message>
    <message>
        <source>Afgesloten klanten</source>
        <translation>Closed clients</translation>
    </message>
    <message>
        <source>Alle klanten</source>
        <translation>All clients</translation>
    </message>
    <message>
        <source>Alleen te laat</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Alleen klanten met een actie die te laat is</source>
        <translation>Only clients with an overdue action</translation>
    </message>
    <message>
        <source>Herbeoordeling te laat</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <source>Alleen klanten van wie de herbeoordeling op de ladder te laat is</source>
        <translation>Only clients whose ladder review is overdue</translation>
    </message>
    <message>
        <source>Geen klanten gevonden. Pas de zoekterm of de filters aan.</source>
        <translation>No clients found. Change the search text or the filters.</translation>
    </message>
    <message>
        <source>Persoonsgegevens</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Uitkering en arbeidsverplichting</source>
        <translation>Benefit and work obligation</translation>
    </message>
    <message>
        <source>Uitkering</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <source>Start uitkering</source>
        <translation>Benefit start</translation>
    </message>
    <message>
        <source>Arbeidsverplichting</source>
        <translation>Work obligation</translation>
    </message>
    <message>
        <source>Ontheffing</source>
        <translation>Exemption</translation>
    </message>
    <message>
        <source>Uitstroom</source>
        <translation>Outflow</translation>
    </message>
    <message>
        <source>Doelgroepen en belemmeringen</source>
        <translation>Priority groups and obstacles</translation>
    </message>
    <message>
        <source>Belemmeringen</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>Opleiding en kwalificaties</source>
        <translation>Education and qualifications</translation>
    </message>
    <message>
        <source>Opleiding</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Kwalificaties</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>Certificaten</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Werkervaring</source>
        <translation>Work experience</translation>
    </message>
    <message>
        <source>startkwalificatie</source>
        <translation>basic qualification</translation>
    </message>
    <message>
        <source>geen startkwalificatie</source>
        <translation>no basic qualification</translation>
    </message>
    <message>
        <source>rijbewijs</source>
        <translation>driving licence</translation>
    </message>
    <message>
        <source>{0} ({1} jaar)</source>
        <translation>{0} ({1} years)</translation>
    </message>
    <message>
        <source>{0} (tot {1})</source>
        <translation>{0} (until {1})</translation>
    </message>
    <message>
        <source>← Caseload</source>
        <translation>← Caseload</translation>
    </message>
    <message>
        <source>Terug naar de caseload (Alt+Links)</source>
        <translation>Back to the caseload (Alt+Left)</translation>
    </message>
    <message>
        <source>Naam van de klant</source>
        <translation>Client&apos;s name</translation>
    </message>
    <message>
        <source>Gegevens bewerken</source>
        <translation>Edit details</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Overzicht</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <source>&amp;Ladder</source>
        <translation>&amp;Ladder</translation>
    </message>
    <message>
        <source>&amp;Plaatsingen</source>
        <translation>&amp;Placements</translation>
    </message>
    <message>
        <source>Job&amp;coaching</source>
        <translation>Job &amp;coaching</translation>
    </message>
    <message>
        <source>Pl&amp;an</source>
        <translation>Pl&amp;an</translation>
    </message>
    <message>
        <source>&amp;Journaal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>{0} jaar</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>Trede {0}: {1}</source>
        <translation>Rung {0}: {1}</translation>
    </message>
    <message>
        <source>Nog geen ladderbeoordeling</source>
        <translation>No ladder assessment yet</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Medewerker: {0}</source>
        <translation>Caseworker: {0}</translation>
    </message>
    <message>
        <source>{0} bewerken</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>Voornamen</source>
        <translation>First names</translation>
    </message>
    <message>
        <source>Tussenvoegsel</source>
        <translation>Surname prefix</translation>
    </message>
    <message>
        <source>van, de, van der</source>
        <translation>van, de, van der</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Woonplaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Reden ontheffing</source>
        <translation>Reason for exemption</translation>
    </message>
    <message>
        <source>Einde ontheffing</source>
        <translation>End of exemption</translation>
    </message>
    <message>
        <source>Intakedatum</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <source>Opleidingsniveau</source>
        <translation>Education level</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Startkwalificatie</source>
        <translation>Basic qualification</translation>
    </message>
    <message>
        <source>Rijbewijs</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <source>bijv. VCA, heftruck (komma&apos;s ertussen)</source>
        <translation>e.g. VCA, forklift (separated by commas)</translation>
    </message>
    <message>
        <source>Jongeren onder 27 en 50-/55-plussers volgen uit de geboortedatum.</source>
        <translation>Young people under 27 and people over 50/55 follow from the date of birth.</translation>
    </message>
    <message>
        <source>Nog 1 veld te verbeteren</source>
        <translation>1 field still to correct</translation>
    </message>
    <message>
        <source>Nog {0} velden te verbeteren</source>
        <translation>{0} fields still to correct</translation>
    </message>
    <message>
        <source>Alles is ingevuld zoals het hoort.</source>
        <translation>Everything is filled in correctly.</translation>
    </message>
    <message>
        <source>Trede ontgrendelen</source>
        <translation>Unlock Trede</translation>
    </message>
    <message>
        <source>Typ uw wachtwoord om uw dossiers te openen.</source>
        <translation>Type your passphrase to open your files.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Uw dossiers openen…</source>
        <translation>Opening your files…</translation>
    </message>
    <message>
        <source>Welkom bij Trede</source>
        <translation>Welcome to Trede</translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Maak uw eigen database. Uw dossiers worden versleuteld opgeslagen; het wachtwoord wordt nergens bewaard, dus onthoud het goed.</source>
        <translation>Create your own database. Your files are stored encrypted; the passphrase is not kept anywhere, so remember it well.</translation>
    </message>
    <message>
        <source>Eerst rondkijken in de demo (gegenereerde klanten)</source>
        <translation>Look around in the demo first (generated clients)</translation>
    </message>
    <message>
        <source>Demo openen</source>
        <translation>Open the demo</translation>
    </message>
    <message>
        <source>Aanmelden bij de centrale server van uw team</source>
        <translation>Log in to your team&apos;s central server</translation>
    </message>
    <message>
        <source>Aanmelden bij de centrale server</source>
        <translation>Log in to the central server</translation>
    </message>
    <message>
        <source>Database maken</source>
        <translation>Create database</translation>
    </message>
    <message>
        <source>Vul uw naam in.</source>
        <translation>Fill in your name.</translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam in.</source>
        <translation>Fill in your username.</translation>
    </message>
    <message>
        <source>Vul de naam van uw team in.</source>
        <translation>Fill in the name of your team.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Melding bij {0}</source>
        <translation>Message for {0}</translation>
    </message>
    <message>
        <source>Wijzigingen niet opgeslagen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>U hebt wijzigingen die nog niet zijn opgeslagen. Wilt u ze weggooien?</source>
        <translation>You have changes that are not saved yet. Do you want to discard them?</translation>
    </message>
    <message>
        <source>januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>maart</source>
        <translation>March</translation>
    </message>
    <message>
        <source>april</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>augustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>september</source>
        <translation>September</translation>
    </message>
    <message>
        <source>oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>november</source>
        <translation>November</translation>
    </message>
    <message>
        <source>december</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Gecorrigeerd</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>Correctie</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Duur</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Activiteit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>boven de indicatie</source>
        <translation>above the indication</translation>
    </message>
    <message>
        <source>boven het plafond</source>
        <translation>above the ceiling</translation>
    </message>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Geïndiceerd</source>
        <translation>Indicated</translation>
    </message>
    <message>
        <source>Gebruikt</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Plafond</source>
        <translation>Ceiling</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Plaatsing</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>1:30</source>
        <translation>1:30</translation>
    </message>
    <message>
        <source>Notitie (niet verplicht)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Uren registreren (Enter voegt toe)</source>
        <translation>Register hours (Enter adds)</translation>
    </message>
    <message>
        <source>Geregistreerde uren</source>
        <translation>Registered hours</translation>
    </message>
    <message>
        <source>Gebruik per maand</source>
        <translation>Use per month</translation>
    </message>
    <message>
        <source>Budget deze maand</source>
        <translation>Budget this month</translation>
    </message>
    <message>
        <source>Halfjaarrapportage (PDF)…</source>
        <translation>Half-yearly report (PDF)…</translation>
    </message>
    <message>
        <source>(geen plaatsing)</source>
        <translation>(no placement)</translation>
    </message>
    <message>
        <source>Deze maand {0} uur</source>
        <translation>This month {0} hours</translation>
    </message>
    <message>
        <source>van {0} geïndiceerd ({1})</source>
        <translation>of {0} indicated ({1})</translation>
    </message>
    <message>
        <source>plafond {0}</source>
        <translation>ceiling {0}</translation>
    </message>
    <message>
        <source>Uren corrigeren</source>
        <translation>Correct hours</translation>
    </message>
    <message>
        <source>De oorspronkelijke registratie blijft bewaard. Duur 0 trekt haar in.</source>
        <translation>The original registration is kept. A duration of 0 withdraws it.</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Journaalbericht corrigeren</source>
        <translation>Correct journal entry</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <source>Verslag</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Het oorspronkelijke bericht blijft bewaard en wordt als gecorrigeerd getoond.</source>
        <translation>The original entry is kept and shown as corrected.</translation>
    </message>
    <message>
        <source>Journaalberichten</source>
        <translation>Journal entries</translation>
    </message>
    <message>
        <source>Tekst van het bericht</source>
        <translation>Text of the entry</translation>
    </message>
    <message>
        <source>Nieuw bericht</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Corrigeren…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Dit bericht is gecorrigeerd; de correctie staat erboven.</source>
        <translation>This entry has been corrected; the correction is above it.</translation>
    </message>
    <message>
        <source>Correctie van een eerder bericht.</source>
        <translation>Correction of an earlier entry.</translation>
    </message>
    <message>
        <source>Trede is vergrendeld</source>
        <translation>Trede is locked</translation>
    </message>
    <message>
        <source>Uw dossiers zijn verborgen. Typ uw wachtwoord om verder te werken.</source>
        <translation>Your files are hidden. Type your passphrase to continue.</translation>
    </message>
    <message>
        <source>Caseload bijwerken…</source>
        <translation>Updating the caseload…</translation>
    </message>
    <message>
        <source>Reservekopie gemaakt ({0}); de nieuwste 7 worden bewaard.</source>
        <translation>Backup made ({0}); the newest 7 are kept.</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Klant</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;Recent geopend</source>
        <translation>&amp;Recently opened</translation>
    </message>
    <message>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>(nog geen dossiers geopend)</source>
        <translation>(no files opened yet)</translation>
    </message>
    <message>
        <source>Werkbalk</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Bezig met laden</source>
        <translation>Loading</translation>
    </message>
    <message>
        <source>Synchronisatie</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Onveilige sleutelbos: het apparaatgeheim staat in een bestand</source>
        <translation>Insecure keyring: the device secret is kept in a file</translation>
    </message>
    <message>
        <source>De beheerder heeft de demosleutelbos voor deze computer gekozen. Gebruik hem niet voor echte klanten op een laptop die mee naar buiten gaat.</source>
        <translation>The administrator chose the demo keyring for this computer. Do not use it for real clients on a laptop that leaves the office.</translation>
    </message>
    <message>
        <source>Caseload laden…</source>
        <translation>Loading the caseload…</translation>
    </message>
    <message>
        <source>De caseload kon niet worden geladen: {0}</source>
        <translation>The caseload could not be loaded: {0}</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>eigen caseload</source>
        <translation>own caseload</translation>
    </message>
    <message>
        <source>{0} van {1} klanten ({2})</source>
        <translation>{0} of {1} clients ({2})</translation>
    </message>
    <message>
        <source>{0} te laat</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>Kies eerst een klant in de lijst (pijltjes en Enter).</source>
        <translation>First choose a client in the list (arrow keys and Enter).</translation>
    </message>
    <message>
        <source>Het wachtwoord is gewijzigd.</source>
        <translation>The passphrase has been changed.</translation>
    </message>
    <message>
        <source>Synchronisatie afbreken</source>
        <translation>Cancel synchronisation</translation>
    </message>
    <message>
        <source>De lopende synchronisatie afbreken; er gaat niets verloren</source>
        <translation>Cancel the running synchronisation; nothing is lost</translation>
    </message>
    <message>
        <source>Dit dossier staat niet meer in uw caseload.</source>
        <translation>This file is no longer in your caseload.</translation>
    </message>
    <message>
        <source>demo (gegenereerde klanten)</source>
        <translation>demo (generated clients)</translation>
    </message>
    <message>
        <source>ONVEILIGE SLEUTELBOS</source>
        <translation>INSECURE KEYRING</translation>
    </message>
    <message>
        <source>vergrendeld</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>(geen; deze laptop werkt alleen lokaal)</source>
        <translation>(none; this laptop works locally only)</translation>
    </message>
    <message>
        <source>Centrale server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>Server en account…</source>
        <translation>Server and account…</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Vergrendelen na</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>Automatisch synchroniseren elke</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Een andere taal gaat in wanneer u Trede opnieuw start.</source>
        <translation>Another language takes effect when you restart Trede.</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Herhaal nieuw wachtwoord</source>
        <translation>Repeat new passphrase</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>The two new passphrases differ.</translation>
    </message>
    <message>
        <source>Werkcoach</source>
        <translation>Work coach</translation>
    </message>
    <message>
        <source>Klantmanager</source>
        <translation>Client manager</translation>
    </message>
    <message>
        <source>Participatiecoach</source>
        <translation>Participation coach</translation>
    </message>
    <message>
        <source>Jobcoach</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Arbeidsdeskundige</source>
        <translation>Labour expert</translation>
    </message>
    <message>
        <source>Teamleider</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Participatiewet (bijstand)</source>
        <translation>Participation Act (social assistance)</translation>
    </message>
    <message>
        <source>IOAW</source>
        <translation>IOAW</translation>
    </message>
    <message>
        <source>IOAZ</source>
        <translation>IOAZ</translation>
    </message>
    <message>
        <source>Geen opleiding</source>
        <translation>No education</translation>
    </message>
    <message>
        <source>Gedeeltelijke ontheffing</source>
        <translation>Partial exemption</translation>
    </message>
    <message>
        <source>Volledige ontheffing</source>
        <translation>Full exemption</translation>
    </message>
    <message>
        <source>Schoolverlater PRO/VSO/Entree</source>
        <translation>School leaver PRO/VSO/Entree</translation>
    </message>
    <message>
        <source>Jongere onder 27</source>
        <translation>Young person under 27</translation>
    </message>
    <message>
        <source>Ouder met jonge kinderen</source>
        <translation>Parent with young children</translation>
    </message>
    <message>
        <source>Statushouder</source>
        <translation>Refugee with residence permit</translation>
    </message>
    <message>
        <source>50-plusser</source>
        <translation>Over 50</translation>
    </message>
    <message>
        <source>55-plusser</source>
        <translation>Over 55</translation>
    </message>
    <message>
        <source>Lage of verouderde opleiding</source>
        <translation>Low or outdated education</translation>
    </message>
    <message>
        <source>Lichamelijk</source>
        <translation>Physical</translation>
    </message>
    <message>
        <source>Sociaal</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Psychisch</source>
        <translation>Psychological</translation>
    </message>
    <message>
        <source>Geen werkervaring</source>
        <translation>No work experience</translation>
    </message>
    <message>
        <source>Zorgtaken</source>
        <translation>Care duties</translation>
    </message>
    <message>
        <source>Taal (Nederlands)</source>
        <translation>Language (Dutch)</translation>
    </message>
    <message>
        <source>Schulden</source>
        <translation>Debts</translation>
    </message>
    <message>
        <source>Verslaving</source>
        <translation>Addiction</translation>
    </message>
    <message>
        <source>Basisonderwijs</source>
        <translation>Primary education</translation>
    </message>
    <message>
        <source>Vmbo / PrO / VSO</source>
        <translation>Vmbo / PrO / VSO</translation>
    </message>
    <message>
        <source>Mbo 1 (Entree)</source>
        <translation>Mbo 1 (Entree)</translation>
    </message>
    <message>
        <source>Mbo 2-4</source>
        <translation>Mbo 2-4</translation>
    </message>
    <message>
        <source>Havo / vwo</source>
        <translation>Havo / vwo</translation>
    </message>
    <message>
        <source>Hbo / wo</source>
        <translation>Hbo / university</translation>
    </message>
    <message>
        <source>Buitenlandse opleiding</source>
        <translation>Education abroad</translation>
    </message>
    <message>
        <source>Betaald werk</source>
        <translation>Paid work</translation>
    </message>
    <message>
        <source>Werk via het SW-bedrijf</source>
        <translation>Work through the social firm</translation>
    </message>
    <message>
        <source>Eigen bedrijf</source>
        <translation>Own business</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Huisbezoek</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Werkgeversbezoek</source>
        <translation>Employer visit</translation>
    </message>
    <message>
        <source>Ziekte</source>
        <translation>Sickness</translation>
    </message>
    <message>
        <source>Uurloon verhogen tot het minimumloon</source>
        <translation>Raise the hourly wage to the minimum wage</translation>
    </message>
    <message>
        <source>Voltijdweek van de werkgever vastleggen (minimumloon vóór 2024)</source>
        <translation>Record the employer&apos;s full-time week (minimum wage before 2024)</translation>
    </message>
    <message>
        <source>Laatste dag om loonkostensubsidie aan te vragen (art. 10d lid 2)</source>
        <translation>Last day to apply for wage-cost subsidy (art. 10d(2))</translation>
    </message>
    <message>
        <source>Plan van aanpak opstellen (art. 44a)</source>
        <translation>Draw up the action plan (art. 44a)</translation>
    </message>
    <message>
        <source>Einde ontheffing arbeidsverplichtingen</source>
        <translation>End of the exemption from work obligations</translation>
    </message>
    <message>
        <source>Einddatum ontheffing vastleggen</source>
        <translation>Record the end date of the exemption</translation>
    </message>
    <message>
        <source>Trede 6 met ondersteuning: ladder herzien</source>
        <translation>Step 6 with support: review the ladder</translation>
    </message>
    <message>
        <source>Trede 5 zonder ondersteuning: vastleggen of ladder herzien</source>
        <translation>Step 5 without support: record it or review the ladder</translation>
    </message>
    <message>
        <source>Klantgegevens</source>
        <translation>Client details</translation>
    </message>
    <message>
        <source>Toewijzing</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>Doel in het plan</source>
        <translation>Goal in the plan</translation>
    </message>
    <message>
        <source>Activiteit in het plan</source>
        <translation>Activity in the plan</translation>
    </message>
    <message>
        <source>Journaalregel</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <source>Vul het adres van de centrale server in, beginnend met https://.</source>
        <translation>Fill in the address of the central server, starting with https://.</translation>
    </message>
    <message>
        <source>Het adres moet met https:// beginnen: via http:// zou uw wachtwoord onversleuteld over het netwerk gaan.</source>
        <translation>The address must start with https://: over http:// your password would cross the network unencrypted.</translation>
    </message>
    <message>
        <source>Vul alleen het adres van de server in, zonder gebruikersnaam of ?-deel.</source>
        <translation>Fill in only the address of the server, without a username or a ?-part.</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation>Fill in your password.</translation>
    </message>
    <message>
        <source>Ingangsdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Datum beschikking</source>
        <translation>Date of the decision</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>bijv. LKS-2026-0042</source>
        <translation>e.g. LKS-2026-0042</translation>
    </message>
    <message>
        <source>Beschikking corrigeren</source>
        <translation>Correct the decision</translation>
    </message>
    <message>
        <source>Beschikking loonkostensubsidie</source>
        <translation>Wage-cost subsidy decision</translation>
    </message>
    <message>
        <source>Loonkostensubsidie wordt alleen betaald op een beschikking, voor de periode daarvan. Forfaitair: ten hoogste tot en met {0}; daarna op een loonwaardemeting.</source>
        <translation>A wage-cost subsidy is paid only on a decision, for its period. Flat rate: at most until {0} inclusive; after that on a wage-value measurement.</translation>
    </message>
    <message>
        <source>(kies een meting)</source>
        <translation>(choose a measurement)</translation>
    </message>
    <message>
        <source>{0}: loonwaarde {1}%, geldig tot en met {2}</source>
        <translation>{0}: wage value {1}%, valid until {2} inclusive</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Loonwaardemeting</source>
        <translation>Wage-value measurement</translation>
    </message>
    <message>
        <source>Doelgroep (art. 10d)</source>
        <translation>Target group (art. 10d)</translation>
    </message>
    <message>
        <source>Toelichting doelgroep</source>
        <translation>Target group explanation</translation>
    </message>
    <message>
        <source>Taak van een loonwaardemeting</source>
        <translation>Task of a wage-value measurement</translation>
    </message>
    <message>
        <source>Jobcoachuren</source>
        <translation>Job-coaching hours</translation>
    </message>
    <message>
        <source>Uitgegeven plan</source>
        <translation>Issued plan</translation>
    </message>
    <message>
        <source>Auditregel</source>
        <translation>Audit record</translation>
    </message>
    <message>
        <source>Ontheffing tot</source>
        <translation>Exempt until</translation>
    </message>
    <message>
        <source>Begindatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Opgenomen in het doelgroepregister</source>
        <translation>Registered in the target group register</translation>
    </message>
    <message>
        <source>Indicatie beschut werk</source>
        <translation>Sheltered work indication</translation>
    </message>
    <message>
        <source>Anders (toelichting)</source>
        <translation>Other (explain)</translation>
    </message>
    <message>
        <source>Forfaitair (eerste maanden, nog geen meting)</source>
        <translation>Flat rate (first months, no measurement yet)</translation>
    </message>
    <message>
        <source>Loonwaardemeting: loonwaarde onder het minimumloon</source>
        <translation>Wage-value measurement: wage value below the minimum wage</translation>
    </message>
    <message>
        <source>Einde forfaitaire beschikking: loonwaardemeting nodig</source>
        <translation>End of the flat-rate decision: wage-value measurement needed</translation>
    </message>
    <message>
        <source>Einde beschikking loonkostensubsidie</source>
        <translation>End of the wage-cost subsidy decision</translation>
    </message>
    <message>
        <source>Verzuim bij een plaatsing</source>
        <translation>Absence in a placement</translation>
    </message>
    <message>
        <source>Geplande einddatum</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Versienummer</source>
        <translation>Version number</translation>
    </message>
    <message>
        <source>Uitgegeven op</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Verwijderd</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Afspraken en verplichtingen</source>
        <translation>Agreements and obligations</translation>
    </message>
    <message>
        <source>Op twee plaatsen gewijzigd</source>
        <translation>Changed in two places</translation>
    </message>
    <message>
        <source>Gewijzigd terwijl het elders verwijderd is</source>
        <translation>Changed while deleted elsewhere</translation>
    </message>
    <message>
        <source>Klant is niet (meer) in uw caseload</source>
        <translation>Client is not (or no longer) in your caseload</translation>
    </message>
    <message>
        <source>Niet verwerkt door de centrale server</source>
        <translation>Not processed by the central server</translation>
    </message>
    <message>
        <source>Op twee plaatsen tegelijk aangemaakt</source>
        <translation>Created in two places at once</translation>
    </message>
    <message>
        <source>Verwijderd terwijl het elders gewijzigd is</source>
        <translation>Deleted while it was changed elsewhere</translation>
    </message>
    <message>
        <source>De centrale server is niet bereikbaar. Uw wijzigingen blijven bewaard op deze laptop en gaan mee bij de volgende synchronisatie.</source>
        <translation>The central server cannot be reached. Your changes stay on this laptop and go along with the next sync.</translation>
    </message>
    <message>
        <source>De centrale server is niet bereikbaar. Controleer het adres en de netwerkverbinding en probeer het opnieuw; er is niets opgeslagen.</source>
        <translation>The central server cannot be reached. Check the address and the network connection and try again; nothing was saved.</translation>
    </message>
    <message>
        <source>Het aanmelden is afgebroken; er is niets opgeslagen.</source>
        <translation>Logging in was cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>Het certificaat van de centrale server wordt door deze computer niet vertrouwd, dus maakt Trede geen verbinding. Vraag de beheerder of het adres klopt en of het certificaat van de server door uw organisatie is uitgegeven en op deze laptop is geïnstalleerd.</source>
        <translation>This computer does not trust the central server&apos;s certificate, so Trede does not connect. Ask the administrator whether the address is right and whether the server&apos;s certificate was issued by your organisation and is installed on this laptop.</translation>
    </message>
    <message>
        <source>Deze laptop is nog niet gekoppeld aan een centrale server.</source>
        <translation>This laptop is not linked to a central server yet.</translation>
    </message>
    <message>
        <source>Meld u opnieuw aan bij de centrale server.</source>
        <translation>Log in to the central server again.</translation>
    </message>
    <message>
        <source>Uw aanmelding bij de centrale server is verlopen (te lang niet gesynchroniseerd). Meld u opnieuw aan; uw wijzigingen blijven bewaard.</source>
        <translation>Your login to the central server has expired (no sync for too long). Log in again; your changes are kept.</translation>
    </message>
    <message>
        <source>Gebruikersnaam of wachtwoord klopt niet.</source>
        <translation>The username or password is wrong.</translation>
    </message>
    <message>
        <source>Te vaak een verkeerd wachtwoord. Probeer het over {0} minuut/minuten opnieuw.</source>
        <translation>Too many wrong passwords. Try again in {0} minute(s).</translation>
    </message>
    <message>
        <source>Aanmelden lukte niet (fout {0}).</source>
        <translation>Logging in failed (error {0}).</translation>
    </message>
    <message>
        <source>Deze laptop is bij de centrale server ingetrokken. De gegevens op deze laptop zijn gewist; neem contact op met de beheerder.</source>
        <translation>This laptop was revoked at the central server. The data on this laptop has been wiped; contact the administrator.</translation>
    </message>
    <message>
        <source>De klok van deze laptop loopt {0} minuten voor op de centrale server. Zet de datum en tijd van de laptop goed; uw wijzigingen blijven bewaard en gaan mee bij de volgende synchronisatie.</source>
        <translation>This laptop&apos;s clock is {0} minutes ahead of the central server. Set the laptop&apos;s date and time right; your changes are kept and go along with the next sync.</translation>
    </message>
    <message>
        <source>De klok van deze laptop loopt {0} minuten achter op de centrale server. Zet de datum en tijd van de laptop goed; uw wijzigingen blijven bewaard en gaan mee bij de volgende synchronisatie.</source>
        <translation>This laptop&apos;s clock is {0} minutes behind the central server. Set the laptop&apos;s date and time right; your changes are kept and go along with the next sync.</translation>
    </message>
    <message>
        <source>Er staan te veel conflicten open om nog wijzigingen te verzenden. Los eerst conflicten op (Bestand → Conflicten oplossen); er gaat niets verloren.</source>
        <translation>Too many conflicts are open to send more changes. Resolve conflicts first (File → Resolve conflicts); nothing is lost.</translation>
    </message>
    <message>
        <source>De wijzigingen zijn te groot om in één keer te verzenden. Er is niets verloren; meld dit de beheerder.</source>
        <translation>The changes are too large to send at once. Nothing is lost; tell the administrator.</translation>
    </message>
    <message>
        <source>De centrale server weigerde de synchronisatie (fout {0}). Er is niets verloren; meld dit de beheerder als het blijft gebeuren.</source>
        <translation>The central server refused the sync (error {0}). Nothing is lost; tell the administrator if it keeps happening.</translation>
    </message>
    <message>
        <source>De synchronisatie is afgebroken; er gaat niets verloren.</source>
        <translation>The sync was cancelled; nothing is lost.</translation>
    </message>
    <message>
        <source>De controle na de synchronisatie klopt niet. Er is niets verloren; probeer het later opnieuw of meld het de beheerder.</source>
        <translation>The check after the sync does not add up. Nothing is lost; try again later or tell the administrator.</translation>
    </message>
    <message>
        <source>Een ontvangen gegeven is onderweg beschadigd; er is niets opgeslagen. Probeer het opnieuw.</source>
        <translation>Received data was damaged on the way; nothing was stored. Try again.</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Reguliere baan</source>
        <translation>Regular job</translation>
    </message>
    <message>
        <source>Proefplaatsing (met behoud van uitkering)</source>
        <translation>Trial placement (keeping the benefit)</translation>
    </message>
    <message>
        <source>Leerwerktraject</source>
        <translation>Learning-and-working trajectory</translation>
    </message>
    <message>
        <source>Garantiebaan (banenafspraak)</source>
        <translation>Guaranteed job (jobs agreement)</translation>
    </message>
    <message>
        <source>Detachering via het SW-bedrijf</source>
        <translation>Secondment through the social firm</translation>
    </message>
    <message>
        <source>Werkervaringsplaats</source>
        <translation>Work-experience place</translation>
    </message>
    <message>
        <source>Vrijwilligerswerk</source>
        <translation>Volunteer work</translation>
    </message>
    <message>
        <source>Op de werkplek</source>
        <translation>At the workplace</translation>
    </message>
    <message>
        <source>Met de werkgever</source>
        <translation>With the employer</translation>
    </message>
    <message>
        <source>Met de werknemer</source>
        <translation>With the employee</translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Administratie</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Uitgegeven</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Ingezien</source>
        <translation>Viewed</translation>
    </message>
    <message>
        <source>Aangemaakt</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Gewijzigd</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Toegewezen</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Overgedragen</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Afgedrukt</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Geëxporteerd</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Geïmporteerd</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Gesynchroniseerd</source>
        <translation>Synchronised</translation>
    </message>
    <message>
        <source>Ontgrendeld</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Herbeoordeling ladder</source>
        <translation>Ladder review</translation>
    </message>
    <message>
        <source>Nieuwe loonwaardemeting</source>
        <translation>New wage-value measurement</translation>
    </message>
    <message>
        <source>Einde plan</source>
        <translation>End of plan</translation>
    </message>
    <message>
        <source>Verdringingsgrens: reden vastleggen</source>
        <translation>Displacement limit: record a reason</translation>
    </message>
    <message>
        <source>Geïsoleerd</source>
        <translation>Isolated</translation>
    </message>
    <message>
        <source>Sociale contacten buiten de deur</source>
        <translation>Social contacts outside the home</translation>
    </message>
    <message>
        <source>Deelname georganiseerde activiteiten</source>
        <translation>Taking part in organised activities</translation>
    </message>
    <message>
        <source>Onbetaald werk</source>
        <translation>Unpaid work</translation>
    </message>
    <message>
        <source>Betaald werk met ondersteuning</source>
        <translation>Paid work with support</translation>
    </message>
    <message>
        <source>Heeft niet of nauwelijks contact met anderen dan huisgenoten; contacten buiten het huishouden zijn alleen functioneel (winkelpersoneel, hulpverleners).</source>
        <translation>Has hardly any contact with people outside the household; contacts outside it are only functional (shop staff, care workers).</translation>
    </message>
    <message>
        <source>Heeft minstens één keer per week fysiek contact met mensen die geen huisgenoten zijn, niet in georganiseerd verband, zonder taken met verantwoordelijkheid en niet alleen functioneel.</source>
        <translation>Has physical contact at least once a week with people outside the household, not in an organised setting, without tasks with responsibility and not only functional.</translation>
    </message>
    <message>
        <source>Neemt deel aan activiteiten in georganiseerd verband (vereniging, cursus, taalles zonder werkcomponent), zonder taken met verantwoordelijkheid naar anderen; wekelijks met fysiek contact.</source>
        <translation>Takes part in organised activities (club, course, language course without a work component), without tasks with responsibility towards others; weekly, with physical contact.</translation>
    </message>
    <message>
        <source>Heeft geen arbeidscontract, voert taken uit met verantwoordelijkheid naar anderen en heeft daarbij minstens één keer per week fysiek contact (vrijwilligerswerk, werken met behoud van uitkering, stage).</source>
        <translation>Has no employment contract, performs tasks with responsibility towards others and has physical contact at least once a week doing so (volunteer work, work keeping the benefit, internship).</translation>
    </message>
    <message>
        <source>Heeft een arbeidscontract of is zelfstandige en krijgt daarbij ondersteuning: gemeentelijke instrumenten (loonkostensubsidie, jobcoach), een aanvullende uitkering, werk in Wsw-verband of een opleiding met werkcomponent onder startkwalificatie (bbl).</source>
        <translation>Has an employment contract or is self-employed, with support: municipal instruments (wage-cost subsidy, job coach), a supplementary benefit, work in a Wsw setting, or education with a work component below basic qualification (bbl).</translation>
    </message>
    <message>
        <source>Heeft een arbeidscontract of is zelfstandige, zonder aanvullende uitkering, zonder begeleiding buiten leidinggevende en collega&apos;s en zonder Wsw of gemeentelijke participatie-instrumenten.</source>
        <translation>Has an employment contract or is self-employed, without a supplementary benefit, without support beyond manager and colleagues, and without Wsw or municipal participation instruments.</translation>
    </message>
    <message>
        <source>maatschappelijke participatie</source>
        <translation>social participation</translation>
    </message>
    <message>
        <source>kwetsbare middengroep</source>
        <translation>vulnerable middle group</translation>
    </message>
    <message>
        <source>zelfredzaam</source>
        <translation>self-reliant</translation>
    </message>
    <message>
        <source>Verloop op de participatieladder</source>
        <translation>Course on the participation ladder</translation>
    </message>
    <message>
        <source>trede {0} op {1}</source>
        <translation>rung {0} on {1}</translation>
    </message>
    <message>
        <source>verwacht: trede {0} op {1}</source>
        <translation>expected: rung {0} by {1}</translation>
    </message>
    <message>
        <source>Trede {0}</source>
        <translation>Rung {0}</translation>
    </message>
    <message>
        <source>herbeoordeling {0}</source>
        <translation>review {0}</translation>
    </message>
    <message>
        <source>Gedaald</source>
        <translation>Went down</translation>
    </message>
    <message>
        <source>Nog te bepalen</source>
        <translation>Not yet determined</translation>
    </message>
    <message>
        <source>1 trede</source>
        <translation>1 rung</translation>
    </message>
    <message>
        <source>{0} treden</source>
        <translation>{0} rungs</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Wat staat er open</source>
        <translation>What is due</translation>
    </message>
    <message>
        <source>Wiens klanten</source>
        <translation>Whose clients</translation>
    </message>
    <message>
        <source>Zoek op klant of actie</source>
        <translation>Search by client or action</translation>
    </message>
    <message>
        <source>Zoek in de lijst</source>
        <translation>Search the list</translation>
    </message>
    <message>
        <source>Openstaande acties</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>De lijst kon niet worden geladen: {0}</source>
        <translation>The list could not be loaded: {0}</translation>
    </message>
    <message>
        <source>{0} acties, waarvan {1} te laat · {2}</source>
        <translation>{0} actions, {1} overdue · {2}</translation>
    </message>
    <message>
        <source>Caseload exporteren</source>
        <translation>Export caseload</translation>
    </message>
    <message>
        <source>Excel-werkmap (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>Tekstbestand met puntkomma&apos;s (.csv)</source>
        <translation>Text file with semicolons (.csv)</translation>
    </message>
    <message>
        <source>Eigen caseload</source>
        <translation>Own caseload</translation>
    </message>
    <message>
        <source>Met persoonsgegevens (BSN, namen, geboortedatum, postcode)</source>
        <translation>With personal data (BSN, names, date of birth, postcode)</translation>
    </message>
    <message>
        <source>Ook afgesloten klanten</source>
        <translation>Closed clients too</translation>
    </message>
    <message>
        <source>Het exportbestand is niet versleuteld: iedereen die het bestand heeft, kan het lezen. Bewaar het op een beveiligde plek en verwijder het na gebruik.</source>
        <translation>The export file is not encrypted: anyone who has the file can read it. Keep it in a secure place and delete it after use.</translation>
    </message>
    <message>
        <source>Formaat</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Eenmalig wachtwoord</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <source>Het overdrachtsbestand {0} is versleuteld. Geef dit wachtwoord apart door (bijvoorbeeld telefonisch), niet samen met het bestand. Trede bewaart het nergens: dit is de enige keer dat u het ziet.</source>
        <translation>The transfer file {0} is encrypted. Pass this password on separately (by phone, for instance), not with the file. Trede keeps it nowhere: this is the only time you see it.</translation>
    </message>
    <message>
        <source>Wachtwoord van het overdrachtsbestand</source>
        <translation>The transfer file&apos;s password</translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Ik heb het genoteerd</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <source>{0} klanten geëxporteerd naar {1}</source>
        <translation>{0} clients exported to {1}</translation>
    </message>
    <message>
        <source>Caseloadoverzicht opslaan</source>
        <translation>Save caseload overview</translation>
    </message>
    <message>
        <source>Caseload team</source>
        <translation>Team caseload</translation>
    </message>
    <message>
        <source>Caseload {0}</source>
        <translation>Caseload {0}</translation>
    </message>
    <message>
        <source>Caseloadoverzicht maken…</source>
        <translation>Making the caseload overview…</translation>
    </message>
    <message>
        <source>Overzicht van {0} klanten opgeslagen</source>
        <translation>Overview of {0} clients saved</translation>
    </message>
    <message>
        <source>Kwartaalrapportage opslaan</source>
        <translation>Save quarterly report</translation>
    </message>
    <message>
        <source>Kwartaalrapportage maken…</source>
        <translation>Making the quarterly report…</translation>
    </message>
    <message>
        <source>{0} opgeslagen</source>
        <translation>{0} saved</translation>
    </message>
    <message>
        <source>Map voor de plannen</source>
        <translation>Folder for the plans</translation>
    </message>
    <message>
        <source>Plannen maken…</source>
        <translation>Making the plans…</translation>
    </message>
    <message>
        <source>{0} plannen opgeslagen in {1}</source>
        <translation>{0} plans saved in {1}</translation>
    </message>
    <message>
        <source>Open eerst het dossier van de klant die u wilt overdragen.</source>
        <translation>First open the file of the client you want to hand over.</translation>
    </message>
    <message>
        <source>Overdrachtsbestand maken</source>
        <translation>Make transfer file</translation>
    </message>
    <message>
        <source>Overdrachtsbestand inlezen</source>
        <translation>Read transfer file</translation>
    </message>
    <message>
        <source>Het eenmalige wachtwoord van het bestand:</source>
        <translation>The file&apos;s one-time password:</translation>
    </message>
    <message>
        <source>{0} klant(en) ingelezen en aan u toegewezen</source>
        <translation>{0} client(s) read and assigned to you</translation>
    </message>
    <message>
        <source>Begin van de periode</source>
        <translation>Start of the period</translation>
    </message>
    <message>
        <source>Einde van de periode</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Priority group</translation>
    </message>
    <message>
        <source>Berekenen</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <source>Klanten</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation>up to and including</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>% begin</source>
        <translation>% start</translation>
    </message>
    <message>
        <source>Einde</source>
        <translation>End</translation>
    </message>
    <message>
        <source>% einde</source>
        <translation>% end</translation>
    </message>
    <message>
        <source>Beweging</source>
        <translation>Movement</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Gestegen</source>
        <translation>Moved up</translation>
    </message>
    <message>
        <source>Doel treden 1-2</source>
        <translation>Target rungs 1-2</translation>
    </message>
    <message>
        <source>Doel regulier werk</source>
        <translation>Target regular work</translation>
    </message>
    <message>
        <source>Verdeling over de treden</source>
        <translation>Distribution over the rungs</translation>
    </message>
    <message>
        <source>Beweging tussen begin en einde</source>
        <translation>Movement between start and end</translation>
    </message>
    <message>
        <source>Beleidsdoelen</source>
        <translation>Policy targets</translation>
    </message>
    <message>
        <source>Per doelgroep</source>
        <translation>Per priority group</translation>
    </message>
    <message>
        <source>Typ de periode als dd-mm-jjjj, bijvoorbeeld 01-01-2026.</source>
        <translation>Type the period as dd-mm-yyyy, for example 01-01-2026.</translation>
    </message>
    <message>
        <source>Het einde van de periode ligt voor het begin.</source>
        <translation>The end of the period lies before its start.</translation>
    </message>
    <message>
        <source>Het einde van de periode ligt in de toekomst.</source>
        <translation>The end of the period lies in the future.</translation>
    </message>
    <message>
        <source>De cijfers konden niet worden berekend: {0}</source>
        <translation>The figures could not be calculated: {0}</translation>
    </message>
    <message>
        <source>{0} klanten van {1} tot en met {2}</source>
        <translation>{0} clients from {1} up to and including {2}</translation>
    </message>
    <message>
        <source>Binnen {0} maanden (tot {1}): van de {2} klanten die op trede 1-2 stonden, is &lt;b&gt;{3}&lt;/b&gt; gestegen of niet teruggevallen ({4} gestegen).</source>
        <translation>Within {0} months (up to {1}): of the {2} clients on rung 1-2, &lt;b&gt;{3}&lt;/b&gt; rose or did not fall back ({4} rose).</translation>
    </message>
    <message>
        <source>Binnen {0} maanden (tot {1}): van de {2} klanten op trede 5-6 is &lt;b&gt;{3}&lt;/b&gt; naar regulier werk gegaan.</source>
        <translation>Within {0} months (up to {1}): of the {2} clients on rung 5-6, &lt;b&gt;{3}&lt;/b&gt; went into regular work.</translation>
    </message>
    <message>
        <source>Doel: {0}.</source>
        <translation>Target: {0}.</translation>
    </message>
    <message>
        <source>gehaald</source>
        <translation>met</translation>
    </message>
    <message>
        <source>niet gehaald</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>Heeft de klant betaald werk: een arbeidscontract, of als zelfstandige?</source>
        <translation>Does the client have paid work: an employment contract, or self-employed?</translation>
    </message>
    <message>
        <source>Krijgt de klant bij dat werk ondersteuning: loonkostensubsidie of een jobcoach van de gemeente, een aanvullende uitkering, werk in Wsw-verband, of een opleiding met werkcomponent onder startkwalificatie (zoals bbl)?</source>
        <translation>Does the client get support with that work: wage-cost subsidy or a job coach from the municipality, a supplementary benefit, work in a Wsw setting, or education with a work component below basic qualification (such as bbl)?</translation>
    </message>
    <message>
        <source>Doet de klant onbetaald werk met verantwoordelijkheid naar anderen (vrijwilligerswerk, werken met behoud van uitkering, stage)?</source>
        <translation>Does the client do unpaid work with responsibility towards others (volunteer work, work keeping the benefit, internship)?</translation>
    </message>
    <message>
        <source>Heeft de klant bij dat werk minstens één keer per week fysiek contact?</source>
        <translation>Does the client have physical contact at least once a week in that work?</translation>
    </message>
    <message>
        <source>Doet de klant mee aan georganiseerde activiteiten (vereniging, cursus, sport, taalles zonder werkcomponent)?</source>
        <translation>Does the client take part in organised activities (club, course, sport, language course without a work component)?</translation>
    </message>
    <message>
        <source>Is dat minstens één keer per week, met fysiek contact met anderen?</source>
        <translation>Is that at least once a week, with physical contact with others?</translation>
    </message>
    <message>
        <source>Heeft de klant minstens één keer per week contact met mensen buiten het eigen huishouden, buiten georganiseerd verband en niet alleen functioneel (winkelpersoneel, hulpverleners tellen niet mee)?</source>
        <translation>Does the client have contact at least once a week with people outside the household, outside an organised setting and not only functional (shop staff and care workers do not count)?</translation>
    </message>
    <message>
        <source>Ladderbeoordeling corrigeren</source>
        <translation>Correct ladder assessment</translation>
    </message>
    <message>
        <source>1. De situatie van de klant nu</source>
        <translation>1. The client&apos;s situation now</translation>
    </message>
    <message>
        <source>2. Uitkomst</source>
        <translation>2. Outcome</translation>
    </message>
    <message>
        <source>Trede volgens de antwoorden</source>
        <translation>Rung according to the answers</translation>
    </message>
    <message>
        <source>Officiële omschrijving</source>
        <translation>Official definition</translation>
    </message>
    <message>
        <source>Waarom past een andere trede beter dan de antwoorden aangeven?</source>
        <translation>Why does another rung fit better than the answers indicate?</translation>
    </message>
    <message>
        <source>Vastgestelde trede</source>
        <translation>Rung decided</translation>
    </message>
    <message>
        <source>Reden voor een andere trede</source>
        <translation>Reason for another rung</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>3. Perspectief en vervolg</source>
        <translation>3. Perspective and follow-up</translation>
    </message>
    <message>
        <source>(geen verwachting vastgelegd)</source>
        <translation>(no expectation recorded)</translation>
    </message>
    <message>
        <source>Datum van de beoordeling</source>
        <translation>Date of the assessment</translation>
    </message>
    <message>
        <source>Verwachte trede</source>
        <translation>Expected rung</translation>
    </message>
    <message>
        <source>Te bereiken op</source>
        <translation>To be reached by</translation>
    </message>
    <message>
        <source>Herbeoordeling op</source>
        <translation>Review on</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Datum beoordeling</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>De oorspronkelijke beoordeling blijft bewaard, als gecorrigeerd.</source>
        <translation>The original assessment is kept, marked as corrected.</translation>
    </message>
    <message>
        <source>Beleidsgroep: {0}</source>
        <translation>Policy group: {0}</translation>
    </message>
    <message>
        <source>{0} op {1}</source>
        <translation>{0} by {1}</translation>
    </message>
    <message>
        <source>Volgens antwoorden</source>
        <translation>By the answers</translation>
    </message>
    <message>
        <source>Verwacht</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Beoordelaar</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>Ladderbeoordelingen</source>
        <translation>Ladder assessments</translation>
    </message>
    <message>
        <source>Antwoorden en toelichting</source>
        <translation>Answers and notes</translation>
    </message>
    <message>
        <source>Nieuwe beoordeling…</source>
        <translation>New assessment…</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Deze beoordeling is gecorrigeerd.</source>
        <translation>This assessment has been corrected.</translation>
    </message>
    <message>
        <source>Afwijkend van de antwoorden (trede {0}): {1}</source>
        <translation>Differs from the answers (rung {0}): {1}</translation>
    </message>
    <message>
        <source>Deze plaatsing loopt langer dan de verdringingsgrens van {0} maanden. Leg vast waarom dat verantwoord is.</source>
        <translation>This placement runs longer than the displacement limit of {0} months. Record why that is justified.</translation>
    </message>
    <message>
        <source>Halfjaarrapportage opslaan</source>
        <translation>Save half-yearly report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>De rapportage kon niet worden opgeslagen: {0}</source>
        <translation>The report could not be saved: {0}</translation>
    </message>
    <message>
        <source>Halfjaarrapportage opgeslagen: {0}</source>
        <translation>Half-yearly report saved: {0}</translation>
    </message>
    <message>
        <source>Hoofdtaak</source>
        <translation>Main task</translation>
    </message>
    <message>
        <source>Tijd %</source>
        <translation>Time %</translation>
    </message>
    <message>
        <source>Tempo %</source>
        <translation>Pace %</translation>
    </message>
    <message>
        <source>Kwaliteit %</source>
        <translation>Quality %</translation>
    </message>
    <message>
        <source>Netto werktijd %</source>
        <translation>Net working time %</translation>
    </message>
    <message>
        <source>Resultaat %</source>
        <translation>Result %</translation>
    </message>
    <message>
        <source>Rapportdatum</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>Werkplekbezoek</source>
        <translation>Workplace visit</translation>
    </message>
    <message>
        <source>Loonwaardedeskundige</source>
        <translation>Wage-value expert</translation>
    </message>
    <message>
        <source>Contactpersoon werkgever</source>
        <translation>Employer contact</translation>
    </message>
    <message>
        <source>Normfunctie</source>
        <translation>Norm job</translation>
    </message>
    <message>
        <source>Uitgevoerde functie</source>
        <translation>Job performed</translation>
    </message>
    <message>
        <source>Contracturen per week</source>
        <translation>Contract hours per week</translation>
    </message>
    <message>
        <source>Voltijdsuren per week</source>
        <translation>Full-time hours per week</translation>
    </message>
    <message>
        <source>Werkdagen per week</source>
        <translation>Workdays per week</translation>
    </message>
    <message>
        <source>bijv. 4</source>
        <translation>e.g. 4</translation>
    </message>
    <message>
        <source>Totale loonwaarde %</source>
        <translation>Total wage value %</translation>
    </message>
    <message>
        <source>Jobcoaching (uren per maand)</source>
        <translation>Job coaching (hours per month)</translation>
    </message>
    <message>
        <source>Volgende meting</source>
        <translation>Next measurement</translation>
    </message>
    <message>
        <source>leeg: over {0} maanden</source>
        <translation>empty: in {0} months</translation>
    </message>
    <message>
        <source>Forfait: {0}% van het minimumloon</source>
        <translation>Flat rate: {0}% of the minimum wage</translation>
    </message>
    <message>
        <source>Ten hoogste {0}% van het minimumloon</source>
        <translation>At most {0}% of the minimum wage</translation>
    </message>
    <message>
        <source>De oorspronkelijke meting blijft bewaard, als gecorrigeerd.</source>
        <translation>The original measurement is kept, marked as corrected.</translation>
    </message>
    <message>
        <source>Hoofdtaken (elk minstens {0} van de werktijd en {1} minuten per werkdag; samen 100%)</source>
        <translation>Main tasks (each at least {0} of the working time and {1} minutes per workday; 100% together)</translation>
    </message>
    <message>
        <source>Minimumloon per uur</source>
        <translation>Minimum wage per hour</translation>
    </message>
    <message>
        <source>Vastgelegd uurloon {0} ligt onder het minimumloon; gerekend met</source>
        <translation>Recorded hourly wage {0} is below the minimum wage; computed with</translation>
    </message>
    <message>
        <source>Loonwaarde {0}% van het uurloon {1}</source>
        <translation>Wage value {0}% of the hourly wage {1}</translation>
    </message>
    <message>
        <source>Grondslag per uur</source>
        <translation>Base per hour</translation>
    </message>
    <message>
        <source>(begrensd)</source>
        <translation>(capped)</translation>
    </message>
    <message>
        <source>+ vakantietoeslag {0}%, werkgeverslasten {1}%</source>
        <translation>+ holiday allowance {0}%, employer costs {1}%</translation>
    </message>
    <message>
        <source>× {0} uur per week × 52 / 12</source>
        <translation>× {0} hours per week × 52 / 12</translation>
    </message>
    <message>
        <source>Signaal: de loonwaarde is {0}% van het minimumloon, minder dan {1}%. Dat wijst op participatievoorzieningen; bespreek of werk met loonkostensubsidie past.</source>
        <translation>Signal: the wage value is {0}% of the minimum wage, less than {1}%. That points to participation arrangements; discuss whether work with a wage-cost subsidy fits.</translation>
    </message>
    <message>
        <source>Signaal: de loonwaarde is {0}% van het minimumloon, {1}% of minder. Meestal is iemand dan (nog) niet op de arbeidsmarkt.</source>
        <translation>Signal: the wage value is {0}% of the minimum wage, {1}% or less. Usually the person is then not (yet) on the labour market.</translation>
    </message>
    <message>
        <source>Loonwaardemeting corrigeren</source>
        <translation>Correct wage-value measurement</translation>
    </message>
    <message>
        <source>Loonwaardemeting (ULM)</source>
        <translation>Wage-value measurement (ULM)</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Taak {0}: {1}</source>
        <translation>Task {0}: {1}</translation>
    </message>
    <message>
        <source>Melding bij de hoofdtaken</source>
        <translation>Message on the main tasks</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Toelichting op de uitkomst</source>
        <translation>Explanation of the outcome</translation>
    </message>
    <message>
        <source>Loonkostensubsidie met deze loonwaarde</source>
        <translation>Wage-cost subsidy with this wage value</translation>
    </message>
    <message>
        <source>Loonkostensubsidie per maand</source>
        <translation>Wage-cost subsidy per month</translation>
    </message>
    <message>
        <source>Tijd samen: {0}%</source>
        <translation>Time together: {0}%</translation>
    </message>
    <message>
        <source>gewogen resultaat: {0}%</source>
        <translation>weighted result: {0}%</translation>
    </message>
    <message>
        <source>Vul de totale loonwaarde in om de subsidie te zien.</source>
        <translation>Fill in the total wage value to see the subsidy.</translation>
    </message>
    <message>
        <source>Per maand: {0}</source>
        <translation>Per month: {0}</translation>
    </message>
    <message>
        <source>KvK-nummer</source>
        <translation>Chamber of Commerce number</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Contactpersoon</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Telefoon contactpersoon</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>E-mail contactpersoon</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Nieuwe werkgever</source>
        <translation>New employer</translation>
    </message>
    <message>
        <source>Functie</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Gepland einde</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Beëindigd op</source>
        <translation>Ended on</translation>
    </message>
    <message>
        <source>Uren per week</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>bijv. 24</source>
        <translation>e.g. 24</translation>
    </message>
    <message>
        <source>Uurloon (€)</source>
        <translation>Hourly wage (€)</translation>
    </message>
    <message>
        <source>bijv. 16,00</source>
        <translation>e.g. 16.00</translation>
    </message>
    <message>
        <source>Voltijdweek werkgever (uren)</source>
        <translation>Employer&apos;s full-time week (hours)</translation>
    </message>
    <message>
        <source>bijv. 38</source>
        <translation>e.g. 38</translation>
    </message>
    <message>
        <source>Duur opleiding (maanden)</source>
        <translation>Course length (months)</translation>
    </message>
    <message>
        <source>leerwerktraject</source>
        <translation>learning-and-working</translation>
    </message>
    <message>
        <source>Plaatsing bewerken</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <source>Nieuwe plaatsing</source>
        <translation>New placement</translation>
    </message>
    <message>
        <source>(kies een werkgever)</source>
        <translation>(choose an employer)</translation>
    </message>
    <message>
        <source>Nieuwe werkgever…</source>
        <translation>New employer…</translation>
    </message>
    <message>
        <source>Werkgever</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Soort plaatsing</source>
        <translation>Kind of placement</translation>
    </message>
    <message>
        <source>leerwerktraject: wat de klant leert</source>
        <translation>learning-working: what the client learns</translation>
    </message>
    <message>
        <source>Leerdeel</source>
        <translation>Learning part</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Reden om door te gaan</source>
        <translation>Reason to continue</translation>
    </message>
    <message>
        <source>Schrijf op waarom de plaatsing langer doorloopt (minstens {0} tekens).</source>
        <translation>Write down why the placement continues (at least {0} characters).</translation>
    </message>
    <message>
        <source>Ziekte van meer dan {0} weken aaneen verlaagt het plafond voor jobcoaching naar rato.</source>
        <translation>Sickness of more than {0} weeks in a row lowers the job-coaching ceiling pro rata.</translation>
    </message>
    <message>
        <source>Welk verzuim</source>
        <translation>Which absence</translation>
    </message>
    <message>
        <source>Nieuw verzuim</source>
        <translation>New absence</translation>
    </message>
    <message>
        <source>leeg: nog afwezig</source>
        <translation>empty: still absent</translation>
    </message>
    <message>
        <source>Eerste verzuimdag</source>
        <translation>First day of absence</translation>
    </message>
    <message>
        <source>Laatste verzuimdag</source>
        <translation>Last day of absence</translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Verzuim verwijderen</source>
        <translation>Remove absence</translation>
    </message>
    <message>
        <source>Dit verzuim verwijderen? Doe dit alleen als het per vergissing is vastgelegd.</source>
        <translation>Remove this absence? Only do this if it was recorded by mistake.</translation>
    </message>
    <message>
        <source>Uurloon onder het minimumloon</source>
        <translation>Hourly wage below the minimum wage</translation>
    </message>
    <message>
        <source>Lage loonwaarde</source>
        <translation>Low wage value</translation>
    </message>
    <message>
        <source>Verdringingsgrens ({0} mnd) voorbij: reden nodig</source>
        <translation>Displacement limit ({0} mo) passed: reason needed</translation>
    </message>
    <message>
        <source>Langer dan {0} mnd, reden vastgelegd</source>
        <translation>Longer than {0} mo, reason recorded</translation>
    </message>
    <message>
        <source>Het uurloon ({0}) ligt sinds {1} onder het wettelijk minimumloon van {2} per uur ({3}). Verhoog het loon; de subsidie wordt vanaf die dag met het minimumloon berekend.</source>
        <translation>The hourly wage ({0}) has been below the statutory minimum wage of {2} an hour ({3}) since {1}. Raise the wage; from that day the subsidy is computed with the minimum wage.</translation>
    </message>
    <message>
        <source>geen beschikking</source>
        <translation>no decision</translation>
    </message>
    <message>
        <source>Uren/week</source>
        <translation>Hours/week</translation>
    </message>
    <message>
        <source>Uurloon</source>
        <translation>Hourly wage</translation>
    </message>
    <message>
        <source>Subsidie/maand</source>
        <translation>Subsidy/month</translation>
    </message>
    <message>
        <source>Loonwaarde</source>
        <translation>Wage value</translation>
    </message>
    <message>
        <source>Hoofdtaken</source>
        <translation>Main tasks</translation>
    </message>
    <message>
        <source>Jobcoaching/maand</source>
        <translation>Job coaching/month</translation>
    </message>
    <message>
        <source>{0} uur</source>
        <translation>{0} hours</translation>
    </message>
    <message>
        <source>Deskundige</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>Loonwaardemetingen</source>
        <translation>Wage-value measurements</translation>
    </message>
    <message>
        <source>Subsidie en acties van de plaatsing</source>
        <translation>The placement&apos;s subsidy and actions</translation>
    </message>
    <message>
        <source>Nieuwe plaatsing…</source>
        <translation>New placement…</translation>
    </message>
    <message>
        <source>Bewerken…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Loonwaardemeting…</source>
        <translation>Wage-value measurement…</translation>
    </message>
    <message>
        <source>Reden vastleggen…</source>
        <translation>Record reason…</translation>
    </message>
    <message>
        <source>Meting corrigeren…</source>
        <translation>Correct measurement…</translation>
    </message>
    <message>
        <source>Beschikking…</source>
        <translation>Decision…</translation>
    </message>
    <message>
        <source>Beschikking loonkostensubsidie vastleggen</source>
        <translation>Record the wage-cost subsidy decision</translation>
    </message>
    <message>
        <source>Beschikking corrigeren…</source>
        <translation>Correct the decision…</translation>
    </message>
    <message>
        <source>Verzuim…</source>
        <translation>Absence…</translation>
    </message>
    <message>
        <source>Verzuim van de werknemer vastleggen of beëindigen</source>
        <translation>Record or end the employee&apos;s absence</translation>
    </message>
    <message>
        <source>{0} tot en met {1}: {2}, beschikking van {3}</source>
        <translation>{0} to {1} inclusive: {2}, decided on {3}</translation>
    </message>
    <message>
        <source>Beschikkingen</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>({0} van {1} dagen)</source>
        <translation>({0} of {1} days)</translation>
    </message>
    <message>
        <source>Betaalbaar per maand</source>
        <translation>Payable per month</translation>
    </message>
    <message>
        <source>Verdringingsgrens: {0} maanden, tot en met {1}.</source>
        <translation>Displacement limit: {0} months, up to and including {1}.</translation>
    </message>
    <message>
        <source>Wet: {0}.</source>
        <translation>Law: {0}.</translation>
    </message>
    <message>
        <source>Gemeentelijk beleid: {0}.</source>
        <translation>Municipal policy: {0}.</translation>
    </message>
    <message>
        <source>Eerdere plaatsingen van dezelfde soort bij deze werkgever tellen mee, vanaf {0}.</source>
        <translation>Earlier placements of the same kind at this employer count too, from {0}.</translation>
    </message>
    <message>
        <source>Ook met verlenging ({0} maanden) is het wettelijk maximum voorbij: beëindig de plaatsing of zet haar om in een dienstverband.</source>
        <translation>Even with the extension ({0} months) the legal maximum has passed: end the placement or turn it into employment.</translation>
    </message>
    <message>
        <source>Leg vast waarom de plaatsing langer doorloopt.</source>
        <translation>Record why the placement continues.</translation>
    </message>
    <message>
        <source>Reden: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>Forfaitaire loonkostensubsidie</source>
        <translation>Flat-rate wage-cost subsidy</translation>
    </message>
    <message>
        <source>Forfaitaire loonkostensubsidie (nog geen meting)</source>
        <translation>Flat-rate wage-cost subsidy (no measurement yet)</translation>
    </message>
    <message>
        <source>Verzuim</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>nog afwezig</source>
        <translation>still absent</translation>
    </message>
    <message>
        <source>Loonkostensubsidie</source>
        <translation>Wage-cost subsidy</translation>
    </message>
    <message>
        <source>{0} jaar en ouder</source>
        <translation>{0} and older</translation>
    </message>
    <message>
        <source>Indicatie, niet betaalbaar: {0}</source>
        <translation>Indication, not payable: {0}</translation>
    </message>
    <message>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Situatie van de klant</source>
        <translation>The client&apos;s situation</translation>
    </message>
    <message>
        <source>Ondersteuning die de gemeente biedt</source>
        <translation>Support the municipality offers</translation>
    </message>
    <message>
        <source>Afspraken en plichten van de klant</source>
        <translation>The client&apos;s agreements and obligations</translation>
    </message>
    <message>
        <source>Gevolgen als de klant zich niet aan de afspraken houdt</source>
        <translation>Consequences when the client does not keep the agreements</translation>
    </message>
    <message>
        <source>Plan van aanpak bewerken</source>
        <translation>Edit plan of action</translation>
    </message>
    <message>
        <source>Plan loopt van</source>
        <translation>Plan runs from</translation>
    </message>
    <message>
        <source>tot</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Doelen</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Bereikt op</source>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>Activiteiten en instrumenten</source>
        <translation>Activities and instruments</translation>
    </message>
    <message>
        <source>Activiteit of instrument</source>
        <translation>Activity or instrument</translation>
    </message>
    <message>
        <source>Tot</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>kies of typ</source>
        <translation>choose or type</translation>
    </message>
    <message>
        <source>De huidige inhoud wordt vastgelegd als een genummerde versie die niet meer verandert. Is het plan al ondertekend, vul dan de datums in.</source>
        <translation>The current content is recorded as a numbered version that no longer changes. If the plan has been signed, fill in the dates.</translation>
    </message>
    <message>
        <source>Ondertekend door de klant op</source>
        <translation>Signed by the client on</translation>
    </message>
    <message>
        <source>Ondertekend door de medewerker op</source>
        <translation>Signed by the caseworker on</translation>
    </message>
    <message>
        <source>dd-mm-jjjj (leeg: nog niet)</source>
        <translation>dd-mm-yyyy (empty: not yet)</translation>
    </message>
    <message>
        <source>Uitgeven</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Plan van aanpak</source>
        <translation>Plan of action</translation>
    </message>
    <message>
        <source>Plan bewerken…</source>
        <translation>Edit plan…</translation>
    </message>
    <message>
        <source>Versie uitgeven…</source>
        <translation>Issue version…</translation>
    </message>
    <message>
        <source>PDF opslaan…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Openen om af te drukken</source>
        <translation>Open to print</translation>
    </message>
    <message>
        <source>Opent de PDF in de PDF-viewer van de computer</source>
        <translation>Opens the PDF in the computer&apos;s PDF viewer</translation>
    </message>
    <message>
        <source>Nog geen plan: kies Plan bewerken.</source>
        <translation>No plan yet: choose Edit plan.</translation>
    </message>
    <message>
        <source>versie {0} ({1})</source>
        <translation>version {0} ({1})</translation>
    </message>
    <message>
        <source>Uitgegeven: {0}</source>
        <translation>Issued: {0}</translation>
    </message>
    <message>
        <source>Situatie</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Ondersteuning</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Afspraken en plichten</source>
        <translation>Agreements and obligations</translation>
    </message>
    <message>
        <source>Er is op deze computer geen programma om PDF&apos;s mee te openen. Kies &apos;PDF opslaan…&apos; en open het bestand met een PDF-lezer.</source>
        <translation>This computer has no program to open PDFs with. Choose &apos;Save PDF…&apos; and open the file in a PDF reader.</translation>
    </message>
    <message>
        <source>Versie uitgeven</source>
        <translation>Issue version</translation>
    </message>
    <message>
        <source>Versie {0} van het plan is uitgegeven.</source>
        <translation>Version {0} of the plan has been issued.</translation>
    </message>
    <message>
        <source>Het plan kon niet worden opgeslagen: {0}</source>
        <translation>The plan could not be saved: {0}</translation>
    </message>
    <message>
        <source>Plan opslaan als PDF</source>
        <translation>Save plan as PDF</translation>
    </message>
    <message>
        <source>Plan opgeslagen: {0}</source>
        <translation>Plan saved: {0}</translation>
    </message>
    <message>
        <source>Niet gekoppeld aan een centrale server</source>
        <translation>Not linked to a central server</translation>
    </message>
    <message>
        <source>Meld u opnieuw aan bij de centrale server (Ctrl+Shift+A)</source>
        <translation>Log in to the central server again (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Nog niet gesynchroniseerd</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Offline; laatst gesynchroniseerd {0}</source>
        <translation>Offline; last synced {0}</translation>
    </message>
    <message>
        <source>Gesynchroniseerd {0}</source>
        <translation>Synced {0}</translation>
    </message>
    <message>
        <source>{0} niet verzonden</source>
        <translation>{0} not sent</translation>
    </message>
    <message>
        <source>{0} conflict(en)</source>
        <translation>{0} conflict(s)</translation>
    </message>
    <message>
        <source>Let op: de klok van deze laptop wijkt {0} minuten af</source>
        <translation>Note: this laptop&apos;s clock is {0} minutes off</translation>
    </message>
    <message>
        <source>Synchronisatie afbreken…</source>
        <translation>Cancelling the synchronisation…</translation>
    </message>
    <message>
        <source>Synchroniseren…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Synchroniseren… {0} van {1}</source>
        <translation>Syncing… {0} of {1}</translation>
    </message>
    <message>
        <source>De klok van deze laptop wijkt meer dan 5 minuten af van die van de centrale server. Zet de klok goed: tijden van wijzigingen en conflicten kloppen anders niet.</source>
        <translation>This laptop&apos;s clock differs more than 5 minutes from the central server&apos;s. Set the clock right: otherwise the times of changes and conflicts are wrong.</translation>
    </message>
    <message>
        <source>Gesynchroniseerd: {0} verzonden, {1} ontvangen.</source>
        <translation>Synced: {0} sent, {1} received.</translation>
    </message>
    <message>
        <source>{0} nieuwe conflict(en) om op te lossen.</source>
        <translation>{0} new conflict(s) to resolve.</translation>
    </message>
    <message>
        <source>Sluit Trede en open het opnieuw: dan kunt u de reservekopie terugzetten of de gegevens opnieuw ophalen.</source>
        <translation>Close Trede and open it again: you can then put the backup back or receive the data again.</translation>
    </message>
    <message>
        <source>De synchronisatie is mislukt. Er is niets verloren; probeer het opnieuw.</source>
        <translation>The sync failed. Nothing was lost; please try again.</translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Uw wijzigingen gaan naar de centrale server zodra er verbinding is; u ontvangt de klanten van uw caseload. Het wachtwoord wordt niet bewaard.</source>
        <translation>Your changes go to the central server whenever there is a connection; you receive the clients of your caseload. The password is not stored.</translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Aanmelden en de klanten van uw caseload ophalen…</source>
        <translation>Logging in and receiving the clients of your caseload…</translation>
    </message>
    <message>
        <source>Klant</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Uw waarde</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>«{0}», gewijzigd door {1} op {2}.</source>
        <translation>“{0}”, changed by {1} on {2}.</translation>
    </message>
    <message>
        <source>Niet verwerkt: {0}. {1}</source>
        <translation>Not processed: {0}. {1}</translation>
    </message>
    <message>
        <source>Opgeslagen: «{0}», gewijzigd door {1} op {2}.</source>
        <translation>Stored: “{0}”, changed by {1} on {2}.</translation>
    </message>
    <message>
        <source>Deze laptop: {0} {1}</source>
        <translation>This laptop: {0} {1}</translation>
    </message>
    <message>
        <source>Opgeslagen waarde</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>Tegelijk aangemaakt: {0} Opgeslagen: «{1}», door {2}.</source>
        <translation>Created at the same time: {0} Stored: “{1}”, by {2}.</translation>
    </message>
    <message>
        <source>De teamleider kiest welke overdracht blijft.</source>
        <translation>The team lead chooses which handover stays.</translation>
    </message>
    <message>
        <source>Wie de klant nu heeft, beslist of het alsnog wordt verwerkt.</source>
        <translation>Whoever has the client now decides whether it is processed after all.</translation>
    </message>
    <message>
        <source>Conflicten oplossen</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>Open conflicten</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>Deze wijzigingen konden niet vanzelf worden samengevoegd. Kies per regel welke waarde blijft; er gaat niets verloren tot u kiest.</source>
        <translation>These changes could not be merged by themselves. Choose per line which value stays; nothing is lost until you choose.</translation>
    </message>
    <message>
        <source>Er zijn geen open conflicten.</source>
        <translation>There are no open conflicts.</translation>
    </message>
    <message>
        <source>Details van het conflict</source>
        <translation>Details of the conflict</translation>
    </message>
    <message>
        <source>&amp;Mijn waarde houden</source>
        <translation>Keep &amp;mine</translation>
    </message>
    <message>
        <source>&amp;Opgeslagen waarde houden</source>
        <translation>Keep the &amp;stored value</translation>
    </message>
    <message>
        <source>&amp;Andere waarde…</source>
        <translation>&amp;Other value…</translation>
    </message>
    <message>
        <source>Alsnog &amp;verwerken</source>
        <translation>&amp;Process after all</translation>
    </message>
    <message>
        <source>&amp;Laten vervallen</source>
        <translation>&amp;Let it go</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Mijn versie &amp;gebruiken</source>
        <translation>&amp;Use my version</translation>
    </message>
    <message>
        <source>Opgeslagen versie &amp;houden</source>
        <translation>&amp;Keep the stored version</translation>
    </message>
    <message>
        <source>Andere waarde</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Nieuwe waarde voor {0}:</source>
        <translation>New value for {0}:</translation>
    </message>
    <message>
        <source>Wachtwoord van uw account</source>
        <translation>Password of your account</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor deze laptop</source>
        <translation>New password for this laptop</translation>
    </message>
    <message>
        <source>Herhaal dat wachtwoord</source>
        <translation>Repeat that password</translation>
    </message>
    <message>
        <source>Trede maakt op deze laptop een versleutelde database en haalt de klanten van uw caseload op. Het laptopwachtwoord beschermt die database; het wordt nergens bewaard.</source>
        <translation>Trede makes an encrypted database on this laptop and fetches the clients of your caseload. The laptop password protects that database; it is not stored anywhere.</translation>
    </message>
    <message>
        <source>Aanmelden bij de centrale server…</source>
        <translation>Logging in to the central server…</translation>
    </message>
    <message>
        <source>Aanmelden en ophalen</source>
        <translation>Log in and fetch</translation>
    </message>
    <message>
        <source>Afbreken</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Eerste maand</source>
        <translation>First month</translation>
    </message>
    <message>
        <source>Laatste maand</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>mm-jjjj</source>
        <translation>mm-yyyy</translation>
    </message>
    <message>
        <source>Optellen per</source>
        <translation>Sum per</translation>
    </message>
    <message>
        <source>Een maand loopt van 01 tot en met 12; typ bijvoorbeeld 01-2026.</source>
        <translation>A month runs from 01 to 12; type for example 01-2026.</translation>
    </message>
    <message>
        <source>Typ de maanden als mm-jjjj, bijvoorbeeld 01-2026.</source>
        <translation>Type the months as mm-yyyy, for example 01-2026.</translation>
    </message>
    <message>
        <source>De laatste maand ligt voor de eerste.</source>
        <translation>The last month is before the first.</translation>
    </message>
    <message>
        <source>De bedragen konden niet worden berekend: {0}</source>
        <translation>The amounts could not be computed: {0}</translation>
    </message>
    <message>
        <source>{0} plaatsingen, samen {1} van {2} tot en met {3}</source>
        <translation>{0} placements, together {1} from {2} to {3} inclusive</translation>
    </message>
    <message>
        <source>Loonkostensubsidie exporteren</source>
        <translation>Export wage-cost subsidy</translation>
    </message>
    <message>
        <source>{0} regels geëxporteerd naar {1}</source>
        <translation>{0} lines exported to {1}</translation>
    </message>
    <message>
        <source>Er ging iets onverwachts mis. Wat u al had opgeslagen, is bewaard; wat u in dit venster nog niet had opgeslagen, kunt u opnieuw proberen. Blijft het gebeuren, geef dan het logbestand (trede.log) aan de beheerder.</source>
        <translation>Something unexpected went wrong. What you had saved is kept; what you had not yet saved in this window you can try again. If it keeps happening, give the log file (trede.log) to the administrator.</translation>
    </message>
    <message>
        <source>De database is beschadigd</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>De database op deze laptop is beschadigd. Trede schrijft er niets meer in. Kies hoe u verder wilt; het beschadigde bestand wordt in beide gevallen bewaard in de map &apos;beschadigd&apos;.</source>
        <translation>The database on this laptop is damaged. Trede no longer writes to it. Choose how to continue; either way the damaged file is kept in the folder &apos;beschadigd&apos;.</translation>
    </message>
    <message>
        <source>De database op deze laptop is beschadigd. Trede schrijft er niets meer in; het beschadigde bestand blijft bewaard.</source>
        <translation>The database on this laptop is damaged. Trede no longer writes to it; the damaged file is kept.</translation>
    </message>
    <message>
        <source>Reservekopie van {0} terugzetten</source>
        <translation>Restore the backup of {0}</translation>
    </message>
    <message>
        <source>Met de reservekopie krijgt u de database terug zoals die toen was; wat u daarna deed en al had gesynchroniseerd, komt bij de volgende synchronisatie terug.</source>
        <translation>The backup gives you the database as it was then; work you did afterwards that was already synchronised returns at the next synchronisation.</translation>
    </message>
    <message>
        <source>Met de reservekopie krijgt u de database terug zoals die toen was; wat u daarna hebt ingevoerd, moet u opnieuw invoeren.</source>
        <translation>The backup gives you the database as it was then; what you entered afterwards you will have to enter again.</translation>
    </message>
    <message>
        <source>Er is nog geen reservekopie van deze database.</source>
        <translation>There is no backup of this database yet.</translation>
    </message>
    <message>
        <source>Opnieuw ophalen maakt de database opnieuw met alles van de centrale server; uw niet verzonden wijzigingen die nog leesbaar zijn, gaan mee.</source>
        <translation>Downloading again rebuilds the database with everything from the central server; your unsent changes that can still be read are sent along.</translation>
    </message>
    <message>
        <source>Deze laptop is niet gekoppeld aan een centrale server. Vraag de beheerder om hulp.</source>
        <translation>This laptop is not linked to a central server. Ask the administrator for help.</translation>
    </message>
    <message>
        <source>Alles opnieuw ophalen van de centrale server</source>
        <translation>Download everything again from the central server</translation>
    </message>
    <message>
        <source>Trede sluiten</source>
        <translation>Close Trede</translation>
    </message>
    <message>
        <source>Reservekopie terugzetten…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>De database opnieuw ophalen van de centrale server…</source>
        <translation>Downloading the database again from the central server…</translation>
    </message>
    <message>
        <source>Afbreken… Trede wacht tot het lopende verzoek klaar is.</source>
        <translation>Cancelling… Trede waits until the request under way has ended.</translation>
    </message>
</context>
</TS>
