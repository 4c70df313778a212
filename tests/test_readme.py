"""The README tells the truth about keys and pictures."""

from __future__ import annotations

import re
from pathlib import Path

from tui.ui.keymap import keys_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_key_table_is_the_one_the_app_uses() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- keys:start -->\n", 1)[1].split("\n<!-- keys:end -->", 1)[0]
    assert block == keys_markdown(), "regenerate the README key table from tui.ui.keymap.keys_markdown()"


def test_readme_pictures_exist() -> None:
    text = README.read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((screenshots/[^)]+\.svg)\)", text)
    assert pictures, "the README shows the app"
    for picture in pictures:
        assert (README.parent / picture).is_file(), picture


def test_readme_set_up_is_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install -e . && facts-tui\npip install -e '.[test]' && pytest" in text
