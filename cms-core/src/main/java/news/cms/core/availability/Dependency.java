package news.cms.core.availability;

/** An engine the apps cannot answer some requests without. */
public enum Dependency {
    DATABASE,
    SEARCH
}
