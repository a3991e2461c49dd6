package io.github.fargateprivate.s3;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Problems;

import java.util.List;
import java.util.Map;

/**
 * An S3 bucket for a load balancer's access logs (Security Hub ELB.5), hardened the way Security Hub's S3 controls
 * ask: S3-managed encryption (the only one ELB log delivery supports), every public access blocked, object ownership
 * enforced (no ACLs), a lifecycle expiry, a policy that refuses requests without TLS, and the log-delivery
 * permission the region needs: the {@code logdelivery.elasticloadbalancing.amazonaws.com} service principal, or in
 * the regions that AWS opened before August 2022 the region's Elastic Load Balancing account (ELB user guide,
 * "Enable access logs for your Application Load Balancer"), allowed {@code s3:PutObject} on exactly
 * {@code <prefix>/AWSLogs/<account>/*}.
 *
 * <p>Children: {@code <name>-bucket}, {@code <name>-encryption}, {@code <name>-public-access},
 * {@code <name>-ownership}, {@code <name>-lifecycle}, {@code <name>-policy}.
 */
public class AccessLogsBucket extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:s3:AccessLogsBucket";
    /** The service principal that delivers ELB access logs in the regions that have it. */
    public static final String LOG_DELIVERY_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";
    /** The Elastic Load Balancing account of each region opened before August 2022, which delivers logs there. */
    public static final Map<String, String> ELB_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"), Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-southeast-3", "589379963580"), Map.entry("ap-south-1", "718504428378"),
            Map.entry("ap-northeast-3", "383597477331"), Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-northeast-1", "582318560864"), Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"), Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"), Map.entry("eu-south-1", "635631232127"),
            Map.entry("eu-west-3", "009996457667"), Map.entry("eu-north-1", "897822967062"),
            Map.entry("me-south-1", "076674570225"), Map.entry("sa-east-1", "507241528517"),
            Map.entry("us-gov-west-1", "048591011584"), Map.entry("us-gov-east-1", "190560391635"),
            Map.entry("cn-north-1", "638102146993"), Map.entry("cn-northwest-1", "037604701340"));

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final BucketV2 bucket;
    private final BucketPolicy policy;

    @Export(name = "bucketName", refs = {String.class}, tree = "[0]")
    private final Output<String> bucketName;

    /**
     * Creates the bucket and its settings.
     *
     * @param name    the component's name; children are named from it
     * @param args    the prefix, expiry and tags
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public AccessLogsBucket(String name, AccessLogsBucketArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var env = AwsEnvironment.of(this);
        validate(name, args);
        var children = Children.of(this, args.tags());
        this.bucket = children.create(BucketV2::new, name + "-bucket", BucketV2Args.builder()
                .bucketPrefix("alb-logs-").forceDestroy(args.forceDestroy()).build());
        var encryption = createEncryption(name, children);
        var publicAccess = createPublicAccessBlock(name, children);
        var ownership = createOwnershipControls(name, children);
        createLifecycle(name, args, children);
        // After the public-access block, so that S3 never sees the policy on a bucket that could still be public.
        this.policy = createPolicy(name, args.prefix().orElseThrow(), env, children,
                CustomResourceOptions.builder().dependsOn(publicAccess, ownership, encryption).build());

        // Handed out once the policy lets ELB write: a load balancer refuses a bucket it cannot write to.
        this.bucketName = Output.tuple(bucket.bucket(), policy.id()).applyValue(t -> t.t1);
        registerOutputs(Map.of("bucketName", bucketName));
    }

    /** Every problem of the args at once, before any child exists. */
    private static void validate(String name, AccessLogsBucketArgs args) {
        Problems.validated("AccessLogsBucket", name, args::validate);
    }

    /** S3-managed keys: the only encryption ELB log delivery supports. */
    private BucketServerSideEncryptionConfigurationV2 createEncryption(String name, Children children) {
        return children.create(BucketServerSideEncryptionConfigurationV2::new, name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder().sseAlgorithm("AES256").build())
                                .build())
                        .build());
    }

    private BucketPublicAccessBlock createPublicAccessBlock(String name, Children children) {
        return children.create(BucketPublicAccessBlock::new, name + "-public-access",
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build());
    }

    /** Object ownership enforced: no ACLs. */
    private BucketOwnershipControls createOwnershipControls(String name, Children children) {
        return children.create(BucketOwnershipControls::new, name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build());
    }

    /** Log objects under the prefix expire; incomplete uploads are aborted after 7 days. */
    private void createLifecycle(String name, AccessLogsBucketArgs args, Children children) {
        children.create(BucketLifecycleConfigurationV2::new, name + "-lifecycle",
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-access-logs")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix(args.prefix().orElseThrow() + "/").build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                        .days(args.expirationDays()).build())
                                .abortIncompleteMultipartUpload(
                                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                                .daysAfterInitiation(7).build())
                                .build())
                        .build());
    }

    private BucketPolicy createPolicy(String name, String prefix, AwsEnvironment env, Children children,
                                      CustomResourceOptions after) {
        return children.create(BucketPolicy::new, name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(arn -> policy(arn, prefix, env)))
                .build(), after);
    }

    /**
     * Creates the bucket with default component options.
     *
     * @param name the component's name
     * @param args the prefix, expiry and tags
     */
    public AccessLogsBucket(String name, AccessLogsBucketArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /** The bucket policy: TLS only, and log delivery on exactly this account's log prefix. */
    static String policy(String bucketArn, String prefix, AwsEnvironment env) {
        String elbAccount = ELB_ACCOUNTS.get(env.region());
        Object principal = elbAccount != null
                ? Map.of("AWS", "arn:" + env.partition() + ":iam::" + elbAccount + ":root")
                : Map.of("Service", LOG_DELIVERY_PRINCIPAL);
        var delivery = OrderedJson.object("Sid", "ElbLogDelivery", "Effect", "Allow", "Principal", principal,
                "Action", "s3:PutObject",
                "Resource", bucketArn + "/" + prefix + "/AWSLogs/" + env.accountId() + "/*");
        var tlsOnly = OrderedJson.object("Sid", "DenyWithoutTls", "Effect", "Deny", "Principal", "*",
                "Action", "s3:*", "Resource", List.of(bucketArn, bucketArn + "/*"),
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        return GSON.toJson(OrderedJson.object("Version", "2012-10-17", "Statement", List.of(delivery, tlsOnly)));
    }

    /** @return the bucket */
    public BucketV2 bucket() {
        return bucket;
    }

    /** @return the bucket policy */
    public BucketPolicy policy() {
        return policy;
    }

    /** @return the bucket's name, resolving once ELB may write to it */
    public Output<String> bucketName() {
        return bucketName;
    }
}
