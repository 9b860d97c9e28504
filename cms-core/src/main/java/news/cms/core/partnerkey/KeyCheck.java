package news.cms.core.partnerkey;

/** What a presented secret turned out to be. */
public sealed interface KeyCheck {

    /** A key that may be used now. */
    record Valid(PartnerKey key) implements KeyCheck {}

    /** No key has this secret (or it is not even shaped like one). */
    record Unknown() implements KeyCheck {}

    record Revoked(PartnerKey key) implements KeyCheck {}

    record Expired(PartnerKey key) implements KeyCheck {}
}
