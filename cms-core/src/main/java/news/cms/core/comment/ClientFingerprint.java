package news.cms.core.comment;

import news.cms.core.language.InvalidText;

/**
 * Whatever the intake derives from the client (for example a hash of network and device traits) to
 * rate-limit and ban; opaque here, 1 to {@link #MAX_LENGTH} characters without control characters.
 */
public record ClientFingerprint(String value) {

    public static final int MAX_LENGTH = 128;
    private static final String FIELD = "client fingerprint";

    public ClientFingerprint {
        if (value == null || value.isBlank()) {
            throw new InvalidText(FIELD, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidText(FIELD, "is longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidText(FIELD, "contains control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
