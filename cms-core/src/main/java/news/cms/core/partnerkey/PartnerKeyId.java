package news.cms.core.partnerkey;

import java.util.UUID;

public record PartnerKeyId(UUID value) {

    public PartnerKeyId {
        if (value == null) {
            throw new IllegalArgumentException("a partner key id is required");
        }
    }

    public static PartnerKeyId random() {
        return new PartnerKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
