package io.github.fargateprivate.ec2;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetSubnetsArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsFilterArgs;
import com.pulumi.aws.ec2.inputs.GetVpcArgs;
import com.pulumi.aws.ec2.outputs.GetSubnetsResult;
import com.pulumi.aws.ec2.outputs.GetVpcResult;
import com.pulumi.core.Output;

import java.util.List;

/**
 * The account's default VPC in the stack's region and its default subnets (one public subnet per availability
 * zone), looked up with the provider's functions; no resource is created.
 *
 * <p>The default VPC has no NAT gateway, so tasks placed there need a public IP to reach a registry outside AWS.
 *
 * @param vpcId     the default VPC's id
 * @param subnetIds its default subnets
 */
public record DefaultVpc(Output<String> vpcId, Output<List<String>> subnetIds) {

    /** @return the default VPC of the stack's region */
    public static DefaultVpc lookup() {
        Output<String> vpcId = Ec2Functions.getVpc(GetVpcArgs.builder().default_(true).build())
                .applyValue(GetVpcResult::id);
        Output<List<String>> subnetIds = vpcId.apply(id -> Ec2Functions.getSubnets(GetSubnetsArgs.builder()
                        .filters(GetSubnetsFilterArgs.builder().name("vpc-id").values(id).build(),
                                GetSubnetsFilterArgs.builder().name("default-for-az").values("true").build())
                        .build()))
                .applyValue(GetSubnetsResult::ids);
        return new DefaultVpc(vpcId, subnetIds);
    }
}
