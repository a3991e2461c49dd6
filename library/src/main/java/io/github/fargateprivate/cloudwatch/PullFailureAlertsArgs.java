package io.github.fargateprivate.cloudwatch;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link PullFailureAlerts}: the ECS service whose tasks are watched (wiring: its cluster and name) and the
 * SNS topic the alerts go to. Immutable; build with {@link #builder()}; missing fields are reported by the component,
 * with every other problem.
 */
public final class PullFailureAlertsArgs extends ResourceArgs {

    /** CreateTopic (SNS API reference): 1-256 ASCII letters, digits, '_' and '-'; a FIFO topic's ends in ".fifo". */
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern CLUSTER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255}");
    /** CreateService (ECS API reference): up to 255 letters, digits, '-' and '_'. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /** The cluster of the service, e.g. {@code EcsService#clusterArn()}. Required. */
    private Value<String> clusterArn;

    /** The ECS service whose tasks are watched, e.g. {@code EcsService#serviceName()}. Required. */
    private Value<String> serviceName;

    /**
     * The standard SNS topic of the stack's account and region that the alerts go to. Its access policy must allow
     * {@code events.amazonaws.com} to {@code sns:Publish} to it, and a topic encrypted with a customer managed KMS
     * key needs a key policy that lets {@code events.amazonaws.com} use {@code kms:GenerateDataKey*} and
     * {@code kms:Decrypt} ({@link PullFailureAlerts} names the pages). The component changes neither policy.
     * Required.
     */
    private Value<String> topicArn;

    /** Tags of the rule. Default: none. */
    private Map<String, String> tags = Map.of();

    private PullFailureAlertsArgs() {
    }

    /** @return the cluster, if given */
    public Optional<Value<String>> clusterArn() {
        return Optional.ofNullable(clusterArn);
    }

    /** @return the service's name, if given */
    public Optional<Value<String>> serviceName() {
        return Optional.ofNullable(serviceName);
    }

    /** @return the topic, if given */
    public Optional<Value<String>> topicArn() {
        return Optional.ofNullable(topicArn);
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * The args' values, checked.
     *
     * @param clusterArn  the cluster
     * @param serviceName the service's name
     * @param topicArn    the topic
     */
    public record Checked(Output<String> clusterArn, Output<String> serviceName, Output<String> topicArn) {
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @param env      where the rule is created: the topic must be of its account and region
     * @return the checked values; null when a required one is missing
     */
    public Checked validate(Problems problems, AwsEnvironment env) {
        problems.add("tags", Rules.tags(tags));
        Output<String> topic = topicArn == null ? null : problems.check("topicArn", topicArn,
                arn -> topicProblem(arn, env));
        if (topicArn == null) {
            problems.add("topicArn", "required: the SNS topic the alerts go to, arn:aws:sns:" + env.region() + ":"
                    + env.accountId() + ":NAME");
        }
        if (clusterArn == null) {
            problems.add("clusterArn", "required: the service's cluster (EcsService#clusterArn())");
        }
        if (serviceName == null) {
            problems.add("serviceName", "required: the service's name (EcsService#serviceName())");
        }
        if (topic == null || clusterArn == null || serviceName == null) {
            return null;
        }
        return new Checked(problems.check("clusterArn", clusterArn, a -> CLUSTER_ARN.matcher(a).matches()
                        ? Optional.empty() : Optional.of("'" + a + "' is not an ECS cluster ARN "
                        + "(arn:aws:ecs:REGION:ACCOUNT:cluster/NAME)")),
                problems.check("serviceName", serviceName, n -> SERVICE_NAME.matcher(n).matches() ? Optional.empty()
                        : Optional.of("'" + n + "' is not an ECS service name (1-255 letters, digits, '-', '_')")),
                topic);
    }

    /**
     * @param topicArn a topic's ARN
     * @param env      the rule's account and region
     * @return what is wrong with it as the target of a rule of that account and region, or empty
     */
    public static Optional<String> topicProblem(String topicArn, AwsEnvironment env) {
        String expected = "arn:" + env.partition() + ":sns:" + env.region() + ":" + env.accountId() + ":NAME";
        Optional<Arn> arn = Arn.parse(topicArn);
        if (arn.isEmpty() || !arn.get().service().equals("sns") || !TOPIC_NAME.matcher(arn.get().resource()).matches()
                || arn.get().account().isEmpty()) {
            return Optional.of("'" + topicArn + "' is not an SNS topic ARN (" + expected + "; aws sns list-topics "
                    + "--region " + env.region() + ")");
        }
        if (!arn.get().region().equals(env.region()) || !arn.get().account().equals(env.accountId())) {
            // "The targets you associate with a rule must be in the same Region as the rule" (AWS re:Post knowledge
            // center, https://repost.aws/knowledge-center/sns-not-getting-eventbridge-notification).
            return Optional.of("the topic is in " + arn.get().region() + " of account " + arn.get().account()
                    + ", but the rule is in " + env.region() + " of account " + env.accountId() + ", and a rule "
                    + "delivers to a target of its own region; give a topic of the stack's account and region, "
                    + expected);
        }
        if (arn.get().resource().endsWith(".fifo")) {
            // Publish (SNS API reference): a FIFO topic needs a MessageGroupId on every message, which a rule target
            // of com.pulumi:aws 6.x cannot set (EventTarget has SQS parameters, no SNS ones).
            return Optional.of("'" + topicArn + "' is a FIFO topic, which takes only messages with a "
                    + "MessageGroupId, and this rule's target sets none; give a standard topic");
        }
        return Optional.empty();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PullFailureAlertsArgs}. */
    public static final class Builder {
        private PullFailureAlertsArgs args = new PullFailureAlertsArgs();

        private Builder() {
        }

        private PullFailureAlertsArgs args() {
            if (args == null) {
                throw new IllegalStateException("PullFailureAlertsArgs.Builder: build() was called already; args are "
                        + "immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param clusterArn the service's cluster, e.g. {@code EcsService#clusterArn()}
         * @return this builder
         */
        public Builder clusterArn(Output<String> clusterArn) {
            args().clusterArn = Value.of(clusterArn);
            return this;
        }

        /**
         * @param clusterArn the service's cluster
         * @return this builder
         */
        public Builder clusterArn(String clusterArn) {
            args().clusterArn = Value.of(clusterArn);
            return this;
        }

        /**
         * @param serviceName the service's name, e.g. {@code EcsService#serviceName()}
         * @return this builder
         */
        public Builder serviceName(Output<String> serviceName) {
            args().serviceName = Value.of(serviceName);
            return this;
        }

        /**
         * @param serviceName the service's name
         * @return this builder
         */
        public Builder serviceName(String serviceName) {
            args().serviceName = Value.of(serviceName);
            return this;
        }

        /**
         * @param topicArn the SNS topic the alerts go to, e.g. {@code aws.sns.Topic#arn()}
         * @return this builder
         */
        public Builder topicArn(Output<String> topicArn) {
            args().topicArn = Value.of(topicArn);
            return this;
        }

        /**
         * @param topicArn the SNS topic the alerts go to
         * @return this builder
         */
        public Builder topicArn(String topicArn) {
            args().topicArn = Value.of(topicArn);
            return this;
        }

        /**
         * @param tags tags of the rule
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public PullFailureAlertsArgs build() {
            PullFailureAlertsArgs built = args();
            args = null;
            return built;
        }
    }
}
