#!/usr/bin/env python3
"""flyguard and squawk on the same files, rule category by category (docs/compared-with-squawk.md).

Installs squawk-cli from npm into a temporary folder, runs both tools over the corpus (squawk with
--assume-in-transaction, as Flyway wraps each file in a transaction; flyguard with its defaults), maps
squawk's rule ids onto flyguard's, and prints per category: findings of each, lines both flag, lines only
one flags, with one example of each side. squawk's 0-based lines are made 1-based; the timeout rules
count per file (both tools report them once per file).
Usage: bench/compare_squawk.py [--flyguard build/release/flyguard] [--corpus ../shared/corpus/postgres]
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# squawk rule -> flyguard rule (same category); None: flyguard has no rule of that name.
SQUAWK_TO_FLYGUARD = {
    "prefer-timestamp-tz": "prefer-timestamptz",
    "ban-char-field": "prefer-text-field",
    "prefer-bigint-over-smallint": "prefer-bigint-over-int",
    "adding-foreign-key-constraint": "constraint-missing-not-valid",
    "adding-not-nullable-field": "setting-not-nullable-field",
    "adding-serial-primary-key-field": "disallowed-unique-constraint",
    "adding-field-with-default": "adding-field-with-volatile-default",
    "require-enum-value-ordering": "enum-value-ordering",
    "ban-concurrent-index-creation-in-transaction": "concurrently-with-transactional-lock",
    "prefer-robust-stmts": "prefer-robust-statements",
}
FILE_LEVEL = {"require-lock-timeout", "require-statement-timeout"}


def squawk_findings(squawk, files):
    out = subprocess.run([squawk, "--reporter", "gcc", "--assume-in-transaction", *files],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    found = collections.defaultdict(set)
    for line in out.splitlines():
        m = re.match(r"(.+?):(\d+):(\d+): \w+: ([a-z0-9-]+) (.*)", line)
        if m:
            rule = SQUAWK_TO_FLYGUARD.get(m.group(4), m.group(4))
            # squawk prints 0-based lines (research: linters.md); flyguard's are 1-based.
            found[rule].add((os.path.abspath(m.group(1)), 0 if rule in FILE_LEVEL else int(m.group(2)) + 1))
    return found


def flyguard_findings(flyguard, files):
    report = json.loads(subprocess.run([flyguard, "check", "--format", "json", "--fail-on", "never", *files],
                                       stdout=subprocess.PIPE, text=True).stdout)
    found = collections.defaultdict(set)
    for d in report["diagnostics"]:
        rule = d["rule"]
        found[rule].add((os.path.abspath(d["file"]), 0 if rule in FILE_LEVEL else d["line"]))
    return found


def example(pairs):
    if not pairs:
        return ""
    path, line = sorted(pairs)[len(pairs) // 2]
    text = ""
    if line > 0:
        with open(path, errors="replace") as f:
            lines = f.read().splitlines()
        text = lines[line - 1].strip()[:90] if line <= len(lines) else ""
    return f"{path.split('/corpus/')[-1]}:{line} {text}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--flyguard", default=os.path.join(here, "..", "build", "release", "flyguard"))
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "postgres"))
    args = parser.parse_args()
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(args.corpus) for f in names if f.endswith(".sql"))
    files = [f for f in files if os.path.getsize(f) > 0]
    folder = tempfile.mkdtemp(prefix="flyguard-squawk-")
    try:
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "squawk-cli"], cwd=folder,
                       check=True, stdout=subprocess.DEVNULL)
        squawk = squawk_findings(os.path.join(folder, "node_modules", ".bin", "squawk"), files)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ours = flyguard_findings(args.flyguard, files)
    print(f"{len(files)} files\n")
    print(f"{'category (flyguard id)':40} {'flyguard':>9} {'squawk':>7} {'both':>6} {'fg only':>8} {'sq only':>8}")
    for rule in sorted(set(squawk) | set(ours)):
        a, b = ours.get(rule, set()), squawk.get(rule, set())
        print(f"{rule:40} {len(a):9} {len(b):7} {len(a & b):6} {len(a - b):8} {len(b - a):8}")
        if a - b:
            print(f"    flyguard only, e.g. {example(a - b)}")
        if b - a:
            print(f"    squawk only, e.g. {example(b - a)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
