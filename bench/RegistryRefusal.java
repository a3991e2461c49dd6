import io.github.fargateprivate.plan.CliEncrypter;
import io.github.fargateprivate.plan.Plan;
import io.github.fargateprivate.plan.StackFile;
import io.github.fargateprivate.registry.BasicCredentials;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.LocalRegistry;
import io.github.fargateprivate.registry.PullCheck;
import io.github.fargateprivate.registry.RegistryPreflight;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How soon `./plan STACK --online` refuses a wrong registry password: the wall clock of Plan.run, from its start to
 * exit 2 with the registry's refusal under registryPassword, in a warm JVM, against a real registry on 127.0.0.1
 * (Debian's docker-registry with htpasswd, as PlanRegistryTest runs it). Beside it, its parts: decrypting the stack
 * file with the passphrase (PBKDF2, 1,000,000 iterations), the registry's answer alone, and the same plan offline.
 * Usage (from the project root, by bench/run, with the test classes on the class path and PULUMI_CONFIG_PASSPHRASE
 * set): java -cp CLASSPATH bench/RegistryRefusal.java WARMUP RUNS
 */
public class RegistryRefusal {
    static final String USER = "bench-puller";
    static final String PASSWORD = "Bench-registry-good-5150";
    static final String WRONG_PASSWORD = "Bench-registry-wrong-2112";

    public static void main(String[] args) throws Exception {
        int warmup = Math.max(1, Integer.parseInt(args[0]));
        int runs = Integer.parseInt(args[1]);
        String passphrase = System.getenv("PULUMI_CONFIG_PASSPHRASE");
        if (passphrase == null) {
            throw new IllegalStateException("set PULUMI_CONFIG_PASSPHRASE: the plan decrypts the password with it");
        }
        Path dir = Files.createTempDirectory("registry-refusal");
        try (LocalRegistry registry = LocalRegistry.withHtpasswd(USER, PASSWORD)) {
            registry.pushImage("acme/app", "1", "amd64", LocalRegistry.authorization(USER, PASSWORD));
            String image = registry.host() + "/acme/app:1";
            CliEncrypter.newStack(passphrase).writeRegistryStack(dir, "bench", image, USER, WRONG_PASSWORD);

            print("plan_online_refused", warmup, runs, () -> plan(dir, 2, "bench", "--online", "--dir",
                    dir.toString()));
            print("decrypt_stack_file", warmup, runs, () -> {
                try {
                    StackFile.readDecrypting(dir, "bench", System::getenv);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            RegistryPreflight preflight = new RegistryPreflight();
            print("registry_answer", warmup, runs, () -> {
                PullCheck check = preflight.check(ImageReference.parse(image),
                        Optional.of(new BasicCredentials(USER, WRONG_PASSWORD)), "X86_64");
                if (check.verdict() != PullCheck.Verdict.CREDENTIALS_REFUSED) {
                    throw new IllegalStateException("expected a refusal: " + check.message());
                }
            });
            print("plan_offline", warmup, runs, () -> plan(dir, 0, "bench", "--dir", dir.toString()));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs the plan; the exit status must be the one expected, and a refusal must name registryPassword. */
    static void plan(Path dir, int expected, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Plan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        if (status != expected || (expected == 2 && !said.contains("  - registryPassword: "))) {
            throw new IllegalStateException("plan exited " + status + ", expected " + expected + ": " + said);
        }
    }

    /** The first run of the task in this JVM (for the first task: a fresh JVM's), then RUNS after WARMUP more. */
    static void print(String name, int warmup, int runs, Runnable task) {
        long first = time(task);
        for (int i = 1; i < warmup; i++) {
            task.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(time(task));
        }
        Collections.sort(times);
        System.out.printf("%s first_ms=%.1f median_ms=%.1f min_ms=%.1f max_ms=%.1f runs=%d warmup=%d%n", name,
                first / 1e6, times.get(times.size() / 2) / 1e6, times.get(0) / 1e6, times.get(times.size() - 1) / 1e6,
                runs, warmup);
    }

    static long time(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return System.nanoTime() - start;
    }
}
