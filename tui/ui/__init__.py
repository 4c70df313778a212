"""The explorer: the Textual app (`app.FactsApp`), its screens and widgets, and the services it
owns — the command registry of keys (`keymap`), the search index's life cycle
(`search_service`), saving edits (`edit_service`), the file watcher, the history of visited
entities, the palette's providers and `$EDITOR`.

Screens and widgets read and write no file: the app loads the fact base and hands changes to the
edit service (import-linter contracts in pyproject.toml). Rendering of data is `tui.render`'s.
"""
