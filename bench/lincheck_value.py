#!/usr/bin/env python3
"""Does the Lincheck explain step pay for its time? (issue 6)

For the corpus's race/exclusion variants of the exercises that have a Lincheck scenario
(SafeCounter, BoundedBuffer, CountingSemaphore, Memoizer, FairReadWriteLock, DiningTable, LockFreeStack) and for
their reference solutions, RUNS times each
(seed 1000 + run):

- grades the variant with `--lincheck explain` and with `--lincheck off` (whole `racecourse grade`
  wall time each), and reads from results.json whether the explain step gave a trace, how long the
  step took (extra_data.exercises.X.lincheck.seconds) and whether the failing race/exclusion tests
  show it; the verdicts of both gradings must be the same;
- runs the explain step on each reference solution whatever its verdicts (ExplainProbe: normal
  grading never explains a passing exercise) and checks Lincheck finds no failing interleaving;
- grades those references (one submission) with `--lincheck explain` and `--lincheck off`.

    bench/lincheck_value.py --runs 3 [--json FILE]

Runs the built grader jar directly (built once through bin/racecourse if stale), so sources edited
while the benchmark runs do not trigger rebuilds between gradings.
"""
import argparse, json, pathlib, statistics, subprocess

import grader_corpus  # bench/ is on sys.path when this script runs

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'autograder' / 'corpus'
SOLUTIONS = ROOT / 'solutions' / 'src' / 'main' / 'java' / 'exercises'
EXERCISES = ['SafeCounter', 'BoundedBuffer', 'CountingSemaphore', 'Memoizer', 'FairReadWriteLock', 'DiningTable', 'LockFreeStack']


def java_command():
    subprocess.run([str(ROOT / 'bin' / 'racecourse'), '--version'], check=True, capture_output=True)
    java_home = subprocess.run([str(ROOT / 'bin' / 'with-jdk')], check=True, capture_output=True, text=True).stdout.strip()
    cp = f"{ROOT / 'cli' / 'target' / 'racecourse-cli.jar'}:{ROOT / 'cli' / 'target' / 'lib'}/*"
    return [f'{java_home}/bin/java', '-Djava.awt.headless=true', f'-Dracecourse.home={ROOT}', '-cp', cp]


def grade(java, path, exercises, seed, mode):
    return grader_corpus.grade(path, exercises, seed, ['--lincheck', mode], launcher=java + ['racecourse.cli.Main'])


