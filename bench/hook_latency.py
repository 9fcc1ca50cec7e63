#!/usr/bin/env python3
"""Hook latency: flyguard's git gates next to git's own `diff -p` of the same change.

Generates a repository with 3,000 migrations, 20,000 other files and ~10,000 commits (git fast-import),
then times, in the same run, each gate against the floor of reading the same blobs with git:

  pre-commit   one staged migration            vs  git diff --cached -p
  pre-receive  a one-migration push to main    vs  git diff -p old new
  pre-receive  1,000 commits adding 1,000 migrations  vs  git diff -p old new

Whole-process medians over several runs, the ratio flyguard/git, and the peak RSS of flyguard.
Usage: bench/hook_latency.py [--flyguard PATH] [--runs N] [--keep DIR]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIGRATIONS, OTHER_FILES, COMMITS = 3000, 20000, 10000


def git(cwd, *args, env=None, input_bytes=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, input=input_bytes, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout.decode().strip()


def fast_import_stream(base_commit=None, start=0, count=0, ref="refs/heads/main"):
    """Yields a fast-import stream; without base_commit it builds the whole history."""
    out = []
    now = 1700000000
    mark = 0

    def commit(files, message):
        nonlocal mark, now, base_commit
        mark += 1
        now += 60
        out.append(f"commit {ref}\nmark :{mark}\ncommitter Bench <bench@example.com> {now} +0000\n")
        msg = message.encode()
        out.append(f"data {len(msg)}\n{message}\n")
        if base_commit:
            out.append(f"from {base_commit}\n")
            base_commit = None
        for path, content in files:
            data = content.encode()
            out.append(f"M 100644 inline {path}\ndata {len(data)}\n{content}\n")

    if count:
        for i in range(start, start + count):
            commit([(f"sql/V{i}__added_{i}.sql", f"CREATE TABLE added_{i} (id bigint PRIMARY KEY, note text);\n")],
                   f"add V{i}")
        return "".join(out)
    first = [("flyway.conf", "flyway.locations=filesystem:sql\n")]
    first += [(f"src/module{i // 500}/file{i}.txt", f"content of file {i}\n") for i in range(OTHER_FILES)]
    commit(first, "initial layout")
    for c in range(1, COMMITS):
        if c <= MIGRATIONS:
            files = [(f"sql/V{c}__migration_{c}.sql",
                      f"CREATE TABLE t{c} (id bigint PRIMARY KEY, name text NOT NULL);\n"
                      f"CREATE INDEX t{c}_name ON t{c} (name);\n")]
        else:
            files = [(f"src/module{c % 40}/file{c % OTHER_FILES}.txt", f"revision {c}\n")]
        commit(files, f"commit {c}")
    return "".join(out)


def run_once(command, cwd, env, stdin_bytes):
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc.stdin.write(stdin_bytes or b"")
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def compare(ours, baseline, cwd, env, runs, stdin_bytes=None, baseline_env=None):
    """Alternates the two commands so that both see the same machine load; medians of each."""
    ours_times, base_times, peak, status = [], [], 0.0, 0
    for _ in range(runs):
        t, rss, status = run_once(ours, cwd, env, stdin_bytes)
        ours_times.append(t)
        peak = max(peak, rss)
        base_times.append(run_once(baseline, cwd, baseline_env or env, None)[0])
    return statistics.median(ours_times), statistics.median(base_times), peak, status


def setup(root, flyguard):
    server = os.path.join(root, "server.git")
    git(root, "init", "-q", "--bare", "--initial-branch=main", server)
    git(server, "fast-import", "--quiet", input_bytes=fast_import_stream().encode())
    client = os.path.join(root, "client")
    git(root, "clone", "-q", server, client)
    git(client, "config", "user.email", "bench@example.com")
    git(client, "config", "user.name", "Bench")
    return server, client


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flyguard", default=shutil.which("flyguard") or "build/release/flyguard")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", help="keep the generated repositories in this directory")
    args = parser.parse_args()
    flyguard = os.path.abspath(args.flyguard)
    root = args.keep or tempfile.mkdtemp(prefix="flyguard-bench-")
    os.makedirs(root, exist_ok=True)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1")
    started = time.perf_counter()
    server, client = setup(root, flyguard)
    print(f"generated {COMMITS} commits, {MIGRATIONS} migrations, {OTHER_FILES} other files "
          f"in {time.perf_counter() - started:.1f} s ({root})")
    rows = []

    # pre-commit: one staged migration.
    with open(os.path.join(client, "sql", f"V{MIGRATIONS + 1}__staged.sql"), "w") as f:
        f.write("CREATE TABLE staged (id bigint);\n")
    git(client, "add", "-A")
    rows.append(("pre-commit, 1 staged migration",
                 compare([flyguard, "pre-commit"], ["git", "diff", "--cached", "-p"], client, env, args.runs)))
    git(client, "reset", "-q", "--hard")

    main_id = git(server, "rev-parse", "refs/heads/main")
    for label, count in (("pre-receive, 1-migration push", 1), ("pre-receive, 1,000 commits / 1,000 migrations", 1000)):
        stream = fast_import_stream(base_commit=main_id, start=MIGRATIONS + 10, count=count, ref="refs/bench/new")
        git(server, "fast-import", "--quiet", "--force", input_bytes=stream.encode())
        new_id = git(server, "rev-parse", "refs/bench/new")
        stdin = f"{main_id} {new_id} refs/heads/main\n".encode()
        result = compare([flyguard, "pre-receive"], ["git", "diff", "-p", main_id, new_id], server,
                         dict(env, GIT_DIR=server), args.runs, stdin, baseline_env=env)
        if result[3] != 0:
            print(f"flyguard pre-receive refused the benchmark push ({label})", file=sys.stderr)
            return 1
        rows.append((label, result))

    print(f"\n{'case':48} {'flyguard':>10} {'git diff -p':>12} {'ratio':>7} {'flyguard RSS':>13}")
    worst_ratio, worst_rss = 0.0, 0.0
    for label, (t_fg, t_git, rss_fg, _) in rows:
        ratio = t_fg / t_git if t_git else float("inf")
        worst_ratio, worst_rss = max(worst_ratio, ratio), max(worst_rss, rss_fg)
        print(f"{label:48} {t_fg * 1000:8.1f}ms {t_git * 1000:10.1f}ms {ratio:6.2f}x {rss_fg:10.1f} MB")
    print(f"\ntarget: each within 3x of git (worst {worst_ratio:.2f}x); peak RSS <= 64 MB (worst {worst_rss:.1f} MB)")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if worst_ratio <= 3.0 and worst_rss <= 64 else 1


if __name__ == "__main__":
    sys.exit(main())
