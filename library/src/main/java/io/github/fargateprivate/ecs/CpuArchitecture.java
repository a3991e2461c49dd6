package io.github.fargateprivate.ecs;

/** The CPU architecture a task runs on (the task definition's {@code runtimePlatform.cpuArchitecture}). */
public enum CpuArchitecture {
    /** 64-bit x86: Fargate's default, and Intel and AMD instance types. */
    X86_64,
    /** 64-bit Arm: Graviton; the image must be built for {@code linux/arm64}. Not on Fargate Spot. */
    ARM64
}
