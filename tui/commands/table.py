"""Printing a command's table: fitted to a terminal, whole and unpadded for a pipe.

On a terminal, Rich fits the table to the window (wrapping long cells). Piped output is read by
other programs, so there every cell is whole on one line, the table as wide as its widest row
(whatever COLUMNS says), and no line ends in padding spaces.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table

UNLIMITED = 1_000_000
"""A width no table reaches: the natural width of a table is measured against it."""


def print_table(out: Console, table: Table) -> None:
    """Print `table` on `out`: fitted to a terminal, or whole and without trailing spaces."""
    if out.is_terminal:
        out.print(table)
        return
    for column in table.columns:
        column.no_wrap = True
    options = out.options.update(width=natural_width(out, table), no_wrap=True, overflow="ignore")
    for line in out.render_lines(table, options, pad=False):
        out.file.write("".join(segment.text for segment in line if not segment.control).rstrip() + "\n")
    out.file.flush()


def natural_width(out: Console, table: Table) -> int:
    """The width `table` takes with no cell wrapped or cut: its widest row, or its title."""
    unlimited = out.options.update(max_width=UNLIMITED)
    widest = Measurement.get(out, unlimited, table).maximum
    if table.title is not None:
        widest = max(widest, Measurement.get(out, unlimited, table.title).maximum)
    return widest


def print_unpadded(out: Console, renderable: RenderableType) -> None:
    """Print `renderable` on `out`; piped, without the spaces Rich pads each line with."""
    if out.is_terminal:
        out.print(renderable)
        return
    for line in out.render_lines(renderable, out.options, pad=False):
        out.file.write("".join(segment.text for segment in line if not segment.control).rstrip() + "\n")
    out.file.flush()
