package io.github.fargateprivate.shape;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shape of the main sources (the library's, the stack's and the plan's), read with JavaParser: each method's and
 * constructor's length, each file's length. {@link #main} prints the largest, for the notes.
 */
final class SourceShape {

    /** The main source roots, from the project's directory. */
    static final List<Path> ROOTS = List.of(Path.of("library/src/main/java"), Path.of("src/main/java"));

    /**
     * A method or constructor.
     *
     * @param file  the file, relative to the project
     * @param owner the class that declares it
     * @param name  its name ({@code <init>} for a constructor)
     * @param line  its first line
     * @param lines its length in lines, from its annotations or modifiers to its closing brace, Javadoc excluded
     */
    record Callable(Path file, String owner, String name, int line, int lines) {
        @Override
        public String toString() {
            return lines + " lines  " + owner + "." + name + " (" + file + ":" + line + ")";
        }
    }

    /**
     * A source file.
     *
     * @param file  the file, relative to the project
     * @param lines its length
     * @param text  its text
     */
    record Source(Path file, int lines, String text) {
    }

    private SourceShape() {
    }

    /** @return every main source file */
    static List<Source> sources() {
        var sources = new ArrayList<Source>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(file);
                    sources.add(new Source(file, (int) text.lines().count(), text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** @return every method and constructor of the main sources, longest first */
    @SuppressWarnings("unchecked")
    static List<Callable> callables() {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        var callables = new ArrayList<Callable>();
        for (Source source : sources()) {
            CompilationUnit unit = StaticJavaParser.parse(source.text());
            for (CallableDeclaration<?> c : unit.<CallableDeclaration<?>>findAll(
                    (Class<CallableDeclaration<?>>) (Class<?>) CallableDeclaration.class)) {
                var range = c.getRange().orElseThrow();
                String owner = c.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString)
                        .orElse("?");
                String name = c.isConstructorDeclaration() ? "<init>" : c.getNameAsString();
                callables.add(new Callable(source.file(), owner, name, range.begin.line,
                        range.end.line - range.begin.line + 1));
            }
        }
        callables.sort(Comparator.comparingInt(Callable::lines).reversed());
        return callables;
    }

    /**
     * Prints the figures the notes quote: the largest files and methods, the args classes' lines.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        var sources = sources();
        System.out.println("main sources: " + sources.size() + " files, "
                + sources.stream().mapToInt(Source::lines).sum() + " lines");
        System.out.println("largest files:");
        sources.stream().sorted(Comparator.comparingInt(Source::lines).reversed()).limit(10)
                .forEach(s -> System.out.println("  " + s.lines() + "  " + s.file()));
        System.out.println("longest methods:");
        callables().stream().limit(12).forEach(c -> System.out.println("  " + c));
        var args0 = SourceShapeTest.argsClasses(sources);
        System.out.println("args and options classes: " + args0.size() + " files, "
                + args0.stream().mapToInt(Source::lines).sum() + " lines");
        args0.stream().sorted(Comparator.comparingInt(Source::lines).reversed())
                .forEach(s -> System.out.println("  " + s.lines() + "  " + s.file()));
    }
}
