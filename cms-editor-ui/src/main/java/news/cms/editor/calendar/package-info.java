/** The desk's calendar: stories going live and embargoes lifting, by day in the user's time zone. */
@NullMarked
package news.cms.editor.calendar;

import org.jspecify.annotations.NullMarked;
