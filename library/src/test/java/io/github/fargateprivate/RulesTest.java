package io.github.fargateprivate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/8", "172.31.0.0/16", "203.0.113.7/32", "255.255.255.255/32",
            "100.64.0.0/10", "192.168.1.128/25"})
    void networkAddressesAreCidrBlocks(String block) {
        assertEquals(Optional.empty(), Rules.cidr(block));
        assertEquals(Optional.empty(), Rules.cidrSuggestion(block));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "256.0.0.0/8", "10.0.0/16", "10.0.0.0", "10.0.0.0/", "010.0.0.0/8",
            "10.0.0.0/08", "2001:db8::/32", "", " 10.0.0.0/8", "ten/8"})
    void otherTextsAreNot(String text) {
        assertEquals(Optional.of("'" + text + "' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)"), Rules.cidr(text));
    }

    @Test
    void nullIsNoCidrBlock() {
        assertEquals(Optional.of("'null' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)"), Rules.cidr(null));
        assertEquals(Optional.empty(), Rules.cidrSuggestion(null));
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7/24, 203.0.113.0/24", "10.1.2.3/8, 10.0.0.0/8", "192.168.1.129/25, 192.168.1.128/25",
            "1.2.3.4/0, 0.0.0.0/0"})
    void aBlockWithHostBitsSetIsRefusedWithItsNetworkAddressSuggested(String block, String network) {
        assertEquals(Optional.of("'" + block + "' has host bits set; the AWS provider takes only a block's network "
                + "address, here " + network), Rules.cidr(block));
        assertEquals(Optional.of(network), Rules.cidrSuggestion(block));
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7, 203.0.113.7/32", "0.0.0.0, 0.0.0.0/32"})
    void aBareAddressIsOfferedAsItsSlash32(String address, String block) {
        assertEquals(Optional.of(block), Rules.cidrSuggestion(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.0.0.1", "10.0.0.0/33", "example.com"})
    void nothingIsSuggestedForWhatIsNoAddress(String text) {
        assertEquals(Optional.empty(), Rules.cidrSuggestion(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-alb-logs", "abc", "logs.acme.example"})
    void s3BucketNamesPass(String bucket) {
        assertEquals(Optional.empty(), Rules.bucketName(bucket));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "My_Logs", "-logs", "logs-", "logs..acme", ".logs"})
    void otherBucketNamesAreRefused(String bucket) {
        assertEquals(Optional.of("'" + bucket + "' is not an S3 bucket name (3-63 lower-case letters, digits, '.', "
                + "'-')"), Rules.bucketName(bucket));
    }

    @Test
    void bucketNamesHaveAtMost63Characters() {
        assertEquals(Optional.empty(), Rules.bucketName("a".repeat(63)));
        assertTrue(Rules.bucketName("a".repeat(64)).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"0, '0 is not a TCP port (1-65535)'", "65536, '65536 is not a TCP port (1-65535)'"})
    void portsOutsideTcpAreRefused(int port, String message) {
        assertEquals(Optional.of(message), Rules.port(port));
        assertEquals(Optional.empty(), Rules.port(1));
        assertEquals(Optional.empty(), Rules.port(65535));
    }

    @Test
    void tagsWithinAwsLimitsPassAndEachLimitIsNamed() {
        assertEquals(Optional.empty(), Rules.tags(java.util.Map.of("team", "payments", "env", "")));
        assertEquals(Optional.of("key 'aws:owner' starts with aws:, which AWS keeps for its own tags"),
                Rules.tags(java.util.Map.of("aws:owner", "x")));
        assertEquals(Optional.of("key '" + "k".repeat(129) + "' is not 1-128 characters long"),
                Rules.tags(java.util.Map.of("k".repeat(129), "x")));
        assertEquals(Optional.of("the value of 'team' is longer than 256 characters"),
                Rules.tags(java.util.Map.of("team", "v".repeat(257))));
        var many = new java.util.HashMap<String, String>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertEquals(Optional.of("51 tags, but AWS takes at most 50 per resource"), Rules.tags(many));
    }

    @Test
    void resourceNamesTakeWhatEcsAndElbTake() {
        assertEquals(Optional.empty(), Rules.resourceName("orders-api_2", "the service"));
        assertEquals(Optional.of("'orders.api' cannot name the service, which take only letters, digits, '-' and "
                + "'_'"), Rules.resourceName("orders.api", "the service"));
    }
}
