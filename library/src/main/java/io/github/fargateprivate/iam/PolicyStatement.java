package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Allow statement of a task role: actions on resources, each resource an ARN that may come from another
 * resource of the stack ({@code bucket.arn().applyValue(a -> a + "/*")}). Immutable; build with {@link #builder()}.
 *
 * <p>Least privilege is checked: no action {@code *} or {@code service:*}, no resource {@code *}, no wildcard in an
 * ARN's service, region or account ({@link PolicyDocument#scopedResourceProblem}).
 */
public final class PolicyStatement {

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");

    private final String sid;
    private final List<String> actions;
    private final List<Value<String>> resources;

    private PolicyStatement(String sid, List<String> actions, List<Value<String>> resources) {
        this.sid = sid;
        this.actions = List.copyOf(actions);
        this.resources = List.copyOf(resources);
    }

    /** @return the statement id */
    public String sid() {
        return sid;
    }

    /** @return the actions */
    public List<String> actions() {
        return actions;
    }

    /** @return the resources */
    public List<Value<String>> resources() {
        return resources;
    }

    /**
     * Checks the statement.
     *
     * @param problems where problems go, under this statement's field
     * @return the resources, checked
     */
    public List<Output<String>> validate(Problems problems) {
        if (sid == null || !SID.matcher(sid).matches()) {
            problems.add("sid", "'" + sid + "' is not a statement id (1-128 letters and digits)");
        }
        if (actions.isEmpty()) {
            problems.add("actions", "empty; name the actions the application calls, e.g. s3:GetObject");
        }
        for (String action : actions) {
            if (!ACTION.matcher(action).matches()) {
                problems.add("actions", "'" + action + "' is not an IAM action (service:Action, e.g. s3:GetObject)");
            } else if (action.endsWith(":*")) {
                problems.add("actions", "'" + action + "' allows every action of the service; name the actions");
            }
        }
        if (resources.isEmpty()) {
            problems.add("resources", "empty; name the ARNs the actions apply to");
        }
        List<Output<String>> checked = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            checked.add(problems.check("resources[" + i + "]", resources.get(i),
                    PolicyDocument::scopedResourceProblem));
        }
        return checked;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PolicyStatement}. */
    public static final class Builder {
        private String sid;
        private final List<String> actions = new ArrayList<>();
        private final List<Value<String>> resources = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param sid the statement id (letters and digits)
         * @return this builder
         */
        public Builder sid(String sid) {
            this.sid = sid;
            return this;
        }

        /**
         * @param action one more action, e.g. {@code s3:GetObject}
         * @return this builder
         */
        public Builder action(String action) {
            actions.add(action);
            return this;
        }

        /**
         * @param resource one more resource ARN
         * @return this builder
         */
        public Builder resource(String resource) {
            resources.add(Value.of(resource));
            return this;
        }

        /**
         * @param resource one more resource ARN, e.g. {@code bucket.arn().applyValue(a -> a + "/*")}
         * @return this builder
         */
        public Builder resource(Output<String> resource) {
            resources.add(Value.of(resource));
            return this;
        }

        /** @return the statement */
        public PolicyStatement build() {
            return new PolicyStatement(sid, actions, resources);
        }
    }
}
