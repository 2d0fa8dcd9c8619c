"""The report's words in Dutch and English, and dates written per language without the OS locale."""

from __future__ import annotations

import datetime as dt

_LABELS: dict[str, dict[str, str]] = {
    "report": {"nl": "Journeyrapport", "en": "Journey report"},
    "goal": {"nl": "Doel", "en": "Goal"},
    "product": {"nl": "Product of dienst", "en": "Product or service"},
    "scope": {"nl": "Afbakening", "en": "Scope"},
    "scope_begin": {"nl": "Begint bij", "en": "Begins at"},
    "scope_end": {"nl": "Eindigt bij", "en": "Ends at"},
    "phase_model": {"nl": "Fasemodel", "en": "Phase model"},
    "dates": {"nl": "Data", "en": "Dates"},
    "facilitator": {"nl": "Facilitator", "en": "Facilitator"},
    "persona_filter": {"nl": "Persona", "en": "Persona"},
    "all_personas": {"nl": "alle persona's", "en": "all personas"},
    "participation": {"nl": "Wie deed mee", "en": "Who took part"},
    # Persona cards, touchpoints and channels (report-look).
    "segment": {"nl": "Segment", "en": "Segment"},
    "persona_goals": {"nl": "Doelen", "en": "Goals"},
    "persona_needs": {"nl": "Behoeften", "en": "Needs"},
    "persona_expectations": {"nl": "Verwachtingen", "en": "Expectations"},
    "persona_frustrations": {"nl": "Frustraties", "en": "Frustrations"},
    "persona_channels": {"nl": "Kanalen", "en": "Channels"},
    "persona_devices": {"nl": "Apparaten", "en": "Devices"},
    "persona_evidence": {"nl": "Bewijs voor deze persona", "en": "Evidence for this persona"},
    "persona_none": {"nl": "Geen persona's vastgelegd.", "en": "No personas recorded."},
    "gemba_walks": {"nl": "Gemba walks", "en": "Gemba walks"},
    "stage": {"nl": "Moment", "en": "Stage"},
    "channel": {"nl": "Kanaal", "en": "Channel"},
    "touchpoint": {"nl": "Contactmoment", "en": "Touchpoint"},
    "pre-purchase": {"nl": "vóór aankoop", "en": "before purchase"},
    "purchase": {"nl": "tijdens aankoop", "en": "during purchase"},
    "post-purchase": {"nl": "na aankoop", "en": "after purchase"},
    "touchpoint_evidence": {"nl": "Bewijs per contactmoment", "en": "Evidence per touchpoint"},
    "touchpoints_intro": {
        "nl": "Elk contactmoment met zijn fase, moment (vóór, tijdens of na aankoop), kanaal en "
        "apparaten, en de notities die het noemen.",
        "en": "Every touchpoint with its phase, stage (before, during or after purchase), channel and "
        "devices, and the notes that name it.",
    },
    "cross_device_short": {"nl": "cross-device", "en": "cross-device"},
    "appendix_print": {
        "nl": "Op papier staan de notities van empathiekaarten (E) en klantarena's (A) met hun "
        "referentie onder 'Per methode'; hier volgt het logboek van de gemba walks (G).",
        "en": "On paper, the notes of empathy maps (E) and customer arenas (A) are listed with their "
        "reference under 'By method'; the gemba walk log (G) follows here.",
    },
    "cross_device": {
        "nl": "Apparaten in de hele reis: {devices}.",
        "en": "Devices across the journey: {devices}.",
    },
    "ref": {"nl": "Ref.", "en": "Ref."},
    "emotion_mean": {"nl": "Gemiddelde emotie", "en": "Mean emotion"},
    "personas": {"nl": "Persona's", "en": "Personas"},
    "empathy_maps": {"nl": "Empathiekaarten", "en": "Empathy maps"},
    "customers": {"nl": "Klanten in de arena", "en": "Customers in the arena"},
    "consented": {"nl": "bij naam (met toestemming)", "en": "named (with consent)"},
    "staff": {"nl": "Medewerkers in de buitenring", "en": "Staff in the outer ring"},
    "observers": {"nl": "Observatoren gemba walk", "en": "Gemba walk observers"},
    "notes": {"nl": "Notities", "en": "Notes"},
    "journey": {"nl": "De klantreis", "en": "The journey"},
    "phase": {"nl": "Fase", "en": "Phase"},
    "unphased": {"nl": "Zonder fase", "en": "Without a phase"},
    "unphased_intro": {
        "nl": "Deze notities hebben geen fase (of een fase die het model niet kent); ze tellen wel mee.",
        "en": "These notes have no phase (or one the model does not know); they still count.",
    },
    "touchpoints": {"nl": "Contactmomenten", "en": "Touchpoints"},
    "does": {"nl": "Klantacties: wat de klant doet", "en": "Customer actions: what the customer does"},
    "sees_hears": {"nl": "Wat de klant ziet en hoort", "en": "What the customer sees and hears"},
    "quotes": {"nl": "Wat de klant zegt", "en": "What the customer says"},
    "thoughts": {"nl": "Wat de klant denkt", "en": "What the customer thinks"},
    "feelings": {"nl": "Wat de klant voelt", "en": "What the customer feels"},
    "emotion": {"nl": "Emotie", "en": "Emotion"},
    "emotion_customer": {"nl": "alleen de klantkant", "en": "customer side only"},
    "pains": {"nl": "Pijnpunten van de klant", "en": "Customer pains"},
    "gains": {"nl": "Winstpunten van de klant", "en": "Customer gains"},
    "frontstage": {
        "nl": "Frontstage: wat medewerkers doen waar de klant bij is",
        "en": "Frontstage: what staff do in sight of the customer",
    },
    "staff_voice": {
        "nl": "Wat medewerkers hoorden, vroegen en beloofden",
        "en": "What staff heard, asked and promised",
    },
    "backstage": {
        "nl": "Backstage: buiten het zicht van de klant",
        "en": "Backstage: out of the customer's sight",
    },
    "support": {"nl": "Ondersteunende processen", "en": "Support processes"},
    "ideas": {"nl": "Ideeën en vragen", "en": "Ideas and questions"},
    "unattributed": {
        "nl": "Klantarena, spreker onbekend",
        "en": "Customer arena, speaker unknown",
    },
    "line_of_interaction": {"nl": "lijn van interactie", "en": "line of interaction"},
    "line_of_visibility": {"nl": "zichtlijn", "en": "line of visibility"},
    "wastes": {"nl": "Verspilling (TIMWOODS)", "en": "Waste (TIMWOODS)"},
    "wait": {"nl": "Wachttijd", "en": "Waiting time"},
    "wait_median": {"nl": "mediaan", "en": "median"},
    "wait_longest": {"nl": "langste", "en": "longest"},
    "wait_intro": {
        "nl": "Wachttijden van verschillende klanten worden nooit opgeteld: mediaan, langste en aantal.",
        "en": "Waits of different customers are never added up: median, longest and count.",
    },
    "hour": {"nl": "uur", "en": "hour"},
    "hours": {"nl": "uur", "en": "hours"},
    "day": {"nl": "dag", "en": "day"},
    "days": {"nl": "dagen", "en": "days"},
    "better_higher": {"nl": "hoger is beter", "en": "higher is better"},
    "better_lower": {"nl": "lager is beter", "en": "lower is better"},
    "direction_not_set": {"nl": "richting niet vastgelegd", "en": "direction not set"},
    "kpis": {"nl": "KPI's", "en": "KPIs"},
    "target": {"nl": "doel", "en": "target"},
    "measured": {"nl": "gemeten", "en": "measured"},
    "met": {"nl": "gehaald", "en": "met"},
    "not_met": {"nl": "niet gehaald", "en": "not met"},
    "more": {"nl": "meer", "en": "more"},
    "minutes": {"nl": "min", "en": "min"},
    "scored": {"nl": "gescoord", "en": "scored"},
    "spread": {"nl": "spreiding", "en": "spread"},
    "top_pains": {"nl": "Grootste pijnpunten", "en": "Top pains"},
    "top_pains_intro": {
        "nl": "Thema's, gerangschikt op aantal × ernst. Een thema is wat het team op de notities zette; "
        "zonder thema tellen notities met hetzelfde eerste label samen; anders staat een notitie alleen.",
        "en": "Themes, ranked by count × severity. A theme is what the team set on the notes; without "
        "one, notes with the same first tag count together; otherwise a note stands alone.",
    },
    "by_theme": {"nl": "thema", "en": "theme"},
    "by_tag": {"nl": "label", "en": "tag"},
    "theme": {"nl": "Thema", "en": "Theme"},
    "frequency": {"nl": "Aantal", "en": "Count"},
    "severity": {"nl": "Ernst", "en": "Severity"},
    "score": {"nl": "Score", "en": "Score"},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "owner_actions": {"nl": "Acties", "en": "Actions"},
    "no_action": {"nl": "geen actie: nog van niemand", "en": "no action: nobody owns this yet"},
    "actions": {"nl": "Acties", "en": "Actions"},
    "action": {"nl": "Actie", "en": "Action"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "no_owner": {"nl": "geen eigenaar", "en": "no owner"},
    "due": {"nl": "Uiterlijk", "en": "Due"},
    "status": {"nl": "Status", "en": "Status"},
    "from": {"nl": "Komt uit", "en": "Comes from"},
    "unowned_summary": {
        "nl": "{n} van de {total} pijnpuntthema's hebben nog geen actie.",
        "en": "{n} of {total} pain themes have no action yet.",
    },
    "unowned_summary_one": {
        "nl": "{n} van de {total} pijnpuntthema's heeft nog geen actie.",
        "en": "{n} of {total} pain themes has no action yet.",
    },
    "no_owner_summary": {"nl": "{n} acties zonder eigenaar.", "en": "{n} actions without an owner."},
    "no_owner_summary_one": {"nl": "{n} actie zonder eigenaar.", "en": "{n} action without an owner."},
    "overdue_summary": {
        "nl": "{n} acties over hun uiterlijke datum en nog niet klaar (op {date}).",
        "en": "{n} actions past their due date and not done (on {date}).",
    },
    "overdue_summary_one": {
        "nl": "{n} actie over haar uiterlijke datum en nog niet klaar (op {date}).",
        "en": "{n} action past its due date and not done (on {date}).",
    },
    "overdue": {"nl": "te laat", "en": "overdue"},
    "worded_as_note": {
        "nl": "tekst van de notitie: zegt nog niet wat er gebeurt",
        "en": "the note's words: does not say yet what will be done",
    },
    "became": {"nl": "werd", "en": "became"},
    "cumulative": {"nl": "cumulatief", "en": "cumulative"},
    "by_method": {"nl": "Per methode", "en": "By method"},
    "empathy_map": {"nl": "Empathiekaart", "en": "Empathy map"},
    "map_goal": {"nl": "Wat moet de persona doen?", "en": "What does the persona need to do?"},
    "arena": {"nl": "Klantarena", "en": "Customer arena"},
    "themes": {"nl": "Thema's", "en": "Themes"},
    "ring_override": {"nl": "Kleinere buitenring, omdat", "en": "Smaller outer ring, because"},
    "round": {"nl": "Ronde", "en": "Round"},
    "planned": {"nl": "gepland", "en": "planned"},
    "commitments": {"nl": "Toezeggingen", "en": "Commitments"},
    "gemba": {"nl": "Gemba walk", "en": "Gemba walk"},
    "focus": {"nl": "Focus", "en": "Focus"},
    "waste_pareto": {"nl": "Verspilling (Pareto)", "en": "Waste (Pareto)"},
    "wait_per_step": {
        "nl": "Wachttijd en waarnemingen per stap",
        "en": "Waiting time and observations per step",
    },
    "step": {"nl": "Stap", "en": "Step"},
    "observations": {"nl": "Waarnemingen", "en": "Observations"},
    "no_step": {"nl": "(geen stap)", "en": "(no step)"},
    "log": {"nl": "Logboek", "en": "Log"},
    "appendix": {"nl": "Bijlage: alle notities", "en": "Appendix: every note"},
    "appendix_intro": {
        "nl": "Elk punt in dit rapport verwijst naar de notitie waar het vandaan komt.",
        "en": "Every point in this report links to the note it came from.",
    },
    "method": {"nl": "Methode", "en": "Method"},
    "source": {"nl": "Bron", "en": "Source"},
    "who": {"nl": "Wie", "en": "Who"},
    "text": {"nl": "Tekst", "en": "Text"},
    "customer": {"nl": "Klant", "en": "Customer"},
    "observed": {"nl": "gezien", "en": "observed"},
    "heard": {"nl": "gehoord", "en": "heard"},
    "assumed": {"nl": "aangenomen", "en": "assumed"},
    "evidence_legend": {
        "nl": "Bewijs: gezien (gemba walk), gehoord (klantarena, empathiekaart 'zegt'), "
        "aangenomen (empathiekaart, ingevuld door medewerkers).",
        "en": "Evidence: observed (gemba walk), heard (customer arena, empathy map 'says'), "
        "assumed (empathy map, written by staff).",
    },
    "open": {"nl": "open", "en": "open"},
    "in-progress": {"nl": "bezig", "en": "in progress"},
    "done": {"nl": "klaar", "en": "done"},
    "dropped": {"nl": "vervallen", "en": "dropped"},
    "empathy": {"nl": "empathiekaart", "en": "empathy map"},
    "method_arena": {"nl": "klantarena", "en": "customer arena"},
    "method_gemba": {"nl": "gemba walk", "en": "gemba walk"},
    "made": {"nl": "Gemaakt met workshop op", "en": "Made with workshop on"},
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "kpi": {"nl": "KPI", "en": "KPI"},
    "nothing": {"nl": "Nog niets vastgelegd.", "en": "Nothing recorded yet."},
    # Synthesis: voted themes, opportunities and the impact × effort matrix (synth-report).
    "synthesis": {"nl": "Synthese: thema's en prioriteiten", "en": "Synthesis: themes and priorities"},
    "synthesis_intro": {
        "nl": "De thema's die het team uit het bewijs vormde, gerangschikt op stemmen en op "
        "hoeveelheid bewijs; gelijke aantallen delen een plaats (=2).",
        "en": "The themes the team formed from the evidence, ranked by votes and by amount of "
        "evidence; equal counts share a place (=2).",
    },
    "votes_hidden": {
        "nl": "De stemmen zijn nog verborgen: de facilitator heeft ze niet onthuld. Gerangschikt op bewijs.",
        "en": "Votes are hidden: the facilitator has not revealed them yet. Ranked by evidence.",
    },
    "votes_summary": {
        "nl": "{voters} stemmers, {each} stemmen elk.",
        "en": "{voters} voters, {each} votes each.",
    },
    "themes_not_set": {
        "nl": "Er zijn nog geen thema's vastgesteld; hieronder de pijnpunten zoals de app ze "
        "groepeert uit thema's en tags van de notities.",
        "en": "Themes were not set yet; below are the pains as the app groups them from the "
        "notes' themes and tags.",
    },
    "rank_votes": {"nl": "Plaats (stemmen)", "en": "Rank (votes)"},
    "rank_evidence": {"nl": "Plaats (bewijs)", "en": "Rank (evidence)"},
    "votes": {"nl": "Stemmen", "en": "Votes"},
    "voters": {"nl": "stemmers", "en": "voters"},
    "evidence_count": {"nl": "Bewijs", "en": "Evidence"},
    "hidden": {"nl": "verborgen", "en": "hidden"},
    "levels": {"nl": "Soort bewijs", "en": "Evidence level"},
    "worst_severity": {"nl": "Ergste ernst", "en": "Worst severity"},
    "opportunities": {"nl": "Kansen", "en": "Opportunities"},
    "opportunity": {"nl": "Kans", "en": "Opportunity"},
    "no_opportunity": {"nl": "nog geen kans", "en": "no opportunity yet"},
    "solved": {"nl": "opgelost", "en": "solved"},
    "impact": {"nl": "Impact", "en": "Impact"},
    "effort": {"nl": "Inspanning", "en": "Effort"},
    "matrix": {"nl": "Impact × inspanning", "en": "Impact × effort"},
    "quadrant": {"nl": "Kwadrant", "en": "Quadrant"},
    "quick-win": {"nl": "quick win", "en": "quick win"},
    "big-bet": {"nl": "grote klus", "en": "big bet"},
    "fill-in": {"nl": "kleinigheid", "en": "fill-in"},
    "money-pit": {"nl": "geldput", "en": "money pit"},
    "not_placed": {"nl": "niet geplaatst", "en": "not placed"},
    "missing_notes": {
        "nl": "notities niet in dit rapport",
        "en": "notes not in this report",
    },
    "method_empathy": {"nl": "empathiekaart", "en": "empathy map"},
}

_SECTIONS: dict[str, dict[str, str]] = {
    "says": {"nl": "Zegt", "en": "Says"},
    "thinks": {"nl": "Denkt", "en": "Thinks"},
    "does": {"nl": "Doet", "en": "Does"},
    "feels": {"nl": "Voelt", "en": "Feels"},
    "sees": {"nl": "Ziet", "en": "Sees"},
    "hears": {"nl": "Hoort", "en": "Hears"},
    "pains": {"nl": "Pijn", "en": "Pains"},
    "gains": {"nl": "Winst", "en": "Gains"},
}

_MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def label(language: str, key: str) -> str:
    return _LABELS[key]["en" if language == "en" else "nl"]


def section_label(language: str, section: str) -> str:
    return _SECTIONS[section]["en" if language == "en" else "nl"]


def labels_for(language: str) -> dict[str, str]:
    """Every label in one language, for the templates."""
    lang = "en" if language == "en" else "nl"
    return {key: words[lang] for key, words in _LABELS.items()}


def format_date(value: dt.date | None, language: str) -> str:
    """`24 november 2026` in Dutch, `24 November 2026` in English."""
    if value is None:
        return ""
    months = _MONTHS["en" if language == "en" else "nl"]
    return f"{value.day} {months[value.month - 1]} {value.year}"
