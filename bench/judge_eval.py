#!/usr/bin/env python3
"""Which judge for the in-JVM exercises: today's schedule perturbation or Lincheck's model checker?

For the exercises that have a Lincheck scenario (SafeCounter, BoundedBuffer, CountingSemaphore,
FairReadWriteLock, DiningTable, Memoizer, LockFreeStack), on BOTH corpora (seeded buggy variants, line 1
`// expect: <verdict>`, and correct `ok-*` variants, `// expect: pass`) and on the reference
solutions:

- `perturb`: grades each file with `--lincheck off` (the stress suites alone), once per seed
  (SEED_BASE + run) and per rounds factor (`-Dracecourse.rounds.scale=F`, which multiplies every
  `Stress.rounds(n, ...)` in the suites; 1 = today, 0.05 = one round per test). Records whether the
  expected verdict was among the failed tests' verdicts (buggy), whether a correct file lost any test
  (false failure), the exercise's grading seconds (results.json extra_data, child JVM included) and
  the wall time of the whole `grade` command.
- `lincheck`: runs the exercise's Lincheck scenario under the model checker against each file
  (racecourse.grader.explain.ExplainProbe, up to 1000 interleavings, wall bound WALL), TWICE, and
  records the outcome (trace = found a failing interleaving) and the seconds; a trace on a correct
  file or a reference is a false alarm.

    bench/judge_eval.py perturb --runs 3 --scales 1,0.05 --json bench/results/judge_eval-perturb.json
    bench/judge_eval.py lincheck --repeat 2 --json bench/results/judge_eval-lincheck.json
    bench/judge_eval.py summarize bench/results/judge_eval-perturb.json bench/results/judge_eval-lincheck.json

Runs the built grader jar directly (built once through bin/racecourse if stale).
"""
import argparse, concurrent.futures, json, pathlib, statistics, subprocess, threading

import grader_corpus  # bench/ is on sys.path when this script runs

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'autograder' / 'corpus'
SOLUTIONS = ROOT / 'solutions' / 'src' / 'main' / 'java' / 'exercises'
EXERCISES = ['SafeCounter', 'BoundedBuffer', 'CountingSemaphore', 'FairReadWriteLock', 'DiningTable', 'Memoizer', 'LockFreeStack']


def java_command(props=()):
    subprocess.run([str(ROOT / 'bin' / 'racecourse'), '--version'], check=True, capture_output=True)
    java_home = subprocess.run([str(ROOT / 'bin' / 'with-jdk')], check=True, capture_output=True, text=True).stdout.strip()
    cp = f"{ROOT / 'cli' / 'target' / 'racecourse-cli.jar'}:{ROOT / 'cli' / 'target' / 'lib'}/*"
    return [f'{java_home}/bin/java', '-Djava.awt.headless=true', f'-Dracecourse.home={ROOT}', *props, '-cp', cp]


def files(only):
    """(exercise, name, path, expect) for every buggy and correct variant and the reference."""
    out = []
    for e in EXERCISES:
        if only and e not in only:
            continue
        for f in sorted((CORPUS / e).glob('*/*.java')):
            out.append((e, f'{e}/{f.parent.name}', f, grader_corpus.expectation(f)))
        out.append((e, f'{e}/reference', SOLUTIONS / f'{e}.java', 'pass'))
    return out


def perturb_one(java, exercise, name, path, expect, seed, scale):
    # A reference is graded from the solutions folder, only its exercise.
    target = SOLUTIONS if name.endswith('/reference') else path
    results, wall = grader_corpus.grade(target, [exercise], seed, ['--lincheck', 'off'],
                                        launcher=java + ['racecourse.cli.Main'])
    ex = results['extra_data']['exercises'][exercise]
    failed = [{'test': t['name'], 'verdict': next((x[8:] for x in t['tags'] if x.startswith('verdict:')), None),
               'message': t.get('output', '')[:600]} for t in results['tests'] if t['status'] == 'failed']
    vs = [x['verdict'] for x in failed]
    return {'judge': 'perturb', 'scale': scale, 'exercise': exercise, 'variant': name, 'expect': expect, 'seed': seed,
            'caught': expect in vs if expect != 'pass' else None,
            'false_failure': bool(failed) if expect == 'pass' else None,
            'verdicts': vs, 'failed': failed, 'seconds': ex['seconds'], 'wall': wall}


