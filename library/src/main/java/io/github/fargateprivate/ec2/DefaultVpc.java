package io.github.fargateprivate.ec2;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetSubnetsArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsFilterArgs;
import com.pulumi.aws.ec2.inputs.GetVpcArgs;
import com.pulumi.aws.ec2.outputs.GetSubnetsResult;
import com.pulumi.aws.ec2.outputs.GetVpcResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The account's default VPC and its default subnets (one public subnet per availability zone), looked up with the
 * provider's functions; no resource is created.
 *
 * <p>The default VPC has no NAT gateway and no private subnet, so tasks placed there run in the public subnets with
 * a public IP. Accounts created by AWS Organizations or Control Tower often have no default VPC: the lookup then fails
 * with AWS's "no matching VPC found"; give a {@link NetworkArgs} instead.
 */
public final class DefaultVpc {

    private DefaultVpc() {
    }

    /**
     * @param component the component whose provider answers: its region's default VPC; null for the default
     *                  provider
     * @return the default VPC, with its default subnets as the load balancer's (and the tasks') subnets
     */
    public static NetworkArgs lookup(Resource component) {
        var options = component == null ? InvokeOptions.Empty : InvokeOptions.builder().parent(component).build();
        Output<String> vpcId = Ec2Functions.getVpc(GetVpcArgs.builder().default_(true).build(), options)
                .applyValue(GetVpcResult::id);
        Output<List<String>> subnetIds = vpcId.apply(id -> Ec2Functions.getSubnets(GetSubnetsArgs.builder()
                        .filters(GetSubnetsFilterArgs.builder().name("vpc-id").values(id).build(),
                                GetSubnetsFilterArgs.builder().name("default-for-az").values("true").build())
                        .build(), options))
                .applyValue(GetSubnetsResult::ids);
        return NetworkArgs.builder().vpcId(vpcId).publicSubnetIds(subnetIds).build();
    }
}
