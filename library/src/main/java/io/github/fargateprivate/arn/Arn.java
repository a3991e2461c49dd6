package io.github.fargateprivate.arn;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}, and the checks this project makes
 * on the ARNs a user configures.
 *
 * @param partition e.g. {@code aws}
 * @param service   e.g. {@code secretsmanager}
 * @param region    e.g. {@code eu-central-1}; empty for global services
 * @param account   the 12-digit account id; empty for AWS-owned resources
 * @param resource  everything after the account, e.g. {@code secret:db-AbCdEf}
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}|):(.+)");
    // Secrets Manager appends '-' and six random characters to the name in every complete ARN.
    private static final Pattern SECRET_RESOURCE = Pattern.compile("secret:([A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6})");
    private static final Pattern SECRET_RESOURCE_WITH_JSON_KEY = Pattern.compile(
            "secret:([A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6})(:[^:]*:[^:]*:[^:]*)?");
    private static final Pattern PARAMETER_RESOURCE = Pattern.compile("parameter/[A-Za-z0-9/_.-]+");
    private static final Pattern KMS_KEY_RESOURCE = Pattern.compile("key/(?:mrk-[a-f0-9]{32}|[a-f0-9-]{36})");
    private static final Pattern CERTIFICATE_RESOURCE = Pattern.compile("certificate/[a-f0-9-]{36}");
    /** The characters Secrets Manager allows in a secret name. */
    public static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");

    /**
     * Parses any ARN.
     *
     * @param text the text to parse
     * @return the ARN, or empty when the text is not one
     */
    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(text);
        return m.matches()
                ? Optional.of(new Arn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)))
                : Optional.empty();
    }

    /**
     * Checks a complete Secrets Manager secret ARN (with the 6-character suffix), as ECS and IAM want it.
     *
     * @param text         the configured value
     * @param allowJsonKey whether a {@code :json-key:version-stage:version-id} suffix may follow (container
     *                     {@code secrets} accept it; {@code repositoryCredentials} do not)
     * @return a description of what is wrong, or empty when the ARN is fine
     */
    public static Optional<String> secretArnProblem(String text, boolean allowJsonKey) {
        Optional<Arn> arn = parse(text);
        if (arn.isEmpty()) {
            return Optional.of("'" + text + "' is not an ARN");
        }
        if (!arn.get().service().equals("secretsmanager")) {
            return Optional.of("'" + text + "' is an ARN of " + arn.get().service() + ", not of a Secrets Manager secret");
        }
        if (arn.get().region().isEmpty() || arn.get().account().isEmpty()) {
            return Optional.of("'" + text + "' lacks its region or account");
        }
        Pattern resource = allowJsonKey ? SECRET_RESOURCE_WITH_JSON_KEY : SECRET_RESOURCE;
        if (!resource.matcher(arn.get().resource()).matches()) {
            return Optional.of("'" + text + "' is a partial secret ARN: a complete one ends in '-' and the six "
                    + "characters Secrets Manager added (aws secretsmanager describe-secret --secret-id NAME --query ARN)");
        }
        return Optional.empty();
    }

    /**
     * Checks an SSM Parameter Store parameter ARN.
     *
     * @param text the configured value
     * @return a description of what is wrong, or empty when the ARN is fine
     */
    public static Optional<String> parameterArnProblem(String text) {
        Optional<Arn> arn = parse(text);
        if (arn.isEmpty() || !arn.get().service().equals("ssm")
                || !PARAMETER_RESOURCE.matcher(arn.get().resource()).matches()
                || arn.get().region().isEmpty() || arn.get().account().isEmpty()) {
            return Optional.of("'" + text + "' is not an SSM parameter ARN (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME)");
        }
        return Optional.empty();
    }

    /**
     * Checks a KMS key ARN; aliases are refused because IAM evaluates {@code kms:Decrypt} against the key's ARN.
     *
     * @param text the configured value
     * @return a description of what is wrong, or empty when the ARN is fine
     */
    public static Optional<String> kmsKeyArnProblem(String text) {
        Optional<Arn> arn = parse(text);
        if (arn.isPresent() && arn.get().service().equals("kms") && arn.get().resource().startsWith("alias/")) {
            return Optional.of("'" + text + "' is an alias ARN; use the key ARN it points to "
                    + "(aws kms describe-key --key-id ALIAS --query KeyMetadata.Arn)");
        }
        // A key lives in one region of one account: kms:ViaService names the region, the region check compares it.
        if (arn.isEmpty() || !arn.get().service().equals("kms")
                || !KMS_KEY_RESOURCE.matcher(arn.get().resource()).matches()
                || arn.get().region().isEmpty() || arn.get().account().isEmpty()) {
            return Optional.of("'" + text + "' is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)");
        }
        return Optional.empty();
    }

    /**
     * Checks an ACM certificate ARN.
     *
     * @param text the configured value
     * @return a description of what is wrong, or empty when the ARN is fine
     */
    public static Optional<String> certificateArnProblem(String text) {
        Optional<Arn> arn = parse(text);
        if (arn.isEmpty() || !arn.get().service().equals("acm")
                || !CERTIFICATE_RESOURCE.matcher(arn.get().resource()).matches()
                || arn.get().region().isEmpty() || arn.get().account().isEmpty()) {
            return Optional.of("'" + text + "' is not an ACM certificate ARN "
                    + "(arn:aws:acm:REGION:ACCOUNT:certificate/ID)");
        }
        return Optional.empty();
    }

    /**
     * Checks a container secret's {@code valueFrom}: a complete Secrets Manager secret ARN (optionally with a
     * {@code :json-key:version-stage:version-id} suffix) or an SSM parameter ARN.
     *
     * @param text the reference
     * @return what is wrong, or empty
     */
    public static Optional<String> valueFromProblem(String text) {
        Optional<Arn> parsed = parse(text);
        if (parsed.isPresent() && parsed.get().service().equals("ssm")) {
            return parameterArnProblem(text);
        }
        if (parsed.isPresent() && parsed.get().service().equals("secretsmanager")) {
            return secretArnProblem(text, true);
        }
        return Optional.of("'" + text + "' is neither a Secrets Manager secret ARN nor an SSM parameter ARN");
    }

    /**
     * The ARN of the secret itself, without a {@code :json-key:version-stage:version-id} suffix: what an IAM policy
     * names.
     *
     * @param secretArn a complete secret ARN, possibly with a JSON-key suffix
     * @return the secret's ARN
     */
    public static String secretWithoutJsonKey(String secretArn) {
        String[] parts = secretArn.split(":", -1);
        return parts.length <= 7 ? secretArn : String.join(":", java.util.Arrays.copyOf(parts, 7));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
