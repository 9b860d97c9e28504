package news.cms.core.partnerkey;

/** A key just issued, with its secret: the only time the secret exists outside the partner's hands. */
public record IssuedPartnerKey(PartnerKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedPartnerKey[key=" + key + ", secret=" + key.prefix() + "…]";
    }
}
