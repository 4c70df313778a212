"""Regenerate facts.schema.json from the model: `python scripts/write_schema.py`."""

import json
from pathlib import Path

from tui.facts.model import json_schema

TARGET = Path(__file__).resolve().parent.parent / "facts.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
