"""A walk's route and observers written as plain lines, the fastest way to set up a walk:

    Parkeergarage @aankomst
    Balie poli @aankomst
    Wachtkamer @wachten

Each line is a step, in walking order; `@phase` maps it to a phase (key or label, prefix
allowed). Observers are lines of `Name, role`. Reading the lines back keeps the ids of steps
and observers that stay (same name, or the same position when the number of lines is
unchanged: a rename), so observations never lose their step."""

from __future__ import annotations

from dataclasses import dataclass, field

from .capture import fold
from .gemba import Observer, RouteStep
from .phases import Phase


@dataclass
class Parsed:
    steps: list[RouteStep] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def route_to_text(route: list[RouteStep], phases: list[Phase]) -> str:
    keys = {phase.key for phase in phases}
    return "\n".join(f"{step.name} @{step.phase}" if step.phase in keys else step.name for step in route)


def _phase_of(token: str, phases: list[Phase]) -> str | None:
    wanted = fold(token).replace(" ", "-")
    for phase in phases:
        if fold(phase.key) == wanted or fold(phase.nl) == wanted or fold(phase.en or "") == wanted:
            return phase.key
    matches = [
        p.key
        for p in phases
        if any(fold(name).replace(" ", "-").startswith(wanted) for name in (p.key, p.nl, p.en or "") if name)
    ]
    return matches[0] if len(set(matches)) == 1 else None


def route_from_text(
    text: str, phases: list[Phase], existing: list[RouteStep], used: dict[str, int] | None = None
) -> Parsed:
    """The route as typed; `used` (step id → observations) refuses dropping a step in use."""
    parsed = Parsed()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    by_name = {fold(step.name): step for step in existing}
    same_length = len(lines) == len(existing)
    for number, line in enumerate(lines, start=1):
        name, phase = line, None
        words = line.split()
        if len(words) > 1 and words[-1].startswith("@"):
            name = " ".join(words[:-1])
            phase = _phase_of(words[-1][1:], phases)
            if phase is None:
                choices = ", ".join(p.key for p in phases)
                parsed.problems.append(
                    f"line {number}: {words[-1]} is not a phase; expected @ and one of {choices}"
                )
        previous = by_name.get(fold(name)) or (existing[number - 1] if same_length else None)
        if previous is not None and previous.id in {step.id for step in parsed.steps}:
            previous = None
        if previous is not None:
            step = RouteStep(id=previous.id, name=name, phase=phase, location=previous.location)
        else:
            step = RouteStep(name=name, phase=phase)
        parsed.steps.append(step)
    kept = {step.id for step in parsed.steps}
    for step in existing:
        in_use = (used or {}).get(step.id)
        if step.id not in kept and in_use:
            parsed.problems.append(f'step "{step.name}" has {in_use} observations; it cannot be left out')
    return parsed


def observers_to_text(observers: list[Observer]) -> str:
    return "\n".join(f"{o.name}, {o.role}" if o.role else o.name for o in observers)


def observers_from_text(text: str, existing: list[Observer]) -> list[Observer]:
    """Observers as typed (`Name, role` per line), keeping the ids of those who stay."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    by_name = {fold(o.name): o for o in existing}
    same_length = len(lines) == len(existing)
    result: list[Observer] = []
    for number, line in enumerate(lines):
        name, _, role = (part.strip() for part in line.partition(","))
        previous = by_name.get(fold(name)) or (existing[number] if same_length else None)
        if previous is not None and previous.id not in {o.id for o in result}:
            result.append(Observer(id=previous.id, name=name, role=role))
        else:
            result.append(Observer(name=name, role=role))
    return result
