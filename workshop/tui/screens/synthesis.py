"""Synthesis: all evidence of the workshop in one list, grouped into themes, dot-voted,
placed on impact × effort and turned into opportunities with owned action steps.

Every change goes through the workbench (`synthesis.toml`, `votes-<voter>.toml`, the
workshop's actions), so it is saved at once and survives a restart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...model import CustomerArena, EmpathyMap, GembaWalk
from ...model.synthesis import (
    QUADRANTS,
    Opportunity,
    Synthesis,
    Theme,
    Vote,
    quadrant,
    suggested_themes,
    tally,
)
from ...workbench import Workbench
from ..commands import bindings
from ..widgets.status_line import StatusLine
from .action_prompt import ask_for_action
from .base import BaseScreen, guarded
from .dialogs import ConfirmScreen, PickScreen, TextPromptScreen


@dataclass(frozen=True)
class Evidence:
    """One note of any session, flattened for the list and the filter."""

    id: str
    method: str
    phase: str
    persona: str
    kind: str
    text: str
    severity: int | None
    tags: tuple[str, ...]


def gather(bench: Workbench) -> list[Evidence]:
    """Every empathy item, arena note and gemba observation of the workshop."""
    bundle = bench.bundle
    found: list[Evidence] = []
    for document in bundle.sessions():
        if isinstance(document, EmpathyMap):
            persona = bundle.persona(document.persona)
            for item in document.items:
                found.append(
                    Evidence(
                        item.id,
                        "empathy",
                        item.phase or "",
                        persona.name if persona else "",
                        item.valence,
                        item.text,
                        None,
                        (item.theme,) if item.theme else (),
                    )
                )
        elif isinstance(document, CustomerArena):
            for note in document.notes():
                kind = "neutral" if not note.sentiment else "pain" if note.sentiment < 0 else "gain"
                found.append(
                    Evidence(
                        note.id,
                        "arena",
                        note.phase or "",
                        "",
                        kind,
                        note.text,
                        None,
                        (note.theme,) if note.theme else (),
                    )
                )
        elif isinstance(document, GembaWalk):
            phases = {step.id: step.phase or "" for step in document.route}
            for observation in document.observations:
                tags = (
                    (*observation.tags, observation.theme) if observation.theme else tuple(observation.tags)
                )
                found.append(
                    Evidence(
                        observation.id,
                        "gemba",
                        phases.get(observation.step or "", ""),
                        "",
                        observation.kind,
                        observation.text,
                        observation.severity,
                        tags,
                    )
                )
    return found


class SynthesisScreen(BaseScreen[None]):
    CSS_PATH = "synthesis.tcss"
    AUTO_FOCUS = "#evidence"
    document_id = "synthesis"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "syn_select",
            "syn_theme",
            "syn_add",
            "syn_remove",
            "syn_suggest",
            "syn_rename",
            "syn_describe",
            "syn_split",
            "syn_merge",
            "syn_delete",
            "syn_voter",
            "syn_dot",
            "syn_undot",
            "syn_next_voter",
            "syn_reveal",
            "syn_impact",
            "syn_effort",
            "syn_matrix",
            "syn_opportunity",
            "syn_action",
            "syn_filter",
            "back",
        )
    ]

    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        self.bench = bench
        self.synthesis: Synthesis = bench.synthesis()
        self.evidence = gather(bench)
        self.selected: set[str] = set()
        self.filter_text = ""
        self.voter: str | None = None
        self.matrix = False

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self.t("syn.title"), classes="screen-title", id="syn-title", markup=False)
        yield Input(placeholder=self.t("syn.filter"), id="syn-filter")
        with Horizontal(id="syn-body"):
            with Vertical(id="evidence-column"):
                yield Static("", id="evidence-title", classes="list-title", markup=False)
                yield OptionList(id="evidence")
            with Vertical(id="theme-column"):
                yield Static("", id="themes-title", classes="list-title", markup=False)
                yield OptionList(id="themes")
                yield Static("", id="matrix", markup=False)
        yield StatusLine(markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_all()

    def relabel(self) -> None:
        self.query_one("#syn-title", Static).update(self.t("syn.title"))
        self.query_one("#syn-filter", Input).placeholder = self.t("syn.filter")
        self.refresh_all()

    def _phase(self, key: str) -> str:
        return self.bench.workshop.phase_label(key, self.lang) if key else "–"

    def _shown(self) -> list[Evidence]:
        """The evidence the filter lets through: `method:`, `phase:`, `persona:`, `kind:` (also a
        quadrant of the note's theme) and free words, all of them must match."""
        shown = []
        words = self.filter_text.casefold().split()
        for note in self.evidence:
            theme = self.synthesis.theme_of(note.id)
            where = quadrant(theme.impact, theme.effort) if theme else None
            fields = {
                "method": f"{note.method} {self.t('kind.' + note.method)}",
                "phase": f"{note.phase} {self._phase(note.phase)}",
                "persona": note.persona,
                "kind": f"{note.kind} {where or ''} {self.t('syn.q.' + where) if where else ''}",
            }
            text = " ".join([note.text, *fields.values(), theme.name if theme else ""]).casefold()
            ok = True
            for word in words:
                name, sep, value = word.partition(":")
                ok = value in fields[name].casefold() if sep and name in fields else word in text
                if not ok:
                    break
            if ok:
                shown.append(note)
        return shown

    def _evidence_row(self, note: Evidence) -> str:
        theme = self.synthesis.theme_of(note.id)
        mark = "●" if note.id in self.selected else "○"
        severity = f"!{note.severity}" if note.severity else "  "
        method = self.t("syn.m." + note.method)
        return (
            f"{mark} {method:<7} {self._phase(note.phase)[:12]:<12} {severity} {note.text[:48]}"
            f"  [{theme.name if theme else '–'}]"
        )

    def _my_dots(self, target: str) -> int:
        if self.voter is None:
            return 0
        ballot = self.bench.ballot(self.voter)
        return sum(1 for vote in ballot.votes if vote.target == target)

    def _votes(self) -> dict[str, tuple[int, bool]]:
        return {row.target: (row.votes, row.tied) for row in tally(self.synthesis, self.bench.bundle.ballots)}

    def _theme_row(self, theme: Theme, votes: dict[str, tuple[int, bool]]) -> str:
        notes = [n for n in self.evidence if n.id in theme.notes]
        methods = ",".join(sorted({self.t("syn.m." + n.method) for n in notes})) or "–"
        phases = ",".join(dict.fromkeys(self._phase(n.phase) for n in notes if n.phase)) or "–"
        worst = max((n.severity for n in notes if n.severity), default=None)
        where = quadrant(theme.impact, theme.effort)
        parts = [
            f"{theme.name}",
            self.t("syn.count", count=len(theme.notes)),
            methods,
            phases,
            f"!{worst}" if worst else "!–",
            f"I{theme.impact or '–'}/E{theme.effort or '–'}",
            self.t("syn.q." + where) if where else "–",
        ]
        if self.synthesis.revealed:
            count, tied = votes.get(theme.id, (0, False))
            parts.append(self.t("syn.votes", count=count) + (" " + self.t("syn.tie") if tied else ""))
        elif self.voter is not None:
            parts.append(self.t("syn.my_dots", count=self._my_dots(theme.id)))
        opportunities = [o for o in self.synthesis.opportunities if theme.id in o.themes]
        line = " · ".join(parts)
        for opportunity in opportunities:
            actions = sum(1 for a in self.bench.workshop.actions if opportunity.id in a.sources)
            line += f"\n    → {opportunity.text} ({self.t('syn.actions', count=actions)})"
        return line

    def _matrix_text(self) -> str:
        lines = [self.t("syn.matrix")]
        for where in QUADRANTS:
            names = [t.name for t in self.synthesis.themes if quadrant(t.impact, t.effort) == where]
            star = "★ " if where == "quick-win" else ""
            lines.append(f"{star}{self.t('syn.q.' + where)}: {', '.join(names) or '–'}")
        unplaced = [t.name for t in self.synthesis.themes if quadrant(t.impact, t.effort) is None]
        lines.append(f"{self.t('syn.unplaced')}: {', '.join(unplaced) or '–'}")
        return "\n".join(lines)

    def refresh_all(self) -> None:
        """Both lists again, in place; the highlighted rows stay where they were."""
        shown = self._shown()
        self.query_one("#evidence-title", Static).update(
            self.t("syn.evidence", shown=len(shown), total=len(self.evidence), selected=len(self.selected))
        )
        who = self.voter or "–"
        state = self.t("syn.revealed") if self.synthesis.revealed else self.t("syn.hidden")
        self.query_one("#themes-title", Static).update(
            self.t(
                "syn.themes",
                count=len(self.synthesis.themes),
                voter=who,
                state=state,
                each=self.synthesis.votes_each,
            )
        )
        votes = self._votes()
        themes = self.synthesis.themes
        if self.synthesis.revealed:
            themes = sorted(themes, key=lambda t: -votes.get(t.id, (0, False))[0])
        self._fill(
            "#evidence", [Option(self._evidence_row(n), id=n.id) for n in shown], self.t("syn.no_evidence")
        )
        self._fill(
            "#themes", [Option(self._theme_row(t, votes), id=t.id) for t in themes], self.t("syn.no_themes")
        )
        matrix = self.query_one("#matrix", Static)
        matrix.update(self._matrix_text())
        matrix.display = self.matrix
        self.query_one("#themes", OptionList).display = not self.matrix

    def _fill(self, selector: str, options: list[Option], empty: str) -> None:
        option_list = self.query_one(selector, OptionList)
        index = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(options or [Option(empty, disabled=True)])
        if options:
            option_list.highlighted = min(index or 0, len(options) - 1)

    # -- what is chosen -------------------------------------------------------------------

    def _note(self) -> Evidence | None:
        option = self.query_one("#evidence", OptionList).highlighted_option
        return next((n for n in self.evidence if option and n.id == option.id), None)

    def _theme(self) -> Theme | None:
        option = self.query_one("#themes", OptionList).highlighted_option
        return next((t for t in self.synthesis.themes if option and t.id == option.id), None)

    def _chosen_notes(self) -> list[str]:
        """The selected notes, or the highlighted one when none is selected."""
        if self.selected:
            return [n.id for n in self.evidence if n.id in self.selected]
        note = self._note()
        return [note.id] if note else []

    def _saved(self, message: str = "") -> None:
        self.bench.update(self.synthesis)
        self.selected.clear()
        self.refresh_all()
        if message:
            self.notify(message)

    async def _pick_theme(self, title: str, skip: Theme | None = None) -> Theme | None:
        options = [(t.id, t.name) for t in self.synthesis.themes if t is not skip]
        if not options:
            self.notify(self.t("syn.no_themes"), severity="warning")
            return None
        chosen = await self.app.ask(PickScreen(title, options[:9]))
        return next((t for t in self.synthesis.themes if t.id == chosen), None)

    def _need_theme(self) -> Theme | None:
        theme = self._theme()
        if theme is None:
            self.notify(self.t("syn.pick_theme_first"), severity="warning")
        return theme

    # -- filter ---------------------------------------------------------------------------

    @on(Input.Changed, "#syn-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.refresh_all()

    @on(Input.Submitted, "#syn-filter")
    def filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#evidence", OptionList).focus()

    def action_filter(self) -> None:
        self.query_one("#syn-filter", Input).focus()

    # -- themes ---------------------------------------------------------------------------

    @guarded
    def action_select(self) -> None:
        note = self._note()
        if note is None:
            return
        self.selected.symmetric_difference_update({note.id})
        self.refresh_all()

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_new_theme(self) -> None:
        notes = self._chosen_notes()
        name = await self.app.ask(TextPromptScreen(self.t("syn.theme_name")))
        if name:
            self.synthesis.add_theme(name.strip(), notes)
            self._saved(self.t("syn.theme_made", name=name.strip(), count=len(notes)))

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_suggest(self) -> None:
        tagged = [(n.id, n.tags) for n in self.evidence]
        suggestions = suggested_themes(tagged, [t.name for t in self.synthesis.themes])
        if not suggestions:
            self.notify(self.t("syn.no_suggestions"))
            return
        options = [(tag, f"{tag} ({len(ids)})") for tag, ids in suggestions[:9]]
        chosen = await self.app.ask(PickScreen(self.t("syn.suggestions"), options))
        found = dict(suggestions)
        if chosen in found:
            self.synthesis.add_theme(chosen, found[chosen])
            self._saved(self.t("syn.theme_made", name=chosen, count=len(found[chosen])))

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_add_to_theme(self) -> None:
        notes = self._chosen_notes()
        if not notes:
            return
        theme = await self._pick_theme(self.t("syn.add_to"))
        if theme is not None:
            self.synthesis.assign(theme, notes)
            self._saved(self.t("syn.added", name=theme.name, count=len(notes)))

    @guarded
    def action_remove_from_theme(self) -> None:
        notes = self._chosen_notes()
        if notes:
            self.synthesis.unassign(notes)
            self._saved(self.t("syn.removed", count=len(notes)))

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_rename(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        name = await self.app.ask(TextPromptScreen(self.t("syn.theme_name"), theme.name))
        if name:
            theme.replace_fields({"name": name.strip()})
            self._saved()

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_describe(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        text = await self.app.ask(TextPromptScreen(self.t("syn.describe"), theme.description))
        if text:
            theme.replace_fields({"description": text.strip()})
            self._saved()

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_split(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        moving = [n for n in self._chosen_notes() if n in theme.notes]
        if not moving:
            self.notify(self.t("syn.split_none", name=theme.name), severity="warning")
            return
        name = await self.app.ask(TextPromptScreen(self.t("syn.theme_name")))
        if name:
            self.synthesis.split(theme, moving, name.strip())
            self._saved(self.t("syn.theme_made", name=name.strip(), count=len(moving)))

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_merge(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        other = await self._pick_theme(self.t("syn.merge_into", name=theme.name), skip=theme)
        if other is not None:
            self.synthesis.merge(theme, [other])
            self._saved(self.t("syn.merged", name=theme.name))

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_delete_theme(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        if await self.app.ask(ConfirmScreen(self.t("syn.delete", name=theme.name), danger=True)):
            self.synthesis.remove_theme(theme)
            self._saved()

    # -- dot voting -----------------------------------------------------------------------

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_voter(self) -> None:
        name = await self.app.ask(TextPromptScreen(self.t("syn.voter"), self.voter or ""))
        if name:
            self.voter = self.bench.ballot(name.strip()).voter
            self.refresh_all()

    def action_next_voter(self) -> None:
        """One terminal passed around: the last voter's dots leave the view."""
        self.voter = None
        self.refresh_all()
        self.action_voter()

    @guarded
    def action_dot(self, add: bool) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        if self.voter is None:
            self.notify(self.t("syn.no_voter"), severity="warning")
            return
        ballot = self.bench.ballot(self.voter)
        if add:
            if len(ballot.votes) >= self.synthesis.votes_each:
                self.notify(self.t("syn.out_of_dots", each=self.synthesis.votes_each), severity="warning")
                return
            ballot.votes.append(Vote(target=theme.id))
        else:
            mine = [v for v in ballot.votes if v.target == theme.id]
            if not mine:
                return
            ballot.votes.remove(mine[-1])
        self.bench.update(ballot)
        left = self.synthesis.votes_each - len(ballot.votes)
        self.refresh_all()
        self.notify(self.t("syn.dots_left", count=left))

    @guarded
    def action_reveal(self) -> None:
        self.synthesis.revealed = not self.synthesis.revealed
        self.bench.update(self.synthesis)
        self.refresh_all()
        if self.synthesis.revealed:
            rows = [r for r in tally(self.synthesis, self.bench.bundle.ballots) if r.rank == 1]
            names = {t.id: t.name for t in self.synthesis.themes}
            top = ", ".join(names.get(r.target, r.target) for r in rows)
            self.notify(self.t("syn.top", names=top, count=rows[0].votes if rows else 0))

    # -- impact × effort ------------------------------------------------------------------

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_score(self, field: str) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        options = [(str(n), self.t(f"syn.score.{n}")) for n in range(1, 5)]
        current = getattr(theme, field)
        chosen = await self.app.ask(
            PickScreen(self.t(f"syn.{field}", name=theme.name), options, str(current) if current else None)
        )
        if chosen:
            theme.replace_fields({field: int(chosen)})
            self._saved()

    def action_matrix(self) -> None:
        self.matrix = not self.matrix
        self.refresh_all()

    # -- opportunities and actions --------------------------------------------------------

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_opportunity(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        text = await self.app.ask(
            TextPromptScreen(self.t("syn.hmw", name=theme.name), self.t("syn.hmw_start"))
        )
        if text and text.strip() != self.t("syn.hmw_start").strip():
            self.synthesis.add_opportunity(text.strip(), [theme.id])
            self._saved(self.t("syn.opportunity_made"))

    @work(exclusive=True, group="synthesis dialog")
    @guarded
    async def action_opportunity_action(self) -> None:
        theme = self._need_theme()
        if theme is None:
            return
        opportunities = [o for o in self.synthesis.opportunities if theme.id in o.themes]
        opportunity: Opportunity | None
        if not opportunities:
            self.notify(self.t("syn.no_opportunity"), severity="warning")
            return
        if len(opportunities) == 1:
            opportunity = opportunities[0]
        else:
            chosen = await self.app.ask(
                PickScreen(self.t("syn.which_opportunity"), [(o.id, o.text) for o in opportunities[:9]])
            )
            opportunity = next((o for o in opportunities if o.id == chosen), None)
        if opportunity is None:
            return
        action = await ask_for_action(self, self.t("gemba.action_prompt"), opportunity.text, opportunity.id)
        if action is not None:
            self.bench.workshop.actions.append(action)
            self.bench.update(self.bench.workshop)
            if action.owner and not opportunity.owner:
                opportunity.replace_fields({"owner": action.owner})
                self.bench.update(self.synthesis)
            self.refresh_all()

    def action_back(self) -> None:
        self.app.pop_screen()
