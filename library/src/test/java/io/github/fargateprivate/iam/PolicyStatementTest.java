package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyStatementTest {

    private static final String BUCKET_OBJECTS = "arn:aws:s3:::reports/*";

    private static List<Problem> problems(PolicyStatement.Builder statement) {
        var problems = Problems.of("TaskRole", "x");
        statement.build().validate(problems.at("statements[0]"));
        return problems.list();
    }

    private static PolicyStatement.Builder good() {
        return PolicyStatement.builder().sid("ReadReports").action("s3:GetObject").resource(BUCKET_OBJECTS);
    }

    @Test
    void aStatementOnNamedResourcesPasses() {
        assertEquals(List.of(), problems(good().action("s3:List*").resource("arn:aws:s3:::reports")));
    }

    static Stream<Arguments> badStatements() {
        return Stream.of(
                Arguments.of("no sid", PolicyStatement.builder().action("s3:GetObject").resource(BUCKET_OBJECTS),
                        List.of(new Problem("statements[0].sid", "'null' is not a statement id (1-128 letters and "
                                + "digits)"))),
                Arguments.of("sid with a dash", good().sid("read-reports"), List.of(new Problem("statements[0].sid",
                        "'read-reports' is not a statement id (1-128 letters and digits)"))),
                Arguments.of("sid of 129 characters", good().sid("S".repeat(129)), List.of(new Problem(
                        "statements[0].sid", "'" + "S".repeat(129) + "' is not a statement id (1-128 letters and "
                        + "digits)"))),
                Arguments.of("no action", PolicyStatement.builder().sid("A").resource(BUCKET_OBJECTS),
                        List.of(new Problem("statements[0].actions", "empty; name the actions the application calls, "
                                + "e.g. s3:GetObject"))),
                Arguments.of("action *", good().action("*"), List.of(new Problem("statements[0].actions",
                        "'*' is not an IAM action (service:Action, e.g. s3:GetObject)"))),
                Arguments.of("every action of a service", good().action("s3:*"), List.of(new Problem(
                        "statements[0].actions", "'s3:*' allows every action of the service; name the actions"))),
                Arguments.of("action without service", good().action("GetObject"), List.of(new Problem(
                        "statements[0].actions", "'GetObject' is not an IAM action (service:Action, e.g. "
                        + "s3:GetObject)"))),
                Arguments.of("no resource", PolicyStatement.builder().sid("A").action("s3:GetObject"),
                        List.of(new Problem("statements[0].resources", "empty; name the ARNs the actions apply to"))),
                Arguments.of("resource *", good().resource("*"), List.of(new Problem("statements[0].resources[1]",
                        "Resource * grants the action on every resource of the account; name the ARNs"))),
                Arguments.of("every bucket", good().resource("arn:aws:s3:::*"), List.of(new Problem(
                        "statements[0].resources[1]", "'arn:aws:s3:::*' names every resource of s3; name the "
                        + "resources"))),
                Arguments.of("not an ARN", good().resource("reports"), List.of(new Problem(
                        "statements[0].resources[1]", "'reports' is not an ARN "
                        + "(arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStatements")
    void badStatementsAreReportedUnderTheirField(String description, PolicyStatement.Builder statement,
                                                 List<Problem> expected) {
        assertEquals(expected, problems(statement));
    }

    @Test
    void checkedResourcesAreTheGivenOnesInOrder() {
        var problems = Problems.of("TaskRole", "x");
        var checked = good().resource(Output.of("arn:aws:s3:::reports")).build().validate(problems);
        assertEquals(List.of(), problems.list());
        assertEquals(List.of(BUCKET_OBJECTS, "arn:aws:s3:::reports"), checked.stream().map(OfflineRun::value).toList());
    }

    @Test
    void aStatementIsImmutable() {
        var statement = good().build();
        assertEquals("ReadReports", statement.sid());
        assertEquals(List.of("s3:GetObject"), statement.actions());
        assertThrows(UnsupportedOperationException.class, () -> statement.actions().add("s3:PutObject"));
        assertThrows(UnsupportedOperationException.class, () -> statement.resources().clear());
        assertEquals(Optional.of(BUCKET_OBJECTS), statement.resources().get(0).plain());
    }
}
