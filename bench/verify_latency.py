#!/usr/bin/env python3
"""verify latency: `flyguard verify` against a schema history of 10,000 rows, next to psql reading the
same rows (the floor: one connection, one SELECT of the same columns).

Starts a throwaway PostgreSQL cluster (tests/db/pg_cluster.sh), creates flyway_schema_history with
Flyway's DDL and 10,000 applied migrations whose files are in a temporary project, and times whole
processes, alternating the two commands. Target: flyguard verify <= 1 s end to end.
Usage: bench/verify_latency.py [--flyguard PATH] [--runs N] [--rows N]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CLUSTER = os.path.join(HERE, "..", "tests", "db", "pg_cluster.sh")

CREATE = """CREATE TABLE "public"."flyway_schema_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50),
 "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL,
 "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
 "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
"""


def flyway_checksum(text):
    crc = zlib.crc32(text.replace("\r", "").replace("\n", "").encode())
    return crc - (1 << 32) if crc >= (1 << 31) else crc


def run_once(command, env):
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{command[0]} failed ({code}): {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024.0


def prepare(project, psql, rows, env):
    os.makedirs(os.path.join(project, "sql"))
    values = []
    for i in range(1, rows + 1):
        name = f"V{i}__step_{i}.sql"
        content = f"CREATE TABLE step_{i} (id bigint PRIMARY KEY, note text);\n"
        with open(os.path.join(project, "sql", name), "w") as f:
            f.write(content)
        values.append(f"({i},'{i}','step {i}','SQL','{name}',{flyway_checksum(content)},'flyway',5,true)")
    sql = CREATE + ("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    "checksum, installed_by, execution_time, success) VALUES " + ",".join(values) + ";")
    subprocess.run(psql + ["-q", "-v", "ON_ERROR_STOP=1"], input=sql.encode(), env=env, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flyguard", default=shutil.which("flyguard") or "build/release/flyguard")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rows", type=int, default=10000)
    args = parser.parse_args()
    flyguard = os.path.abspath(args.flyguard)
    with tempfile.TemporaryDirectory() as tmp:
        info = os.path.join(tmp, "cluster.info")
        subprocess.run([CLUSTER, "start", info], check=True)
        try:
            port, user, password, _ = open(info).read().split()
            env = dict(os.environ, PGPASSWORD=password, FLYWAY_PASSWORD=password)
            uri = f"postgresql://{user}@127.0.0.1:{port}/postgres"
            psql = ["psql", "-X", "-d", uri]
            project = os.path.join(tmp, "project")
            prepare(project, psql, args.rows, env)
            os.chdir(project)
            ours = [flyguard, "verify", "--url", uri]
            floor = psql + ["-At", "-c", "SELECT installed_rank, version, description, type, script, checksum, "
                                         "success FROM flyway_schema_history ORDER BY installed_rank"]
            times, floors, peak = [], [], 0.0
            for _ in range(args.runs):
                t, rss = run_once(ours, env)
                times.append(t)
                peak = max(peak, rss)
                floors.append(run_once(floor, env)[0])
        finally:
            subprocess.run([CLUSTER, "stop", info], check=False)
    median, floor_median = statistics.median(times), statistics.median(floors)
    print(f"{'command':44} {'median':>9} {'psql':>9} {'ratio':>6} {'peak RSS':>9}")
    print(f"{'flyguard verify, ' + str(args.rows) + ' rows and files':44} {median * 1000:7.1f}ms "
          f"{floor_median * 1000:7.1f}ms {median / floor_median:5.2f}x {peak:7.1f} MB")
    print(f"\ntarget: <= 1000 ms end to end (median {median * 1000:.1f} ms); peak RSS <= 64 MB ({peak:.1f} MB)")
    return 0 if median <= 1.0 and peak <= 64 else 1


if __name__ == "__main__":
    sys.exit(main())