def lincheck_one(java, exercise, name, path, expect, repeat, wall_bound):
    p = subprocess.run(java + ['racecourse.grader.explain.ExplainProbe', exercise, str(path), str(wall_bound)],
                       capture_output=True, text=True, timeout=wall_bound + 300)
    if p.returncode != 0:
        raise SystemExit(f'explain probe of {path} failed (exit {p.returncode}): {p.stderr.strip()[-500:]}')
    out = json.loads(p.stdout.strip().splitlines()[-1])
    return {'judge': 'lincheck', 'exercise': exercise, 'variant': name, 'expect': expect, 'repeat': repeat,
            'outcome': out['outcome'], 'found': out['outcome'] == 'trace', 'seconds': out['seconds'],
            'text': out['text'][:3000]}


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='cmd', required=True)
    p1 = sub.add_parser('perturb')
    p1.add_argument('--runs', type=int, default=3)
    p1.add_argument('--seed-base', type=int, default=1000)
    p1.add_argument('--scales', default='1', help='comma-separated rounds factors, e.g. 1,0.25,0.05')
    p1.add_argument('--kind', choices=['all', 'buggy', 'correct'], default='all')
    p1.add_argument('--expect', action='append', default=[],
                    help='only files expecting these verdicts (e.g. race), to spend a short budget where rounds matter')
    p2 = sub.add_parser('lincheck')
    p2.add_argument('--repeat', type=int, default=2)
    p2.add_argument('--wall', type=int, default=120, help='wall bound of one Lincheck child, seconds')
    for p in (p1, p2):
        p.add_argument('--only', action='append', default=[])
        p.add_argument('--jobs', type=int, default=1)
        p.add_argument('--json', help='raw records, rewritten after every step so a killed run keeps its records')
    p3 = sub.add_parser('summarize')
    p3.add_argument('json', nargs='+')
    p3.add_argument('--seeds', help='only perturbation runs with these seeds (comma-separated), e.g. one load phase')
    a = ap.parse_args()
    if a.cmd == 'summarize':
        raw = [r for f in a.json for r in json.loads(pathlib.Path(f).read_text())]
        if a.seeds:
            keep = {int(x) for x in a.seeds.split(',')}
            raw = [r for r in raw if r['judge'] != 'perturb' or r['seed'] in keep]
        summarize(raw)
        return

    todo = []
    if a.cmd == 'perturb':
        javas = {s: java_command([f'-Dracecourse.rounds.scale={s}']) for s in a.scales.split(',')}
        for run_ in range(a.runs):
            for s, java in javas.items():
                for e, name, path, expect in files(a.only):
                    if (a.kind == 'all' or (expect == 'pass') == (a.kind == 'correct')) and (not a.expect or expect in a.expect):
                        todo.append(lambda java=java, e=e, name=name, path=path, expect=expect, seed=a.seed_base + run_, s=s:
                                    perturb_one(java, e, name, path, expect, seed, float(s)))
    else:
        java = java_command()
        for rep in range(a.repeat):
            for e, name, path, expect in files(a.only):
                todo.append(lambda e=e, name=name, path=path, expect=expect, rep=rep:
                            lincheck_one(java, e, name, path, expect, rep, a.wall))

    raw, lock = [], threading.Lock()
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for rec in pool.map(lambda job: job(), todo):
            with lock:
                raw.append(rec)
                if a.json:
                    pathlib.Path(a.json).write_text(json.dumps(raw, indent=1))
            if rec['judge'] == 'perturb':
                print(f"perturb x{rec['scale']:<5} {rec['variant']:48s} seed {rec['seed']} expect {rec['expect']:11s} "
                      f"got {sorted(set(rec['verdicts']))} {rec['seconds']:.1f}s (wall {rec['wall']:.1f}s)", flush=True)
            else:
                print(f"lincheck #{rec['repeat']} {rec['variant']:48s} expect {rec['expect']:11s} {rec['outcome']:10s} "
                      f"{rec['seconds']:.1f}s", flush=True)
    summarize(raw)


def med(xs):
    return statistics.median(xs) if xs else float('nan')


