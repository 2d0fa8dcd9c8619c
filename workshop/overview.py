"""A plain-text overview of a workshop, for `workshop show` and for people without the TUI."""

from __future__ import annotations

import statistics
from collections import Counter

from .model import PRESETS, WASTES, WorkshopBundle
from .model.controls import escape_controls as _one_line
from .store import LoadedWorkshop


def describe_workshop(loaded: LoadedWorkshop) -> list[str]:
    bundle = loaded.bundle
    if bundle is None:
        return [f"{loaded.slug}: cannot be shown; {len(loaded.problems)} problem(s) below"]
    ws = bundle.workshop
    lang = ws.language
    preset = PRESETS.get(ws.phase_model)
    model_title = preset.title(lang) if preset else ws.phase_model
    phases = " → ".join(phase.label(lang) for phase in ws.phase_list())
    lines = [
        f"{_one_line(ws.title)}  ({loaded.slug}, {lang})",
        _field("goal", ws.goal) if ws.goal.strip() else "  goal: (not written yet)",
    ]
    if ws.product:
        lines.append(f"  product/service: {_one_line(ws.product)}")
    if ws.scope.begin or ws.scope.end:
        lines.append(_field("scope", f"{ws.scope.begin.strip()} … {ws.scope.end.strip()}"))
    lines.append(f"  phases ({model_title}): {phases}")
    if ws.dates:
        lines.append(f"  dates: {', '.join(d.isoformat() for d in ws.dates)}")
    lines.extend(_people(bundle))
    lines.extend(_sessions(bundle))
    actions = [*ws.actions] + [a for arena in bundle.arenas for a in arena.commitments]
    actions += [a for walk in bundle.walks for a in walk.actions]
    if actions:
        lines.append(f"  actions: {len(actions)}")
        for action in actions:
            owner = action.owner or "no owner"
            due = f", due {action.due.isoformat()}" if action.due else ""
            lines.append(f"    [{action.status}] {_one_line(action.text.strip())} ({_one_line(owner)}{due})")
    return lines


def _people(bundle: WorkshopBundle) -> list[str]:
    lines = [f"  personas: {len(bundle.personas)}"]
    for persona in bundle.personas:
        segment = f" ({persona.segment})" if persona.segment else ""
        lines.append(_one_line(f"    {persona.name}{segment}"))
    return lines


def _sessions(bundle: WorkshopBundle) -> list[str]:
    lines = []
    for empathy in bundle.empathy_maps:
        persona = bundle.persona(empathy.persona)
        counts = Counter(item.section for item in empathy.items)
        per_section = ", ".join(f"{section} {counts[section]}" for section in empathy.sections())
        name = persona.name if persona else "?"
        lines.append(_one_line(f"  empathy map: {empathy.title} [{name}]: {per_section}"))
    for arena in bundle.arenas:
        per_round = ", ".join(f"round {r.number}: {len(r.notes)} notes" for r in arena.rounds)
        lines.append(
            f"  customer arena: {_one_line(arena.title)}: {len(arena.inner)} customers, "
            f"{len(arena.outer)} staff; {per_round}; {len(arena.commitments)} commitments"
        )
    for walk in bundle.walks:
        # Waits of different customers never add up: how many, the middle one, the longest.
        waits = sorted(o.wait_minutes for o in walk.observations if o.wait_minutes is not None)
        wait_text = (
            f", {len(waits)} waits (median {statistics.median(waits):g} min, longest {waits[-1]:g} min)"
            if waits
            else ""
        )
        lines.append(
            f"  gemba walk: {_one_line(walk.title)}: {len(walk.route)} steps, "
            f"{len(walk.observers)} observers, {len(walk.observations)} observations{wait_text}"
        )
        wastes = Counter(w for o in walk.observations for w in o.waste)
        if wastes:
            top = ", ".join(
                f"{WASTES[w].label(bundle.workshop.language)} {n}" for w, n in wastes.most_common()
            )
            lines.append(f"    waste: {top}")
    if not lines:
        lines.append("  sessions: none yet")
    return lines


def _field(label: str, text: str) -> str:
    """A labelled value whose later lines stay indented under it."""
    indent = " " * (len(label) + 4)
    return f"  {label}: " + f"\n{indent}".join(line.strip() for line in text.strip().splitlines())
