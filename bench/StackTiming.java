import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import io.github.fargateprivate.plan.StackFile;
import io.github.fargateprivate.stack.App;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times the stack program inside Pulumi's mock engine, in one JVM: the first (cold) run, then warm runs.
 * Usage (from the project root, by bench/run): java -cp CLASSPATH bench/StackTiming.java STACK WARMUP RUNS
 */
public class StackTiming {
    public static void main(String[] args) throws Exception {
        String stack = args[0];
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        StackFile file = StackFile.read(Path.of("."), stack);
        long cold = once(file);
        for (int i = 0; i < warmup; i++) {
            once(file);
        }
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            warm.add(once(file));
        }
        Collections.sort(warm);
        System.out.printf("%s cold_ms=%.1f warm_median_ms=%.1f warm_min_ms=%.1f warm_max_ms=%.1f runs=%d%n", stack,
                cold / 1e6, warm.get(warm.size() / 2) / 1e6, warm.get(0) / 1e6, warm.get(warm.size() - 1) / 1e6,
                runs);
    }

    private static long once(StackFile file) {
        long start = System.nanoTime();
        OfflineRun run = OfflineRun.of(App::stack, file.project(), file.stack(), file.config(), file.secretKeys(),
                new OfflineMocks(file.awsRegion().orElse("us-east-1")));
        long elapsed = System.nanoTime() - start;
        if (!run.succeeded()) {
            throw new IllegalStateException("stack failed: " + run.result().exceptions());
        }
        return elapsed;
    }
}
