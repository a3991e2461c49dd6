package io.github.fargateprivate.plan;

import io.github.fargateprivate.stack.App;
import io.github.fargateprivate.stack.ConfigException;

import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline plan: prints what {@code pulumi up} would create for a stack, without the pulumi CLI, an AWS account
 * or a network. It runs the real stack program ({@link App#stack}) under Pulumi's mock engine with the values of
 * {@code Pulumi.<stack>.yaml}.
 *
 * <p>Usage: {@code Plan STACK [--json] [--dir PROJECT_DIR]}. Exit codes: 0 planned, 2 bad config or usage,
 * 1 anything else.
 */
public final class Plan {

    private Plan() {
    }

    /**
     * Runs the plan and exits with its status.
     *
     * @param args {@code STACK [--json] [--dir PROJECT_DIR]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the plan.
     *
     * @param args {@code STACK [--json] [--dir PROJECT_DIR]}
     * @param out  where the plan goes
     * @param err  where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String stack = null;
        boolean json = false;
        Path dir = Path.of(".");
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            switch (list.get(i)) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    out.println("Prints what `pulumi up` would create for Pulumi.STACK.yaml: every resource with its "
                            + "inputs,\nthe exports, the monthly cost at list prices and the rollout timing. Offline: "
                            + "no pulumi CLI,\nno AWS account. Exit codes: 0 planned, 2 bad config or usage, 1 "
                            + "anything else.");
                    return 0;
                }
                case "--json" -> json = true;
                case "--dir" -> {
                    if (i + 1 >= list.size()) {
                        return usage(err);
                    }
                    dir = Path.of(list.get(++i));
                }
                default -> {
                    if (stack != null || list.get(i).startsWith("-")) {
                        return usage(err);
                    }
                    stack = list.get(i);
                }
            }
        }
        if (stack == null) {
            return usage(err);
        }
        StackFile file;
        try {
            file = StackFile.read(dir, stack);
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        var mocks = new OfflineMocks(file.awsRegion().orElse("us-east-1"));
        OfflineRun run;
        try {
            run = OfflineRun.of(App::stack, file.project(), stack, file.config(), file.secretKeys(), mocks);
        } catch (AssertionError e) {
            // testing.AwsLimits: what AWS would refuse although the library let it through.
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (!run.succeeded()) {
            var config = run.result().exceptions().stream().filter(e -> e instanceof ConfigException).findFirst();
            if (config.isPresent()) {
                err.println("error: " + config.get().getMessage());
                return 2;
            }
            err.println("error: the stack program failed:");
            run.result().exceptions().forEach(e -> err.println("  " + e));
            run.result().errors().forEach(e -> err.println("  " + e));
            return 1;
        }
        PlanReport report = PlanReport.of(run, file, Pricing.load());
        out.print(json ? PlanRenderer.json(report) + "\n" : PlanRenderer.text(report));
        return 0;
    }

    private static final String USAGE = "usage: plan STACK [--json] [--dir PROJECT_DIR]   e.g. ./plan dev";

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }
}
