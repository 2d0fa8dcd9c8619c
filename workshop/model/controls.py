"""Control characters made visible, so text from a file cannot drive the terminal it is shown in.

A hand-edited or hostile file can hold ESC sequences (clear the screen, set the window title),
BEL, C1 controls or bidi overrides (U+202E turns the rest of a line around). Every line the
`workshop` command prints passes through `escape_controls`, the same way a problem line does.
"""

from __future__ import annotations

import unicodedata

_BIDI_AND_SEPARATORS = [
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x2028,
    0x2029,
]
"""Bidi marks, embeddings, overrides and isolates, and the Unicode line/paragraph separators."""


def _shown(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_ESCAPES: dict[int, str] = {
    code: _shown(code) for code in range(0x100) if unicodedata.category(chr(code)) == "Cc"
} | {code: _shown(code) for code in _BIDI_AND_SEPARATORS}
_ESCAPES |= {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES_KEEPING_NEWLINES = {code: shown for code, shown in _ESCAPES.items() if code != ord("\n")}


def escape_controls(text: str, *, keep_newlines: bool = False) -> str:
    r"""`text` with every C0/C1 control, DEL, bidi control and line separator written as `\x1b`,
    `\u202e` and so on; newlines are kept only when asked for (multi-line output)."""
    return text.translate(_ESCAPES_KEEPING_NEWLINES if keep_newlines else _ESCAPES)


def has_controls(text: str, *, allow_newlines: bool = True) -> bool:
    """Whether `text` holds anything `escape_controls` would escape."""
    table = _ESCAPES_KEEPING_NEWLINES if allow_newlines else _ESCAPES
    return any(ord(char) in table for char in text)
