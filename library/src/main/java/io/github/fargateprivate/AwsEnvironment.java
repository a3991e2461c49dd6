package io.github.fargateprivate;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityPlainArgs;
import com.pulumi.aws.inputs.GetPartitionPlainArgs;
import com.pulumi.aws.inputs.GetRegionPlainArgs;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

import com.pulumi.core.internal.Internal;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * Where a component deploys: the account, region and partition of its AWS provider, looked up through the component
 * itself ({@code InvokeOptions.parent}), so that a component created with an explicit provider
 * ({@code ComponentResourceOptions.providers(...)}) checks and names ARNs of that provider's region, not the default
 * one. Looked up before any child is registered: the lookups are invokes, which run in previews too.
 *
 * @param accountId the deploying account
 * @param region    the provider's region
 * @param partition the AWS partition, e.g. {@code aws} or {@code aws-cn}
 * @param dnsSuffix the partition's DNS suffix, e.g. {@code amazonaws.com}
 */
public record AwsEnvironment(String accountId, String region, String partition, String dnsSuffix) {

    private static final Object DEFAULT_PROVIDER = new Object();
    /** Per program run (the engine's deployment instance), per provider. */
    private static final Map<Object, Map<Object, AwsEnvironment>> CACHE = new WeakHashMap<>();

    /**
     * @param component the component whose provider answers; null for the default provider
     * @return the component's account, region and partition
     */
    public static AwsEnvironment of(Resource component) {
        var options = component == null ? InvokeOptions.Empty : InvokeOptions.builder().parent(component).build();
        // One lookup per provider and program run: the composite and each of its parts ask the same provider.
        Object run = DeploymentInstanceHolder.getInstanceNoThrow();
        Object provider = Internal.from(options).getNestedProvider("aws:index/getRegion:getRegion")
                .map(Object.class::cast).orElse(DEFAULT_PROVIDER);
        if (run == null) {
            return lookup(options);
        }
        synchronized (CACHE) {
            var known = CACHE.computeIfAbsent(run, r -> new IdentityHashMap<>()).get(provider);
            if (known != null) {
                return known;
            }
        }
        AwsEnvironment env = lookup(options);
        synchronized (CACHE) {
            CACHE.get(run).put(provider, env);
        }
        return env;
    }

    private static AwsEnvironment lookup(InvokeOptions options) {
        var identity = AwsFunctions.getCallerIdentityPlain(GetCallerIdentityPlainArgs.builder().build(), options);
        var region = AwsFunctions.getRegionPlain(GetRegionPlainArgs.builder().build(), options);
        var partition = AwsFunctions.getPartitionPlain(GetPartitionPlainArgs.builder().build(), options);
        // Invokes are not Outputs of resources: they are answered in previews as well, so waiting here cannot hang.
        CompletableFuture.allOf(identity, region, partition).join();
        return new AwsEnvironment(identity.join().accountId(), region.join().name(), partition.join().partition(),
                partition.join().dnsSuffix());
    }

    /** @return the account, region and partition of the program's default AWS provider */
    public static AwsEnvironment ofDefaultProvider() {
        return of(null);
    }

    /**
     * @param service  e.g. {@code logs}
     * @param resource e.g. {@code log-group:/ecs/app}
     * @return the ARN of a resource of this account and region
     */
    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /**
     * @param secret a secret's complete ARN, or its name in this account and region
     * @return what a policy names for it: the ARN; for a name, its ARN with the {@code -??????} that stands for the six
     *     random characters Secrets Manager appends
     */
    public String secretResource(String secret) {
        return secret.startsWith("arn:") ? secret : arn("secretsmanager", "secret:" + secret + "-??????");
    }

    /**
     * @param service e.g. {@code secretsmanager}
     * @param region  a region
     * @return the service's endpoint host in that region, what {@code kms:ViaService} compares
     */
    public String endpoint(String service, String region) {
        return service + "." + region + "." + dnsSuffix;
    }
}
