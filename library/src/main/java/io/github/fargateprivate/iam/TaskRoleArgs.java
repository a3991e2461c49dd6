package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inputs of {@link TaskRole}. Immutable; build with {@link #builder()}. */
public final class TaskRoleArgs extends ResourceArgs {

    /** What the application may do, each statement on named resources. Default: nothing. */
    private final List<PolicyStatement> statements = new ArrayList<>();

    /**
     * Whether the role may open ECS Exec sessions: the four {@code ssmmessages} channel actions that ECS Exec's agent
     * calls, on {@code *} because IAM offers no resource level for them. Default: false.
     */
    private boolean executeCommand;

    /** Tags of the role. Default: none. */
    private Map<String, String> tags = Map.of();

    private TaskRoleArgs() {
    }

    /** @return the statements */
    public List<PolicyStatement> statements() {
        return List.copyOf(statements);
    }

    /** @return whether ECS Exec's channel actions are allowed */
    public boolean executeCommand() {
        return executeCommand;
    }

    /** @return the role's tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Checks the statements.
     *
     * @param problems where problems go
     * @return each statement's resources, checked
     */
    public List<List<Output<String>>> validate(Problems problems) {
        List<List<Output<String>>> resources = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            resources.add(statements.get(i).validate(problems.at("statements[" + i + "]")));
        }
        for (int i = 0; executeCommand && i < statements.size(); i++) {
            // IAM refuses a policy in which two statements share a sid.
            if (TaskRole.EXECUTE_COMMAND_SID.equals(statements.get(i).sid())) {
                problems.add("statements[" + i + "].sid", "'" + TaskRole.EXECUTE_COMMAND_SID + "' is the sid of the "
                        + "statement that executeCommand adds; give this statement another");
            }
        }
        if (statements.stream().map(PolicyStatement::sid).distinct().count() != statements.size()) {
            problems.add("statements", "two statements share a sid; give each its own");
        }
        return resources;
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        b.args.statements.addAll(statements);
        b.args.executeCommand = executeCommand;
        b.args.tags = tags;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link TaskRoleArgs}. */
    public static final class Builder {
        private TaskRoleArgs args = new TaskRoleArgs();

        private Builder() {
        }

        private TaskRoleArgs args() {
            if (args == null) {
                throw new IllegalStateException("TaskRoleArgs.Builder: build() was called already; start a new builder");
            }
            return args;
        }

        /**
         * @param statement one more statement
         * @return this builder
         */
        public Builder statement(PolicyStatement statement) {
            args().statements.add(statement);
            return this;
        }

        /**
         * @param on whether ECS Exec's channel actions are allowed
         * @return this builder
         */
        public Builder executeCommand(boolean on) {
            args().executeCommand = on;
            return this;
        }

        /**
         * @param tags tags of the role
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public TaskRoleArgs build() {
            TaskRoleArgs built = args();
            args = null;
            return built;
        }
    }
}
