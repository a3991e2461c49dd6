package io.github.fargateprivate.ec2;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.GetRouteTableArgs;
import com.pulumi.aws.ec2.outputs.GetRouteTableResult;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VPC endpoints a Fargate task in private subnets needs instead of a NAT gateway: interface endpoints (private
 * DNS on) for ECR's API and registry, CloudWatch Logs and, when the task reads such secrets, Secrets Manager and SSM;
 * and the S3 gateway endpoint on the private subnets' route tables, where ECR serves image layers from. The
 * interface endpoints' security group admits nothing until a service adds its rule (HTTPS from its tasks' security
 * group only). The VPC needs DNS support and DNS hostnames on for private DNS.
 *
 * <p>Children: {@code <name>-sg}, one {@code <name>-<service>} per interface endpoint (dots as dashes) and
 * {@code <name>-s3}.
 */
public class VpcEndpoints extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:ec2:VpcEndpoints";

    private final SecurityGroup securityGroup;
    private final Map<String, VpcEndpoint> interfaceEndpoints = new LinkedHashMap<>();
    private final VpcEndpoint s3;

    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    private final Output<String> securityGroupId;
    @Export(name = "s3PrefixListId", refs = {String.class}, tree = "[0]")
    private final Output<String> s3PrefixListId;

    /**
     * Creates the endpoints.
     *
     * @param name    the component's name; children are named from it
     * @param args    the VPC, subnets, services and route tables
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public VpcEndpoints(String name, VpcEndpointsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var env = AwsEnvironment.of(this);
        VpcEndpointsArgs checked = Problems.validated("VpcEndpoints", name, problems -> args.validate(problems));
        var children = Children.of(this, checked.tags());
        Output<String> vpcId = checked.vpcId().orElseThrow().output();
        Output<List<String>> subnets = checked.subnetIds().orElseThrow().output();
        Output<List<String>> routeTables = checked.routeTableIds().map(Value::output)
                .orElseGet(() -> routeTablesOf(subnets));

        // No inline rules: each service adds its own ingress rule (the services' groups and this one would otherwise
        // reference each other).
        this.securityGroup = children.create(SecurityGroup::new, AwsName.SECURITY_GROUP.child(name, "-sg"),
                SecurityGroupArgs.builder()
                        .description("VPC endpoints of " + name + ": HTTPS from the tasks' security groups only")
                        .vpcId(vpcId)
                        .build());
        for (String service : checked.services()) {
            var endpointArgs = VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(serviceName(env, service))
                    .vpcEndpointType("Interface")
                    .subnetIds(subnets)
                    .securityGroupIds(securityGroup.id().applyValue(List::of))
                    .privateDnsEnabled(true);
            interfaceEndpoints.put(service, children.create(VpcEndpoint::new, name + "-" + service.replace('.', '-'),
                    endpointArgs.build()));
        }
        this.s3 = children.create(VpcEndpoint::new, name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName(serviceName(env, "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(routeTables)
                .build());

        this.securityGroupId = securityGroup.id();
        this.s3PrefixListId = s3.prefixListId();
        registerOutputs(Map.of("securityGroupId", securityGroupId, "s3PrefixListId", s3PrefixListId));
    }

    /** The route tables of the subnets, each named once, looked up through this component's provider. */
    private Output<List<String>> routeTablesOf(Output<List<String>> subnets) {
        var invoke = InvokeOptions.builder().parent(this).build();
        return subnets.apply(ids -> Output.all(ids.stream().map(id -> Ec2Functions.getRouteTable(
                        GetRouteTableArgs.builder().subnetId(id).build(), invoke)
                .applyValue(GetRouteTableResult::routeTableId)).toList()))
                .applyValue(ids -> ids.stream().distinct().toList());
    }

    /**
     * The endpoint service's name. In the China regions ECR's endpoint services alone of these are named
     * {@code cn.com.amazonaws.REGION.ecr.*}; logs, Secrets Manager, SSM and the S3 gateway keep {@code com.amazonaws}
     * ({@code aws ec2 describe-vpc-endpoint-services}; AWS CDK's InterfaceVpcEndpointAwsService lists the same
     * exceptions).
     */
    private static String serviceName(AwsEnvironment env, String service) {
        boolean china = env.partition().equals("aws-cn") && service.startsWith("ecr.");
        return (china ? "cn.com.amazonaws." : "com.amazonaws.") + env.region() + "." + service;
    }

    /**
     * Creates the endpoints with default component options.
     *
     * @param name the component's name
     * @param args the VPC, subnets, services and route tables
     */
    public VpcEndpoints(String name, VpcEndpointsArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /** @return the interface endpoints' security group */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** @return the interface endpoints, by service */
    public Map<String, VpcEndpoint> interfaceEndpoints() {
        return Map.copyOf(interfaceEndpoints);
    }

    /** @return the S3 gateway endpoint */
    public VpcEndpoint s3() {
        return s3;
    }

    /** @return the interface endpoints' security group's id */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** @return the S3 prefix list the gateway endpoint routes, for a security group's egress */
    public Output<String> s3PrefixListId() {
        return s3PrefixListId;
    }
}
