"""The rendering layer: fact-file data as Rich renderables (`rich.text.Text`, tables, trees),
shared by the command line (`tui/commands/`) and the explorer (`tui/ui/screens/`, `tui/ui/widgets/`).

One renderer per thing:
- `entity`: an entity's page (fields, links both ways, citations), link and name labels, the
  relationship tree, and `cut_to` (cutting a line to a width, ending in `…`);
- `fields`: the field table's rows (`tui.facts.fields.field_rows`) as Rich text;
- `hit`: a search hit (name, kind, field and snippet with the match highlighted);
- `timeline`: timeline rows, bars and axis.

Every piece of data becomes a `Text` built from plain strings, never markup, so text like
`[/bold]` or `[@click=app.quit]` in a fact file is shown exactly as written. Nothing here reads
a file or knows Textual.
"""
