# Renders bench/RESULTS.md from the raw figures bench/run leaves in bench/out.
import pathlib, statistics, subprocess, sys, datetime
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import refusal
out, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
def stats(name):
    rows = [tuple(map(float, l.split())) for l in (out / f"{name}.txt").read_text().split("\n") if l.strip()]
    wall = sorted(r[0] for r in rows); mem = sorted(r[1] / 1024 for r in rows)
    return statistics.median(wall), wall[0], wall[-1], statistics.median(mem), mem[0], mem[-1]
rows = [
    ("plan-dev", "`./plan dev` (prebuilt jar, class-data sharing, C1 only)"),
    ("plan-dev-1.0", "`./plan dev` of release 1.0 (same start-up, the 1.0 dev stack)"),
    ("plan-ghcr", "`./plan ghcr` (the 1.0 dev stack's config, on 2.0)"),
    ("plan-prod", "`./plan prod` (same)"),
    ("plan-dev-java-cp", "`java -cp <jar>:<deps> ...Plan dev` (prebuilt jar, JDK defaults)"),
    ("start-mvn-exec", "program start via `mvn compile exec:java` (Pulumi's default for Maven), up to `Pulumi.run`"),
    ("start-java-jar", "program start via `java -jar` fat jar (`runtime.options.binary`), up to `Pulumi.run`"),
    ("mvn-verify", "`mvn -B -q verify` (compile, every test, jars)"),
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
      f"Median of {runs} runs, spread = min-max; memory is peak RSS of the largest process "
      f"(`/usr/bin/time %M`). Figures from a shared 2-core machine: compare ratios, not absolutes.\n")
print("| what | wall median (s) | wall min-max (s) | peak RSS median (MiB) | RSS min-max (MiB) |\n|---|---|---|---|---|")
for k, label in rows:
    m, lo, hi, mm, mlo, mhi = s[k]
    print(f"| {label} | {m:.2f} | {lo:.2f}-{hi:.2f} | {mm:.0f} | {mlo:.0f}-{mhi:.0f} |")
print("\nThe stack program inside the mock engine, in one JVM (`bench/StackTiming.java`, 20 warm-up runs, then 50):\n")
print("```\n" + (out / "engine.txt").read_text().strip() + "\n```\n")
ten = (out / "ten-services.txt").read_text().strip()
print("A consumer stack of 10 services (`bench/TenServices.java`, ECR images, 2 tasks each, HTTPS, private subnets, "
      "eu-central-1 list prices; 5 warm-up runs, then 20): sharing one cluster and one ALB, against 10 separate "
      "composites. The lines after each summary are its non-Fargate costs; Fargate is the same for both.\n")
print("```\n" + ten + "\n```\n")
t = {l.split()[0]: dict(kv.split("=") for kv in l.split()[1:] if "=" in kv) for l in ten.splitlines() if "services=" in l}
engine = {l.split()[0]: dict(kv.split("=") for kv in l.split()[1:]) for l in (out / "engine.txt").read_text().splitlines()}
scale = (out / "scale.txt").read_text().strip()
sc = [dict([kv.split("=", 1) for kv in l.split()[1:]], join=l.split()[0]) for l in scale.splitlines()
      if "aws_resources=" in l]
joins = {"targets-group": "load balancer component (its targets' group)",
         "arn-and-group-id": "listener ARN + group id (a rule per service)"}
print("## Scale-in: 1 to 100 services on one ALB\n")
print("`bench/ScaleServices.java`: one shared ALB (HTTPS) and one shared cluster, N services each on its own path and "
      "priority (ECR images, 2 tasks each), run under the library's mocks with `OfflineRun`'s AwsLimits check; 3 "
      "warm-up rounds, then 10, each round running every program once. The load balancer's security group rules are "
      "counted as AWS counts them against its quota of 60 per direction: each CIDR block, referenced group and prefix "
      "list of an inline rule, and each separate rule resource on the group. Services join through the load balancer "
      "component, or by its listener ARN and group id alone (no targets' group). Cold is the first run of each "
      "program, in the order below; only the first is in a fresh JVM.\n")
