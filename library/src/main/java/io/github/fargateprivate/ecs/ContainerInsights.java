package io.github.fargateprivate.ecs;

import java.util.Locale;

/**
 * The level of CloudWatch Container Insights of a cluster the service creates (the cluster's
 * {@code containerInsights} setting; "Monitor Amazon ECS containers using Container Insights with enhanced
 * observability", ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html).
 */
public enum ContainerInsights {
    /** Cluster- and service-level metrics, billed as CloudWatch custom metrics (Security Hub ECS.12). */
    ENABLED,
    /**
     * Everything {@link #ENABLED} collects plus task- and container-level metrics, billed per metric at their own rate
     * (usage type {@code MetricsUsage}; Amazon EKS's enhanced level is the one billed per observation) (Security Hub
     * ECS.12).
     */
    ENHANCED,
    /** None: Security Hub's ECS.12 control fails for the cluster. */
    DISABLED;

    /** @return the setting's value as ECS takes it: {@code enabled}, {@code enhanced} or {@code disabled} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
