package io.github.fargateprivate.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Renders a {@link PlanReport} for a person (text) or a program (JSON). */
public final class PlanRenderer {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeNulls().create();

    private PlanRenderer() {
    }

    /**
     * @param report the plan
     * @return the plan as JSON
     */
    public static String json(PlanReport report) {
        return PRETTY.toJson(report);
    }

    /**
     * @param report the plan
     * @return the plan as text: a tree of resources with their inputs, the exports, the warnings and the summary
     */
    public static String text(PlanReport report) {
        var b = new StringBuilder();
        b.append("Plan for stack '").append(report.stack()).append("' of project '").append(report.project())
                .append("' in ").append(report.region())
                .append(report.registry().online()
                        ? " (the real program under Pulumi's mock engine: no AWS calls; the images' registries asked)"
                        : " (offline: the real program under Pulumi's mock engine, no AWS calls)")
                .append("\n\n");
        tree(b, report.resources(), null, "");
        b.append("\nExports:\n");
        report.exports().forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        if (!report.warnings().isEmpty()) {
            b.append("\nWarnings:\n");
            report.warnings().forEach(w -> b.append("  ").append(w).append('\n'));
        }
        var s = report.summary();
        b.append("\nSummary:\n");
        b.append("  resources: ").append(s.resourceCount()).append(" to create (in ").append(s.componentCount())
                .append(" components)\n");
        registry(b, report.registry());
        var cost = s.cost();
        if (cost.lines().isEmpty()) {
            b.append("  estimated cost: ").append(cost.pricesOf()).append('\n');
        } else {
            b.append(String.format(java.util.Locale.ROOT, "  estimated cost: $%.2f/month (%s)%n", cost.total(),
                    cost.pricesOf()));
            for (var c : cost.lines()) {
                b.append(String.format(java.util.Locale.ROOT, "    %-42s $%8.2f  %s%n", c.item(), c.monthly(),
                        c.basis()));
            }
        }
        b.append("    not included: ").append(String.join("; ", cost.notPriced())).append('\n');
        if (s.rollout() != null) {
            var r = s.rollout();
            var d = s.awsDefaults();
            b.append("  rollout timing (AWS defaults in brackets):\n");
            b.append(String.format("    app ready -> serving traffic:   <= %3d s  [%3d s]  health check every %d s x %d%n",
                    r.readyToServingSeconds(), d.readyToServingSeconds(), r.healthCheckIntervalSeconds(),
                    r.healthyThreshold()));
            b.append(String.format("    new task ready -> old task gone: <= %3d s  [%3d s]  + drain %d s + stop <= %d s%n",
                    r.readyToOldTaskGoneSeconds(), d.readyToOldTaskGoneSeconds(), r.deregistrationDelaySeconds(),
                    r.stopTimeoutSeconds()));
            b.append(badImage(r, d));
        }
        return b.toString();
    }

    /** A bad image: refused at preview by the registry preflight, or failed by the circuit breaker after deploying. */
    private static String badImage(RolloutTiming r, RolloutTiming d) {
        String without = r.badImageCaughtWithoutPreflightSeconds().stream().mapToObj(s -> "~" + s + " s: the circuit "
                + "breaker's " + r.circuitBreakerThreshold() + " failed tasks (0.5 x " + r.desiredCount() + " desired, "
                + RolloutTiming.MIN_FAILURE_THRESHOLD + " to " + RolloutTiming.MAX_FAILURE_THRESHOLD + ") x ~"
                + RolloutTiming.SECONDS_PER_FAILED_PULL + " s each").findFirst().orElse("never: no circuit breaker");
        String defaults = d.badImageCaughtWithoutPreflightSeconds().stream().mapToObj(s -> String.format("%3d s", s))
                .findFirst().orElse("never");
        return String.format("    a bad image is caught after:     <= %3d s  [%s]  at preview, by the registry "
                + "preflight; without it %s%n", r.badImageCaughtWithPreflightSeconds(), defaults, without);
    }

    /**
     * The registry line: not asked, or asked (with what was left out) and then each image with the digest it resolves
     * to, e.g. {@code container.image  ghcr.io/acme/app:1 -> sha256:...  (linux/amd64)}.
     */
    private static void registry(StringBuilder b, PlanReport.Registry registry) {
        String note = registry.note() != null ? registry.note()
                : registry.images().isEmpty() ? "asked, no image resolved to a digest" : "asked";
        b.append("  registry: ").append(note).append('\n');
        int width = registry.images().stream().mapToInt(i -> i.field().length()).max().orElse(0);
        for (var image : registry.images()) {
            b.append("    ").append(String.format("%-" + width + "s", image.field())).append("  ")
                    .append(image.image()).append(" -> ").append(image.digest());
            if (!image.platforms().isEmpty()) {
                b.append("  (").append(image.index() ? "index: " : "").append(String.join(", ", image.platforms()))
                        .append(')');
            }
            b.append('\n');
        }
    }

    private static void tree(StringBuilder b, List<PlanReport.Item> items, String parent, String indent) {
        for (var item : items) {
            if (!Objects.equals(item.parent(), parent)) {
                continue;
            }
            b.append(indent).append(item.component() ? "* " : "+ ").append(item.name()).append("  ")
                    .append(item.type()).append('\n');
            if (!item.component()) {
                item.inputs().forEach((k, v) -> b.append(indent).append("      ").append(k).append(": ")
                        .append(value(v, indent + "      ")).append('\n'));
            }
            tree(b, items, item.name(), indent + "    ");
        }
    }

    private static String value(Object v, String indent) {
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            String json = PRETTY.toJson(v);
            return json.contains("\n") && json.length() > 60 ? json.replace("\n", "\n" + indent) : json
                    .replaceAll("\\s*\n\\s*", " ");
        }
        return String.valueOf(v);
    }
}
