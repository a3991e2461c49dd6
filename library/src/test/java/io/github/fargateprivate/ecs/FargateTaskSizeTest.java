package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FargateTaskSizeTest {

    private static final String CPUS = "256, 512, 1024, 2048, 4096, 8192, 16384";

    @Test
    void fargateOffersSevenCpuSizes() {
        assertEquals(List.of(256, 512, 1024, 2048, 4096, 8192, 16384), FargateTaskSize.cpuValues());
        assertEquals(List.of(), FargateTaskSize.memoryValues(300));
    }

    @Test
    void theSmallestCpuPairsWithThreeSizesOnly() {
        assertEquals(List.of(512, 1024, 2048), FargateTaskSize.memoryValues(256));
        List.of(512, 1024, 2048).forEach(m -> assertEquals(Optional.empty(), FargateTaskSize.problem(256, m)));
        assertEquals("memory", FargateTaskSize.problem(256, 1536).orElseThrow().field());
    }

    @ParameterizedTest(name = "cpu {0}: {1}-{2} MiB in steps of {3}")
    @CsvSource({
            "512,   1024,  4096,   1024",
            "1024,  2048,  8192,   1024",
            "2048,  4096,  16384,  1024",
            "4096,  8192,  30720,  1024",
            "8192,  16384, 61440,  4096",
            "16384, 32768, 122880, 8192",
    })
    void eachCpuPairsWithTheMemoryRangeOfTheDeveloperGuide(int cpu, int min, int max, int step) {
        var expected = IntStream.iterate(min, m -> m <= max, m -> m + step).boxed().toList();
        assertEquals(expected, FargateTaskSize.memoryValues(cpu));
        expected.forEach(m -> assertEquals(Optional.empty(), FargateTaskSize.problem(cpu, m), cpu + "/" + m));
    }

    @ParameterizedTest(name = "cpu {0} memory {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "1024  | 512    | cpu    | 256   | Fargate offers no memory 512 MiB with cpu 1024; memory 512 MiB pairs "
                    + "with cpu 256, and cpu 1024 with memory 2048-8192 MiB in steps of 1024",
            "256   | 3000   | memory | 2048  | Fargate offers no memory 3000 MiB with cpu 256 (nor with any other "
                    + "cpu); cpu 256 pairs with memory 512, 1024, 2048 MiB",
            "256   | 4096   | cpu    | 512   | Fargate offers no memory 4096 MiB with cpu 256; memory 4096 MiB pairs "
                    + "with cpu 512, 1024, 2048, and cpu 256 with memory 512, 1024, 2048 MiB",
            "2048  | 1024   | cpu    | 512   | Fargate offers no memory 1024 MiB with cpu 2048; memory 1024 MiB pairs "
                    + "with cpu 256, 512, and cpu 2048 with memory 4096-16384 MiB in steps of 1024",
            "4096  | 4096   | cpu    | 2048  | Fargate offers no memory 4096 MiB with cpu 4096; memory 4096 MiB pairs "
                    + "with cpu 512, 1024, 2048, and cpu 4096 with memory 8192-30720 MiB in steps of 1024",
            "16384 | 16384  | cpu    | 8192  | Fargate offers no memory 16384 MiB with cpu 16384; memory 16384 MiB "
                    + "pairs with cpu 2048, 4096, 8192, and cpu 16384 with memory 32768-122880 MiB in steps of 8192",
            "8192  | 18432  | cpu    | 4096  | Fargate offers no memory 18432 MiB with cpu 8192; memory 18432 MiB "
                    + "pairs with cpu 4096, and cpu 8192 with memory 16384-61440 MiB in steps of 4096",
            "512   | 1500   | memory | 1024  | Fargate offers no memory 1500 MiB with cpu 512 (nor with any other "
                    + "cpu); cpu 512 pairs with memory 1024-4096 MiB in steps of 1024",
            "512   | 1536   | memory | 1024  | Fargate offers no memory 1536 MiB with cpu 512 (nor with any other "
                    + "cpu); cpu 512 pairs with memory 1024-4096 MiB in steps of 1024",
            "1024  | 200000 | memory | 8192  | Fargate offers no memory 200000 MiB with cpu 1024 (nor with any other "
                    + "cpu); cpu 1024 pairs with memory 2048-8192 MiB in steps of 1024",
            "8192  | 16000  | memory | 16384 | Fargate offers no memory 16000 MiB with cpu 8192 (nor with any other "
                    + "cpu); cpu 8192 pairs with memory 16384-61440 MiB in steps of 4096",
            "300   | 512    | cpu    | 256   | Fargate offers no cpu value 300; valid values: " + CPUS
                    + "; memory 512 MiB pairs with cpu 256",
            "3000  | 8192   | cpu    | 2048  | Fargate offers no cpu value 3000; valid values: " + CPUS
                    + "; memory 8192 MiB pairs with cpu 1024, 2048, 4096",
            "300   | 3000   | cpu    | 256   | Fargate offers no cpu value 300; valid values: " + CPUS,
    })
    void anInvalidPairNamesTheFieldToChangeAndTheNearestValueThatFits(int cpu, int memory, String field,
                                                                      String suggested, String message) {
        assertEquals(Optional.of(new Problem(field, message, suggested)), FargateTaskSize.problem(cpu, memory));
    }

    /** Whichever field a problem names, its suggestion fixes the pair, unless the memory fits no cpu at all. */
    @Test
    void everySuggestionFixesThePair() {
        int checked = 0;
        for (int cpu : List.of(128, 256, 300, 512, 1024, 2048, 3000, 4096, 8192, 16384, 32768)) {
            for (int m = 256; m <= 131072; m += 256) {
                int memory = m;
                var problem = FargateTaskSize.problem(cpu, memory);
                if (problem.isEmpty()) {
                    assertTrue(FargateTaskSize.memoryValues(cpu).contains(memory));
                    continue;
                }
                int suggested = Integer.parseInt(problem.get().suggested());
                boolean memoryFitsSomeCpu = FargateTaskSize.cpuValues().stream()
                        .anyMatch(c -> FargateTaskSize.memoryValues(c).contains(memory));
                if (problem.get().field().equals("memory")) {
                    assertEquals(Optional.empty(), FargateTaskSize.problem(cpu, suggested), cpu + "/" + memory);
                    checked++;
                } else if (memoryFitsSomeCpu) {
                    assertEquals(Optional.empty(), FargateTaskSize.problem(suggested, memory), cpu + "/" + memory);
                    checked++;
                } else {
                    assertTrue(FargateTaskSize.cpuValues().contains(suggested), cpu + "/" + memory);
                }
            }
        }
        assertTrue(checked > 3000, "checked " + checked);
    }
}
