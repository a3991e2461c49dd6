package com.example.consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.iam.TaskExecutionRole;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.lb.HealthCheckArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.patterns.LoadBalancedService;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecretArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack of another team that reuses the library as a Maven artifact, in its two ways:
 *
 * <ol>
 *   <li>the composite {@link LoadBalancedService} for a long-running internal API behind a load balancer;</li>
 *   <li>the parts on their own, {@link RegistryCredentialsSecret} and {@link TaskExecutionRole}, beside this stack's
 *       own {@link LogGroup} and {@link TaskDefinition} for a batch job that something else (a schedule, a person)
 *       starts.</li>
 * </ol>
 *
 * Both images live on ghcr.io under the same account, so both read the same two config keys.
 */
public final class ConsumerApp {

    /** The API's image: it listens on {@link #API_PORT} and answers {@link #API_HEALTH_PATH}. */
    public static final String API_IMAGE = "ghcr.io/example-org/internal-api:1.4.2";
    /** The port the API listens on. */
    public static final int API_PORT = 8080;
    /** The API's health endpoint, which the load balancer checks. */
    public static final String API_HEALTH_PATH = "/healthz";
    /** The batch job's image: it runs once and exits. */
    public static final String BATCH_IMAGE = "ghcr.io/example-org/nightly-report:2.0.0";
    /** Task family of the batch job, what {@code aws ecs run-task --task-definition} takes. */
    public static final String BATCH_FAMILY = "nightly-report";
    /** Days the batch job's logs are kept. */
    public static final int BATCH_LOG_RETENTION_DAYS = 14;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ConsumerApp() {
    }

    /**
     * Runs the stack under the Pulumi engine ({@code pulumi up}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(ConsumerApp::stack);
    }

    /**
     * The stack program.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        String username = ctx.config().require("registryUsername");
        Output<String> password = ctx.config().requireSecret("registryPassword");

        // 1. The composite: one statement for secret, role, load balancer and service. Without a network it runs in
        // the default VPC, whose subnets are public and have no NAT gateway: the tasks get a public IP to reach ghcr.io.
        var api = new LoadBalancedService("api", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(API_IMAGE).port(API_PORT).build())
                .registryCredentials(RegistryCredentials.create(username, password))
                .targetGroup(TargetGroupArgs.builder()
                        .healthCheck(HealthCheckArgs.builder().path(API_HEALTH_PATH).build())
                        .build())
                .service(EcsServiceOptions.builder()
                        // Fargate is the default launch; stated so that it reads here (Launch.ec2(...) runs the tasks
                        // on container instances of the service's own).
                        .launch(Launch.fargate())
                        .desiredCount(1)
                        .build())
                .build());
        ctx.export("url", api.url().orElseThrow());
        ctx.export("apiServiceName", api.service().serviceName());
        ctx.export("apiClusterName", api.service().clusterName());

        // 2. The parts on their own, for a task definition this stack writes itself. The batch job gets its own
        // secret and role rather than the API's, so that neither can read what only the other needs.
        var batchCredentials = new RegistryCredentialsSecret("batch-registry", RegistryCredentialsSecretArgs.builder()
                .username(username)
                .password(password)
                .description("ghcr.io credentials of the " + BATCH_FAMILY + " batch job")
                .build());
        var batchLogs = new LogGroup("batch-logs", LogGroupArgs.builder()
                .retentionInDays(BATCH_LOG_RETENTION_DAYS)
                .build());
        // The role holds exactly what the job's task needs: its image (ECR repositories only: this ghcr.io one needs
        // no ECR action), its pull secret and its log group's streams, which awslogs writes at each start.
        var batchRole = new TaskExecutionRole("batch", TaskExecutionRoleArgs.builder()
                .image(BATCH_IMAGE)
                .registryCredentialsSecretArn(batchCredentials.arn())
                .logGroupArn(batchLogs.arn())
                .build());
        Output<String> region = AwsFunctions.getRegion().applyValue(GetRegionResult::name);
        Output<String> containerDefinitions = Output.tuple(batchCredentials.arn(), batchLogs.name(), region)
                .applyValue(t -> batchContainerDefinitions(t.t1, t.t2, t.t3));
        var batchTask = new TaskDefinition("batch-task", TaskDefinitionArgs.builder()
                .family(BATCH_FAMILY)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu("256")
                .memory("512")
                .executionRoleArn(batchRole.arn())
                .containerDefinitions(containerDefinitions)
                .build());
        ctx.export("batchTaskDefinitionArn", batchTask.arn());
        ctx.export("batchCredentialsSecretArn", batchCredentials.arn());
        ctx.export("batchExecutionRoleArn", batchRole.arn());
    }

    /**
     * The batch job's one container, as the JSON array ECS takes.
     *
     * @param credentialsArn the registry credentials secret, ECS's {@code repositoryCredentials.credentialsParameter}
     * @param logGroupName   the awslogs group
     * @param region         the awslogs region
     * @return the container definitions
     */
    static String batchContainerDefinitions(String credentialsArn, String logGroupName, String region) {
        var logOptions = new LinkedHashMap<String, String>();
        logOptions.put("awslogs-group", logGroupName);
        logOptions.put("awslogs-region", region);
        logOptions.put("awslogs-stream-prefix", BATCH_FAMILY);
        var container = new LinkedHashMap<String, Object>();
        container.put("name", BATCH_FAMILY);
        container.put("image", BATCH_IMAGE);
        container.put("essential", true);
        container.put("repositoryCredentials", Map.of("credentialsParameter", credentialsArn));
        container.put("logConfiguration", Map.of("logDriver", "awslogs", "options", logOptions));
        return GSON.toJson(List.of(container));
    }
}
