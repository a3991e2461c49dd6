# Renders bench/RESULTS.md from the raw figures bench/run leaves in bench/out.
import pathlib, statistics, subprocess, sys, datetime
out, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
def stats(name):
    rows = [tuple(map(float, l.split())) for l in (out / f"{name}.txt").read_text().split("\n") if l.strip()]
    wall = sorted(r[0] for r in rows); mem = sorted(r[1] / 1024 for r in rows)
    return statistics.median(wall), wall[0], wall[-1], statistics.median(mem), mem[0], mem[-1]
rows = [
    ("plan-dev", "`./plan dev` (prebuilt jar, class-data sharing, C1 only)"),
    ("plan-prod", "`./plan prod` (same)"),
    ("plan-dev-java-cp", "`java -cp <jar>:<deps> ...Plan dev` (prebuilt jar, JDK defaults)"),
    ("plan-dev-mvn-exec", "`mvn -q exec:java -DmainClass=...Plan -DmainArgs=dev`"),
    ("start-mvn-exec", "program start via `mvn compile exec:java` (Pulumi's default for Maven), up to `Pulumi.run`"),
    ("start-java-jar", "program start via `java -jar` fat jar (`runtime.options.binary`), up to `Pulumi.run`"),
    ("mvn-verify", "`mvn -B -q verify` (compile, every test, javadoc, jars)"),
]
s = {k: stats(k) for k, _ in rows}
def cpu():
    try:
        return next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except Exception:
        return "unknown"
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print(f"# Benchmark results\n\nMeasured {datetime.date.today()} with `bench/run {runs}` on this project's machine: "
      f"{subprocess.check_output(['nproc']).decode().strip()} cores ({cpu()}), {java}. "
      f"Median of {runs} runs, spread = min-max; memory is peak RSS of the whole process tree's largest process "
      f"(`/usr/bin/time %M`). Figures from a shared 2-core machine: compare ratios, not absolutes.\n")
print("| what | wall median (s) | wall min-max (s) | peak RSS median (MiB) | RSS min-max (MiB) |\n|---|---|---|---|---|")
for k, label in rows:
    m, lo, hi, mm, mlo, mhi = s[k]
    print(f"| {label} | {m:.2f} | {lo:.2f}-{hi:.2f} | {mm:.0f} | {mlo:.0f}-{mhi:.0f} |")
print("\nThe stack program inside the mock engine, in one JVM (`bench/StackTiming.java`, 20 warm-up runs, then 50):\n")
print("```\n" + (out / "engine.txt").read_text().strip() + "\n```\n")
r1 = s["plan-dev-mvn-exec"][0] / s["plan-dev"][0]
r2 = s["plan-dev-java-cp"][0] / s["plan-dev"][0]
r3 = s["start-mvn-exec"][0] / max(s["start-java-jar"][0], 0.01)
print("## Findings\n")
engine = {l.split()[0]: dict(kv.split("=") for kv in l.split()[1:]) for l in (out / "engine.txt").read_text().splitlines()}
print(f"- Start-up dominates: in a warm JVM the dev stack runs in {float(engine['dev']['warm_median_ms']):.0f} ms "
      f"(median), its first run in a fresh JVM takes {float(engine['dev']['cold_ms']) / 1000:.1f} s (class loading), "
      f"and the whole `./plan dev` process {s['plan-dev'][0]:.2f} s.")
print(f"- `./plan` (prebuilt jar + class-data sharing + `-XX:TieredStopAtLevel=1`) is {r1:.1f}x faster than running "
      f"the same class through `mvn exec:java`, and {r2:.1f}x faster than a plain `java -cp` of the same jar: kept.")
print(f"- `pulumi up`/`preview` start the program through `mvn compile exec:java` by default; a prebuilt fat jar via "
      f"`runtime.options.binary` reaches `Pulumi.run` {r3:.0f}x sooner ({s['start-mvn-exec'][0]:.2f} s vs "
      f"{s['start-java-jar'][0]:.2f} s), at the price of a jar that is stale unless rebuilt (README, \"Start-up time\").")
