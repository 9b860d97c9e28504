package news.cms.core.note;

/** Where a note sits in the story's current text. */
public enum Placement {
    /** About the whole story. */
    STORY,
    /** On a passage whose quoted words are still in the body. */
    PASSAGE,
    /** On a passage whose quoted words are no longer in the body. */
    DETACHED
}
