package io.github.fargateprivate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsNameTest {

    @Test
    void aNameThatFitsKeepsItsPlainFormSoDeployedStacksKeepTheirResources() {
        assertEquals("app-lb-alb", AwsName.LOAD_BALANCER.child("app-lb", "-alb"));
        assertEquals("app-target-tg", AwsName.TARGET_GROUP.child("app-target", "-tg"));
        assertEquals("app-execution-exec-role", AwsName.IAM_ROLE.child("app-execution", "-exec-role"));
        // 24 characters: with the provider's 8 the target group's name has AWS's 32.
        assertEquals("abcdefghijklmnopqrstu-tg", AwsName.TARGET_GROUP.child("abcdefghijklmnopqrstu", "-tg"));
    }

    @Test
    void aNameTooLongForAwsIsShortenedWithAStableHashAndFits() {
        // The example: a composite on a shared load balancer registered payments-gateway-target-tg (26).
        String tg = AwsName.TARGET_GROUP.child("payments-gateway-target", "-tg");
        assertTrue(tg.matches("payments-gatew-[0-9a-f]{6}-tg"), tg);
        assertEquals(24, tg.length());
        assertEquals(tg, AwsName.TARGET_GROUP.child("payments-gateway-target", "-tg"), "stable across runs");
        String lb = AwsName.LOAD_BALANCER.child("checkout-service-eu-production-lb", "-alb");
        assertTrue(lb.matches("checkout-serv-[0-9a-f]{6}-alb"), lb);
        assertTrue(AwsName.LOAD_BALANCER.fits(lb));
        String role = AwsName.IAM_ROLE.child("checkout-service-eu-production-fargate-ec2", "-instance-role");
        assertTrue(role.length() <= 56 && role.endsWith("-instance-role"), role);
    }

    @Test
    void shortenedNamesStayUniqueWhereTheirCutFormsAgree() {
        Set<String> names = new HashSet<>();
        for (String env : List.of("checkout-service-eu-production", "checkout-service-us-production",
                "checkout-service-eu-production2")) {
            names.add(AwsName.TARGET_GROUP.child(env + "-target", "-tg"));
        }
        assertEquals(3, names.size(), names.toString());
    }

    @Test
    void aReservedPrefixPutsTheHashFirst() {
        // CreateLoadBalancer: the name "must not begin with internal-".
        String lb = AwsName.LOAD_BALANCER.child("internal-lb", "-alb");
        assertTrue(lb.matches("[0-9a-f]{6}-internal-lb-alb"), lb);
        assertTrue(AwsName.LOAD_BALANCER.fits(lb));
        assertTrue(AwsName.SECURITY_GROUP.child("sg-app", "-task-sg").matches("[0-9a-f]{6}-sg-app-task-sg"));
        assertTrue(AwsName.CAPACITY_PROVIDER.child("Fargate-x", "-capacity-provider")
                .matches("[0-9a-f]{6}-Fargate-x-capacity-provider"));
    }

    @Test
    void charactersAwsRefusesBecomeHyphens() {
        String lb = AwsName.LOAD_BALANCER.child("my_app-lb", "-alb");
        assertTrue(lb.matches("my-app-lb-[0-9a-f]{6}-alb"), lb);
        assertFalse(AwsName.LOAD_BALANCER.fits("my_app-lb-alb"));
        assertTrue(AwsName.ECS.fits("my_app-service"));
        assertTrue(AwsName.LOAD_BALANCER.child("-x", "-alb").matches("x-[0-9a-f]{6}-alb"));
    }

    @Test
    void aNameKeptWholeStatesTheLimitAndTheLongestNameThatFits() {
        String name = "a".repeat(300);
        String problem = AwsName.ECS.wholeNameProblem(name, name + "-fargate-service").orElseThrow();
        assertTrue(problem.startsWith("'aaaaaaaaaaaaaaaaaaaa...aaaaaaaa' has 300 characters; the ECS cluster or "
                + "service is named 'aaaaaaaaaaaaaaaaaaaa...aaaaaaaa-fargate-service' and the AWS provider appends 8 "
                + "more, but AWS takes at most 255"), problem);
        assertTrue(problem.endsWith("use a name of at most 231 characters"), problem);
        assertTrue(AwsName.ECS.wholeNameProblem("a".repeat(231), "a".repeat(231) + "-fargate-service").isEmpty());
        assertTrue(AwsName.ECS.wholeNameProblem("a".repeat(232), "a".repeat(232) + "-fargate-service").isPresent());
    }
}
