#!/usr/bin/env python3
"""Grading speed, this commit against a base commit (default: main) in the same run.

Builds the base in a git worktree beside (bench/.grade-speed-base/, gitignored), then grades the
reference solutions as one whole submission (the eleven exercises the targets were set for, or with
--exercises all every one) through each tree's bin/racecourse grade (with its default --jobs unless
--grade-jobs),
alternating trees, RUNS times each, and reports wall time and CPU time (grader and children) as
median, min and max; every grading must give full marks. Then regrades a generated class with
--jobs 2 from each tree (bench/regrade_throughput.py's class) and reports submissions per minute.
One warm-up grading per tree comes first, unmeasured: it builds what is missing and, for a tree
with the children's startup cache, trains it (its time is reported as such).

    bench/grade_speed.py --runs 7 [--base main] [--students 4] [--jobs 2] [--grade-jobs N]
                         [--exercises original|all] [--no-regrade] [--json FILE]
"""
import argparse, json, os, pathlib, resource, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'bench'))
import regrade_throughput  # noqa: E402  (its class of students)

SOLUTIONS = ROOT / 'solutions' / 'src' / 'main' / 'java' / 'exercises'
BASE_DIR = ROOT / 'bench' / '.grade-speed-base'


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout.strip()


def base_tree(ref):
    """A worktree of `ref` beside this one, checked out at that commit and built."""
    commit = sh(['git', '-C', str(ROOT), 'rev-parse', '--verify', ref + '^{commit}'])
    if not (BASE_DIR / '.git').exists():
        sh(['git', '-C', str(ROOT), 'worktree', 'add', '--detach', str(BASE_DIR), commit])
    else:
        sh(['git', '-C', str(BASE_DIR), 'checkout', '--detach', '-q', commit])
    return BASE_DIR, commit


def build(tree):
    subprocess.run([str(tree / 'bin' / 'with-jdk'), 'mvn', '-B', '-q', '--no-transfer-progress', '-o', '-pl', 'cli',
                    '-am', 'package', '-DskipTests'], cwd=tree, check=True, capture_output=True, timeout=1800)


