"""`python -m tui` runs the `facts-tui` command."""

from tui.cli import run

run()
