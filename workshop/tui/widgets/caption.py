"""A label written as an i18n key: it follows a language switch in place."""

from __future__ import annotations

from textual.widgets import Static

from ..i18n import Lang, t


class Caption(Static):
    """Static text from the catalogue; the screen calls `relabel` when the language changes."""

    def __init__(
        self,
        key: str,
        lang: Lang,
        *,
        id: str | None = None,
        classes: str | None = None,
        **values: object,
    ) -> None:
        super().__init__(t(lang, key, **values), id=id, classes=classes, markup=False)
        self.key = key
        self.values = values

    def relabel(self, lang: Lang) -> None:
        self.update(t(lang, self.key, **self.values))
