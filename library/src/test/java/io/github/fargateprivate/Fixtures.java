package io.github.fargateprivate;

import java.util.List;

/** Values the component tests give as args: well-formed ARNs and ids of the mocks' account and region. */
public final class Fixtures {

    /** An image on a registry that needs credentials. */
    public static final String GHCR_IMAGE = "ghcr.io/acme/app:1.2.3";
    /** The mocks' account's ECR registry in their region, where a pull-through cache serves its images. */
    public static final String ECR_REGISTRY = "123456789012.dkr.ecr.eu-central-1.amazonaws.com";
    /** An image on ECR, which needs none. */
    public static final String ECR_IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1.0.0";
    /** An app secret. */
    public static final String DB_SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf";
    /** An app secret kept as an SSM parameter. */
    public static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";
    /** An existing secret holding registry credentials. */
    public static final String REGISTRY_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-AbCdEf";
    /** A customer managed KMS key. */
    public static final String KEY =
            "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    /** An existing task role. */
    public static final String TASK_ROLE = "arn:aws:iam::123456789012:role/app";
    /** A load balancer's security group. */
    public static final String LB_SECURITY_GROUP = "sg-0123456789abcdef0";
    /** Subnets for tasks without a public IP. */
    public static final List<String> PRIVATE_SUBNETS = List.of("subnet-0c0c0c0c0c0c0c0c0", "subnet-0d0d0d0d0d0d0d0d0");
    /** The invoke that reads a secret's versions. */
    public static final String SECRET_VERSIONS = "aws:secretsmanager/getSecretVersions:getSecretVersions";
    /** The invoke that reads a parameter. */
    public static final String GET_PARAMETER = "aws:ssm/getParameter:getParameter";

    private Fixtures() {
    }
}
