#!/usr/bin/env python3
"""Autograder benchmark: grades every variant in autograder/corpus/ (seeded buggy ones and correct
`ok-*` ones, line 1 `// expect: pass`) and the reference solutions, RUNS times each with a
different seed, through bin/racecourse grade (real child JVMs).

Reports, per buggy variant, in how many runs the expected verdict was among the failed tests'
verdicts (caught) and whether every failed test had exactly that verdict (precise); per correct
variant, in how many runs it got full marks, and every test it lost (name, verdict, message, in how
many runs); for the reference solutions, runs with any failed test (false failures); wall time per
exercise (median, max) and for the whole reference submission (every exercise).

    bench/grader_corpus.py --runs 20 [--only Exercise] [--kind all|buggy|correct] [--jobs 1]
"""
import argparse, concurrent.futures, json, os, pathlib, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'autograder' / 'corpus'
SOLUTIONS = ROOT / 'solutions' / 'src' / 'main' / 'java' / 'exercises'


def grade(path, exercises, seed, extra=(), launcher=None):
    """Grades `path` (only `exercises`, if any) through the CLI; returns results.json and the wall time.

    `launcher` is the command before `grade` (default bin/racecourse); `extra` are more grade options.
    """
    launcher = launcher or [str(ROOT / 'bin' / 'racecourse')]
    with tempfile.TemporaryDirectory() as out:
        cmd = launcher + ['grade', str(path), '--out', out, '--seed', str(seed), '--quiet', *extra]
        for e in exercises:
            cmd += ['--exercise', e]
        t = time.monotonic()
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        wall = time.monotonic() - t
        if p.returncode != 0:
            raise SystemExit(f'grading {path} failed (exit {p.returncode}): {p.stderr.strip()[-500:]}')
        results = json.loads((pathlib.Path(out) / 'results.json').read_text())
    return results, wall


def expectation(path):
    """The variant's expected verdict from its first line, `// expect: V` (`pass` for a correct one)."""
    return path.read_text().splitlines()[0].split(':', 1)[1].strip()


def also_allowed(path):
    """Verdicts a variant declares on line 3 (`// also: V, W: why`) besides its own: other tests its
    one bug legitimately fails with another verdict (CorpusTest reads the same line)."""
    lines = path.read_text().splitlines()
    if len(lines) > 2 and lines[2].startswith('// also: '):
        return {v.strip() for v in lines[2][len('// also: '):].split(':', 1)[0].split(',')}
    return set()


