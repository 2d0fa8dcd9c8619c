"""The `workshop` command: subcommands for the sessions folder, one clear line per problem."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .model import CUSTOM, LANGUAGES, PRESETS, Phase, Workshop
from .overview import describe_workshop
from .store import (
    SESSIONS_ENV,
    WORKSHOP_FILE,
    Problem,
    SessionStore,
    StoreError,
    kind_of,
    slugify,
)
from .store.codec import read_document
from .store.repository import NOT_A_WORKSHOP_FILE

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
"""Bad commands, bad files and failed saves all exit 2, with one line each."""


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse prints usage plus a message; we print one line that says what to do."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _sessions_default() -> Path:
    return Path(os.environ.get(SESSIONS_ENV) or "sessions")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workshop",
        description="Run customer-journey workshops in the terminal and compile a journey report.",
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    parser.add_argument(
        "--sessions",
        type=Path,
        default=None,
        help=f"the sessions folder (default: ${SESSIONS_ENV} or ./sessions)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = commands.add_parser("new", help="create a workshop")
    new.add_argument("title")
    new.add_argument(
        "--phases",
        default="five-stage",
        help=f"phase model: {', '.join(PRESETS)} or {CUSTOM} (default: five-stage)",
    )
    new.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="LABEL",
        help='with --phases custom: a phase, in order; "Dutch label|English label" gives both',
    )
    new.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of the workshop (default: nl)")
    new.add_argument("--goal", default="", help="why are we mapping this journey?")
    new.add_argument("--product", default="", help="the product, service or department")
    new.set_defaults(run=_cmd_new)

    listing = commands.add_parser("list", help="list the workshops in the sessions folder")
    listing.set_defaults(run=_cmd_list)

    show = commands.add_parser("show", help="print a workshop with its personas and sessions")
    show.add_argument("workshop", nargs="?", help="folder name or title (default: all)")
    show.set_defaults(run=_cmd_show)

    validate = commands.add_parser("validate", help="check every file of a workshop or sessions folder")
    validate.add_argument("path", nargs="?", type=Path, help="a sessions folder, workshop folder or file")
    validate.set_defaults(run=_cmd_validate)

    phases = commands.add_parser("phases", help="list the phase-model presets")
    phases.set_defaults(run=_cmd_phases)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        store = SessionStore(args.sessions or _sessions_default())
        run: Callable[[argparse.Namespace, SessionStore], int] = getattr(args, "run", _cmd_default)
        return run(args, store)
    except UsageError as error:
        print(f"workshop: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as error:
        print(f"workshop: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # one line, never a traceback; WORKSHOP_DEBUG=1 shows it
        if os.environ.get("WORKSHOP_DEBUG"):
            raise
        print(f"workshop: internal error: {type(error).__name__}: {error} (please report)", file=sys.stderr)
        return EXIT_INTERNAL


def _cmd_default(args: argparse.Namespace, store: SessionStore) -> int:
    return _cmd_show(argparse.Namespace(workshop=None), store)


def _cmd_new(args: argparse.Namespace, store: SessionStore) -> int:
    if args.phases not in PRESETS and args.phases != CUSTOM:
        raise UsageError(
            f'unknown phase model "{args.phases}"; expected one of {", ".join([*PRESETS, CUSTOM])}'
        )
    if args.phase and args.phases != CUSTOM:
        raise UsageError("--phase goes with --phases custom")
    if args.phases == CUSTOM and not args.phase:
        raise UsageError("--phases custom needs at least one --phase LABEL")
    if not args.title.strip():
        raise UsageError("the title is empty")
    workshop = Workshop(
        title=args.title,
        goal=args.goal,
        product=args.product,
        language=args.lang,
        phase_model=args.phases,
        phases=_custom_phases(args.phase),
    )
    loaded = store.create_workshop(workshop)
    print(loaded.folder / WORKSHOP_FILE)
    return EXIT_OK


def _custom_phases(labels: list[str]) -> list[Phase]:
    phases: list[Phase] = []
    taken: set[str] = set()
    for label in labels:
        nl, _, en = (part.strip() for part in label.partition("|"))
        if not nl:
            raise UsageError(f'--phase "{label}" has no label')
        key = slugify(en or nl, "phase", max_length=40)
        if key in taken:
            raise UsageError(f'--phase "{label}" repeats an earlier phase')
        taken.add(key)
        phases.append(Phase(key=key, nl=nl, en=en))
    return phases


def _cmd_list(args: argparse.Namespace, store: SessionStore) -> int:
    summaries = store.list_workshops()
    if not summaries:
        print(f"no workshops in {store.root}; create one with: workshop new TITLE")
        return EXIT_OK
    width = max(len(s.slug) for s in summaries)
    for s in summaries:
        flag = f"  ({s.problems} problems: run workshop validate)" if s.problems else ""
        counts = f"{s.personas} personas, {s.sessions} sessions, {s.notes} notes"
        print(f"{s.slug:<{width}}  {s.title}  [{counts}]{flag}")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, store: SessionStore) -> int:
    if args.workshop:
        folders = [store.folder_of(args.workshop)]
    else:
        folders = store.workshop_folders()
        if not folders:
            print(f"no workshops in {store.root}; create one with: workshop new TITLE")
            return EXIT_OK
    status = EXIT_OK
    for folder in folders:
        loaded = store.load_folder(folder)
        print("\n".join(describe_workshop(loaded)))
        if loaded.problems:
            status = EXIT_USAGE
            for problem in loaded.problems:
                print(problem, file=sys.stderr)
    return status


def _cmd_validate(args: argparse.Namespace, store: SessionStore) -> int:
    target: Path = args.path or store.root
    problems, files = validate_path(target)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {files} file(s) checked", file=sys.stderr)
        return EXIT_USAGE
    print(f"ok: {files} file(s) valid")
    return EXIT_OK


def validate_path(target: Path) -> tuple[list[Problem], int]:
    """Problems of a sessions folder, a workshop folder or one file, and how many files were read."""
    if not target.exists():
        return [Problem(target, "no such file or folder")], 0
    if target.is_file():
        if kind_of(target) is None:
            return [Problem(target, NOT_A_WORKSHOP_FILE)], 1
        if (target.parent / WORKSHOP_FILE).is_file():
            loaded = SessionStore(target.parent.parent).load_folder(target.parent)
            return [p for p in loaded.problems if p.path == target], 1
        kind = kind_of(target)
        assert kind is not None
        return read_document(target, kind).problems, 1
    if (target / WORKSHOP_FILE).is_file():
        folders = [target]
    else:
        folders = SessionStore(target).workshop_folders()
        if not folders:
            return [Problem(target, "holds no workshop folder (a folder with a workshop.toml)")], 0
    problems: list[Problem] = []
    files = 0
    for folder in folders:
        loaded = SessionStore(folder.parent).load_folder(folder)
        problems.extend(loaded.problems)
        files += sum(1 for path in folder.glob("*.toml") if not path.name.startswith("."))
    return problems, files


def _cmd_phases(args: argparse.Namespace, store: SessionStore) -> int:
    for preset in PRESETS.values():
        print(f"{preset.name}: {preset.title_en} / {preset.title_nl} ({preset.source})")
        for number, phase in enumerate(preset.phases, start=1):
            print(f"  {number:>2}. {phase.key:<22} {phase.en} / {phase.nl}")
    print(f'{CUSTOM}: your own phases, e.g. workshop new TITLE --phases custom --phase "Aanmelden|Check-in"')
    return EXIT_OK
