package io.github.fargateprivate;

import org.immutables.value.Value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the options and args types are generated: each is an abstract class (or, where a parent wires a part, its
 * {@code XOptions} an interface that the abstract class {@code XArgs} implements) whose accessors declare the options,
 * each with its Javadoc and, where it has one, its default ({@code @Value.Default}); Immutables generates the immutable
 * implementation and its builder, which the type's own {@code Builder} extends with the {@code T}/{@code Output<T>}
 * overloads. Builders add to a list one element at a time under the singular name ({@code sidecar(c)}), put into a map
 * one entry at a time ({@code tag(k, v)}), and replace it whole under the plural ({@code tags(map)}). Only the JDK's
 * collections are used, and nothing of Immutables reaches the library's class files.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        depluralize = true,
        depluralizeDictionary = {"providerStrategy:providerStrategies", "data:data"},
        add = "*",
        put = "*",
        jdkOnly = true,
        defaults = @Value.Immutable(copy = false),
        from = "from",
        allMandatoryParameters = false)
public @interface OptionsStyle {
}
