package io.github.fargateprivate.docs;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code ```java} blocks of a Markdown file, compiled with {@link javax.tools.JavaCompiler} against a class path,
 * as docs/contributing.md ("Java examples in the docs") describes: a block that starts with {@code package},
 * {@code import} or a public type is a compilation unit; any other block goes into a class with {@link #IMPORTS}, as
 * its members when it starts with an annotation, a Javadoc comment or a modifier, else as the body of
 * {@code void example(Context ctx) throws Exception}.
 */
final class DocsExamples {

    /** The imports of a block that is not a compilation unit. */
    static final List<String> IMPORTS = List.of("com.pulumi.Context", "com.pulumi.core.Output",
            "io.github.fargateprivate.*", "io.github.fargateprivate.cloudwatch.*", "io.github.fargateprivate.ec2.*",
            "io.github.fargateprivate.ecr.*", "io.github.fargateprivate.ecs.*", "io.github.fargateprivate.iam.*",
            "io.github.fargateprivate.lb.*", "io.github.fargateprivate.patterns.*",
            "io.github.fargateprivate.registry.*", "io.github.fargateprivate.s3.*",
            "io.github.fargateprivate.secretsmanager.*", "io.github.fargateprivate.testing.*", "java.util.*",
            "org.junit.jupiter.api.Test", "static org.junit.jupiter.api.Assertions.*");

    private static final Pattern COMPILATION_UNIT = Pattern.compile(
            "^(package|import)\\s|^public\\s+((final|abstract|sealed)\\s+)*(class|interface|record|enum)\\s");
    private static final Pattern MEMBER = Pattern.compile("^(@|/\\*\\*|(public|protected|private|static|abstract"
            + "|final|void)\\s)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+((final|abstract|sealed)\\s+)*(class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    private DocsExamples() {
    }

    /**
     * One {@code ```java} block.
     *
     * @param file  the Markdown file, as the messages name it
     * @param index the block's number in the file, from 1
     * @param line  the file's line of the block's first line of code
     * @param code  the code between the fences
     */
    record Block(String file, int index, int line, String code) {

        boolean isCompilationUnit() {
            return COMPILATION_UNIT.matcher(firstLine()).find();
        }

        boolean isMembers() {
            return MEMBER.matcher(firstLine()).find();
        }

        private String firstLine() {
            return code.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        }
    }

    /**
     * @param file     the name messages give the file
     * @param markdown its text
     * @return its {@code ```java} blocks, in order
     */
    static List<Block> extract(String file, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            blocks.add(new Block(file, blocks.size() + 1, start + 1, String.join("\n", lines.subList(start, end))
                    + "\n"));
            i = end;
        }
        return blocks;
    }

    /**
     * @param markdownFiles the files, each compiled on its own (its blocks together, so one may use another's class)
     * @param classPath     the class path to compile against
     * @return one message per compiler error, naming the file, the block, its line in the file and the message
     */
    static List<String> compileFiles(List<Path> markdownFiles, String classPath) {
        List<String> errors = new ArrayList<>();
        for (Path file : markdownFiles) {
            try {
                errors.addAll(compile(extract(file.toString(), Files.readString(file)), classPath));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return errors;
    }

    /**
     * @param dir a folder of Markdown files
     * @return its {@code .md} files, sorted
     */
    static List<Path> markdownIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param blocks    blocks compiled together
     * @param classPath the class path to compile against
     * @return one message per compiler error, naming the file, the block, its line in the file and the message
     */
    static List<String> compile(List<Block> blocks, String classPath) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Map<JavaFileObject, Source> sources = new IdentityHashMap<>();
        for (Block block : blocks) {
            Source source = Source.of(block);
            sources.put(source.file(), source);
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        Path out = temporaryDirectory();
        try (var fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            var options = List.of("-proc:none", "-nowarn", "-classpath", classPath, "-d", out.toString());
            compiler.getTask(new StringWriter(), fileManager, diagnostics, options, null, sources.keySet()).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(out);
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> message(d, sources.get(d.getSource()))).toList();
    }

    private static String message(Diagnostic<? extends JavaFileObject> d, Source source) {
        String text = d.getMessage(Locale.ROOT);
        if (source == null) {
            return "(no block): " + text;
        }
        Block block = source.block();
        long line = block.line() + d.getLineNumber() - 1 - source.linesBefore();
        return block.file() + ", java block " + block.index() + " (line " + line + "): " + text;
    }

    /** What the compiler reads for a block: the block itself, or the block inside its class. */
    private record Source(Block block, JavaFileObject file, int linesBefore) {

        static Source of(Block block) {
            if (block.isCompilationUnit()) {
                Matcher type = PUBLIC_TYPE.matcher(block.code());
                Matcher pkg = PACKAGE.matcher(block.code());
                String name = type.find() ? type.group(4) : "DocsExample" + block.index();
                String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
                return new Source(block, file(dir + name, block.code()), 0);
            }
            String name = "DocsExample" + block.index();
            StringBuilder head = new StringBuilder();
            IMPORTS.forEach(i -> head.append("import ").append(i).append(";\n"));
            head.append("abstract class ").append(name).append(" {\n");
            String tail = "}\n";
            if (!block.isMembers()) {
                head.append("void example(Context ctx) throws Exception {\n");
                tail = "}\n" + tail;
            }
            int before = (int) head.chars().filter(c -> c == '\n').count();
            return new Source(block, file(name, head + block.code() + tail), before);
        }

        private static JavaFileObject file(String path, String code) {
            return new SimpleJavaFileObject(URI.create("string:///" + path + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            };
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("docs-examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
