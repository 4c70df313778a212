"""Every screen's stylesheets exist and parse: a .tcss that is missing or wrong fails only when its
screen first opens (Textual reads a screen's CSS_PATH on its first push), so a dialog a test never
opens would crash in front of the user. The dialogs share one box, dialog.tcss."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path, PurePath

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

import tui.ui.screens
from tui.ui.screens.dialog import SHARED


def screens_with_css() -> list[type[Screen]]:
    """The screen classes of tui.ui.screens that name stylesheets, each once."""
    found: dict[str, type[Screen]] = {}
    for info in pkgutil.iter_modules(tui.ui.screens.__path__):
        module = importlib.import_module(f"tui.ui.screens.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__ and cls.CSS_PATH:
                found[cls.__qualname__] = cls
    return sorted(found.values(), key=lambda cls: cls.__qualname__)


def css_paths(cls: type[Screen]) -> list[Path]:
    paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
    return [Path(path) for path in paths if isinstance(path, str | PurePath)]


DIALOGS = [cls for cls in screens_with_css() if SHARED in css_paths(cls)]


def test_the_dialogs_share_the_box() -> None:
    names = {cls.__name__ for cls in DIALOGS}
    expected = {"ConflictScreen", "DeleteScreen", "ExportScreen", "NewEntityScreen"}
    assert expected | {"RefPickerScreen", "RenameScreen"} <= names


@pytest.mark.parametrize("cls", screens_with_css(), ids=lambda cls: cls.__name__)
def test_every_stylesheet_exists_and_parses(cls: type[Screen]) -> None:
    stylesheet = Stylesheet(variables=App().get_css_variables())
    for path in css_paths(cls):
        assert path.is_file(), path
        stylesheet.read(path)
    stylesheet.parse()
    assert stylesheet.rules
