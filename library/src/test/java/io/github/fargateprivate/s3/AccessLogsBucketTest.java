package io.github.fargateprivate.s3;

import com.google.gson.Gson;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogsBucketTest {

    private static final NetworkArgs NETWORK = NetworkArgs.builder().vpcId("vpc-0123456789abcdef0")
            .publicSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")).build();

    private static OfflineRun bucket(String region) {
        return OfflineRun.of(ctx -> new AccessLogsBucket("logs", AccessLogsBucketArgs.builder().prefix("web")
                .expirationDays(30).tags(Map.of("team", "payments")).build()), new OfflineMocks(region)).ok();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> principal(OfflineRun run) {
        return new Gson().fromJson(run.statements("logs-policy", "policy").get(0).get("Principal"), Map.class);
    }

    @Test
    void aRegionOpenedBeforeAugust2022LetsItsElbAccountWriteExactlyThePrefix() {
        var run = bucket("us-east-1");
        assertEquals(Map.of("AWS", "arn:aws:iam::127311923021:root"), principal(run));
        String arn = run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals("logs-bucket.arn"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        var delivery = run.statements("logs-policy", "policy").get(0);
        assertEquals("s3:PutObject", delivery.get("Action").getAsString());
        assertEquals(arn + "/web/AWSLogs/" + OfflineMocks.ACCOUNT + "/*", delivery.get("Resource").getAsString());
        assertEquals(30.0, ((Map<?, ?>) ((Map<?, ?>) OfflineRun.blocks(run.inputs("logs-lifecycle"), "rules").get(0))
                .get("expiration")).get("days"));
        assertEquals(Map.of("team", "payments"), run.inputs("logs-bucket").get("tags"));
    }

    @Test
    void aNewerRegionUsesTheLogDeliveryServicePrincipal() {
        assertEquals(Map.of("Service", AccessLogsBucket.LOG_DELIVERY_PRINCIPAL), principal(bucket("ap-south-2")));
    }

    @Test
    void aBadPrefixIsRefusedBeforeAnyResource() {
        var run = OfflineRun.of(ctx -> new AccessLogsBucket("logs", AccessLogsBucketArgs.builder().prefix("AWSLogs/x")
                .build()), new OfflineMocks());
        assertTrue(run.failure().contains("prefix: 'AWSLogs/x' is not a key prefix ELB accepts"), run.failure());
        assertEquals(List.of(), run.mocks().awsResources());
    }

    @Test
    void theLoadBalancerCreatesTheBucketOnlyWhenAskedAndNoneIsGiven() {
        var created = OfflineRun.of(ctx -> new ApplicationLoadBalancer("lb", ApplicationLoadBalancerArgs.builder()
                .network(NETWORK).accessLogs(true).build()), new OfflineMocks()).ok();
        Set<String> children = created.mocks().registrations().stream().map(OfflineMocks.Registration::name)
                .filter(n -> n.startsWith("lb-access-logs")).collect(Collectors.toSet());
        assertEquals(Set.of("lb-access-logs", "lb-access-logs-bucket", "lb-access-logs-encryption",
                "lb-access-logs-public-access", "lb-access-logs-ownership", "lb-access-logs-lifecycle",
                "lb-access-logs-policy"), children);
        var given = OfflineRun.of(ctx -> new ApplicationLoadBalancer("lb", ApplicationLoadBalancerArgs.builder()
                .network(NETWORK).accessLogs(true).accessLogsBucket("acme-alb-logs").build()), new OfflineMocks()).ok();
        assertTrue(given.mocks().ofType(AccessLogsBucket.TYPE).isEmpty());
        assertEquals("acme-alb-logs", OfflineRun.block(given.inputs("lb-alb"), "accessLogs").get("bucket"));
        var none = OfflineRun.of(ctx -> new ApplicationLoadBalancer("lb", ApplicationLoadBalancerArgs.builder()
                .network(NETWORK).build()), new OfflineMocks()).ok();
        assertTrue(!none.inputs("lb-alb").containsKey("accessLogs"), "off by default");
        var contradiction = OfflineRun.of(ctx -> new ApplicationLoadBalancer("lb", ApplicationLoadBalancerArgs.builder()
                .network(NETWORK).accessLogs(false).accessLogsBucket("acme-alb-logs").build()), new OfflineMocks());
        assertTrue(contradiction.failure().contains("accessLogs: false, but accessLogsBucket is given"));
    }
}