def verdicts(results):
    return [next((t[8:] for t in test['tags'] if t.startswith('verdict:')), None)
            for test in results['tests'] if test['status'] == 'failed']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=20)
    ap.add_argument('--only', action='append', default=[])
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--skip-reference', action='store_true')
    ap.add_argument('--kind', choices=['all', 'buggy', 'correct'], default='all',
                    help='which corpus variants: seeded bugs, correct solutions (expect: pass), or both')
    ap.add_argument('--seed-base', type=int, default=1000, help='run r uses seed SEED_BASE + r')
    ap.add_argument('--json', help='write raw results here, rewritten after every grading so a killed sweep keeps its runs')
    ap.add_argument('--summarize', metavar='JSON', help='print the tables of a saved --json file and exit')
    a = ap.parse_args()
    if a.summarize:
        summarize(json.loads(pathlib.Path(a.summarize).read_text()))
        return
    variants = sorted(p for p in CORPUS.glob('*/*/*.java') if not a.only or p.parent.parent.name in a.only)
    if a.kind != 'all':
        variants = [p for p in variants if (expectation(p) == 'pass') == (a.kind == 'correct')]
    jobs = []
    for run in range(a.runs):
        seed = a.seed_base + run
        for v in variants:
            jobs.append(('variant', v, seed))
        if not a.skip_reference:
            jobs.append(('reference', SOLUTIONS, seed))
    raw = []

    def work(job):
        kind, path, seed = job
        exercise = path.parent.parent.name if kind == 'variant' else None
        results, wall = grade(path, [exercise] if exercise else [], seed)
        return kind, path, seed, results, wall

    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for kind, path, seed, results, wall in pool.map(work, jobs):
            rec = {'kind': kind, 'seed': seed, 'wall': wall,
                   'exercises': results['extra_data']['exercises']}
            if kind == 'variant' and expectation(path) == 'pass':
                ex = results['extra_data']['exercises'][path.parent.parent.name]
                lost = [{'test': t['name'], 'verdict': next((x[8:] for x in t['tags'] if x.startswith('verdict:')), None),
                         'message': t.get('output', '')} for t in results['tests'] if t['status'] == 'failed']
                rec.update(kind='correct', variant=f'{path.parent.parent.name}/{path.parent.name}',
                           full=ex['score'] == ex['max_score'] and not lost, lost=lost)
                print(f"{rec['variant']:45s} seed {seed} {'full marks' if rec['full'] else 'LOST ' + str([(x['test'], x['verdict']) for x in lost])} {wall:5.1f}s", flush=True)
            elif kind == 'variant':
                expect = expectation(path)
                vs = verdicts(results)
                rec.update(variant=f'{path.parent.parent.name}/{path.parent.name}', expect=expect, verdicts=vs,
                           caught=expect in vs, precise=expect in vs and all(x == expect or x in also_allowed(path) for x in vs))
                print(f"{rec['variant']:45s} seed {seed} expect {expect:11s} got {sorted(set(vs))} {wall:5.1f}s", flush=True)
            else:
                failed = [t['name'] + ' ' + str(t['tags']) for t in results['tests'] if t['status'] == 'failed']
                rec.update(failed=failed)
                print(f"reference seed {seed}: score {results['score']} failed {failed} {wall:5.1f}s", flush=True)
            raw.append(rec)
            if a.json:
                pathlib.Path(a.json).write_text(json.dumps(raw, indent=1))
    summarize(raw)


def summarize(raw):
    names = sorted({r['variant'] for r in raw if r['kind'] == 'variant'})
    if names:
        print('\n| variant | expected | caught | precise |\n|---|---|---|---|')
    for n in names:
        rs = [r for r in raw if r.get('variant') == n]
        print(f"| {n} | {rs[0]['expect']} | {sum(r['caught'] for r in rs)}/{len(rs)} | {sum(r['precise'] for r in rs)}/{len(rs)} |")
    correct = sorted({r['variant'] for r in raw if r['kind'] == 'correct'})
    if correct:
        print('\n| correct variant | full marks |\n|---|---|')
        for n in correct:
            rs = [r for r in raw if r.get('variant') == n]
            print(f"| {n} | {sum(r['full'] for r in rs)} of {len(rs)} runs |")
        print('\ntests lost by correct variants (variant, test, verdict, in how many runs, first message):')
        for n in correct:
            rs = [r for r in raw if r.get('variant') == n]
            by_test = {}
            for r in rs:
                for x in r['lost']:
                    by_test.setdefault((x['test'], x['verdict']), []).append((r['seed'], x['message']))
            for (test, verdict), hits in sorted(by_test.items()):
                print(f"- {n} | {test} | {verdict} | {len(hits)} of {len(rs)} runs (seeds {', '.join(str(s) for s, _ in hits)})\n"
                      f"    {hits[0][1].strip()[:600]!r}")
    refs = [r for r in raw if r['kind'] == 'reference']
    if refs:
        print(f"\nreference runs with a false failure: {sum(1 for r in refs if r['failed'])}/{len(refs)}")
        per = {}
        for r in refs:
            for ex, d in r['exercises'].items():
                per.setdefault(ex, []).append(d['seconds'])
        print('\n| exercise | median s | max s |\n|---|---|---|')
        for ex, xs in per.items():
            print(f'| {ex} | {statistics.median(xs):.2f} | {max(xs):.2f} |')
        allx = [x for xs in per.values() for x in xs]
        walls = [r['wall'] for r in refs]
        print(f"\nall exercises: median {statistics.median(allx):.2f} s, max {max(allx):.2f} s; "
              f"whole reference submission, every exercise (bin/racecourse grade, wall): median {statistics.median(walls):.1f} s, max {max(walls):.1f} s")


if __name__ == '__main__':
    main()
