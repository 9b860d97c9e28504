package news.cms.core.partnerkey;

/** What a partner key lets its holder read beyond the open reader endpoints. */
public enum PartnerScope {
    /** The change feed ({@code /v1/feed}) with its cursors. */
    FEED,
    /** Published stories still under embargo, with their {@code embargoed} time. */
    EMBARGOED
}
