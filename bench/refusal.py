# Renders bench/RESULTS.md's section on a refused registry password (bench/RegistryRefusal.java) from the raw figures
# bench/run leaves in bench/out/registry-refusal.txt; report.py prints it, `python3 bench/refusal.py bench/out` alone.
import pathlib, sys

# The circuit breaker's threshold, as the ECS API reference states it (ServiceDeploymentCircuitBreaker.threshold), for
# the stack's default desiredCount (Pulumi.yaml, docs/config.md).
THRESHOLD_URL = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeploymentCircuitBreaker.html"
THROTTLE_URL = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-throttle-logic.html"
DESIRED_COUNT = 2


def threshold(desired):
    return min(200, max(3, int(0.5 * desired)))


def figures(out):
    text = (pathlib.Path(out) / "registry-refusal.txt").read_text()
    return {l.split()[0]: {k: float(v) for k, v in (kv.split("=") for kv in l.split()[1:])}
            for l in text.splitlines() if l.strip()}


def section(out):
    f = figures(out)
    refused = f["plan_online_refused"]
    rows = [
        ("plan_online_refused", "`./plan STACK --online` (`Plan.run`): its start to exit 2 under `registryPassword`"),
        ("decrypt_stack_file", "its first step alone: reading the stack file and decrypting it with the passphrase "
                               "(PBKDF2-HMAC-SHA256, 1,000,000 iterations)"),
        ("registry_answer", "the registry's answer alone (`RegistryPreflight.check`: `GET /v2/`, then 401 for the "
                            "manifest)"),
        ("plan_offline", "for comparison: the same plan offline (`./plan STACK`: every resource, no registry asked)"),
    ]
    n = threshold(DESIRED_COUNT)
    lines = [
        "## A refused registry password: the plan against ECS\n",
        "`bench/RegistryRefusal.java`: `./plan STACK --online` on a stack file whose passphrase-encrypted "
        "`registryPassword` the registry refuses (Debian's `docker-registry` with htpasswd on 127.0.0.1, as "
        "`PlanRegistryTest` runs it), in one JVM: the first run, then "
        f"{int(refused['warmup']) - 1} more warm-up runs, then {int(refused['runs'])} measured (median, min-max). "
        "The first run of the first row is a fresh JVM's.\n",
        "| what | median (ms) | min-max (ms) | first run (ms) |\n|---|---|---|---|",
    ]
    for key, label in rows:
        r = f[key]
        lines.append(f"| {label} | {r['median_ms']:.0f} | {r['min_ms']:.0f}-{r['max_ms']:.0f} | {r['first_ms']:.0f} |")
    lines.append(
        f"\nECS finds the same password out only after `pulumi up` has created every resource and started tasks: each "
        f"task stops with `CannotPullContainerError`, and the deployment circuit breaker rolls back once the failed "
        f"tasks reach its threshold, 0.5 x the desired count, at least 3 and at most 200 (ECS API reference, "
        f"`ServiceDeploymentCircuitBreaker.threshold`, {THRESHOLD_URL}): with this stack's default `desiredCount` of "
        f"{DESIRED_COUNT}, {n} failed tasks. This project states no seconds for that: its docs say the circuit "
        f"breaker \"rolls back minutes later\" (docs/registries.md), and a first deploy, which "
        f"has nothing to roll back to, fails only when `pulumi up` gives up waiting (docs/troubleshooting.md). "
        f"The plan's rollout timing (at most 20 s from a ready app to traffic, 80 s to the old task gone: docs/timing.md"
        f") does not apply: it starts at a healthy task, which a task that cannot pull never becomes. ECS also spaces out new "
        f"launches of tasks that stop before RUNNING (service throttle logic, {THROTTLE_URL}), which can only "
        f"lengthen the wait.")
    lines.append(
        f"\nSo the plan refuses the password {refused['median_ms'] / 1000:.2f} s after it starts (warm JVM, median; "
        f"{refused['first_ms'] / 1000:.2f} s for the first run in a fresh JVM, the JVM's own start not counted), "
        f"{f['decrypt_stack_file']['median_ms'] / refused['median_ms'] * 100:.0f} % of it decrypting the stack file, "
        f"before any resource exists; ECS needs {n} failed tasks and, by the project's own account, minutes.")
    return "\n".join(lines) + "\n"


def finding(out):
    f = figures(out)
    return (f"- A wrong registry password: `./plan --online` exits 2 under `registryPassword` "
            f"{f['plan_online_refused']['median_ms'] / 1000:.2f} s after it starts (warm JVM), before any resource; "
            f"ECS rolls back after {threshold(DESIRED_COUNT)} failed tasks, minutes later.")


if __name__ == "__main__":
    print(section(sys.argv[1]))
