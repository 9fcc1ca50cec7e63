#!/usr/bin/env python3
"""Lint throughput: flyguard check, squawk and a bare libpg_query parse on the same files, in one run.

  flyguard check (both cores)        vs  squawk on both cores (two processes, half the files each)
  flyguard check -j1                 vs  flyguard_bare_parse (pg_query_parse of each whole file, libpg_query
                                         as shipped); for context also flyguard_bare_parse_fast_json, the same
                                         program with the faster JSON output flyguard links into libpg_query

squawk-cli is installed from npm into a temporary folder by this script (not a test dependency).
Whole-process medians over several runs, the cases in a different (seeded) order each run; files/s, the
fastest and slowest run of each case, the ratios, peak RSS of flyguard.
Targets (issue 8): flyguard >= 2x squawk's files/s; flyguard -j1 <= 2x the bare parse time.
Usage: bench/lint_throughput.py [--build build/release] [--corpus ../shared/corpus/postgres] [--runs 5]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(command, cwd=None):
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024.0


def run_parallel(commands):
    """Starts every command at once; the wall time until the last one ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands]
    for p in procs:
        p.wait()
    return time.perf_counter() - start, 0.0


def install_squawk(folder):
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "squawk-cli"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(folder, "node_modules", ".bin", "squawk")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--build", default=os.path.join(here, "..", "build", "release"))
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "postgres"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    flyguard = os.path.join(args.build, "flyguard")
    bare = os.path.join(args.build, "bench", "flyguard_bare_parse")
    bare_fast_json = os.path.join(args.build, "bench", "flyguard_bare_parse_fast_json")
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(args.corpus) for f in names if f.endswith(".sql"))
    files = [f for f in files if os.path.getsize(f) > 0]  # squawk and the bare parser skip nothing
    folder = tempfile.mkdtemp(prefix="flyguard-squawk-")
    try:
        squawk = install_squawk(folder)
        half = len(files) // 2
        cases = {
            "flyguard check (2 cores)": lambda: run_once([flyguard, "check", "--fail-on", "never", *files]),
            "squawk (2 processes)": lambda: run_parallel([[squawk, *files[:half]], [squawk, *files[half:]]]),
            "flyguard check -j1": lambda: run_once([flyguard, "check", "-j1", "--fail-on", "never", *files]),
            "bare pg_query_parse": lambda: run_once([bare, *files]),
            "bare, flyguard's JSON output": lambda: run_once([bare_fast_json, *files]),
        }
        times = {name: [] for name in cases}
        peak = 0.0
        for run in range(args.runs):
            # A different order each run: a case that always follows squawk's node processes (or always
            # comes first) would carry that neighbour's effect on caches and memory in every sample.
            order = list(cases.items())
            random.Random(run).shuffle(order)
            for name, case in order:
                seconds, rss = case()
                times[name].append(seconds)
                if name.startswith("flyguard"):
                    peak = max(peak, rss)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{len(files)} non-empty files from {os.path.abspath(args.corpus)}, {args.runs} runs each, medians\n")
    print(f"{'case':28} {'seconds':>9} {'files/s':>9}   {'fastest':>9} {'slowest':>9}")
    for name, seconds in median.items():
        print(f"{name:28} {seconds:9.3f} {len(files) / seconds:9.0f}   {min(times[name]):9.3f} {max(times[name]):9.3f}")
    vs_squawk = median["squawk (2 processes)"] / median["flyguard check (2 cores)"]
    vs_parse = median["flyguard check -j1"] / median["bare pg_query_parse"]
    print(f"\nflyguard vs squawk: {vs_squawk:.2f}x the files per second (target >= 2)")
    print(f"flyguard -j1 vs bare parse: {vs_parse:.2f}x the time (target <= 2)")
    vs_fast = median["flyguard check -j1"] / median["bare, flyguard's JSON output"]
    print(f"flyguard -j1 vs bare parse with flyguard's JSON output: {vs_fast:.2f}x the time (context)")
    print(f"flyguard peak RSS: {peak:.1f} MB (target <= 64)")
    return 0 if vs_squawk >= 2 and vs_parse <= 2 and peak <= 64 else 1


if __name__ == "__main__":
    sys.exit(main())
