package io.github.fargateprivate.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * AWS list prices from {@code pricing.properties}, the one place they and their date are kept, for the regions it
 * lists; and the assumptions the estimate makes about usage the plan cannot see.
 *
 * @param date          when the prices were taken
 * @param regions       the regions the file prices
 * @param hoursPerMonth hours billed in a month
 * @param properties    the file
 */
public record Pricing(String date, List<String> regions, double hoursPerMonth, Properties properties) {

    /**
     * The prices of one region.
     *
     * @param region         the region
     * @param x86VcpuHour    Fargate x86_64 per vCPU-hour
     * @param x86GbHour      Fargate x86_64 per GB-hour
     * @param armVcpuHour    Fargate arm64 per vCPU-hour
     * @param armGbHour      Fargate arm64 per GB-hour
     * @param albHour        ALB per hour
     * @param lcuHour        ALB per LCU-hour
     * @param natHour        NAT gateway per hour
     * @param natGb          NAT gateway per GB processed
     * @param endpointHour   interface VPC endpoint per AZ-hour
     * @param ipv4Hour       public IPv4 address per hour
     * @param secretMonth    Secrets Manager per secret-month
     * @param metricMonth    CloudWatch custom metric per metric-month
     * @param gp3GbMonth     EBS gp3 per GB-month
     * @param alarmMonth        CloudWatch standard-resolution metric alarm per alarm-month
     * @param snsPublishMillion SNS standard-topic publishes per million
     * @param awsEventsMillion  events of AWS services on the default EventBridge bus per million
     * @param logsIngestGb      CloudWatch Logs standard ingestion per GB
     * @param enhancedInsightsMetric Container Insights with enhanced observability for Amazon ECS per metric-month
     */
    public record Region(String region, double x86VcpuHour, double x86GbHour, double armVcpuHour, double armGbHour,
                         double albHour, double lcuHour, double natHour, double natGb, double endpointHour,
                         double ipv4Hour, double secretMonth, double metricMonth, double gp3GbMonth,
                         double alarmMonth, double snsPublishMillion, double awsEventsMillion,
                         double logsIngestGb, double enhancedInsightsMetric) {
    }

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
        return new Pricing(p.getProperty("date"), Arrays.stream(p.getProperty("regions").split(",")).map(String::strip)
                .toList(), Double.parseDouble(p.getProperty("hoursPerMonth")), p);
    }

    /**
     * @param region a region
     * @return its prices; empty when the file has none for it
     */
    public Optional<Region> in(String region) {
        if (!regions.contains(region)) {
            return Optional.empty();
        }
        return Optional.of(new Region(region, num(region + ".fargate.x86.vcpuHour"), num(region + ".fargate.x86.gbHour"),
                num(region + ".fargate.arm.vcpuHour"), num(region + ".fargate.arm.gbHour"), num(region + ".alb.hour"),
                num(region + ".alb.lcuHour"), num(region + ".nat.hour"), num(region + ".nat.gb"),
                num(region + ".endpoint.hour"), num(region + ".ipv4.hour"), num(region + ".secret.month"),
                num(region + ".metric.month"), num(region + ".ebs.gp3.gbMonth"), num(region + ".alarm.month"),
                num(region + ".sns.publishMillion"), num(region + ".events.awsMillion"),
                num(region + ".logs.ingestGb"), num(region + ".insights.enhancedMetric")));
    }

    /**
     * @param region a region
     * @param type   an EC2 instance type
     * @return its Linux on-demand price per hour; empty when the file has none
     */
    public Optional<Double> ec2Hour(String region, String type) {
        return Optional.ofNullable(properties.getProperty(region + ".ec2." + type + ".hour")).map(Double::parseDouble);
    }

    /**
     * @param region a region
     * @return whether its alarm, SNS and EventBridge prices are assumed to be us-east-1's, not read from its own table
     *     (the file says why)
     */
    public boolean monitoringAssumed(String region) {
        return Arrays.stream(properties.getProperty("monitoringAssumedIn", "").split(",")).map(String::strip)
                .anyMatch(region::equals);
    }

    /**
     * @param key an assumption's key, e.g. {@code lcuPerListener}
     * @return its value
     */
    public double assumption(String key) {
        return num("assume." + key);
    }

    private double num(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("pricing.properties has no " + key);
        }
        return Double.parseDouble(value);
    }
}
