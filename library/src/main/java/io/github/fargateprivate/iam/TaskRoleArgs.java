package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import org.immutables.value.Value;

import java.util.List;
import java.util.Map;

/** Inputs of {@link TaskRole}. Immutable; build with {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public abstract class TaskRoleArgs implements Options<TaskRoleArgs> {

    /** @return what the application may do, each statement on named resources. Default: nothing */
    public abstract List<PolicyStatement> statements();

    /**
     * @return whether the role may open ECS Exec sessions: the four {@code ssmmessages} channel actions that ECS
     *     Exec's agent calls, on {@code *} because IAM offers no resource level for them. Default: false
     */
    @Value.Default
    public boolean executeCommand() {
        return false;
    }

    /** @return tags of the role. Default: none */
    public abstract Map<String, String> tags();

    /**
     * Checks the statements.
     *
     * @param problems where problems go
     * @return these args, each statement's resources of other resources replaced by the checked ones
     */
    @Override
    public TaskRoleArgs validate(Problems problems) {
        var statements = statements();
        var checked = toBuilder().statements(List.of());
        for (int i = 0; i < statements.size(); i++) {
            checked.statement(checked(statements.get(i), problems.at("statements[" + i + "]")));
        }
        for (int i = 0; executeCommand() && i < statements.size(); i++) {
            // IAM refuses a policy in which two statements share a sid.
            if (TaskRole.EXECUTE_COMMAND_SID.equals(statements.get(i).sid())) {
                problems.add("statements[" + i + "].sid", "'" + TaskRole.EXECUTE_COMMAND_SID + "' is the sid of the "
                        + "statement that executeCommand adds; give this statement another");
            }
        }
        if (statements.stream().map(PolicyStatement::sid).distinct().count() != statements.size()) {
            problems.add("statements", "two statements share a sid; give each its own");
        }
        return checked.build();
    }

    /** The statement, checked: its plain resources as they are, the others as the Outputs that carry the check. */
    private static PolicyStatement checked(PolicyStatement statement, Problems problems) {
        List<Output<String>> resources = statement.validate(problems);
        var b = PolicyStatement.builder().sid(statement.sid());
        statement.actions().forEach(b::action);
        for (int i = 0; i < resources.size(); i++) {
            var given = statement.resources().get(i);
            if (given.isPlain()) {
                b.resource(given.plain().orElseThrow());
            } else {
                b.resource(resources.get(i));
            }
        }
        return b.build();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link TaskRoleArgs}. */
    public static final class Builder extends ImmutableTaskRoleArgs.Builder {
        Builder() {
        }
    }
}
