package io.github.fargateprivate.stack;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.deployment.Deployment;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.patterns.LoadBalancedService;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stack entry point, and the only code that reads config: the {@link ConfigKey} table, then the
 * {@link LoadBalancedService} component, then the exports.
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
        var config = new EngineConfig(ctx);
        // One family per stack: dev and prod in one account must not share task definition revisions. Stack names
        // may hold characters ECS refuses in a family ('.', '/'): those become '-'.
        String family = (ctx.projectName() + "-" + ctx.stackName()).replaceAll("[^A-Za-z0-9_-]", "-");
        var args = StackConfig.read(config, family, AwsEnvironment.ofDefaultProvider());
        var service = new LoadBalancedService(SERVICE_NAME, args);

        ctx.export("url", service.url().orElseThrow());
        ctx.export("serviceName", service.service().serviceName());
        ctx.export("clusterName", service.service().clusterName());
        service.credentialsSecretArn().ifPresent(arn -> ctx.export("credentialsSecretArn", arn));
        if (!service.imageDigests().isEmpty()) {
            ctx.export("imageDigests", com.pulumi.core.Output.of(service.imageDigests()));
        }
        ctx.export("executionRoleArn", service.executionRole().arn());
        ctx.export("logGroupName", service.service().logGroupName());
        ctx.export("forceNewDeploymentCommand", com.pulumi.core.Output.format(
                "aws ecs update-service --region %s --cluster %s --service %s --force-new-deployment",
                service.region(), service.service().clusterName(), service.service().serviceName()));
    }

    /** The config of the running Pulumi program. */
    private static final class EngineConfig implements ConfigSource {
        private final Context ctx;

        EngineConfig(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Optional<String> get(String key) {
            return ctx.config().get(key);
        }

        @Override
        public boolean isSecret(String key) {
            return Deployment.getInstance().getConfig().isConfigSecret(ctx.projectName() + ":" + key);
        }

        @Override
        public Set<String> keys() {
            String prefix = ctx.projectName() + ":";
            Set<String> keys = new TreeSet<>();
            allConfig().keySet().stream().filter(k -> k.startsWith(prefix))
                    .forEach(k -> keys.add(k.substring(prefix.length())));
            return keys;
        }

        /**
         * Every config value the engine holds. The SDK offers no public way to list them: the language host hands
         * them over in {@code PULUMI_CONFIG} (JSON), and the mock engine keeps them in the deployment's config.
         */
        @SuppressWarnings("unchecked")
        private static Map<String, String> allConfig() {
            String env = System.getenv("PULUMI_CONFIG");
            if (env != null && !env.isBlank()) {
                return com.pulumi.deployment.internal.DeploymentImpl.Config.parseConfig(env);
            }
            try {
                Object config = Deployment.getInstance().getConfig();
                Method all = config.getClass().getDeclaredMethod("getAllConfig");
                all.setAccessible(true);
                return (Map<String, String>) all.invoke(config);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Map.of();
            }
        }

        @Override
        public String stackName() {
            return ctx.stackName();
        }
    }
}
