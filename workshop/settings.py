"""The user's settings: `$XDG_CONFIG_HOME/workshop/config.toml` (default `~/.config/workshop/`).

    language = "en"          # the UI language the app starts in; `workshop --lang` overrides
    theme = "textual-light"  # light or dark, as last chosen
    [keymap]                 # command id = keys; see the README for the ids
    next_round = "ctrl+n"

The app remembers language and theme here when the user switches them. A file that cannot be
read gives one line per problem and the defaults; it is never overwritten while it is broken.
Loading imports only the standard library, so it costs nothing at start-up.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

Language = Literal["nl", "en"]
CONFIG_HOME_ENV = "XDG_CONFIG_HOME"
MAX_BYTES = 256 * 1024
"""A settings file is a few lines; a larger one is not ours, and parsing it would be slow."""


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file, after the XDG base directory rules (a relative XDG path is ignored)."""
    env = os.environ if environ is None else environ
    home = env.get(CONFIG_HOME_ENV, "")
    base = Path(home) if home and Path(home).is_absolute() else Path.home() / ".config"
    return base / "workshop" / "config.toml"


@dataclass
class Settings:
    path: Path
    language: Language | None = None
    theme: str | None = None
    keymap: dict[str, object] = field(default_factory=dict)
    """Entries as written; the app checks them against its commands."""
    problems: list[str] = field(default_factory=list)
    """One line per thing in the file that was not understood (its default is used)."""
    readable: bool = True
    """False when the file exists but could not be read: then it is never overwritten."""


def _read(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The file's table ({} when there is no file), or None and why not."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, f"{path}: larger than {MAX_BYTES // 1024} KiB; not read"
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as error:
        return None, f"{path}: cannot be read ({error})"
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return None, f"{path}: not valid TOML: {error}"
    except RecursionError:
        return None, f"{path}: not valid TOML: nested too deeply"


def load_settings(path: Path | None = None) -> Settings:
    path = config_path() if path is None else path
    data, problem = _read(path)
    if data is None:
        return Settings(path, problems=[problem or f"{path}: cannot be read"], readable=False)
    settings = Settings(path)
    language = data.get("language")
    if language is not None:
        if language in get_args(Language):
            settings.language = language
        else:
            settings.problems.append(f'{path}: language: expected "nl" or "en", not {language!r}')
    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            settings.theme = theme
        else:
            settings.problems.append(f"{path}: theme: expected a theme name, not {theme!r}")
    keymap = data.get("keymap", {})
    if isinstance(keymap, dict):
        settings.keymap = dict(keymap)
    else:
        settings.problems.append(f'{path}: keymap: expected a table, e.g. [keymap] next_round = "ctrl+n"')
    return settings


def remember(path: Path, **values: str) -> str | None:
    """Write `values` (language, theme) into the file, keeping everything else in it.

    Atomic: after a crash the file is the old one or the new one. Returns a one-line problem
    instead of raising; a file that cannot be read is left alone."""
    data, problem = _read(path)
    if data is None:
        return f"{problem}; settings not saved"
    data.update(values)
    try:
        import tomli_w

        text = tomli_w.dumps(data)
        tomllib.loads(text)  # never write what would not read back
        # Deferred: the store package loads pydantic, which first paint must not wait for.
        from .store.atomic import atomic_write_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, text.encode("utf-8"))
    except (OSError, TypeError, ValueError) as error:
        return f"{path}: settings not saved ({error})"
    return None
