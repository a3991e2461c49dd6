package io.github.fargateprivate.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code ```java} block of README.md and docs/*.md compiles against the library as it is. */
class DocsExamplesTest {

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private static List<Path> documents() {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        files.addAll(DocsExamples.markdownIn(Path.of("docs")));
        return files;
    }

    @Test
    void everyJavaBlockOfTheReadmeAndTheDocsCompiles() {
        assertEquals(List.of(), DocsExamples.compileFiles(documents(), CLASS_PATH));
    }

    @Test
    void theReadmesProgramAndItsUnitTestAreFoundAsCompilationUnits() throws Exception {
        var blocks = DocsExamples.extract("README.md", java.nio.file.Files.readString(Path.of("README.md")));
        assertEquals(2, blocks.size());
        assertTrue(blocks.stream().allMatch(DocsExamples.Block::isCompilationUnit));
        assertTrue(blocks.get(1).code().contains("OfflineRun.of(OrdersStack::program"), blocks.get(1).code());
    }

    @Test
    void aBrokenBlockFailsNamingTheFileTheBlockItsLineAndTheCompilersMessage() {
        String markdown = """
                # Broken

                ```java
                var args = ContainerArgs.builder().image("nginx:1.27").build();
                ```

                ```java
                var port = ContainerArgs.builder().imagee("nginx:1.27").build().port();
                ```
                """;
        var errors = DocsExamples.compile(DocsExamples.extract("broken.md", markdown), CLASS_PATH);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("broken.md, java block 2 (line 8): cannot find symbol"), errors.get(0));
        assertTrue(errors.get(0).contains("imagee(java.lang.String)"), errors.get(0));
    }

    @Test
    void membersAndCompilationUnitsCompileAndABrokenUnitIsReportedOnItsLine() {
        String markdown = """
                ```java
                /** @return a part of the composite */
                static ContainerArgs app() {
                    return ContainerArgs.builder().image("nginx:1.27").build();
                }
                ```

                ```java
                package com.example;

                public final class Broken {
                    int port = "8080";
                }
                ```
                """;
        var errors = DocsExamples.compile(DocsExamples.extract("units.md", markdown), CLASS_PATH);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("units.md, java block 2 (line 12): incompatible types"), errors.get(0));
    }
}
