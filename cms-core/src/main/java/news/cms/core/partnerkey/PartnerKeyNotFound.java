package news.cms.core.partnerkey;

/** No partner key has this id. */
public class PartnerKeyNotFound extends RuntimeException {

    public PartnerKeyNotFound(PartnerKeyId id) {
        super("no partner key " + id);
    }
}
