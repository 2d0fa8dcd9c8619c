"""The settings file: where it lives, what a bad one says, and that saving keeps the rest."""

from __future__ import annotations

import tomllib
from pathlib import Path

from workshop.settings import config_path, load_settings, remember


def test_the_config_file_follows_xdg(tmp_path: Path) -> None:
    assert config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "workshop" / "config.toml"
    home = Path.home() / ".config" / "workshop" / "config.toml"
    assert config_path({}) == home
    assert config_path({"XDG_CONFIG_HOME": ""}) == home
    assert config_path({"XDG_CONFIG_HOME": "relative/dir"}) == home  # the spec says: ignore it


def test_the_tests_never_touch_the_real_home(config_home: Path) -> None:
    assert config_path() == config_home / "workshop" / "config.toml"


def test_no_file_means_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.toml")
    assert (settings.language, settings.theme, settings.keymap, settings.problems) == (None, None, {}, [])


def test_remember_writes_atomically_and_keeps_the_keymap(tmp_path: Path) -> None:
    path = tmp_path / "workshop" / "config.toml"
    path.parent.mkdir()
    path.write_text('[keymap]\nnext_round = "ctrl+n"\n', encoding="utf-8")
    assert remember(path, language="en", theme="textual-light") is None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"language": "en", "theme": "textual-light", "keymap": {"next_round": "ctrl+n"}}
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temp file left
    settings = load_settings(path)
    assert (settings.language, settings.theme) == ("en", "textual-light")
    assert settings.keymap == {"next_round": "ctrl+n"}


def test_remember_makes_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "workshop" / "config.toml"
    assert remember(path, language="nl") is None
    assert load_settings(path).language == "nl"


def test_a_broken_file_is_one_line_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('language = "en"\n[keymap\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.language is None and not settings.readable
    assert len(settings.problems) == 1 and "line 2" in settings.problems[0]
    assert str(path) in settings.problems[0]
    problem = remember(path, language="nl")
    assert problem is not None and "not saved" in problem
    assert path.read_text(encoding="utf-8") == 'language = "en"\n[keymap\n'


def test_bad_values_name_the_field_and_keep_the_default(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('language = "de"\ntheme = 3\nkeymap = "ctrl+n"\n', encoding="utf-8")
    settings = load_settings(path)
    assert (settings.language, settings.theme, settings.keymap) == (None, None, {})
    assert [p.split(": ")[1] for p in settings.problems] == ["language", "theme", "keymap"]


def test_a_huge_file_is_not_parsed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# " + "x" * 300_000, encoding="utf-8")
    settings = load_settings(path)
    assert not settings.readable and "KiB" in settings.problems[0]