print("```\n" + scale + "\n```\n")
print("| join | N | AWS resources | ALB group rules in / out | warm median (ms) | ms per service |\n|---|---|---|---|---|---|")
for r in sc:
    print(f"| {joins[r['join']]} | {r['services']} | {r['aws_resources']} | {r['alb_sg_inbound']} / "
          f"{r['alb_sg_outbound']} | {float(r['warm_median_ms']):.0f} | {float(r['warm_ms_per_service']):.1f} |")
def rules(join):
    return ", ".join(sorted({f"{r['alb_sg_inbound']} / {r['alb_sg_outbound']}" for r in sc if r["join"] == join},
                            key=lambda v: int(v.split(" / ")[1])))
def outcome(join, n):
    return next(l.split(f" services={n} ", 1)[1].split(":")[0] for l in scale.splitlines()
                if l.startswith(f"{join} services={n} ") and "aws_resources=" not in l)
per = {(r["join"], int(r["services"])): float(r["warm_ms_per_service"]) for r in sc}
tg, fb = per[("targets-group", 100)] / per[("targets-group", 10)], per[("arn-and-group-id", 59)] / per[("arn-and-group-id", 10)]
print(f"\nPer service, 100 services through the component take {per[('targets-group', 100)]:.1f} ms against "
      f"{per[('targets-group', 10)]:.1f} ms at 10 ({tg:.2f}x); by listener ARN and group id, 59 take "
      f"{per[('arn-and-group-id', 59)]:.1f} ms against {per[('arn-and-group-id', 10)]:.1f} ms at 10 ({fb:.2f}x). "
      f"Through the component the load balancer's group holds {rules('targets-group')} rules (inbound / outbound) "
      f"{'at every N' if ',' not in rules('targets-group') else 'as N grows'}; by ARN and group id each service adds one outbound rule ({rules('arn-and-group-id')}).")
own = outcome("arn-and-group-id", 60)
print(f"By ARN and group id, 60 services on this program's load balancer, whose group already holds its rule to the "
      f"targets' group: {own}"
      f"{' (the library counts only the rules its services add, and lets the 60th through)' if 'AwsLimits' in own else ''}"
      f"; on another stack's load balancer, whose rules this program "
      f"cannot see, 60 services: {outcome('other-stack', 60)}, 61: {outcome('other-stack', 61)} (the messages above).\n")
r_old = s["plan-dev"][0] / s["plan-dev-1.0"][0]
r3 = s["start-mvn-exec"][0] / max(s["start-java-jar"][0], 0.01)
print(refusal.section(out))
print("## Findings\n")
print(f"- `./plan dev` takes {s['plan-dev'][0]:.2f} s against {s['plan-dev-1.0'][0]:.2f} s for release 1.0 "
      f"({r_old:.2f}x); the 1.0 dev stack's config on 2.0 (`./plan ghcr`) {s['plan-ghcr'][0]:.2f} s.")
print(f"- In a warm JVM the ghcr stack runs in {float(engine['ghcr']['warm_median_ms']):.0f} ms (median), its first "
      f"run in a fresh JVM takes {float(engine['ghcr']['cold_ms']) / 1000:.1f} s (class loading).")
print(f"- 10 services sharing a cluster and an ALB: {t['shared']['aws_resources']} AWS resources, planned in "
      f"{float(t['shared']['warm_median_ms']):.0f} ms warm ({float(t['shared']['cold_ms']) / 1000:.1f} s cold), "
      f"${float(t['shared']['monthly_usd']):.2f}/month; 10 separate composites: {t['separate']['aws_resources']} "
      f"resources, {float(t['separate']['warm_median_ms']):.0f} ms, ${float(t['separate']['monthly_usd']):.2f}/month "
      f"({float(t['separate']['monthly_usd']) - float(t['shared']['monthly_usd']):.2f} more: 9 more ALBs, their "
      f"public IPv4 addresses and 9 more clusters' Container Insights).")
print(f"- `pulumi up`/`preview` start the program through `mvn compile exec:java` by default; a prebuilt fat jar via "
      f"`runtime.options.binary` reaches `Pulumi.run` {r3:.0f}x sooner ({s['start-mvn-exec'][0]:.2f} s vs "
      f"{s['start-java-jar'][0]:.2f} s), at the price of a jar that is stale unless rebuilt; Pulumi.yaml shows how.")
print(refusal.finding(out))
