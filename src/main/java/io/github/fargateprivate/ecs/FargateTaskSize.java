package io.github.fargateprivate.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = Map.of(
            256, List.of(512, 1024, 2048),
            512, new Range(1024, 4096, 1024).values(),
            1024, new Range(2048, 8192, 1024).values(),
            2048, new Range(4096, 16384, 1024).values(),
            4096, new Range(8192, 30720, 1024).values(),
            8192, new Range(16384, 61440, 4096).values(),
            16384, new Range(32768, 122880, 8192).values());

    private FargateTaskSize() {
    }

    /**
     * Checks a cpu/memory pair.
     *
     * @param cpu    CPU units (1024 = 1 vCPU)
     * @param memory memory in MiB
     * @return a description of what is wrong, naming the valid values, or empty when Fargate offers the pair
     */
    public static Optional<String> problem(int cpu, int memory) {
        List<Integer> memories = MEMORY_BY_CPU.get(cpu);
        if (memories == null) {
            return Optional.of("Fargate offers no cpu value " + cpu + "; valid values: "
                    + MEMORY_BY_CPU.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (!memories.contains(memory)) {
            return Optional.of("Fargate offers no memory " + memory + " MiB with cpu " + cpu + "; valid memory values: "
                    + memories.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }
}