def probe(java, exercise, path):
    p = subprocess.run(java + ['racecourse.grader.explain.ExplainProbe', exercise, str(path)],
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise SystemExit(f'explain probe of {path} failed (exit {p.returncode}): {p.stderr.strip()[-500:]}')
    return json.loads(p.stdout.strip().splitlines()[-1])


def verdicts(results):
    return sorted(next((t[8:] for t in test['tags'] if t.startswith('verdict:')), '?')
                  for test in results['tests'] if test['status'] == 'failed')


def shown(results):
    """Whether a visible race/exclusion failure shows Lincheck's trace."""
    return any(test['status'] == 'failed' and '(hidden)' not in test['name']
               and ('verdict:race' in test['tags'] or 'verdict:exclusion' in test['tags'])
               and 'It found this interleaving' in test['output'] for test in results['tests'])


def variants():
    out = []
    for e in EXERCISES:
        for f in sorted((CORPUS / e).glob('*/*.java')):
            expect = f.read_text().splitlines()[0].split(':', 1)[1].strip()
            if expect in ('race', 'exclusion'):
                out.append((e, f))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--json', help='write the raw records here (rewritten after every step)')
    ap.add_argument('--summarize', metavar='JSON', help='print the tables of a saved --json file and exit')
    a = ap.parse_args()
    if a.summarize:
        summarize(json.loads(pathlib.Path(a.summarize).read_text()))
        return
    java = java_command()
    raw = []

    def save():
        if a.json:
            pathlib.Path(a.json).write_text(json.dumps(raw, indent=1))

    for run in range(a.runs):
        seed = 1000 + run
        for exercise, f in variants():
            name = f'{exercise}/{f.parent.name}'
            on, wall_on = grade(java, f, [exercise], seed, 'explain')
            off, wall_off = grade(java, f, [exercise], seed, 'off')
            lc = on['extra_data']['exercises'][exercise].get('lincheck')
            rec = {'kind': 'variant', 'variant': name, 'seed': seed, 'wall_explain': wall_on, 'wall_off': wall_off,
                   'outcome': lc and lc['outcome'], 'explain_seconds': lc and lc['seconds'], 'shown': shown(on),
                   'verdicts_explain': verdicts(on), 'verdicts_off': verdicts(off)}
            raw.append(rec)
            save()
            print(f"{name:36s} seed {seed} lincheck {rec['outcome']} {rec['explain_seconds']} s shown {rec['shown']}"
                  f" | grade explain {wall_on:5.1f} s off {wall_off:5.1f} s | verdicts {rec['verdicts_explain']}"
                  f" vs {rec['verdicts_off']}", flush=True)
        for exercise in EXERCISES:
            p = probe(java, exercise, SOLUTIONS / f'{exercise}.java')
            raw.append({'kind': 'reference-probe', 'exercise': exercise, 'seed': seed, 'outcome': p['outcome'],
                        'explain_seconds': p['seconds']})
            save()
            print(f"reference {exercise:24s} explain probe: {p['outcome']} {p['seconds']:.2f} s", flush=True)
        on, wall_on = grade(java, SOLUTIONS, EXERCISES, seed, 'explain')
        off, wall_off = grade(java, SOLUTIONS, EXERCISES, seed, 'off')
        raw.append({'kind': 'reference-grade', 'seed': seed, 'wall_explain': wall_on, 'wall_off': wall_off,
                    'failed_explain': verdicts(on), 'failed_off': verdicts(off),
                    'lincheck_ran': any('lincheck' in x for x in on['extra_data']['exercises'].values())})
        save()
        print(f"reference {len(EXERCISES)} exercises seed {seed}: grade explain {wall_on:5.1f} s off {wall_off:5.1f} s,"
              f" failed {verdicts(on)} / {verdicts(off)}", flush=True)
    summarize(raw)


def fmt(xs):
    return f'median {statistics.median(xs):.2f} s, max {max(xs):.2f} s' if xs else '-'


def summarize(raw):
    vs = [r for r in raw if r['kind'] == 'variant']
    print('\n| variant | trace shown | explain step | grading with explain | grading off | verdicts unchanged |')
    print('|---|---|---|---|---|---|')
    for name in sorted({r['variant'] for r in vs}):
        rs = [r for r in vs if r['variant'] == name]
        print(f"| {name} | {sum(r['shown'] for r in rs)} of {len(rs)} | {fmt([r['explain_seconds'] for r in rs if r['explain_seconds'] is not None])}"
              f" | {fmt([r['wall_explain'] for r in rs])} | {fmt([r['wall_off'] for r in rs])}"
              f" | {sum(r['verdicts_explain'] == r['verdicts_off'] for r in rs)} of {len(rs)} |")
    print(f"\nall variants: trace shown {sum(r['shown'] for r in vs)} of {len(vs)}; explain step "
          f"{fmt([r['explain_seconds'] for r in vs if r['explain_seconds'] is not None])}; extra grading time "
          f"{fmt([r['wall_explain'] - r['wall_off'] for r in vs])}")
    ps = [r for r in raw if r['kind'] == 'reference-probe']
    print('\n| reference (explain forced) | Lincheck failures | explain step |')
    print('|---|---|---|')
    for e in sorted({r['exercise'] for r in ps}):
        rs = [r for r in ps if r['exercise'] == e]
        print(f"| {e} | {sum(r['outcome'] != 'no-failure' for r in rs)} of {len(rs)} | {fmt([r['explain_seconds'] for r in rs])} |")
    gs = [r for r in raw if r['kind'] == 'reference-grade']
    if gs:
        print(f"\nreferences graded ({len(EXERCISES)} exercises, one submission): with explain {fmt([r['wall_explain'] for r in gs])}, off "
              f"{fmt([r['wall_off'] for r in gs])}; runs with a failed test {sum(bool(r['failed_explain'] or r['failed_off']) for r in gs)}"
              f" of {len(gs)}; Lincheck ran in {sum(r['lincheck_ran'] for r in gs)} of {len(gs)}")


if __name__ == '__main__':
    main()
