package io.github.fargateprivate.cloudwatch;

import com.pulumi.core.Output;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link PullFailureAlerts}: the ECS service whose tasks are watched (wiring: its cluster and name) and the
 * SNS topic the alerts go to. Immutable; build with {@link #builder()}, change with {@link #toBuilder()}; missing
 * fields are reported by the component, with every other problem.
 *
 * <p>One type, not options apart from wiring: the topic and the tags are all a user could set, and a load-balanced
 * service takes them as its own {@code pullFailureTopicArn} and {@code tags}, so no composite would hold such options.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
public abstract class PullFailureAlertsArgs implements Options<PullFailureAlertsArgs> {

    /** CreateTopic (SNS API reference): 1-256 ASCII letters, digits, '_' and '-'; a FIFO topic's ends in ".fifo". */
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern CLUSTER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255}");
    /** CreateService (ECS API reference): up to 255 letters, digits, '-' and '_'. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /** @return the cluster of the service, e.g. {@code EcsService#clusterArn()}. Required */
    public abstract Optional<Value<String>> clusterArn();

    /** @return the ECS service whose tasks are watched, e.g. {@code EcsService#serviceName()}. Required */
    public abstract Optional<Value<String>> serviceName();

    /**
     * @return the standard SNS topic of the stack's account and region that the alerts go to. Its access policy must
     *     allow {@code events.amazonaws.com} to {@code sns:Publish} to it, and a topic encrypted with a customer
     *     managed KMS key needs a key policy that lets {@code events.amazonaws.com} use {@code kms:GenerateDataKey*}
     *     and {@code kms:Decrypt} ({@link PullFailureAlerts} names the pages). The component changes neither policy.
     *     Required
     */
    public abstract Optional<Value<String>> topicArn();

    /** @return tags of the rule. Default: none */
    public abstract Map<String, String> tags();

    /**
     * Checks the tags and the service watched; the topic's rules need the rule's account and region, and are
     * {@link #checkAccountAndRegion(Problems, AwsEnvironment)}'s.
     *
     * @param problems where problems go
     * @return these args, the cluster and the service's name of another resource carrying their checks
     */
    @Override
    public PullFailureAlertsArgs validate(Problems problems) {
        problems.add("tags", Rules.tags(tags()));
        if (clusterArn().isEmpty()) {
            problems.add("clusterArn", "required: the service's cluster (EcsService#clusterArn())");
        }
        if (serviceName().isEmpty()) {
            problems.add("serviceName", "required: the service's name (EcsService#serviceName())");
        }
        return builder().from(this)
                .clusterArn(clusterArn().map(c -> problems.checked("clusterArn", c, a -> CLUSTER_ARN.matcher(a)
                        .matches() ? Optional.empty() : Optional.of("'" + a + "' is not an ECS cluster ARN "
                        + "(arn:aws:ecs:REGION:ACCOUNT:cluster/NAME)"))))
                .serviceName(serviceName().map(s -> problems.checked("serviceName", s, n -> SERVICE_NAME.matcher(n)
                        .matches() ? Optional.empty()
                        : Optional.of("'" + n + "' is not an ECS service name (1-255 letters, digits, '-', '_')"))))
                .build();
    }

    /**
     * Checks the topic, which must be a standard topic of the rule's account and region
     * ({@link #topicProblem(String, AwsEnvironment)}).
     *
     * @param problems where problems go
     * @param env      where the rule is created
     * @return these args, a topic of another resource carrying its check
     */
    public PullFailureAlertsArgs checkAccountAndRegion(Problems problems, AwsEnvironment env) {
        if (topicArn().isEmpty()) {
            problems.add("topicArn", "required: the SNS topic the alerts go to, arn:aws:sns:" + env.region() + ":"
                    + env.accountId() + ":NAME");
            return this;
        }
        return builder().from(this)
                .topicArn(problems.checked("topicArn", topicArn().get(), arn -> topicProblem(arn, env)))
                .build();
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

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link PullFailureAlertsArgs}. */
    public static final class Builder extends ImmutablePullFailureAlertsArgs.Builder {
        Builder() {
        }

        /**
         * @param clusterArn the service's cluster, e.g. {@code EcsService#clusterArn()}
         * @return this builder
         */
        public Builder clusterArn(Output<String> clusterArn) {
            return clusterArn(Value.of(clusterArn));
        }

        /**
         * @param clusterArn the service's cluster
         * @return this builder
         */
        public Builder clusterArn(String clusterArn) {
            return clusterArn(Value.of(clusterArn));
        }

        /**
         * @param serviceName the service's name, e.g. {@code EcsService#serviceName()}
         * @return this builder
         */
        public Builder serviceName(Output<String> serviceName) {
            return serviceName(Value.of(serviceName));
        }

        /**
         * @param serviceName the service's name
         * @return this builder
         */
        public Builder serviceName(String serviceName) {
            return serviceName(Value.of(serviceName));
        }

        /**
         * @param topicArn the SNS topic the alerts go to, e.g. {@code aws.sns.Topic#arn()}
         * @return this builder
         */
        public Builder topicArn(Output<String> topicArn) {
            return topicArn(Value.of(topicArn));
        }

        /**
         * @param topicArn the SNS topic the alerts go to
         * @return this builder
         */
        public Builder topicArn(String topicArn) {
            return topicArn(Value.of(topicArn));
        }
    }
}
