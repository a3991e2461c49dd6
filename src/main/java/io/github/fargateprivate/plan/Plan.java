package io.github.fargateprivate.plan;

import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.registry.RegistryAccess;
import io.github.fargateprivate.stack.App;
import io.github.fargateprivate.stack.ConfigException;

import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The offline plan: prints what {@code pulumi up} would create for a stack, without the pulumi CLI, an AWS account
 * or a network. It runs the real stack program ({@link App#stack}) under Pulumi's mock engine with the values of
 * {@code Pulumi.<stack>.yaml}. With {@code --online} the components may also ask each image's registry whether a task
 * could pull it, with the stack's registry credentials where the plan can decrypt them, as {@code pulumi preview} does.
 *
 * <p>Usage: {@code Plan STACK [--json] [--online] [--dir PROJECT_DIR]}. Exit codes: 0 planned, 2 bad config or usage
 * (a registry that refuses the credentials or has no such image among them), 1 anything else.
 */
public final class Plan {

    private static final String USAGE = "usage: plan STACK [--json] [--online] [--dir PROJECT_DIR]   e.g. ./plan dev";

    private static final String HELP = """
            Prints what `pulumi up` would create for Pulumi.STACK.yaml: every resource with its inputs,
            the exports, the monthly cost at list prices and the rollout timing. No pulumi CLI, no AWS
            account, and no network but with --online.
              --json    the plan as JSON
              --online  also let the components ask each image's registry whether a task could pull it,
                        as `pulumi preview` does; the summary shows each image with the digest it
                        resolves to. With the registry password when the stack uses the
                        passphrase secrets provider (encryptionsalt:) and PULUMI_CONFIG_PASSPHRASE or
                        PULUMI_CONFIG_PASSPHRASE_FILE is set: the plan decrypts it as the CLI does and sends
                        it only to the image's registry (and the token service it names), over HTTPS.
                        Otherwise without credentials.
              --dir     the project directory (default: .)
            Exit codes: 0 planned, 2 bad config or usage (also credentials a registry refuses, an image
            it does not have), 1 anything else.""";

    private Plan() {
    }

    /**
     * What the command line asks for.
     *
     * @param stack  the stack name
     * @param json   whether to print JSON
     * @param online whether the components may ask the images' registries
     * @param dir    the project directory
     */
    record Options(String stack, boolean json, boolean online, Path dir) {

        /** @return the options; empty for {@code --help} */
        static Optional<Options> parse(List<String> args) {
            String stack = null;
            boolean json = false;
            boolean online = false;
            Path dir = Path.of(".");
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--help", "-h" -> {
                        return Optional.empty();
                    }
                    case "--json" -> json = true;
                    case "--online" -> online = true;
                    case "--dir" -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException("--dir needs a directory");
                        }
                        dir = Path.of(args.get(++i));
                    }
                    default -> {
                        if (stack != null || args.get(i).startsWith("-")) {
                            throw new IllegalArgumentException(args.get(i));
                        }
                        stack = args.get(i);
                    }
                }
            }
            if (stack == null) {
                throw new IllegalArgumentException("no stack");
            }
            return Optional.of(new Options(stack, json, online, dir));
        }
    }

    /**
     * Runs the plan and exits with its status.
     *
     * @param args {@code STACK [--json] [--online] [--dir PROJECT_DIR]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the plan, reading the passphrase, if any, from the process's environment.
     *
     * @param args {@code STACK [--json] [--online] [--dir PROJECT_DIR]}
     * @param out  where the plan goes
     * @param err  where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System::getenv);
    }

    /**
     * Runs the plan.
     *
     * @param args        {@code STACK [--json] [--online] [--dir PROJECT_DIR]}
     * @param out         where the plan goes
     * @param err         where errors go
     * @param environment where {@code --online} looks up {@code PULUMI_CONFIG_PASSPHRASE} and
     *                    {@code PULUMI_CONFIG_PASSPHRASE_FILE}; null for an unset variable
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
        Options options;
        try {
            Optional<Options> parsed = Options.parse(List.of(args));
            if (parsed.isEmpty()) {
                out.println(USAGE);
                out.println(HELP);
                return 0;
            }
            options = parsed.get();
        } catch (IllegalArgumentException e) {
            err.println(USAGE);
            return 2;
        }
        StackFile file;
        try {
            file = options.online() ? StackFile.readDecrypting(options.dir(), options.stack(), environment)
                    : StackFile.read(options.dir(), options.stack());
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        StackSecrets secrets = file.secrets();
        OfflineRun run;
        try {
            run = OfflineRun.of(App::stack, file.project(), file.stack(), file.config(), file.secretKeys(),
                    mocks(file, options.online()));
        } catch (AssertionError e) {
            // testing.AwsLimits: what AWS would refuse although the library let it through.
            err.println("error: " + secrets.mask(e.getMessage()));
            return 1;
        }
        if (!run.succeeded()) {
            return failure(run, secrets, err);
        }
        PlanReport report = PlanReport.of(run, file, Pricing.load());
        out.print(secrets.mask(options.json() ? PlanRenderer.json(report) + "\n" : PlanRenderer.text(report)));
        return 0;
    }

    /**
     * The mocks a plan runs with, and through them the registry access the components get: none offline; with
     * {@code --online} any registry, told whether the program's credentials are the real ones.
     *
     * @param file   the stack file
     * @param online whether the registries may be asked
     * @return the mocks
     */
    static OfflineMocks mocks(StackFile file, boolean online) {
        RegistryAccess access = !online ? RegistryAccess.none()
                : file.secrets().placeholders() ? RegistryAccess.anyWithoutCredentials() : RegistryAccess.any();
        return new OfflineMocks(file.awsRegion().orElse("us-east-1")).registryAccess(access);
    }

    /**
     * Reports a failed run: config or component args problems (a registry's refusal among them) are the stack's to
     * fix, exit 2 with their message alone, as {@code pulumi up} shows them; anything else is exit 1.
     *
     * @param run     the failed run
     * @param secrets the mask for decrypted values
     * @param err     where errors go
     * @return the exit status
     */
    static int failure(OfflineRun run, StackSecrets secrets, PrintStream err) {
        Optional<Throwable> problem = run.result().exceptions().stream().map(Plan::configOrArgs)
                .flatMap(Optional::stream).findFirst();
        if (problem.isPresent()) {
            err.println("error: " + secrets.mask(problem.get().getMessage()));
            return 2;
        }
        err.println("error: the stack program failed:");
        run.result().exceptions().forEach(e -> err.println("  " + secrets.mask(String.valueOf(e))));
        run.result().errors().forEach(e -> err.println("  " + secrets.mask(e)));
        return 1;
    }

    /** The exception, or its cause (an apply wraps what it throws), that is a config or args problem. */
    private static Optional<Throwable> configOrArgs(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigException || t instanceof ArgsException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
