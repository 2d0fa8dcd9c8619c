"""Bring another copy of a workshop folder into this one, document by document, by item id.

Used by `workshop merge` (a colleague's laptop, a USB stick) and by the git merge driver."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document, Workshop
from ..model.merge import merge_documents
from .atomic import atomic_write_bytes
from .codec import read_document, to_toml
from .problems import Problem
from .repository import TRASH, WORKSHOP_FILE, kind_of
from .slug import unique_slug


@dataclass
class FolderMerge:
    """What a merge did, for the one-line-per-fact report of the command."""

    added: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_folder(folder: Path) -> tuple[dict[str, tuple[Path, Document]], list[Problem]]:
    """Every document of a workshop folder by id, read file by file (logs are not merged in)."""
    documents: dict[str, tuple[Path, Document]] = {}
    problems: list[Problem] = []
    if not (folder / WORKSHOP_FILE).is_file():
        return documents, [Problem(folder, "not a workshop folder (it has no workshop.toml)")]
    for path in sorted(folder.glob("*.toml")):
        kind = kind_of(path)
        if kind is None or path.is_symlink():
            continue
        result = read_document(path, kind)
        if result.document is None:
            problems.extend(result.problems)
        elif isinstance(result.document, Document):
            documents[result.document.id] = (path, result.document)
    return documents, problems


def merge_folders(other: Path, into: Path) -> FolderMerge:
    report = FolderMerge()
    theirs, their_problems = read_folder(other)
    ours, our_problems = read_folder(into)
    report.problems = [*their_problems, *our_problems]
    if report.problems:
        return report
    their_ws = next(doc for _, doc in theirs.values() if isinstance(doc, Workshop))
    our_ws = next(doc for _, doc in ours.values() if isinstance(doc, Workshop))
    if their_ws.id != our_ws.id:
        report.problems.append(
            Problem(
                other / WORKSHOP_FILE,
                f'is workshop "{their_ws.id}", not a copy of "{our_ws.id}"; nothing merged',
            )
        )
        return report
    deleted = {*their_ws.deleted, *our_ws.deleted}
    taken = {path.stem for path, _ in ours.values()}
    for ident, (their_path, their_doc) in theirs.items():
        if ident in deleted:
            continue
        if ident not in ours:
            stem = their_path.stem if their_path.stem not in taken else unique_slug(their_path.stem, taken)
            taken.add(stem)
            target = into / f"{stem}.toml"
            atomic_write_bytes(target, to_toml(their_doc).encode("utf-8"))
            report.added.append(target)
            continue
        our_path, our_doc = ours[ident]
        merged = merge_documents(our_doc, their_doc)
        report.conflicts.extend(
            f"{our_path.name}: {c.field}{' ' + c.item if c.item else ''}: two versions kept; choose one"
            for c in merged.conflicts
            if c not in our_doc.conflicts
        )
        if merged == our_doc:
            report.unchanged += 1
            continue
        atomic_write_bytes(our_path, to_toml(merged).encode("utf-8"))
        report.updated.append(our_path)
    for ident, (our_path, _) in ours.items():
        if ident in deleted:
            trash = into / TRASH
            trash.mkdir(exist_ok=True)
            target = trash / our_path.name
            our_path.replace(unique_path(target))
            report.removed.append(our_path)
    return report


def unique_path(path: Path) -> Path:
    number = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{number}")
        number += 1
    return candidate


def merge_file(base: Path, ours: Path, theirs: Path, name: str) -> list[Problem]:
    """Git's merge driver: merge three versions of one session file into `ours`, in place."""
    kind = kind_of(Path(name))
    if kind is None:
        return [Problem(Path(name), "not a workshop file; git should merge it as text")]
    results = [read_document(path, kind) for path in (base, ours, theirs)]
    problems = [p for result in results[1:] for p in result.problems]
    if problems:
        return problems
    base_doc, our_doc, their_doc = (result.document for result in results)
    if not isinstance(our_doc, Document) or not isinstance(their_doc, Document):
        return [Problem(Path(name), "could not be read")]
    ancestor = base_doc if isinstance(base_doc, Document) and base_doc.id == our_doc.id else None
    if our_doc.id != their_doc.id:
        return [
            Problem(Path(name), f'the two sides are different documents ("{our_doc.id}", "{their_doc.id}")')
        ]
    merged = merge_documents(our_doc, their_doc, ancestor)
    atomic_write_bytes(ours, to_toml(merged).encode("utf-8"))
    return []
