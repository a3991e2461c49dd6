package io.github.fargateprivate.plan;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How many metrics Container Insights with enhanced observability publishes for one cluster: each metric of AWS's table
 * under each of its dimension sets, for the services' running tasks and their containers.
 *
 * <p>The metrics, their dimension sets and when each is collected are those of "Amazon ECS Container Insights with
 * enhanced observability metrics" (CloudWatch User Guide,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-enhanced-observability-metrics-ECS.html):
 * network metrics only in {@code awsvpc} or {@code bridge} mode, ephemeral storage only on Fargate (the table's note
 * for {@code EphemeralStorageReserved} and {@code EphemeralStorageUtilized}; {@code TaskEphemeralStorageUtilization},
 * their ratio, is counted with them), {@code RestartCount} only for containers with a restart policy,
 * {@code UnHealthyContainerHealthStatus} only for containers with a health check, and nothing for a service without
 * running tasks. The EBS metrics are left out: the library attaches no EBS volume to tasks. CloudWatch bills these per metric (usage type {@code MetricsUsage},
 * operation {@code MetricStorage:CI-ECS}, where Amazon EKS's enhanced observability is billed per observation:
 * "Analyzing, optimizing, and reducing CloudWatch costs",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_billing.html), prorated by the hour, so the
 * metrics of a task that runs all month count once.
 */
final class EnhancedInsights {

    /**
     * One service of the cluster, as its task definition and desired count describe it.
     *
     * @param family         its task definition's family
     * @param tasks          its running tasks (the desired count)
     * @param fargate        whether it runs on Fargate (ephemeral storage metrics)
     * @param networkMetrics whether its network mode is {@code awsvpc} or {@code bridge}
     * @param containers     its task's containers
     */
    record Service(String family, int tasks, boolean fargate, boolean networkMetrics, List<Container> containers) {
    }

    /**
     * One container of a task definition.
     *
     * @param name          its name
     * @param healthCheck   whether it has a health check
     * @param restartPolicy whether its restart policy is enabled
     */
    record Container(String name, boolean healthCheck, boolean restartPolicy) {
    }

    /** Dimension set {@code ClusterName} only. */
    private static final List<String> CLUSTER = List.of("ServiceCount", "TaskCount");
    /** Dimension set {@code ServiceName, ClusterName} only. */
    private static final List<String> SERVICE = List.of("DeploymentCount", "DesiredTaskCount", "PendingTaskCount",
            "RunningTaskCount", "TaskSetCount");
    /** The five sets cluster; service; family; service and task; family and task, for every task. */
    private static final List<String> TASK = List.of("ContainerCpuUtilization", "CpuUtilized", "CpuReserved",
            "MemoryUtilized", "MemoryReserved", "StorageReadBytes", "StorageWriteBytes", "TaskCpuUtilization",
            "TaskMemoryUtilization");
    /** The same five sets, for tasks in {@code awsvpc} or {@code bridge} mode. */
    private static final List<String> TASK_NETWORK = List.of("ContainerNetworkRxBytes", "ContainerNetworkTxBytes",
            "NetworkRxBytes", "NetworkTxBytes");
    /** The same five sets, for tasks on Fargate. */
    private static final List<String> TASK_EPHEMERAL = List.of("EphemeralStorageReserved", "EphemeralStorageUtilized",
            "TaskEphemeralStorageUtilization");
    /** The five sets cluster; service and container; family and container; and each with the task, every container. */
    private static final List<String> CONTAINER = List.of("ContainerCpuUtilized", "ContainerCpuReserved",
            "ContainerMemoryUtilized", "ContainerMemoryReserved", "ContainerMemoryUtilization",
            "ContainerStorageReadBytes", "ContainerStorageWriteBytes");

    private EnhancedInsights() {
    }

    /**
     * @param services the cluster's services
     * @return the metrics CloudWatch holds for them in a month
     */
    static int metrics(List<Service> services) {
        List<Service> running = services.stream().filter(s -> s.tasks() > 0).toList();
        if (running.isEmpty()) {
            return 0;
        }
        boolean ec2 = running.stream().anyMatch(s -> !s.fargate());
        int clusterWide = CLUSTER.size() + (ec2 ? 1 : 0); // ContainerInstanceCount counts EC2 instances.
        return clusterWide + SERVICE.size() * running.size()
                + TASK.size() * taskSets(running)
                + TASK_NETWORK.size() * taskSets(running.stream().filter(Service::networkMetrics).toList())
                + TASK_EPHEMERAL.size() * taskSets(running.stream().filter(Service::fargate).toList())
                + CONTAINER.size() * containerSets(running, c -> true)
                + containerSets(running, Container::healthCheck) // UnHealthyContainerHealthStatus
                + restartCount(running);
    }

    /** One metric's series under the five task-level sets: the cluster, each service, each family, each task twice. */
    private static int taskSets(List<Service> services) {
        if (services.isEmpty()) {
            return 0;
        }
        int tasks = services.stream().mapToInt(Service::tasks).sum();
        return 1 + services.size() + families(services) + 2 * tasks;
    }

    /**
     * One metric's series under the five container-level sets, for the containers it is collected for: the cluster,
     * each service's and each family's containers, each task's containers twice (with the service, with the family).
     */
    private static int containerSets(List<Service> services, Predicate<Container> collected) {
        int perService = 0;
        int perTask = 0;
        for (var s : services) {
            long n = s.containers().stream().filter(collected).count();
            perService += (int) n;
            perTask += (int) n * s.tasks();
        }
        if (perService == 0) {
            return 0;
        }
        long perFamily = services.stream().flatMap(s -> s.containers().stream().filter(collected)
                .map(c -> s.family() + "/" + c.name())).distinct().count();
        return 1 + perService + (int) perFamily + 2 * perTask;
    }

    /** {@code RestartCount}: the task-level sets but the cluster's (counted once) and the container-level sets. */
    private static int restartCount(List<Service> services) {
        var restarting = services.stream()
                .filter(s -> s.containers().stream().anyMatch(Container::restartPolicy)).toList();
        if (restarting.isEmpty()) {
            return 0;
        }
        return taskSets(restarting) - 1 + containerSets(restarting, Container::restartPolicy);
    }

    private static int families(List<Service> services) {
        return (int) services.stream().map(Service::family).filter(Objects::nonNull).distinct().count();
    }
}
