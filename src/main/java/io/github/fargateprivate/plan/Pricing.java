package io.github.fargateprivate.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * AWS list prices from {@code pricing.properties}, the one place they and their date are kept.
 *
 * @param date          when the prices were taken
 * @param region        the region they are for
 * @param hoursPerMonth hours billed in a month
 * @param vcpuHour      Fargate price per vCPU-hour
 * @param gbHour        Fargate price per GB-hour of memory
 * @param albHour       ALB price per hour
 * @param lcuHour       ALB price per LCU-hour
 * @param secretMonth   Secrets Manager price per secret-month
 * @param natHour       NAT gateway price per hour
 */
public record Pricing(String date, String region, double hoursPerMonth, double vcpuHour, double gbHour,
                      double albHour, double lcuHour, double secretMonth, double natHour) {

    /** @return the bundled price table */
    public static Pricing load() {
        var p = new Properties();
        try (InputStream in = Pricing.class.getResourceAsStream("pricing.properties")) {
            if (in == null) {
                throw new IllegalStateException("pricing.properties is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Pricing(p.getProperty("date"), p.getProperty("region"), num(p, "hoursPerMonth"),
                num(p, "fargate.vcpuHour"), num(p, "fargate.gbHour"), num(p, "alb.hour"), num(p, "alb.lcuHour"),
                num(p, "secretsmanager.secretMonth"), num(p, "natgateway.hour"));
    }

    private static double num(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }

    /**
     * @param tasks  running tasks
     * @param cpu    task CPU units
     * @param memory task memory in MiB
     * @return Fargate's monthly price for them
     */
    public double fargateMonthly(int tasks, int cpu, int memory) {
        return tasks * (cpu / 1024.0 * vcpuHour + memory / 1024.0 * gbHour) * hoursPerMonth;
    }

    /**
     * @param loadBalancers ALBs
     * @return their monthly price at one LCU each
     */
    public double albMonthly(int loadBalancers) {
        return loadBalancers * (albHour + lcuHour) * hoursPerMonth;
    }

    /**
     * @param secrets Secrets Manager secrets
     * @return their monthly price
     */
    public double secretsMonthly(int secrets) {
        return secrets * secretMonth;
    }

    /**
     * @param natGateways NAT gateways
     * @return their monthly price (hours only)
     */
    public double natMonthly(int natGateways) {
        return natGateways * natHour * hoursPerMonth;
    }
}
