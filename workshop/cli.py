"""The `workshop` command: subcommands for the sessions folder, one clear line per problem."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from . import __version__
from .store.listing import SESSIONS_ENV, WORKSHOP_FILE

if TYPE_CHECKING:
    from .model import Language, Phase
    from .store import SessionStore
    from .store.listing import WorkshopSummary
    from .store.problems import Problem

# Start-up imports only what parsing the command line needs: `workshop --version` and
# `workshop list` never load pydantic, the model, Jinja2 or Textual; each command imports
# what it uses when it runs.

LANGUAGES = ("nl", "en")
"""The model's languages (workshop.model.LANGUAGES, kept equal by a test), without importing it."""

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
PHOTO_WINDOW_MINUTES = 10.0
"""Bad commands, bad files and failed saves all exit 2, with one line each."""


class UsageError(Exception):
    pass


def _say(*parts: object, file: TextIO | None = None) -> None:
    """Print one piece of output. Whatever user text it holds (titles, notes, names, paths),
    control characters are shown escaped, as `validate` shows them, never sent to the terminal."""
    text = " ".join(str(part) for part in parts)
    print(_escaped(text, keep_newlines=True), file=file or sys.stdout)


def _escaped(text: str, keep_newlines: bool = False) -> str:
    """escape_controls(text), loading the model (and pydantic) only when there is anything to
    escape: every character it escapes is one `str.isprintable` refuses, so printable text is
    returned as it is and `workshop list` starts without the model."""
    lines = text.split("\n") if keep_newlines else [text]
    if all(line.isprintable() for line in lines):
        return text
    from .model.controls import escape_controls

    return escape_controls(text, keep_newlines=keep_newlines)


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
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=LANGUAGES,
        default=None,
        help="the app's language for this run (default: the one last chosen with F2, else nl)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = commands.add_parser("new", help="create a workshop")
    new.add_argument("title")
    new.add_argument(
        "--phases",
        default="five-stage",
        help="phase model: a preset that `workshop phases` lists, or custom (default: five-stage)",
    )
    new.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="LABEL",
        help='with --phases custom: a phase, in order; "Dutch label|English label" gives both, '
        "one label is in the workshop's --lang",
    )
    new.add_argument("--lang", choices=LANGUAGES, default="nl", help="language of the workshop (default: nl)")
    new.add_argument("--goal", default="", help="why are we mapping this journey?")
    new.add_argument("--product", default="", help="the product, service or department")
    new.set_defaults(run=_cmd_new)

    listing = commands.add_parser("list", help="list the workshops in the sessions folder")
    listing.set_defaults(run_without_store=_cmd_list)

    show = commands.add_parser("show", help="print a workshop with its personas and sessions")
    show.add_argument("workshop", nargs="?", help="folder name or title (default: all)")
    show.set_defaults(run=_cmd_show)

    validate = commands.add_parser("validate", help="check every file of a workshop or sessions folder")
    validate.add_argument("path", nargs="?", type=Path, help="a sessions folder, workshop folder or file")
    validate.set_defaults(run=_cmd_validate)

    phases = commands.add_parser("phases", help="list the phase-model presets")
    phases.set_defaults(run_without_store=_cmd_phases)

    merge = commands.add_parser("merge", help="bring another copy of a workshop into this one, by item id")
    merge.add_argument("other", type=Path, help="the other copy: a workshop folder")
    merge.add_argument(
        "into", type=Path, nargs="?", help="this copy (default: the same workshop in --sessions)"
    )
    merge.set_defaults(run=_cmd_merge)

    report = commands.add_parser("report", help="compile a workshop's sessions into a journey report")
    report.add_argument("workshop", help="folder name or title")
    report.add_argument(
        "--persona",
        metavar="NAME",
        help="narrow all evidence to one persona: its empathy maps, arena customers and gemba walks",
    )
    report.add_argument(
        "--format",
        default="html,md,json",
        help="html, md, json and/or pdf (pdf prints the HTML with headless Chromium; default: html,md,json)",
    )
    report.add_argument(
        "--out", type=Path, metavar="DIR", help="folder to write to (default: WORKSHOP/report)"
    )
    report.add_argument("--open", action="store_true", help="open the HTML report in the browser")
    report.add_argument("--force", action="store_true", help="report even when some files have problems")
    report.add_argument(
        "--date",
        type=_report_date,
        metavar="YYYY-MM-DD",
        help="the report's date, against which actions are overdue (default: today)",
    )
    report.set_defaults(run=_cmd_report)

    photos = commands.add_parser("photos", help="attach a folder of photos to a gemba walk's observations")
    photos.add_argument("walk", help="the walk: its title, file name or id")
    photos.add_argument("folder", type=Path, help="a folder of photos (EXIF time, else file time)")
    photos.add_argument("--workshop", metavar="NAME", help="look for the walk in this workshop only")
    photos.add_argument(
        "--window",
        type=float,
        default=PHOTO_WINDOW_MINUTES,
        metavar="MINUTES",
        help=f"how far from an observation a photo may be taken (default: {PHOTO_WINDOW_MINUTES:g})",
    )
    photos.add_argument("--dry-run", action="store_true", help="show the matches; change nothing")
    photos.set_defaults(run=_cmd_photos)

    git_setup = commands.add_parser("git-setup", help="let git merge session files by item id")
    git_setup.set_defaults(run=_cmd_git_setup)

    merge_file = commands.add_parser("merge-file")  # git's merge driver; see git-setup
    for name in ("base", "ours", "theirs", "name"):
        merge_file.add_argument(name)
    merge_file.set_defaults(run=_cmd_merge_file)
    return parser


