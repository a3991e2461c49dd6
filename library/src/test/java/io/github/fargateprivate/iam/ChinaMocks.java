package io.github.fargateprivate.iam;

import io.github.fargateprivate.testing.OfflineMocks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Mocks of a stack in the {@code aws-cn} partition, whose ARNs and endpoints differ from the {@code aws} ones. */
public final class ChinaMocks extends OfflineMocks {

    /** The region the default provider reports. */
    public static final String REGION = "cn-north-1";

    /** Mocks whose default provider is in {@link #REGION} of {@code aws-cn}. */
    public ChinaMocks() {
        super(REGION);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        var answer = super.callAsync(args);
        return "aws:index/getPartition:getPartition".equals(args.token)
                ? CompletableFuture.completedFuture(Map.of("partition", "aws-cn", "id", "aws-cn",
                "dnsSuffix", "amazonaws.com.cn", "reverseDnsPrefix", "cn.com.amazonaws"))
                : answer;
    }
}