def timed(cmd, timeout=900):
    """Runs cmd; returns (wall seconds, CPU seconds of it and everything it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(f'{" ".join(cmd[:3])} failed (exit {p.returncode}): {p.stderr.strip()[-600:]}')
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, p.stderr


def grade_once(tree, seed, exercises=None, jobs=None):
    chosen = [a for e in exercises or [] for a in ('--exercise', e)] + (['--jobs', str(jobs)] if jobs else [])
    with tempfile.TemporaryDirectory() as out:
        wall, cpu, err = timed([str(tree / 'bin' / 'racecourse'), 'grade', str(SOLUTIONS), '--out', out,
                                '--seed', str(seed), '--quiet'] + chosen)
        results = json.loads((pathlib.Path(out) / 'results.json').read_text())
    # A reference's failed test is a false failure: recorded and shown, not fatal (on a machine
    # loaded far beyond its cores a bounded wait can run out).
    failed = [t['name'] for t in results['tests'] if t['status'] != 'passed']
    return wall, cpu, err, failed


def regrade(tree, students, jobs, exercises=None):
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / 'class'
        regrade_throughput.make_class(root, students, exercises)
        wall, cpu, _ = timed([str(tree / 'bin' / 'racecourse'), 'regrade', str(root), '--out', str(pathlib.Path(tmp) / 'out'),
                              '--jobs', str(jobs), '--seed', '1', '--force'], timeout=3600)
    return {'seconds': round(wall, 1), 'cpu_seconds': round(cpu, 1),
            'submissions_per_minute': round(students * 60 / wall, 2)}


def summary(xs):
    return {'median': round(statistics.median(xs), 2), 'min': round(min(xs), 2), 'max': round(max(xs), 2),
            'samples': [round(x, 2) for x in xs]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--base', default='main')
    ap.add_argument('--students', type=int, default=4)
    ap.add_argument('--jobs', type=int, default=2, help="regrade's --jobs")
    ap.add_argument('--grade-jobs', type=int, help="grade's --jobs (default: each tree's own default)")
    ap.add_argument('--exercises', choices=['original', 'all'], default='original',
                    help='the eleven exercises the targets were set for, or every exercise in the tree')
    ap.add_argument('--no-regrade', action='store_true')
    ap.add_argument('--no-build', action='store_true', help='skip the explicit builds (bin/racecourse still rebuilds stale jars)')
    ap.add_argument('--json')
    a = ap.parse_args()
    head = sh(['git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD'])
    chosen = regrade_throughput.ORIGINAL if a.exercises == 'original' else None
    base, base_commit = base_tree(a.base)
    trees = {'this': ROOT, 'base': base}
    print(f'this: {head} ({ROOT}); base: {a.base} = {base_commit[:7]} ({base}); building...', flush=True)
    for tree in trees.values():
        if not a.no_build:
            build(tree)
    load_before = os.getloadavg()[0]
    warm = {}
    for name, tree in trees.items():
        wall, cpu, err, failed = grade_once(tree, 999, chosen, a.grade_jobs)
        warm[name] = {'seconds': round(wall, 2), 'cpu_seconds': round(cpu, 2), 'stderr': err.strip()[-300:],
                      'false_failures': failed}
        print(f'warm-up {name}: {wall:.1f} s (first grading: builds, trains a startup cache if it has one)', flush=True)
    samples = {name: {'wall': [], 'cpu': [], 'false_failures': []} for name in trees}
    for run in range(a.runs):
        order = list(trees) if run % 2 == 0 else list(reversed(trees))
        for name in order:
            wall, cpu, _, failed = grade_once(trees[name], 1000 + run, chosen, a.grade_jobs)
            samples[name]['wall'].append(wall)
            samples[name]['cpu'].append(cpu)
            samples[name]['false_failures'].append(failed)
            print(f'run {run + 1}/{a.runs} {name}: {wall:.1f} s wall, {cpu:.1f} s CPU'
                  + (f', FALSE FAILURES {failed}' if failed else ''), flush=True)
    report = {'this': head, 'base': f'{a.base} ({base_commit[:7]})', 'cores': os.cpu_count(), 'runs': a.runs,
              'load_before': round(load_before, 2), 'warm_up': warm,
              'grade': {name: {'wall': summary(s['wall']), 'cpu': summary(s['cpu']),
                               'runs_with_false_failures': sum(1 for f in s['false_failures'] if f),
                               'false_failures': s['false_failures']} for name, s in samples.items()}}
    if not a.no_regrade:
        report['regrade'] = {}
        for name in (['this', 'base']):
            report['regrade'][name] = regrade(trees[name], a.students, a.jobs, chosen)
            print(f'regrade {name}: {report["regrade"][name]}', flush=True)
    report['load_after'] = round(os.getloadavg()[0], 2)
    what = f'{len(chosen)}-exercise' if chosen else 'every-exercise'
    print(f'\nwhole {what} submission (references), bin/racecourse grade, {a.runs} runs each, alternating, '
          f'{os.cpu_count()} cores, load average {report["load_before"]} before, {report["load_after"]} after\n')
    print('| tree | wall median (min–max) | CPU median (min–max) | runs with a false failure |\n|---|---|---|---|')
    for name in trees:
        g = report['grade'][name]
        label = f'{name} ({head})' if name == 'this' else f'base {report["base"]}'
        print(f"| {label} | {g['wall']['median']} s ({g['wall']['min']}–{g['wall']['max']}) "
              f"| {g['cpu']['median']} s ({g['cpu']['min']}–{g['cpu']['max']}) | {g['runs_with_false_failures']} of {a.runs} |")
    if 'regrade' in report:
        print(f'\nregrade --jobs {a.jobs}, {a.students} students (half with a seeded bug)\n')
        print('| tree | seconds | submissions per minute | CPU s |\n|---|---|---|---|')
        for name in trees:
            r = report['regrade'][name]
            print(f"| {name} | {r['seconds']} | {r['submissions_per_minute']} | {r['cpu_seconds']} |")
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(report, indent=1))


if __name__ == '__main__':
    main()
