package news.cms.core.note;

/** An open note in a desk's list, with the story it is on. */
public record DeskNote(Note note, String headline, String section) {}
