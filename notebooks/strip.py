#!/usr/bin/env python3
"""Strip outputs from notebooks before committing them, so diffs show only what a person wrote.

    .venv/bin/python notebooks/strip.py                 # every notebooks/*.ipynb, in place
    .venv/bin/python notebooks/strip.py 03-threads.ipynb
    .venv/bin/python notebooks/strip.py --check         # exit 1 and name the files that need it

Clears outputs, execution counts and per-cell run metadata (execution timings, collapsed/scrolled
state); keeps cell tags. Sets the notebook's kernelspec to the Racecourse kernel. Standard library only.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
KERNELSPEC = {"name": "racecourse", "display_name": "Java (Racecourse)", "language": "java"}
LANGUAGE_INFO = {"name": "java", "file_extension": ".java", "mimetype": "text/x-java"}
KEEP_CELL_METADATA = ("tags",)


def stripped(nb: dict) -> dict:
    for cell in nb["cells"]:
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k in KEEP_CELL_METADATA}
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb["metadata"] = {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
    return nb


def text(nb: dict) -> str:
    # nbformat's own layout (indent 1, sorted keys), so a notebook saved by Jupyter and then
    # stripped gives the same bytes as one stripped twice.
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    names = [a for a in argv if a != "--check"]
    paths = [pathlib.Path(n) if pathlib.Path(n).exists() else HERE / n for n in names] or sorted(HERE.glob("*.ipynb"))
    dirty = []
    for path in paths:
        before = path.read_text(encoding="utf-8")
        after = text(stripped(json.loads(before)))
        if before != after:
            dirty.append(path)
            if not check:
                path.write_text(after, encoding="utf-8")
    for path in dirty:
        print(("needs stripping: " if check else "stripped: ") + str(path))
    return 1 if check and dirty else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