def _report_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date; expected YYYY-MM-DD') from None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        root: Path = args.sessions or _sessions_default()
        without_store: Callable[[argparse.Namespace, Path], int] | None = getattr(
            args, "run_without_store", None
        )
        if without_store is not None:
            return without_store(args, root)
        from .store import SessionStore

        run: Callable[[argparse.Namespace, SessionStore], int] = getattr(args, "run", _cmd_default)
        return run(args, SessionStore(root))
    except UsageError as error:
        _say(f"workshop: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # one line, never a traceback; WORKSHOP_DEBUG=1 shows it
        from .store.problems import StoreError  # imported on the way out: a start costs less

        if isinstance(error, StoreError):
            _say(f"workshop: {error}", file=sys.stderr)
            return EXIT_USAGE
        if os.environ.get("WORKSHOP_DEBUG"):
            raise
        _say(f"workshop: internal error: {type(error).__name__}: {error} (please report)", file=sys.stderr)
        return EXIT_INTERNAL


def _cmd_default(args: argparse.Namespace, store: SessionStore) -> int:
    """In a terminal, open the app; piped or scripted, print the overview as before."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _cmd_show(argparse.Namespace(workshop=None), store)
    from .tui.app import run  # Textual loads only for the app, so subcommands stay fast

    return run(store.root, args.ui_lang)


def _cmd_new(args: argparse.Namespace, store: SessionStore) -> int:
    from .model import CUSTOM, PRESETS, Workshop

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
        phases=_custom_phases(args.phase, args.lang),
    )
    loaded = store.create_workshop(workshop)
    _say(loaded.folder / WORKSHOP_FILE)
    return EXIT_OK


def _custom_phases(labels: list[str], language: Language) -> list[Phase]:
    from .model.phase_text import PhaseLineError, phases_from_lines

    try:
        return phases_from_lines(labels, language)
    except PhaseLineError as error:
        raise UsageError(f"--phase {error}") from None


def _cmd_list(args: argparse.Namespace, root: Path) -> int:
    """From the summaries kept beside the files; only a workshop that changed is read."""
    from .store.listing import OUTSIDE_SESSIONS, candidate_folders, links_outside, list_workshops

    store: SessionStore | None = None

    def summarise(folder: Path) -> WorkshopSummary:
        nonlocal store
        if store is None:
            from .store import SessionStore  # the model loads only when a summary is made again

            store = SessionStore(root)
        return store.summarise(folder)

    summaries = list_workshops(root, summarise)
    for folder in candidate_folders(root):
        if links_outside(root, folder):
            from .store.problems import Problem

            _say(Problem(folder, OUTSIDE_SESSIONS), file=sys.stderr)
    if not summaries:
        _say(f"no workshops in {root}; create one with: workshop new TITLE")
        return EXIT_OK
    width = max(len(s.slug) for s in summaries)
    for s in summaries:
        noun = "problem" if s.problems == 1 else "problems"
        flag = f"  ({s.problems} {noun}: run workshop validate)" if s.problems else ""
        counts = f"{s.personas} personas, {s.sessions} sessions, {s.notes} notes"
        _say(f"{s.slug:<{width}}  {_escaped(s.title)}  [{counts}]{flag}")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, store: SessionStore) -> int:
    from .overview import describe_workshop

    if args.workshop:
        folders = [store.folder_of(args.workshop)]
    else:
        folders = store.workshop_folders()
        if not folders:
            _say(f"no workshops in {store.root}; create one with: workshop new TITLE")
            return EXIT_OK
    status = EXIT_OK
    for folder in folders:
        loaded = store.load_folder(folder)
        _say("\n".join(describe_workshop(loaded)))
        if loaded.problems:
            status = EXIT_USAGE
            for problem in loaded.problems:
                _say(problem, file=sys.stderr)
    return status


def _cmd_validate(args: argparse.Namespace, store: SessionStore) -> int:
    target: Path = args.path or store.root
    problems, files = validate_path(target)
    for problem in problems:
        _say(problem, file=sys.stderr)
    if problems:
        _say(f"{len(problems)} problem(s) in {files} file(s) checked", file=sys.stderr)
        return EXIT_USAGE
    _say(f"ok: {files} file(s) valid")
    return EXIT_OK


def validate_path(target: Path) -> tuple[list[Problem], int]:
    """Problems of a sessions folder, a workshop folder or one file, and how many files were read."""
    from .store import Problem, SessionStore, kind_of, read_document
    from .store.repository import NOT_A_WORKSHOP_FILE

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
        sessions = SessionStore(target)
        folders = sessions.workshop_folders()
        outside = sessions.outside_links()
        if not folders and not outside:
            return [Problem(target, "holds no workshop folder (a folder with a workshop.toml)")], 0
        problems, files = _problems_of(folders)
        return [*outside, *problems], files
    return _problems_of(folders)


def _problems_of(folders: list[Path]) -> tuple[list[Problem], int]:
    from .store import SessionStore

    problems: list[Problem] = []
    files = 0
    for folder in folders:
        loaded = SessionStore(folder.parent).load_folder(folder)
        problems.extend(loaded.problems)
        files += sum(1 for path in folder.glob("*.toml") if not path.name.startswith("."))
    return problems, files


def _cmd_report(args: argparse.Namespace, store: SessionStore) -> int:
    from .report import ReportError
    from .report.output import parse_formats, write_report

    try:
        formats = parse_formats(args.format)
        loaded = store.load(args.workshop)
        if loaded.problems and (loaded.bundle is None or not args.force):
            for problem in loaded.problems:
                _say(problem, file=sys.stderr)
            hint = (
                "fix them first"
                if loaded.bundle is None
                else "fix them, or add --force to report without them"
            )
            _say(f"{len(loaded.problems)} problem(s): {hint}", file=sys.stderr)
            return EXIT_USAGE
        paths = write_report(loaded, formats, args.out, args.persona, args.date)
    except ReportError as error:
        raise UsageError(str(error)) from None
    for path in paths:
        _say(path)
    if args.open:
        import webbrowser

        html = next((path for path in paths if path.suffix == ".html"), None)
        if html is None or not webbrowser.open(html.resolve().as_uri()):
            _say("workshop: no browser to open; the files are written above", file=sys.stderr)
    return EXIT_OK


def _cmd_phases(args: argparse.Namespace, root: Path) -> int:
    from .model import CUSTOM, PRESETS

    for preset in PRESETS.values():
        _say(f"{preset.name}: {preset.title_en} / {preset.title_nl} ({preset.source})")
        for number, phase in enumerate(preset.phases, start=1):
            _say(f"  {number:>2}. {phase.key:<22} {phase.en} / {phase.nl}")
    _say(f'{CUSTOM}: your own phases, e.g. workshop new TITLE --phases custom --phase "Aanmelden|Check-in"')
    return EXIT_OK


def _cmd_merge(args: argparse.Namespace, store: SessionStore) -> int:
    from .store.folder_merge import merge_folders

    other: Path = args.other
    if not (other / WORKSHOP_FILE).is_file():
        raise UsageError(f"{other}: not a workshop folder (it has no {WORKSHOP_FILE})")
    into: Path | None = args.into
    if into is None:
        into = _same_workshop_in(store, other)
    elif not (into / WORKSHOP_FILE).is_file():
        raise UsageError(f"{into}: not a workshop folder (it has no {WORKSHOP_FILE})")
    if into.resolve() == other.resolve():
        raise UsageError("the other copy is this copy")
    report = merge_folders(other, into)
    for problem in report.problems:
        _say(problem, file=sys.stderr)
    if report.problems:
        _say("nothing merged: fix the files above first", file=sys.stderr)
        return EXIT_USAGE
    for path in report.added:
        _say(f"added    {path}")
    for path in report.updated:
        _say(f"merged   {path}")
    for path in report.removed:
        _say(f"removed  {path} (deleted in the other copy; kept in .trash)")
    for conflict in report.conflicts:
        _say(f"conflict {conflict}")
    counts = f"{len(report.added)} added, {len(report.updated)} merged, {report.unchanged} unchanged"
    _say(f"{counts}, {len(report.conflicts)} conflict(s) into {into}")
    return EXIT_OK


def _same_workshop_in(store: SessionStore, other: Path) -> Path:
    from .model import Workshop
    from .store import read_document

    wanted = read_document(other / WORKSHOP_FILE, Workshop).document
    if wanted is None:
        raise UsageError(f"{other / WORKSHOP_FILE}: cannot be read; run workshop validate {other}")
    for folder in store.workshop_folders():
        found = read_document(folder / WORKSHOP_FILE, Workshop).document
        if found is not None and found.id == wanted.id and folder.resolve() != other.resolve():
            return folder
    raise UsageError(f"no copy of this workshop in {store.root}; name the folder to merge into")


def _cmd_photos(args: argparse.Namespace, store: SessionStore) -> int:
    from .store.photos import attach_photos, find_walk, plan_photos

    window: float = args.window
    if not 0 < window <= 24 * 60:
        raise UsageError(f"--window: {window:g} minutes; expected more than 0 and at most 1440")
    loaded, walk = find_walk(store, args.walk, args.workshop)
    if loaded.problems:
        for problem in loaded.problems:
            _say(problem, file=sys.stderr)
        raise UsageError(f"{len(loaded.problems)} problem(s) in {loaded.slug}: fix them first")
    plan = plan_photos(loaded, walk, args.folder, dt.timedelta(minutes=window))
    walk_file = loaded.paths[walk.id]
    _say(f"{walk.title} ({loaded.slug}/{walk_file.name}); photos within {window:g} min of an observation")
    width = max((len(p.source.name) for p in plan.photos), default=0)
    for planned in plan.matched:
        observation = planned.match.observation
        assert observation is not None and observation.at is not None
        step = walk.step_name(observation.step)
        text = " ".join(observation.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        state = "already attached" if planned.attached else str(planned.ref)
        _say(
            f"  {planned.source.name:<{width}}  {_clock(planned.match.photo.taken)} "
            f"({planned.match.photo.source}) → {_clock(observation.at)} "
            f"{_distance(planned.match.nearest)}  {step + ': ' if step else ''}{text}  [{state}]"
        )
    for planned in plan.unmatched:
        nearest = planned.match.nearest
        why = (
            "the walk has no observation with a time"
            if nearest is None
            else f"nearest observation {_distance(nearest)} away"
        )
        _say(
            f"  {planned.source.name:<{width}}  {_clock(planned.match.photo.taken)} "
            f"({planned.match.photo.source}) unmatched: {why}"
        )
    if plan.not_photos:
        _say(f"  not photos, left alone: {', '.join(plan.not_photos)}")
    new = [p for p in plan.matched if not p.attached]
    counts = f"{len(plan.matched) - len(new)} already attached, {len(plan.unmatched)} unmatched"
    if args.dry_run:
        _say(f"dry run: {len(new)} photo(s) would be attached, {counts}; nothing changed")
        return EXIT_OK
    saved = attach_photos(store, plan)
    where = f"; saved {', '.join(path.name for path in saved)}" if saved else ""
    _say(f"{len(new)} photo(s) attached, {counts}{where}")
    return EXIT_OK


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _distance(delta: dt.timedelta | None) -> str:
    """+1 min 20 s: how long after (+) or before (−) the observation the photo was taken."""
    if delta is None:
        return ""
    seconds = round(delta.total_seconds())
    sign, seconds = ("+" if seconds >= 0 else "-"), abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours} h {minutes} min"
    return f"{sign}{minutes} min {seconds} s" if minutes else f"{sign}{seconds} s"


GIT_ATTRIBUTES = "*.toml merge=workshop\n"


def _cmd_git_setup(args: argparse.Namespace, store: SessionStore) -> int:
    """Register the merge driver for this clone and mark the session files for it."""
    import shlex
    import subprocess

    root = store.root
    top = subprocess.run(
        ["git", "-C", str(root if root.is_dir() else Path.cwd()), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
    )
    if top.returncode != 0:
        raise UsageError(f"{root} is not inside a git repository; run git init first")
    root.mkdir(parents=True, exist_ok=True)
    driver = f"{shlex.quote(sys.executable)} -m workshop merge-file %O %A %B %P"
    for key, value in (
        ("merge.workshop.name", "workshop: merge session files by item id"),
        ("merge.workshop.driver", driver),
    ):
        subprocess.run(["git", "-C", str(root), "config", key, value], check=True)
    attributes = root / ".gitattributes"
    _add_lines(attributes, GIT_ATTRIBUTES.splitlines())
    # Presence locks, the trash and listing summaries are this machine's business, not the team's.
    _add_lines(root / ".gitignore", [".*.lock", "*/.trash/", "*/report/", "*/.summary.toml"])
    _say(f"git merges {root}/**/*.toml by item id in this clone; commit {attributes} so others get it too")
    return EXIT_OK


def _add_lines(path: Path, lines: list[str]) -> None:
    """Append the lines the file does not hold yet; the rest of it stays as the user wrote it."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    missing = [line for line in lines if line.strip() and line not in existing.splitlines()]
    if missing:
        separator = "" if existing.endswith("\n") or not existing else "\n"
        path.write_text(existing + separator + "\n".join(missing) + "\n", encoding="utf-8")


def _cmd_merge_file(args: argparse.Namespace, store: SessionStore) -> int:
    from .store.folder_merge import merge_file

    problems = merge_file(Path(args.base), Path(args.ours), Path(args.theirs), args.name)
    for problem in problems:
        _say(f"workshop merge-file: {problem}", file=sys.stderr)
    return EXIT_INTERNAL if problems else EXIT_OK
