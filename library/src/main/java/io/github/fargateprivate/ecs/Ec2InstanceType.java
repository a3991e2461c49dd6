package io.github.fargateprivate.ecs;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An EC2 instance type as written, {@code family.size} such as {@code t3.small} or {@code m7g.large}: its CPU
 * architecture and, for the burstable and the general purpose, compute and memory optimized families, its memory.
 *
 * @param name   the type, e.g. {@code m7g.large}
 * @param family the family, e.g. {@code m7g}
 * @param size   the size, e.g. {@code large}
 */
public record Ec2InstanceType(String name, String family, String size) {

    /**
     * EC2's grammar: a family of a class letter(s), a generation and attribute letters (or the first High Memory
     * families, {@code u-} and their memory, such as {@code u-6tb1}), then a size.
     */
    private static final Pattern GRAMMAR = Pattern.compile("([a-z]+[0-9]+[a-z0-9-]*|u-[0-9]+tb[0-9]+)"
            + "\\.(nano|micro|small|medium|large|[0-9]*xlarge|metal(?:-[0-9]+xl)?)");
    /** The attribute letters after the generation: a {@code g} there is Graviton (m7g, c6gn, x2gd, t4g). */
    private static final Pattern FAMILY = Pattern.compile("([a-z]+)([0-9]+)([a-z0-9-]*)");
    /** Burstable sizes' memory in MiB (t3, t3a, t4g alike). */
    private static final Map<String, Integer> BURSTABLE_MIB = Map.of("nano", 512, "micro", 1024, "small", 2048,
            "medium", 4096, "large", 8192, "xlarge", 16384, "2xlarge", 32768);
    /** GiB per vCPU of the general purpose, compute and memory optimized classes. */
    private static final Map<String, Integer> GIB_PER_VCPU = Map.of("m", 4, "c", 2, "r", 8);

    /**
     * @param name a type as written
     * @return the type, or empty when it does not follow EC2's grammar
     */
    public static Optional<Ec2InstanceType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        var m = GRAMMAR.matcher(name);
        return m.matches() ? Optional.of(new Ec2InstanceType(name, m.group(1), m.group(2))) : Optional.empty();
    }

    /**
     * @param name a type as written
     * @return what is wrong with it, or empty
     */
    public static Optional<String> problem(String name) {
        return parse(name).isPresent() ? Optional.empty() : Optional.of("'" + name + "' is not an EC2 instance type "
                + "(FAMILY.SIZE, e.g. t3.small, m7g.large or c7i.2xlarge)");
    }

    /** @return whether the type runs arm64 (Graviton: a {@code g} among the family's attributes, or {@code a1}) */
    public boolean arm64() {
        var m = FAMILY.matcher(family);
        if (!m.matches()) {
            return false;
        }
        return family.equals("a1") || m.group(3).contains("g");
    }

    /** @return {@code ARM64} or {@code X86_64}, as a task definition's runtime platform names them */
    public String cpuArchitecture() {
        return arm64() ? "ARM64" : "X86_64";
    }

    /**
     * @return the memory in MiB, for the t, m, c and r classes' sizes up to 48xlarge; empty for the others (GPU,
     *     storage, high-memory types, metal)
     */
    public Optional<Integer> memoryMiB() {
        var m = FAMILY.matcher(family);
        if (!m.matches()) {
            return Optional.empty();
        }
        String type = m.group(1);
        if (type.equals("t")) {
            return Optional.ofNullable(BURSTABLE_MIB.get(size));
        }
        Integer perVcpu = GIB_PER_VCPU.get(type);
        if (perVcpu == null) {
            return Optional.empty();
        }
        return vcpus().map(v -> v * perVcpu * 1024);
    }

    /**
     * @return the CPU units (1024 per vCPU) for the t, m, c and r classes' sizes; empty for the others
     */
    public Optional<Integer> cpuUnits() {
        var m = FAMILY.matcher(family);
        if (!m.matches()) {
            return Optional.empty();
        }
        String type = m.group(1);
        if (type.equals("t")) {
            // Burstable types have 2 vCPUs up to large, then 4 (xlarge) and 8 (2xlarge).
            return Optional.ofNullable(Map.of("nano", 2, "micro", 2, "small", 2, "medium", 2, "large", 2,
                    "xlarge", 4, "2xlarge", 8).get(size)).map(v -> v * 1024);
        }
        return GIB_PER_VCPU.containsKey(type) ? vcpus().map(v -> v * 1024) : Optional.empty();
    }

    /** @return the vCPUs of the m, c and r classes' sizes; empty for others */
    private Optional<Integer> vcpus() {
        return switch (size) {
            case "medium" -> Optional.of(1);
            case "large" -> Optional.of(2);
            case "xlarge" -> Optional.of(4);
            default -> size.endsWith("xlarge") && size.length() > 6
                    ? Optional.of(Integer.parseInt(size.substring(0, size.length() - 6)) * 4) : Optional.empty();
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
