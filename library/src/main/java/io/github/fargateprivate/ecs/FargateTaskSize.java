package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CPU and memory pairs Fargate offers for a Linux task (AWS ECS developer guide, "Task CPU and memory").
 */
public final class FargateTaskSize {

    private record Range(int min, int max, int step) {
        List<Integer> values() {
            List<Integer> v = new ArrayList<>();
            for (int m = min; m <= max; m += step) {
                v.add(m);
            }
            return v;
        }
    }

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = new TreeMap<>(Map.of(
            256, List.of(512, 1024, 2048),
            512, new Range(1024, 4096, 1024).values(),
            1024, new Range(2048, 8192, 1024).values(),
            2048, new Range(4096, 16384, 1024).values(),
            4096, new Range(8192, 30720, 1024).values(),
            8192, new Range(16384, 61440, 4096).values(),
            16384, new Range(32768, 122880, 8192).values()));

    private FargateTaskSize() {
    }

    /** @return the CPU values Fargate offers */
    public static List<Integer> cpuValues() {
        return List.copyOf(MEMORY_BY_CPU.keySet());
    }

    /**
     * @param cpu CPU units
     * @return the memory sizes Fargate pairs with them; empty for a CPU value it does not offer
     */
    public static List<Integer> memoryValues(int cpu) {
        return MEMORY_BY_CPU.getOrDefault(cpu, List.of());
    }

    /**
     * Checks a cpu/memory pair, and works out the change that fixes it from the values asked for: the CPU nearest to
     * the one asked that pairs with the memory asked (the application's memory is what it needs to run), or else the
     * memory nearest to the one asked that the CPU asked pairs with.
     *
     * @param cpu    CPU units (1024 = 1 vCPU)
     * @param memory memory in MiB
     * @return the problem under field {@code cpu} or {@code memory}, with the valid values and a suggested value; or
     *     empty when Fargate offers the pair
     */
    public static Optional<Problem> problem(int cpu, int memory) {
        List<Integer> memories = MEMORY_BY_CPU.get(cpu);
        if (memories != null && memories.contains(memory)) {
            return Optional.empty();
        }
        List<Integer> cpusForMemory = MEMORY_BY_CPU.entrySet().stream().filter(e -> e.getValue().contains(memory))
                .map(Map.Entry::getKey).toList();
        if (memories == null) {
            List<Integer> candidates = cpusForMemory.isEmpty() ? cpuValues() : cpusForMemory;
            int suggested = nearest(candidates, cpu);
            return Optional.of(new Problem("cpu", "Fargate offers no cpu value " + cpu + "; valid values: "
                    + join(cpuValues()) + (cpusForMemory.isEmpty() ? ""
                    : "; memory " + memory + " MiB pairs with cpu " + join(cpusForMemory)), String.valueOf(suggested)));
        }
        if (!cpusForMemory.isEmpty()) {
            int suggested = nearest(cpusForMemory, cpu);
            return Optional.of(new Problem("cpu", "Fargate offers no memory " + memory + " MiB with cpu " + cpu
                    + "; memory " + memory + " MiB pairs with cpu " + join(cpusForMemory) + ", and cpu " + cpu
                    + " with memory " + describe(memories), String.valueOf(suggested)));
        }
        int suggested = nearest(memories, memory);
        return Optional.of(new Problem("memory", "Fargate offers no memory " + memory + " MiB with cpu " + cpu
                + " (nor with any other cpu); cpu " + cpu + " pairs with memory " + describe(memories),
                String.valueOf(suggested)));
    }

    private static int nearest(List<Integer> values, int wanted) {
        return values.stream().min(Comparator.comparingInt((Integer v) -> Math.abs(v - wanted))
                .thenComparing(v -> v)).orElseThrow();
    }

    private static String describe(List<Integer> memories) {
        return memories.size() <= 3 ? join(memories) + " MiB"
                : memories.get(0) + "-" + memories.get(memories.size() - 1) + " MiB in steps of "
                + (memories.get(1) - memories.get(0));
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