def summarize(raw):
    pert = [r for r in raw if r['judge'] == 'perturb']
    lin = [r for r in raw if r['judge'] == 'lincheck']
    names = sorted({r['variant'] for r in raw})
    if pert:
        scales = sorted({r['scale'] for r in pert}, reverse=True)
        print('\n## Perturbation, per variant (caught with the expected verdict / false failure, in seeds; median seconds per grading)\n')
        print('| variant | expect | ' + ' | '.join(f'rounds x{s}' for s in scales) + ' |')
        print('|---|---|' + '---|' * len(scales))
        for n in names:
            cells = []
            for s in scales:
                rs = [r for r in pert if r['variant'] == n and r['scale'] == s]
                if not rs:
                    cells.append('-')
                    continue
                if rs[0]['expect'] == 'pass':
                    bad = sum(r['false_failure'] for r in rs)
                    cells.append(f"{'ok' if not bad else 'FALSE FAILURE'} {len(rs) - bad}/{len(rs)}, {med([r['seconds'] for r in rs]):.1f} s")
                else:
                    cells.append(f"{sum(r['caught'] for r in rs)}/{len(rs)}, {med([r['seconds'] for r in rs]):.1f} s")
            if any(c != '-' for c in cells):
                print(f"| {n} | {next(r['expect'] for r in raw if r['variant'] == n)} | " + ' | '.join(cells) + ' |')
        lost = [r for r in pert if r['expect'] == 'pass' and r['false_failure']]
        for r in lost:
            print(f"- false failure: {r['variant']} x{r['scale']} seed {r['seed']}: "
                  + '; '.join(f"{x['test']} [{x['verdict']}] {x['message'][:200]!r}" for x in r['failed']))
    if lin:
        print('\n## Lincheck model checker, per variant (outcome of each repeat; seconds per run)\n')
        print('| variant | expect | outcomes | same every repeat | seconds (median) |')
        print('|---|---|---|---|---|')
        for n in names:
            rs = sorted((r for r in lin if r['variant'] == n), key=lambda r: r['repeat'])
            if rs:
                outs = [r['outcome'] for r in rs]
                print(f"| {n} | {rs[0]['expect']} | {', '.join(outs)} | {'yes' if len(set(outs)) == 1 else 'NO'} | "
                      f"{med([r['seconds'] for r in rs]):.1f} |")
    print('\n## Per exercise and judge\n')
    print('bugs caught = sum over buggy variants of the fraction of runs that caught it (perturbation: with its expected '
          'verdict; Lincheck: a failing interleaving found); false alarms = runs of correct variants and the reference that '
          'failed (Lincheck: found a failing interleaving; its timeouts are counted apart: a timeout fails nothing); '
          'seconds = median per grading; catches per second = bugs caught / sum of the buggy variants\' median '
          'seconds. "/ total" is the number of buggy variants that judge ran on.\n')
    print('| exercise | judge | bugs caught / total | false alarms / runs on correct files | Lincheck timeouts (buggy + correct) '
          '| s per grading (median, buggy) | s per grading (median, correct) | catches per second |')
    print('|---|---|---|---|---|---|---|---|')
    judges = [('perturb', s) for s in sorted({r['scale'] for r in pert}, reverse=True)] + ([('lincheck', None)] if lin else [])
    for e in EXERCISES + ['all']:
        for j, s in judges:
            rs = [r for r in raw if r['judge'] == j and (s is None or r.get('scale') == s) and (e == 'all' or r['exercise'] == e)]
            if not rs:
                continue
            buggy = sorted({r['variant'] for r in rs if r['expect'] != 'pass'})
            hit = lambda r: r['caught'] if j == 'perturb' else r['found']
            caught = sum(statistics.mean(hit(r) for r in rs if r['variant'] == v) for v in buggy)
            secs = sum(med([r['seconds'] for r in rs if r['variant'] == v]) for v in buggy)
            correct = [r for r in rs if r['expect'] == 'pass']
            alarms = sum((r['false_failure'] if j == 'perturb' else r['found']) for r in correct)
            timeouts = '-' if j == 'perturb' else f"{sum(r['outcome'] == 'timeout' for r in rs)} / {len(rs)}"
            label = f'perturbation, rounds x{s:g}' if j == 'perturb' else 'Lincheck model checker'
            print(f"| {e} | {label} | {caught:.2f} / {len(buggy)} | {alarms} / {len(correct)} | {timeouts} | "
                  f"{med([r['seconds'] for r in rs if r['expect'] != 'pass']):.1f} | {med([r['seconds'] for r in correct]):.1f} | "
                  f"{caught / secs if secs else float('nan'):.3f} |")


if __name__ == '__main__':
    main()
