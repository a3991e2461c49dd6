package io.github.fargateprivate.stack;

/**
 * Where the stack deploys: looked up before any resource exists, so that config that names another account or region
 * is reported together with every other problem.
 *
 * @param accountId the deploying account
 * @param region    the stack's region
 * @param partition the AWS partition, e.g. {@code aws}
 */
public record AwsEnvironment(String accountId, String region, String partition) {
}
