package io.github.fargateprivate.secretsmanager;

import com.google.gson.JsonObject;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;

import java.util.Map;

/**
 * A Secrets Manager secret holding private-registry credentials in the form ECS reads for
 * {@code repositoryCredentials}: exactly {@code {"username": ..., "password": ...}}.
 *
 * <p>Children: {@code <name>-secret} (the secret) and {@code <name>-version} (its value, a Pulumi secret).
 */
public class RegistryCredentialsSecret extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:secretsmanager:RegistryCredentialsSecret";

    private final Secret secret;
    private final SecretVersion version;

    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private final Output<String> arn;

    @Export(name = "versionId", refs = {String.class}, tree = "[0]")
    private final Output<String> versionId;

    /**
     * Creates the secret and its value.
     *
     * @param name    the component's name; children are named from it
     * @param args    the credentials and options
     * @param options component options, e.g. a parent or provider
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public RegistryCredentialsSecret(String name, RegistryCredentialsSecretArgs args, ComponentResourceOptions options) {
        // The args are deliberately not passed to super: they hold the password, and a component's inputs are stored.
        super(TYPE, name, options);
        var checked = Problems.validated("RegistryCredentialsSecret", name, problems -> args.validate(problems).checkAccountAndRegion(problems, AwsEnvironment.of(this)));
        var children = Children.of(this, checked.tags());

        var secretArgs = SecretArgs.builder().description(checked.description());
        checked.kmsKeyArn().ifPresent(key -> secretArgs.kmsKeyId(key.output()));
        this.secret = children.create(Secret::new, AwsName.SECRET.child(name, "-secret"), secretArgs.build());

        Output<String> json = Output.tuple(checked.username().orElseThrow().output(),
                        checked.password().orElseThrow().output().asSecret())
                .applyValue(t -> credentialsJson(t.t1, t.t2))
                .asSecret();
        this.version = children.create(SecretVersion::new, name + "-version", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(json)
                .build());

        // Handed out only once the value exists: ECS fails a pull from a secret without an AWSCURRENT version.
        this.arn = Output.tuple(secret.arn(), version.id()).applyValue(t -> t.t1);
        this.versionId = version.versionId();
        registerOutputs(Map.of("arn", arn, "versionId", versionId));
    }

    /**
     * Creates the secret with default component options.
     *
     * @param name the component's name
     * @param args the credentials and options
     */
    public RegistryCredentialsSecret(String name, RegistryCredentialsSecretArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * The JSON document ECS expects; built with a JSON library so that any character in a token is escaped.
     *
     * @param username the registry user name
     * @param password the password or token
     * @return {@code {"username":...,"password":...}}
     */
    static String credentialsJson(String username, String password) {
        var o = new JsonObject();
        o.addProperty("username", username);
        o.addProperty("password", password);
        return o.toString();
    }

    /** @return the secret */
    public Secret secret() {
        return secret;
    }

    /** @return the secret's value (its current version) */
    public SecretVersion version() {
        return version;
    }

    /** @return the secret's ARN, what {@code repositoryCredentials.credentialsParameter} takes; resolves once the value exists */
    public Output<String> arn() {
        return arn;
    }

    /** @return the id of the secret value's current version; changes when the credentials change */
    public Output<String> versionId() {
        return versionId;
    }
}
