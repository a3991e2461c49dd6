package io.github.fargateprivate.elasticloadbalancingv2;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link ApplicationLoadBalancer}. Immutable; build with {@link #builder()}. */
public final class ApplicationLoadBalancerArgs extends ResourceArgs {

    /** Default of {@link #deregistrationDelaySeconds()}: 30 s. */
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;

    /** The VPC of the load balancer and its target group. Required. */
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;

    /** Public subnets for the load balancer, at least two in different availability zones. Required. */
    @Import(name = "subnetIds", required = true)
    private Output<List<String>> subnetIds;

    /** The port the targets (containers) listen on; the target group sends traffic and health checks there. Required. */
    @Import(name = "targetPort", required = true)
    private Integer targetPort;

    /** Port of the HTTP listener. Default: 80. */
    @Import(name = "listenerPort")
    private Integer listenerPort;

    /** Path the target group health-checks. Default: {@code /actuator/health}, Spring Boot Actuator's endpoint. */
    @Import(name = "healthCheckPath")
    private String healthCheckPath;

    /**
     * ACM certificate for an HTTPS listener on 443; with it the HTTP listener redirects to HTTPS (HTTP 301).
     * Default: none, HTTP only.
     */
    @Import(name = "certificateArn")
    private String certificateArn;

    /** TLS policy of the HTTPS listener. Default: {@code ELBSecurityPolicy-TLS13-1-3-2021-06} (TLS 1.3 only). */
    @Import(name = "sslPolicy")
    private String sslPolicy;

    /**
     * Whether the load balancer is internal (private IPs only, reachable from the VPC and what is routed to it).
     * Default: false, internet-facing.
     */
    @Import(name = "internal")
    private Boolean internal;

    /**
     * IPv4 CIDR blocks the listeners admit. Default: {@code 0.0.0.0/0} for an internet-facing load balancer, the
     * VPC's CIDR for an internal one.
     */
    @Import(name = "ingressCidrBlocks")
    private List<String> ingressCidrBlocks;

    /** Whether the load balancer is protected from deletion. Default: false, so that dev stacks can be destroyed. */
    @Import(name = "deletionProtection")
    private Boolean deletionProtection;

    /** S3 bucket for access logs; its policy must let the ELB service write. Default: none, no access logs. */
    @Import(name = "accessLogsBucket")
    private String accessLogsBucket;

    /**
     * Seconds the target group lets in-flight requests finish before a deregistered target is dropped. Default: 30 s,
     * because a Spring Boot request rarely takes longer and AWS's 300 s makes every rollout wait five minutes; keep
     * it at most the container's stop timeout.
     */
    @Import(name = "deregistrationDelaySeconds")
    private Integer deregistrationDelaySeconds;

    private ApplicationLoadBalancerArgs() {
    }

    /** @return the VPC id */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** @return the load balancer's subnets */
    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    /** @return the targets' port */
    public int targetPort() {
        return targetPort;
    }

    /** @return the HTTP listener's port */
    public int listenerPort() {
        return listenerPort == null ? 80 : listenerPort;
    }

    /** @return the health-check path */
    public String healthCheckPath() {
        return healthCheckPath == null ? "/actuator/health" : healthCheckPath;
    }

    /** @return the HTTPS certificate, if any */
    public Optional<String> certificateArn() {
        return Optional.ofNullable(certificateArn);
    }

    /** @return the HTTPS listener's TLS policy */
    public String sslPolicy() {
        return sslPolicy == null ? "ELBSecurityPolicy-TLS13-1-3-2021-06" : sslPolicy;
    }

    /** @return whether the load balancer is internal */
    public boolean internal() {
        return internal != null && internal;
    }

    /** @return the CIDR blocks the listeners admit, if set; otherwise the default described on the field */
    public Optional<List<String>> ingressCidrBlocks() {
        return Optional.ofNullable(ingressCidrBlocks);
    }

    /** @return whether deletion protection is on */
    public boolean deletionProtection() {
        return deletionProtection != null && deletionProtection;
    }

    /** @return the access-log bucket, if any */
    public Optional<String> accessLogsBucket() {
        return Optional.ofNullable(accessLogsBucket);
    }

    /** @return the deregistration delay in seconds */
    public int deregistrationDelaySeconds() {
        return deregistrationDelaySeconds == null ? DEFAULT_DEREGISTRATION_DELAY_SECONDS : deregistrationDelaySeconds;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ApplicationLoadBalancerArgs}. */
    public static final class Builder {
        private ApplicationLoadBalancerArgs args = new ApplicationLoadBalancerArgs();

        private Builder() {
        }

        private ApplicationLoadBalancerArgs args() {
            if (args == null) {
                throw new IllegalStateException("ApplicationLoadBalancerArgs.Builder: build() was called already; args are immutable, "
                        + "start a new builder");
            }
            return args;
        }

        /**
         * Sets the VPC of the load balancer and its target group.
         *
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(Output<String> vpcId) {
            args().vpcId = vpcId;
            return this;
        }

        /**
         * Sets the load balancer's public subnets.
         *
         * @param subnetIds at least two public subnets
         * @return this builder
         */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args().subnetIds = subnetIds;
            return this;
        }

        /**
         * Sets the port the targets listen on.
         *
         * @param targetPort the containers' port
         * @return this builder
         */
        public Builder targetPort(int targetPort) {
            args().targetPort = targetPort;
            return this;
        }

        /**
         * Sets the port of the HTTP listener.
         *
         * @param listenerPort the HTTP listener's port
         * @return this builder
         */
        public Builder listenerPort(Integer listenerPort) {
            args().listenerPort = listenerPort;
            return this;
        }

        /**
         * Sets the path the target group health-checks.
         *
         * @param healthCheckPath the path to health-check
         * @return this builder
         */
        public Builder healthCheckPath(String healthCheckPath) {
            args().healthCheckPath = healthCheckPath;
            return this;
        }

        /**
         * Sets the ACM certificate that turns on the HTTPS listener.
         *
         * @param certificateArn an ACM certificate ARN, or null
         * @return this builder
         */
        public Builder certificateArn(String certificateArn) {
            args().certificateArn = certificateArn;
            return this;
        }

        /**
         * Sets the TLS policy of the HTTPS listener.
         *
         * @param sslPolicy the HTTPS listener's TLS policy
         * @return this builder
         */
        public Builder sslPolicy(String sslPolicy) {
            args().sslPolicy = sslPolicy;
            return this;
        }

        /**
         * Makes the load balancer internal or internet-facing.
         *
         * @param internal whether it is internal; null for the default (internet-facing)
         * @return this builder
         */
        public Builder internal(Boolean internal) {
            args().internal = internal;
            return this;
        }

        /**
         * Sets the CIDR blocks the listeners admit.
         *
         * @param cidrBlocks IPv4 CIDR blocks; null for the default
         * @return this builder
         */
        public Builder ingressCidrBlocks(List<String> cidrBlocks) {
            args().ingressCidrBlocks = cidrBlocks == null ? null : List.copyOf(cidrBlocks);
            return this;
        }

        /**
         * Turns deletion protection on or off.
         *
         * @param deletionProtection whether to protect from deletion
         * @return this builder
         */
        public Builder deletionProtection(Boolean deletionProtection) {
            args().deletionProtection = deletionProtection;
            return this;
        }

        /**
         * Sets the S3 bucket for access logs.
         *
         * @param accessLogsBucket the access-log bucket, or null
         * @return this builder
         */
        public Builder accessLogsBucket(String accessLogsBucket) {
            args().accessLogsBucket = accessLogsBucket;
            return this;
        }

        /**
         * Sets how long in-flight requests may finish before a deregistered target is dropped.
         *
         * @param seconds the deregistration delay
         * @return this builder
         */
        public Builder deregistrationDelaySeconds(Integer seconds) {
            args().deregistrationDelaySeconds = seconds;
            return this;
        }

        /**
         * @return the immutable args
         * @throws NullPointerException naming a missing required field
         */
        public ApplicationLoadBalancerArgs build() {
            Objects.requireNonNull(args().vpcId, "ApplicationLoadBalancerArgs.vpcId is required");
            Objects.requireNonNull(args().subnetIds, "ApplicationLoadBalancerArgs.subnetIds is required");
            Objects.requireNonNull(args().targetPort, "ApplicationLoadBalancerArgs.targetPort is required");
            ApplicationLoadBalancerArgs built = args();
            args = null;
            return built;
        }
    }
}
