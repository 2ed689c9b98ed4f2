"""What a student must never get, and a scan of a folder for it: every file, and every entry of every
jar (or other zip) in it.

Forbidden: a hidden suite (its source or class, by name or by its own lines), a file of the grader's
corpus (by content), and any non-trivial line (20 characters or more) from inside a
`// BEGIN SOLUTION` ... `// END SOLUTION` region of the reference solutions, unless that line is public
anyway: outside the regions (the skeletons keep it), in a public test or in the shipped code's sources
(idioms such as `} catch (InterruptedException e) {`).
"""
import hashlib
import io
import pathlib
import zipfile

MIN_LINE = 20
HIDDEN_SUITES = "autograder-hidden/src/main/java"


def public_lines(root: pathlib.Path) -> set:
    """Stripped lines of what ships as source anyway: public tests, the kernel's, grader's and CLI's code."""
    public = set()
    for folder in ["exercises/tests", "kernel/src/main", "autograder/src/main", "cli/src/main"]:
        for src in (root / folder).rglob("*.java"):
            public.update(l.strip() for l in src.read_text(encoding="utf-8").splitlines())
    return public


def solution_lines(root: pathlib.Path) -> dict:
    """Each non-trivial line inside a solution region and nowhere public, stripped -> its solution."""
    lines, outside = {}, public_lines(root)
    for src in sorted((root / "solutions/src/main/java/exercises").glob("*.java")):
        inside = False
        for line in src.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith("// BEGIN SOLUTION"):
                inside = True
            elif s.startswith("// END SOLUTION"):
                inside = False
            elif inside and len(s) >= MIN_LINE:
                lines.setdefault(s, src.name)
            else:
                outside.add(s)
    return {l: name for l, name in lines.items() if l not in outside}


def hidden_suites(root: pathlib.Path) -> dict:
    """Hidden suite class name -> its distinctive lines (40+ characters, none found in public code)."""
    public = public_lines(root)
    suites = {}
    for src in sorted((root / HIDDEN_SUITES).rglob("*HiddenTest.java")):
        own = {l.strip() for l in src.read_text(encoding="utf-8").splitlines()
               if len(l.strip()) >= 40 and not l.strip().startswith(("import ", "package ")) and l.strip() not in public}
        suites[src.stem] = own
    return suites


def corpus_hashes(root: pathlib.Path) -> dict:
    return {hashlib.sha256(p.read_bytes()).hexdigest(): str(p.relative_to(root))
            for p in (root / "autograder/corpus").rglob("*") if p.is_file() and p.stat().st_size > 0}


class Forbidden:
    def __init__(self, root: pathlib.Path):
        self.solutions = solution_lines(root)
        self.suites = hidden_suites(root)
        self.hidden_lines = {l: name for name, lines in self.suites.items() for l in lines}
        self.corpus = corpus_hashes(root)
        assert self.solutions and self.suites and self.corpus, "nothing to look for: wrong repository root?"

    def check(self, where: str, name: str, data: bytes, out: list):
        base = name.rsplit("/", 1)[-1]
        for suite in self.suites:
            if base.startswith(suite + ".") or base.startswith(suite + "$"):
                out.append(f"{where}: hidden suite {suite} ({name})")
        if "racecourse/instructor/" in name or "autograder/corpus" in name:
            out.append(f"{where}: instructor-only path {name}")
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.corpus:
            out.append(f"{where}: corpus file {self.corpus[digest]}")
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for entry in z.infolist():
                    if not entry.is_dir():
                        self.check(f"{where}!{entry.filename}", entry.filename, z.read(entry), out)
            return
        if base.endswith(".class"):
            return
        for n, line in enumerate(data.decode("utf-8", errors="ignore").splitlines(), 1):
            s = line.strip()
            if len(s) < MIN_LINE:
                continue
            if s in self.solutions:
                out.append(f"{where}:{n}: line of the solution {self.solutions[s]}: {s[:80]}")
            if s in self.hidden_lines:
                out.append(f"{where}:{n}: line of hidden suite {self.hidden_lines[s]}: {s[:80]}")

    def scan(self, folder: pathlib.Path) -> list:
        """Every leak in `folder`, one line each; empty when there is none."""
        out = []
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                rel = str(p.relative_to(folder))
                self.check(rel, rel, p.read_bytes(), out)
        return out
