"""UI labels in Dutch and English. Imports nothing heavy: the home screen paints before the
domain model is loaded."""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]

_TEXT: dict[str, tuple[str, str]] = {
    # app
    "app.title": ("Workshop: klantreis", "Workshop: customer journey"),
    "report.compile": ("sessies samenvoegen", "compiling the sessions"),
    "report.busy": ("Rapport maken: {step}", "Making the report: {step}"),
    "report.done": ("Rapport geschreven in {path}", "Report written to {path}"),
    "report.failed": ("Rapport niet gemaakt: {error}", "Report not made: {error}"),
    # status line
    "status.saved": ("✓ opgeslagen", "✓ saved"),
    "status.idle": ("○ nog niets gewijzigd", "○ nothing changed yet"),
    "status.pending": ("● wijzigingen: bewaren…", "● changes: saving…"),
    "status.saving": ("⟳ opslaan…", "⟳ saving…"),
    "status.error": ("⚠ niet opgeslagen, opnieuw proberen: {message}", "⚠ not saved, retrying: {message}"),
    "status.conflict": (
        "⚠ door een ander programma gewijzigd, niet overschreven: {message}",
        "⚠ changed by another program, not overwritten: {message}",
    ),
    # home
    "home.title": ("Workshops", "Workshops"),
    "home.loading": ("Workshops laden…", "Loading workshops…"),
    "home.folder": ("Map: {folder}", "Folder: {folder}"),
    "home.counts": (
        "{personas} persona's · {sessions} sessies · {notes} notities",
        "{personas} personas · {sessions} sessions · {notes} notes",
    ),
    "home.problems": ("⚠ {count} probleem/problemen", "⚠ {count} problem(s)"),
    "home.empty": (
        "Welkom! Er staan nog geen workshops in {folder}.\n\n"
        "Een workshop is één klantreis voor één product, dienst of afdeling: een doel, een "
        "fasemodel, persona's en sessies (empathiekaart, klantarena, gemba walk).\n\n"
        "Druk op  n  om je eerste workshop te maken,  ?  voor hulp.",
        "Welcome! There are no workshops in {folder} yet.\n\n"
        "A workshop is one customer journey for one product, service or department: a goal, a "
        "phase model, personas and sessions (empathy map, customer arena, gemba walk).\n\n"
        "Press  n  to create your first workshop,  ?  for help.",
    ),
    "home.delete": (
        'Workshop "{title}" verwijderen? De map gaat naar {trash}; niets is definitief weg.',
        'Delete workshop "{title}"? Its folder moves to {trash}; nothing is gone for good.',
    ),
    "home.deleted": ("Verwijderd: {title} (in {trash})", "Deleted: {title} (in {trash})"),
    "home.rename": ("Nieuwe titel", "New title"),
    "home.cannot_open": ("Kan niet openen: {problem}", "Cannot open: {problem}"),
    # workshop form
    "wsform.new": ("Nieuwe workshop", "New workshop"),
    "wsform.edit": ("Workshop bewerken", "Edit workshop"),
    "field.title": ("Titel", "Title"),
    "field.goal": (
        "Doel: waarom brengen we deze klantreis in kaart?",
        "Goal: why are we mapping this journey?",
    ),
    "field.product": ("Product, dienst of afdeling", "Product, service or department"),
    "field.phase_model": ("Fasemodel", "Phase model"),
    "field.custom_phases": (
        "Eigen fasen, één per regel (Nederlands|English)",
        "Your own phases, one per line (Nederlands|English)",
    ),
    "field.language": ("Taal", "Language"),
    "field.custom": ("Eigen fasen", "Custom phases"),
    "field.phases_fixed": (
        "Fasen ({model}): {phases}. Het fasemodel ligt vast na het aanmaken.",
        "Phases ({model}): {phases}. The phase model is fixed once created.",
    ),
    "form.required": ("verplicht", "required"),
    "form.hint": ("ctrl+s opslaan · esc annuleren", "ctrl+s save · esc cancel"),
    # workshop screen
    "ws.goal": ("Doel", "Goal"),
    "ws.no_goal": ("(nog geen doel: druk op e)", "(no goal yet: press e)"),
    "ws.product": ("Product/dienst", "Product/service"),
    "ws.phases": ("Fasen", "Phases"),
    "ws.personas": ("Persona's ({count})", "Personas ({count})"),
    "ws.sessions": ("Sessies ({count})", "Sessions ({count})"),
    "ws.no_personas": ("Nog geen persona's: druk op p.", "No personas yet: press p."),
    "ws.no_sessions": (
        "Nog geen sessies: druk op m voor een empathiekaart.",
        "No sessions yet: press m for an empathy map.",
    ),
    "ws.kind.empathy": ("Empathiekaarten ({count})", "Empathy maps ({count})"),
    "ws.kind.arena": ("Klantarena's ({count})", "Customer arenas ({count})"),
    "ws.kind.gemba": ("Gemba walks ({count})", "Gemba walks ({count})"),
    "ws.map_line": ("{title} · {persona} · {items} items", "{title} · {persona} · {items} items"),
    "ws.arena_line": ("{title} · {notes} notities", "{title} · {notes} notes"),
    "ws.walk_line": ("{title} · {notes} waarnemingen", "{title} · {notes} observations"),
    "ws.delete": (
        '"{title}" verwijderen? Het bestand gaat naar .trash; niets is definitief weg.',
        'Delete "{title}"? The file moves to .trash; nothing is gone for good.',
    ),
    "ws.persona_in_use": (
        "{name} hoort bij {count} empathiekaart(en); verwijder die eerst.",
        "{name} belongs to {count} empathy map(s); delete those first.",
    ),
    "ws.need_persona": ("Maak eerst een persona (p).", "Create a persona first (p)."),
    "kind.arena": ("klantarena", "customer arena"),
    "kind.gemba": ("gemba walk", "gemba walk"),
    "kind.observation": ("waarneming", "observation"),
    "kind.pain": ("pijnpunt", "pain"),
    "kind.gain": ("winstpunt", "gain"),
    "kind.idea": ("idee", "idea"),
    "kind.question": ("vraag", "question"),
    "ws.shared": (
        "{who} heeft deze workshop ook open. Niemand overschrijft een ander zonder te vragen; "
        "in een gemba walk logt ieder in een eigen bestand.",
        "{who} has this workshop open too. Nobody overwrites another without asking; "
        "in a gemba walk each logs to a file of their own.",
    ),
    "conflicts.title": ("Conflicten na samenvoegen", "Conflicts after merging"),
    "conflicts.hint": (
        "Twee versies van dezelfde notitie. Enter: kies er een, of houd beide.",
        "Two versions of the same note. Enter: choose one, or keep both.",
    ),
    "conflicts.line": (
        "{document}: hier «{ours}» · ander «{theirs}»",
        "{document}: here «{ours}» · other «{theirs}»",
    ),
    "conflicts.none": ("Geen conflicten.", "No conflicts."),
    "conflicts.choose": ("Welke versie?", "Which version?"),
    "conflicts.ours": ("Deze versie houden", "Keep this version"),
    "conflicts.theirs": ("De andere versie nemen", "Take the other version"),
    "conflicts.both": ("Beide houden (de andere als nieuwe notitie)", "Keep both (the other as a new note)"),
    "ws.conflicts": (
        "⚠ {count} conflict(en) na samenvoegen: druk k",
        "⚠ {count} conflict(s) after merging: press k",
    ),
    "arena.new": ("Nieuwe klantarena", "New customer arena"),
    "arena.setup": ("Klantarena instellen", "Set up the customer arena"),
    "arena.default_title": ("Klantarena", "Customer arena"),
    "arena.title": ("Titel", "Title"),
    "arena.themes": (
        "Thema's, vooraf met de opdrachtgever afgesproken: één per regel",
        "Themes agreed with the client beforehand: one per line",
    ),
    "arena.themes_short": ("Thema's", "Themes"),
    "arena.inner": (
        "Binnenring, klanten: één per regel, 'Alias, segment' en ', +' bij toestemming om genoemd te worden",
        "Inner ring, customers: one per line, 'Alias, segment' and ', +' for consent to be named",
    ),
    "arena.outer": (
        "Buitenring, medewerkers: 'Naam, rol of afdeling'",
        "Outer ring, staff: 'Name, role or department'",
    ),
    "arena.ring_ok": (
        "{customers} klanten, {staff} medewerkers: de buitenring is groot genoeg.",
        "{customers} customers, {staff} staff: the outer ring is large enough.",
    ),
    "arena.ring_short": (
        "{customers} klanten, {staff} medewerkers: "
        "de buitenring moet minstens zo groot zijn als de binnenring.",
        "{customers} customers, {staff} staff: the outer ring must be at least as large as the inner ring.",
    ),
    "arena.ring_refused": (
        "Niet gestart: {staff} medewerkers voor {customers} klanten. "
        "Voeg medewerkers toe, of schrijf hieronder waarom het zo moet.",
        "Not started: {staff} staff for {customers} customers. Add staff, or write below why it must be so.",
    ),
    "arena.override": (
        "Reden voor een kleinere buitenring (wordt vastgelegd)",
        "Reason for a smaller outer ring (recorded)",
    ),
    "arena.minutes": (
        "Geplande minuten per ronde (drie getallen)",
        "Planned minutes per round (three numbers)",
    ),
    "arena.minutes_error": (
        "Drie getallen van 1 tot 240, bijv. 20 20 15",
        "Three numbers from 1 to 240, e.g. 20 20 15",
    ),
    "arena.mixed": (
        "Ronde 3 in gemengde groepen (anders wisselen de ringen)",
        "Round 3 in mixed groups (otherwise the rings swap)",
    ),
    "arena.speaker_in_use": (
        "Iemand met notities kan niet uit de ring.",
        "Someone with notes cannot leave the ring.",
    ),
    "arena.round": ("Ronde {number}/3: {purpose}", "Round {number}/3: {purpose}"),
    "arena.no_notes": ("Nog geen notities in deze ronde.", "No notes in this round yet."),
    "arena.no_speakers": ("Nog niemand in de ringen: ctrl+e", "Nobody in the rings yet: ctrl+e"),
    "arena.note": (
        "Notitie: '2: tekst', -2..+2 gevoel, @fase, #contactmoment, begin met \" voor een citaat",
        "Note: '2: text', -2..+2 sentiment, @phase, #touchpoint, start with \" for a quote",
    ),
    "arena.time_up": ("De tijd van ronde {number} is om.", "Round {number}'s time is up."),
    "arena.last_round": ("Dit is de laatste ronde.", "This is the last round."),
    "arena.no_such_speaker": (
        "Er is geen spreker {number} in deze ronde.",
        "There is no speaker {number} in this round.",
    ),
    "arena.commit_prompt": (
        "Toezegging: eigenaar; uiterlijk (jjjj-mm-dd), bijv. Petra Smit; 2026-12-15",
        "Commitment: owner; due (yyyy-mm-dd), e.g. Petra Smit; 2026-12-15",
    ),
    "key.filter": ("Filter", "Filter"),
    "gemba.new": ("Nieuwe gemba walk", "New gemba walk"),
    "gemba.setup": ("Gemba walk instellen", "Set up the gemba walk"),
    "gemba.default_title": ("Gemba walk", "Gemba walk"),
    "gemba.title": ("Titel", "Title"),
    "gemba.focus": ("Focus: wat willen we zien?", "Focus: what do we want to see?"),
    "gemba.consent": ("Toestemming: wat is met wie afgesproken?", "Consent: what was agreed with whom?"),
    "gemba.observers": ("Observatoren: één per regel, 'Naam, rol'", "Observers: one per line, 'Name, role'"),
    "gemba.route": (
        "Route: één stap per regel, in looprichting, met @fase ({phases})",
        "Route: one step per line, in walking order, with @phase ({phases})",
    ),
    "gemba.observer_in_use": (
        "Een observator met waarnemingen kan niet weg.",
        "An observer with observations cannot be left out.",
    ),
    "gemba.no_route": (
        "Nog geen route: ctrl+e om stappen toe te voegen",
        "No route yet: ctrl+e to add steps",
    ),
    "gemba.where": (
        "Stap {number}/{total}: {step} ({phase}) · observator: {who}",
        "Step {number}/{total}: {step} ({phase}) · observer: {who}",
    ),
    "gemba.empty_log": (
        "Nog geen waarnemingen: typ hieronder en Enter.",
        "No observations yet: type below, Enter.",
    ),
    "gemba.capture": (
        "Wat zie je? bijv. Rij bij de zuil ~5m #wachten !3 -1 @balie",
        "What do you see? e.g. Queue at the kiosk ~5m #waiting !3 -1 @desk",
    ),
    "gemba.grammar": (
        "@stap  #label #verspilling #pijn #idee  !ernst 1-5  +/-emotie  N min  ·  ^↑/^↓ stap  ^o wie",
        "@step  #tag #waste #pain #idea  !severity 1-5  +/-emotion  N min  ·  ^↑/^↓ step  ^o who",
    ),
    "gemba.no_text": (
        "Schrijf ook wat je ziet, niet alleen labels.",
        "Write what you see too, not only tags.",
    ),
    "gemba.panel": ("Stap                  aantal · wacht", "Step                  count · wait"),
    "gemba.no_step": ("(geen stap)", "(no step)"),
    "gemba.totals": (
        "{count} waarnemingen · {wait} min wachten",
        "{count} observations · {wait} min waiting",
    ),
    "gemba.log_all": ("Logboek, nieuwste eerst ({count})", "Log, newest first ({count})"),
    "gemba.log_filtered": ("Logboek ({count}), filter: {filter}", "Log ({count}), filter: {filter}"),
    "gemba.f_step": ("Stap", "Step"),
    "gemba.f_kind": ("Soort", "Kind"),
    "gemba.f_waste": ("Verspilling", "Waste"),
    "gemba.f_observer": ("Observator", "Observer"),
    "gemba.f_all": ("Alles tonen", "Show everything"),
    "gemba.who": ("Wie logt er?", "Who is logging?"),
    "gemba.no_observers": ("Nog geen observatoren: ctrl+e", "No observers yet: ctrl+e"),
    "gemba.not_own": (
        "Deze waarneming staat in het bestand van een andere notulist.",
        "This observation is in another note-taker's file.",
    ),
    "gemba.edit": ("Waarneming aanpassen", "Edit the observation"),
    "gemba.deleted": ("Verwijderd: {text}", "Deleted: {text}"),
    "gemba.action_prompt": (
        "Actie: eigenaar; uiterlijk (jjjj-mm-dd), bijv. Petra Smit; 2026-12-15",
        "Action: owner; due (yyyy-mm-dd), e.g. Petra Smit; 2026-12-15",
    ),
    "gemba.bad_date": ("{value} is geen datum (jjjj-mm-dd)", "{value} is not a date (yyyy-mm-dd)"),
    "gemba.action_made": ("Actie gemaakt voor {owner}", "Action made for {owner}"),
    "gemba.shared": (
        "{who} heeft deze walk open; jouw waarnemingen gaan naar {file}",
        "{who} has this walk open; your observations go to {file}",
    ),
    "changed.title": ("Gewijzigd op schijf", "Changed on disk"),
    "changed.body": (
        "{file} is door een ander programma gewijzigd. Opnieuw laden (jouw niet-opgeslagen wijzigingen "
        "in dit bestand vervallen) of jouw versie houden (overschrijft het bestand)?",
        "{file} was changed by another program. Reload it (your unsaved changes to this file are "
        "dropped) or keep your version (overwrites the file)?",
    ),
    "changed.reload": ("Opnieuw laden", "Reload"),
    "changed.keep": ("Mijn versie houden", "Keep mine"),
    "changed.reloaded": ("Opnieuw geladen van schijf.", "Reloaded from disk."),
    # persona
    "persona.new": ("Nieuwe persona", "New persona"),
    "persona.edit": ("Persona bewerken", "Edit persona"),
    "persona.name": ("Naam", "Name"),
    "persona.segment": ("Segment (klantgroep)", "Segment (customer group)"),
    "persona.quote": ("Citaat", "Quote"),
    "persona.goals": ("Doelen (één per regel)", "Goals (one per line)"),
    "persona.needs": ("Behoeften (één per regel)", "Needs (one per line)"),
    "persona.expectations": (
        "Verwachtingen, ook meetbare (bv. binnen 10 minuten geholpen)",
        "Expectations, also measurable (e.g. helped within 10 minutes)",
    ),
    "persona.frustrations": ("Frustraties (één per regel)", "Frustrations (one per line)"),
    "persona.channels": ("Kanalen (één per regel)", "Channels (one per line)"),
    "persona.devices": ("Apparaten (één per regel)", "Devices (one per line)"),
    "persona.notes": ("Notities", "Notes"),
    "persona.card": ("Persona", "Persona"),
    "persona.empty": ("—", "—"),
    # empathy map
    "map.new": ("Nieuwe empathiekaart", "New empathy map"),
    "map.pick_persona": ("Voor welke persona?", "For which persona?"),
    "map.create_persona": ("+ nieuwe persona maken", "+ create a new persona"),
    "map.title": ("Titel", "Title"),
    "map.default_title": ("Empathiekaart {name}", "Empathy map {name}"),
    "map.goal": ("Wat moet {name} doen? (doel)", "What does {name} need to do? (goal)"),
    "map.extended": ("Uitgebreid canvas: ook Ziet en Hoort", "Extended canvas: also Sees and Hears"),
    "map.header": ("Empathiekaart · {persona}", "Empathy map · {persona}"),
    "map.goal_line": ("Doel: {goal}", "Goal: {goal}"),
    "map.no_goal": ("Doel: (nog niet geschreven: tab naar Doel)", "Goal: (not written yet: tab to Goal)"),
    "map.add_to": ("Nieuw in {section}: één regel, Enter", "New in {section}: one line, Enter"),
    "map.goal_input": (
        "Het doel: wat moet de persona doen? Enter",
        "The goal: what does the persona need to do? Enter",
    ),
    "map.edit_item": ("Item bewerken", "Edit item"),
    "map.move_to": ("Verplaatsen naar…", "Move to…"),
    "map.tag_phase": ("Fase van dit item", "Phase of this item"),
    "map.no_phase": ("(geen fase)", "(no phase)"),
    "map.empty_section": ("leeg", "empty"),
    "map.still_empty": ("Nog leeg: {sections}", "Still empty: {sections}"),
    "map.all_filled": ("Alle vakken hebben items.", "Every section has items."),
    "map.nothing_to_undo": ("Niets om ongedaan te maken.", "Nothing to undo."),
    "map.undone": ("Ongedaan: {what}", "Undone: {what}"),
    "map.no_item": ("Geen item gekozen in dit vak.", "No item selected in this section."),
    "map.valence_fixed": (
        "Items in {section} zijn altijd {valence}; verplaats het item naar een ander vak.",
        "Items in {section} are always {valence}; move the item to another section.",
    ),
    "map.no_phases": ("Deze workshop heeft geen fasen.", "This workshop has no phases."),
    "undo.add": ("toevoegen", "add"),
    "undo.log": ("waarneming", "observation"),
    "undo.note": ("notitie", "note"),
    "undo.delete": ("verwijderen", "delete"),
    "undo.edit": ("wijzigen", "edit"),
    "undo.goal": ("doel", "goal"),
    "section.goal": ("Doel", "Goal"),
    "section.says": ("Zegt", "Says"),
    "section.thinks": ("Denkt", "Thinks"),
    "section.does": ("Doet", "Does"),
    "section.feels": ("Voelt", "Feels"),
    "section.sees": ("Ziet", "Sees"),
    "section.hears": ("Hoort", "Hears"),
    "section.pains": ("Pijnpunten", "Pains"),
    "section.gains": ("Winstpunten", "Gains"),
    "prompt.goal": (
        "Begin bij het doel: wat moet de persona doen, in één zin?",
        "Start with the goal: what does the persona need to do, in one sentence?",
    ),
    "prompt.sees": (
        "Wat ziet de persona om zich heen: omgeving, anderen, aanbod?",
        "What do they see around them: surroundings, other people, offers?",
    ),
    "prompt.hears": (
        "Wat hoort de persona van anderen: familie, collega's, media?",
        "What do they hear from others: family, colleagues, media?",
    ),
    "prompt.says": (
        "Wat zegt de persona letterlijk? Noteer citaten.",
        "What do they say out loud? Write quotes.",
    ),
    "prompt.does": (
        "Wat doet de persona: gedrag, handelingen, omwegen?",
        "What do they do: behaviour, actions, workarounds?",
    ),
    "prompt.thinks": (
        "Wat denkt de persona, maar zegt het niet hardop?",
        "What do they think but not say out loud?",
    ),
    "prompt.feels": (
        "Wat voelt de persona: zorgen, opluchting, ergernis?",
        "What do they feel: worries, relief, annoyance?",
    ),
    "prompt.pains": (
        "Pijnpunten: angsten, frustraties, obstakels.",
        "Pains: fears, frustrations, obstacles.",
    ),
    "prompt.gains": (
        "Winstpunten: wensen, behoeften, wat is succes?",
        "Gains: wants, needs, what does success look like?",
    ),
    "valence.pain": ("pijn", "pain"),
    "valence.gain": ("winst", "gain"),
    "valence.neutral": ("neutraal", "neutral"),
    # confirm, quit
    "confirm.yes": ("Ja", "Yes"),
    "confirm.no": ("Nee", "No"),
    "delete.cited": (
        "Deze notitie is bron van {count} actie(s): {actions}. Verwijderen haalt haar uit die "
        "acties (ongedaan maken zet haar terug). Toch verwijderen?",
        "This note is a source of {count} action(s): {actions}. Deleting takes it out of them "
        "(undo puts it back). Delete anyway?",
    ),
    "paste.lines": (
        "{count} regels geplakt. Elke regel een eigen notitie?",
        "{count} lines pasted. Make each line a note of its own?",
    ),
    "paste.yes": ("{count} notities", "{count} notes"),
    "paste.no": ("Niets toevoegen", "Add nothing"),
    "leave.draft": (
        "Deze regel is nog niet ingevoerd:\n“{text}”\nEerst als notitie bewaren?",
        "This line was not entered yet:\n“{text}”\nKeep it as a note first?",
    ),
    "leave.keep": ("Bewaren en terug", "Keep it and go back"),
    "leave.stay": ("Blijven", "Stay"),
    "quit.unsaved": (
        "{count} wijziging(en) zijn nog niet opgeslagen ({message}). Toch stoppen? Ze gaan dan verloren.",
        "{count} change(s) are not saved yet ({message}). Quit anyway? They will be lost.",
    ),
    "error.action": ("Dat lukte niet: {error}", "That did not work: {error}"),
    # help
    "help.title": ("Hulp", "Help"),
    "help.keys": ("Toetsen op dit scherm", "Keys on this screen"),
    "help.methods": ("De methoden", "The methods"),
    "help.palette": (
        "ctrl+p opent het commandopalet: de acties van dit scherm, en zoeken op naam "
        "(workshop, persona, sessie, stap, fase, observator, spreker).",
        "ctrl+p opens the command palette: the actions of this screen, and search by name "
        "(workshop, persona, session, step, phase, observer, speaker).",
    ),
    "help.editing": (
        "In een lijst: ↑/↓, pgup/pgdn, home/end. In een invoerregel de gewone bewerkingstoetsen: ←/→, "
        "home/end, ctrl+←/→ per woord, ctrl+w en ctrl+u wissen naar links, ctrl+k naar rechts.",
        "In a list: ↑/↓, pgup/pgdn, home/end. In an input line the usual editing keys: ←/→, home/end, "
        "ctrl+←/→ by word, ctrl+w and ctrl+u delete to the left, ctrl+k to the right.",
    ),
    "help.keymap": (
        'Een toets anders? Zet in {path}:  [keymap]  next_round = "ctrl+n"  (de namen staan in de README).',
        'Another key? Put in {path}:  [keymap]  next_round = "ctrl+n"  (the README lists the names).',
    ),
    "keymap.clash": (
        "{path}: [keymap] {moved} = {keys} neemt de toets van {others}; "
        "die werkt nu alleen met zijn andere toetsen.",
        "{path}: [keymap] {moved} = {keys} takes the key of {others}, "
        "which now works with its other keys only.",
    ),
    # command palette
    "palette.search": (
        "Zoek een actie, persona, sessie, stap of persoon…",
        "Search for an action, persona, session, step or person…",
    ),
    "palette.open_workshop": ("Workshop openen: {title}", "Open workshop: {title}"),
    "palette.persona": ("Persona: {name}", "Persona: {name}"),
    "palette.map": ("Empathiekaart", "Empathy map"),
    "palette.arena": ("Klantarena", "Customer arena"),
    "palette.walk": ("Gemba walk", "Gemba walk"),
    "palette.session": ("Sessie", "Session"),
    "palette.step": ("Naar stap {number}: {name}", "Go to step {number}: {name}"),
    "palette.phase": ("Naar fase: {phase}", "Go to phase: {phase}"),
    "palette.observer": ("Observator: {name}", "Observer: {name}"),
    "palette.speaker": ("Spreker: {name}", "Speaker: {name}"),
    "help.empathy": (
        "Empathiekaart: voor één persona noteer je wat die zegt, denkt, doet en voelt (en ziet en hoort),\n"
        "van waarneembaar naar afgeleid, met pijn- en winstpunten; elk item kan een fase krijgen.",
        "Empathy map: for one persona, note what they say, think, do and feel (and see and hear),\n"
        "from observable to inferred, with pains and gains; each item can be tagged with a phase.",
    ),
    "help.arena": (
        "Klantarena: klanten in de binnenkring, minstens zoveel medewerkers in de buitenkring "
        "die luisteren;\n"
        "drie gespreksrondes, notities per ronde, en aan het eind toezeggingen met een eigenaar.",
        "Customer arena: customers in the inner ring, at least as many staff listening in the outer ring;\n"
        "three rounds of conversation, notes per round, and commitments with an owner at the end.",
    ),
    "help.gemba": (
        "Gemba walk: medewerkers lopen de echte route van de klant en noteren wat ze zien, horen en voelen:\n"
        "per stap waarnemingen, wachttijd, verspilling (TIMWOODS), ernst en emotie.",
        "Gemba walk: staff walk the customer's real route and log what they see, hear and feel:\n"
        "per step observations, waiting time, waste (TIMWOODS), severity and emotion.",
    ),
    "help.persona": (
        "Persona: een semi-fictief profiel van een klantgroep op gedrag en doelen;\n"
        "één persona per klantreis-perspectief, met behoeften, verwachtingen en frustraties.",
        "Persona: a semi-fictional profile of a customer group by behaviour and goals;\n"
        "one persona per journey view, with needs, expectations and frustrations.",
    ),
    "help.close": ("esc sluiten", "esc close"),
    # merge-live (issue 11): another writer's changes merged in, never a dialog
    "merged.added": ("{count} notitie(s) van een andere schrijver", "{count} note(s) from another writer"),
    "merged.came_in": (
        "Wijzigingen van een andere schrijver verwerkt",
        "Changes from another writer taken in",
    ),
    "merged.conflicts": (
        "{count} aan beide kanten gewijzigd: zie Conflicten (k)",
        "{count} edited on both sides: see Conflicts (k)",
    ),
    # -- synthesis screen (issue 14) ---------------------------------------------------------
    "syn.title": ("Synthese: van bewijs naar besluiten", "Synthesis: from evidence to decisions"),
    "syn.filter": (
        "f filter: woorden, method:gemba phase:… persona:… kind:pain of kind:quick-win",
        "f filter: words, method:gemba phase:… persona:… kind:pain or kind:quick-win",
    ),
    "syn.evidence": (
        "Bewijs {shown} van {total} · {selected} gekozen (spatie)",
        "Evidence {shown} of {total} · {selected} selected (space)",
    ),
    "syn.themes": (
        "Thema's ({count}) · stemmer: {voter} · {each} stippen · {state}",
        "Themes ({count}) · voter: {voter} · {each} dots · {state}",
    ),
    "syn.revealed": ("stemmen zichtbaar", "votes revealed"),
    "syn.hidden": ("stemmen verborgen", "votes hidden"),
    "syn.no_evidence": ("Geen bewijs dat bij het filter past.", "No evidence matches the filter."),
    "syn.no_themes": (
        "Nog geen thema's: kies notities en druk t.",
        "No themes yet: select notes and press t.",
    ),
    "syn.m.empathy": ("empathie", "empathy"),
    "syn.m.arena": ("arena", "arena"),
    "syn.m.gemba": ("gemba", "gemba"),
    "syn.count": ("{count} notities", "{count} notes"),
    "syn.votes": ("{count} stemmen", "{count} votes"),
    "syn.tie": ("(gelijk)", "(tie)"),
    "syn.my_dots": ("jouw stippen: {count}", "your dots: {count}"),
    "syn.actions": ("{count} acties", "{count} actions"),
    "syn.q.quick-win": ("snelle winst", "quick win"),
    "syn.q.big-bet": ("grote gok", "big bet"),
    "syn.q.fill-in": ("opvuller", "fill-in"),
    "syn.q.money-pit": ("geldput", "money pit"),
    "syn.matrix": ("Impact × moeite (★ = snelle winst)", "Impact × effort (★ = quick win)"),
    "syn.unplaced": ("Nog niet geplaatst", "Not placed yet"),
    "syn.theme_name": ("Naam van het thema", "Name of the theme"),
    "syn.theme_made": ("Thema {name} met {count} notities", "Theme {name} with {count} notes"),
    "syn.suggestions": ("Tags die meerdere notities delen", "Tags shared by several notes"),
    "syn.no_suggestions": ("Geen tag die meerdere notities delen.", "No tag is shared by several notes."),
    "syn.add_to": ("Bij welk thema?", "Add to which theme?"),
    "syn.added": ("{count} notities bij {name}", "{count} notes added to {name}"),
    "syn.removed": ("{count} notities uit hun thema", "{count} notes out of their theme"),
    "syn.describe": ("Beschrijving van het thema", "Description of the theme"),
    "syn.split_none": (
        "Kies eerst notities van {name} om af te splitsen.",
        "Select notes of {name} to split off first.",
    ),
    "syn.merge_into": ("Welk thema gaat op in {name}?", "Which theme merges into {name}?"),
    "syn.merged": ("Samengevoegd in {name}", "Merged into {name}"),
    "syn.delete": ("Thema {name} verwijderen?", "Delete theme {name}?"),
    "syn.pick_theme_first": (
        "Kies eerst een thema in de lijst rechts.",
        "Highlight a theme in the list on the right first.",
    ),
    "syn.voter": ("Wie stemt nu?", "Who votes now?"),
    "syn.no_voter": ("Zeg eerst wie stemt (w).", "Say who votes first (w)."),
    "syn.out_of_dots": ("Alle {each} stippen zijn op.", "All {each} dots are used."),
    "syn.dots_left": ("Nog {count} stippen", "{count} dots left"),
    "syn.top": ("Meeste stemmen ({count}): {names}", "Most votes ({count}): {names}"),
    "syn.impact": ("Impact van {name}", "Impact of {name}"),
    "syn.effort": ("Moeite voor {name}", "Effort of {name}"),
    "syn.score.1": ("laag", "low"),
    "syn.score.2": ("eerder laag", "rather low"),
    "syn.score.3": ("eerder hoog", "rather high"),
    "syn.score.4": ("hoog", "high"),
    "syn.hmw": ("Kans bij {name}", "Opportunity for {name}"),
    "syn.hmw_start": ("Hoe kunnen we ", "How might we "),
    "syn.opportunity_made": ("Kans gemaakt", "Opportunity made"),
    "syn.no_opportunity": ("Dit thema heeft nog geen kans (o).", "This theme has no opportunity yet (o)."),
    "syn.which_opportunity": ("Welke kans?", "Which opportunity?"),
}


def t(lang: str, key: str, **values: object) -> str:
    """The label in the language; falls back to English, then to the key itself."""
    pair = _TEXT.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in _TEXT
