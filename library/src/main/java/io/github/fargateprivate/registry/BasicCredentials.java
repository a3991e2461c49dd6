package io.github.fargateprivate.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A registry user name and its password or token, as a caller holds them after decrypting a secret.
 *
 * <p>{@link #toString()} never shows the password, so a record that holds these credentials, a log line or an
 * exception message that prints them shows only the user name.
 *
 * @param username the registry user name (for a Quay robot account {@code org+robot})
 * @param password the password or access token; never printed
 */
public record BasicCredentials(String username, String password) {

    /**
     * Checks that both parts are given.
     *
     * @param username the registry user name
     * @param password the password or access token
     * @throws IllegalArgumentException when the user name or the password is null or blank
     */
    public BasicCredentials {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the registry user name is empty");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("the registry password of user '" + username + "' is empty");
        }
    }

    /** @return the value of an {@code Authorization} header for HTTP Basic authentication (RFC 7617) */
    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the user name with the password masked, e.g. {@code BasicCredentials[username=dev, password=***]} */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
