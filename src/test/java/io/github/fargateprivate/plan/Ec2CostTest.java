package io.github.fargateprivate.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimate of ./plan ec2: container instances and their root volumes instead of Fargate tasks. */
class Ec2CostTest {

    private static String plan(String stack, Path dir) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Plan.run(new String[]{stack, "--dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return the estimate's lines: from "estimated cost" to the rollout timing */
    private static List<String> estimate(String out) {
        var lines = out.lines().toList();
        int from = lines.indexOf(lines.stream().filter(l -> l.contains("estimated cost:")).findFirst().orElseThrow());
        int to = lines.indexOf(lines.stream().filter(l -> l.contains("rollout timing")).findFirst().orElseThrow());
        return lines.subList(from, to).stream().map(String::strip).toList();
    }

    /** Pulumi.ec2.yaml with one key's line replaced, as stack {@code x} in a copy of the project. */
    private static String planWith(Path dir, String line, String replacement) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String stack = Files.readString(Path.of("Pulumi.ec2.yaml"));
        assertTrue(stack.contains(line + "\n"), line);
        Files.writeString(dir.resolve("Pulumi.x.yaml"), stack.replace(line + "\n", replacement + "\n"));
        return plan("x", dir);
    }

    @Test
    void theEc2StackPricesOneT3SmallItsRootVolumeAndItsPublicAddressAndNoFargate() {
        var estimate = estimate(plan("ec2", Path.of(".")));
        assertEquals(List.of(
                "estimated cost: $66.18/month (eu-central-1 list prices of 2025-06-01)",
                "EC2 instances app-ecs-ec2-asg (t3.small)   $   17.52  1 instance(s) x $0.024 x 730 h",
                "EBS gp3 root volumes app-ecs-ec2-asg       $    2.86  1 x 30 GiB x $0.0952",
                "Application Load Balancer app-lb-alb       $   25.55  (1 x $0.027 + 1 listener(s) x 1 LCU x $0.008) x "
                        + "730 h",
                "Public IPv4 addresses                      $   10.95  (1 instance(s) + 0 task(s) + 2 load balancer "
                        + "AZ(s)) x $0.005 x 730 h",
                "Container Insights app-ecs-cluster         $    8.70  (8 + 1 service(s) x 13 + 1 task family x 8) "
                        + "metrics x $0.3",
                "Secrets Manager                            $    0.40  1 secret(s) x $0.4",
                "CloudWatch alarms                          $    0.20  2 standard-resolution alarm(s) x $0.1 "
                        + "(assumed: us-east-1's)",
                "not included: data transfer; CloudWatch Logs ingestion and storage; API calls (Secrets Manager, KMS, "
                        + "SSM); scale-out up to 3 instance(s) of app-ecs-ec2-asg (the estimate counts "
                        + "minInstances); CPU credits above the t3.small baseline (unlimited mode, $0.05 per "
                        + "vCPU-hour); the free tier of CloudWatch alarms (10 per account)"), estimate);
        assertTrue(estimate.stream().noneMatch(l -> l.startsWith("Fargate")), estimate.toString());
    }

    @Test
    void theInstancesAreCountedFromMinInstances(@TempDir Path dir) throws IOException {
        var estimate = estimate(planWith(dir, "  fargate-private-registry:minInstances: \"1\"",
                "  fargate-private-registry:minInstances: \"2\""));
        assertTrue(estimate.contains("EC2 instances app-ecs-ec2-asg (t3.small)   $   35.04  2 instance(s) x $0.024 "
                + "x 730 h"), estimate.toString());
        assertTrue(estimate.contains("EBS gp3 root volumes app-ecs-ec2-asg       $    5.71  2 x 30 GiB x $0.0952"),
                estimate.toString());
        assertTrue(estimate.stream().anyMatch(l -> l.startsWith("Public IPv4 addresses") && l.contains("(2 "
                + "instance(s) + 0 task(s) + 2 load balancer AZ(s))")), estimate.toString());
    }

    @Test
    void aTypeWithoutAPriceIsListedAsNotPricedAndItsVolumeStillIs(@TempDir Path dir) throws IOException {
        var estimate = estimate(planWith(dir, "  fargate-private-registry:instanceType: t3.small",
                "  fargate-private-registry:instanceType: m7i.large"));
        assertTrue(estimate.stream().noneMatch(l -> l.startsWith("EC2 instances")), estimate.toString());
        assertTrue(estimate.contains("EBS gp3 root volumes app-ecs-ec2-asg       $    2.86  1 x 30 GiB x $0.0952"),
                estimate.toString());
        String notIncluded = estimate.get(estimate.size() - 1);
        assertTrue(notIncluded.contains("; the 1 m7i.large instance(s) of app-ecs-ec2-asg: pricing.properties has "
                + "no eu-central-1.ec2.m7i.large.hour;"), notIncluded);
        assertFalse(notIncluded.contains("CPU credits"), "m7i is not burstable: " + notIncluded);
    }
}
