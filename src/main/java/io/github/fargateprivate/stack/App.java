package io.github.fargateprivate.stack;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetRegionPlainArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.ec2.DefaultVpc;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedFargateServiceArgs;

import java.util.Optional;

/**
 * The stack entry point, and the only code that reads config: config, then validated settings, then the
 * {@link LoadBalancedFargateService} component, then the exports.
 */
public final class App {

    /** The component's name; every resource name starts with it. */
    public static final String SERVICE_NAME = "app";

    private App() {
    }

    /**
     * Runs the stack under the Pulumi engine ({@code pulumi up}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /**
     * The stack program.
     *
     * @param ctx the Pulumi context
     * @throws ConfigException when the config is wrong, before any resource is registered
     */
    public static void stack(Context ctx) {
        // Looked up before any resource exists: the account, region and partition the stack deploys into.
        GetCallerIdentityResult identity = AwsFunctions.getCallerIdentityPlain().join();
        String region = AwsFunctions.getRegionPlain(GetRegionPlainArgs.builder().build()).join().name();
        var env = new AwsEnvironment(identity.accountId(), region,
                Arn.parse(identity.arn()).map(Arn::partition).orElse("aws"));
        StackSettings settings = StackSettings.parse(new EngineConfig(ctx), env);

        var args = LoadBalancedFargateServiceArgs.builder()
                .image(settings.image().reference())
                .partition(env.partition())
                // One family per stack: dev and prod in one account must not share task definition revisions.
                .taskFamily(ctx.projectName() + "-" + ctx.stackName())
                .containerPort(settings.containerPort())
                .listenerPort(settings.listenerPort())
                .healthCheckPath(settings.healthCheckPath())
                .desiredCount(settings.desiredCount())
                .size(settings.cpu(), settings.memory())
                .certificateArn(settings.certificateArn().orElse(null))
                .deletionProtection(settings.deletionProtection())
                .loadBalancerAccess(settings.internalLoadBalancer(), settings.allowedCidrBlocks().orElse(null))
                .accessLogsBucket(settings.accessLogsBucket().orElse(null))
                .timing(settings.deregistrationDelaySeconds(), settings.healthCheckGracePeriodSeconds(),
                        settings.stopTimeoutSeconds())
                .logRetentionDays(settings.logRetentionDays())
                .appSecrets(settings.appSecrets())
                .appSecretsKmsKeyArns(settings.appSecretsKmsKeyArns())
                .environment(settings.environment())
                .redeployOnSecretRotation(settings.redeployOnSecretRotation());
        settings.kmsKeyArn().ifPresent(args::kmsKeyArn);
        settings.autoScaling().ifPresent(a -> args.autoScaling(a.minCount(), a.maxCount(), a.cpuTargetPercent()));
        switch (settings.credentials()) {
            case CREATE -> args.registryCredentials(Output.of(settings.registryUsername().orElseThrow()),
                    settings.registryPassword().orElseThrow());
            case EXISTING -> {
                String secret = settings.existingSecret().orElseThrow();
                args.existingCredentialsSecret(Output.of(secret), Output.of(existingSecretPolicyResource(secret, env)));
            }
            case NONE -> { }
        }
        if (settings.network().isPresent()) {
            var n = settings.network().get();
            args.network(Output.of(n.vpcId()), Output.of(n.publicSubnetIds()), Output.of(n.privateSubnetIds()), false);
        } else {
            // The default VPC has only public subnets and no NAT gateway: tasks need a public IP to reach the registry.
            var vpc = DefaultVpc.lookup();
            args.network(vpc.vpcId(), vpc.subnetIds(), vpc.subnetIds(), true);
        }

        var service = new LoadBalancedFargateService(SERVICE_NAME, args.build());

        ctx.export("url", service.url());
        ctx.export("serviceName", service.service().serviceName());
        ctx.export("clusterName", service.service().clusterName());
        service.credentialsSecretArn().ifPresent(arn -> ctx.export("credentialsSecretArn", arn));
        ctx.export("executionRoleArn", service.executionRole().arn());
        ctx.export("logGroupName", service.service().logGroupName());
        ctx.export("forceNewDeploymentCommand", Output.format(
                "aws ecs update-service --region %s --cluster %s --service %s --force-new-deployment",
                region, service.service().clusterName(), service.service().serviceName()));
    }

    /**
     * What the execution role's policy names for an existing secret: the complete ARN, or for a bare name the ARN
     * pattern that Secrets Manager's random suffix matches.
     */
    private static String existingSecretPolicyResource(String secret, AwsEnvironment env) {
        return secret.startsWith("arn:") ? secret
                : "arn:" + env.partition() + ":secretsmanager:" + env.region() + ":" + env.accountId() + ":secret:"
                + secret + "-??????";
    }

    /** The config of the running Pulumi program. */
    private static final class EngineConfig implements ConfigSource {
        private final Context ctx;

        EngineConfig(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Optional<String> get(ConfigKey key) {
            return ctx.config().get(key.key());
        }

        @Override
        public boolean isSecret(ConfigKey key) {
            return Deployment.getInstance().getConfig().isConfigSecret(ctx.projectName() + ":" + key.key());
        }

        @Override
        public String stackName() {
            return ctx.stackName();
        }
    }
}
