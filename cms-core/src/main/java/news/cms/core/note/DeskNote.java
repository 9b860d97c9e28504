package news.cms.core.note;

import news.cms.core.language.LanguageTag;

/** An open note in a desk's list, with the story it is on (its headline in the story's language). */
public record DeskNote(Note note, String headline, String section, LanguageTag language) {}
