package io.github.fargateprivate.plan;

import com.google.gson.GsonBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What became of a stack file's {@code secure:} values on their way to the program, and the mask that keeps every
 * decrypted one out of what the plan prints.
 */
public final class StackSecrets {

    /** How the {@code secure:} values reached the program. */
    public enum State {
        /** The stack file has none. */
        NONE,
        /** Decrypted with the passphrase: the program got the real values. */
        DECRYPTED,
        /** Placeholders: the plan was not asked to decrypt them (offline). */
        NOT_DECRYPTED,
        /** Placeholders: the stack uses the passphrase provider, but no passphrase was given. */
        NO_PASSPHRASE,
        /** Placeholders: the stack uses another secrets provider (no {@code encryptionsalt}), which the plan cannot read. */
        OTHER_PROVIDER
    }

    private final State state;
    private final String stackFile;
    private final List<String> patterns;

    /**
     * @param state     how the values reached the program
     * @param stackFile the stack file's name, for messages
     * @param decrypted every decrypted value
     */
    StackSecrets(State state, String stackFile, Set<String> decrypted) {
        this.state = state;
        this.stackFile = stackFile;
        this.patterns = patterns(decrypted);
    }

    /** @return how the values reached the program */
    public State state() {
        return state;
    }

    /** @return whether the program got placeholders instead of some secret values */
    public boolean placeholders() {
        return state == State.NOT_DECRYPTED || state == State.NO_PASSPHRASE || state == State.OTHER_PROVIDER;
    }

    /** @return how to let the plan read the real values, for a plan whose program got placeholders */
    public String howToDecrypt() {
        return state == State.OTHER_PROVIDER
                ? stackFile + " does not use the passphrase secrets provider (encryptionsalt:), the only one whose "
                + "secrets the plan decrypts; pulumi preview checks them"
                : "set " + PassphraseDecrypter.PASSPHRASE + " (or " + PassphraseDecrypter.PASSPHRASE_FILE
                + ") to let the plan decrypt them";
    }

    /**
     * Replaces every decrypted value in a text by {@value StackFile#SECRET_PLACEHOLDER}, as the Pulumi CLI filters its
     * output ({@code sdk/go/common/util/logging/log.go}, {@code CreateFilter}): each value as it is and as JSON escapes
     * it, except values under 3 bytes and {@code true}/{@code false}, which would mask half the output.
     *
     * @param text what the plan is about to print
     * @return the text with no decrypted value in it
     */
    public String mask(String text) {
        if (patterns.isEmpty() || text == null) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int i = 0;
        // One pass, longest value first, so that the mask itself is never masked again.
        outer:
        while (i < text.length()) {
            for (String p : patterns) {
                if (text.startsWith(p, i)) {
                    out.append(StackFile.SECRET_PLACEHOLDER);
                    i += p.length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    private static List<String> patterns(Set<String> decrypted) {
        var json = new GsonBuilder().disableHtmlEscaping().create();
        Set<String> patterns = new LinkedHashSet<>();
        for (String secret : decrypted) {
            if (secret.getBytes(StandardCharsets.UTF_8).length < 3 || secret.equalsIgnoreCase("true")
                    || secret.equalsIgnoreCase("false")) {
                continue;
            }
            patterns.add(secret);
            String escaped = json.toJson(secret);
            patterns.add(escaped.substring(1, escaped.length() - 1));
        }
        return patterns.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String toString() {
        return "StackSecrets[" + state + ", " + patterns.size() + " masked]";
    }
}
