/** The frame around the views (header, drawer, UI language) and the notifications they share. */
@NullMarked
package news.cms.editor.layout;

import org.jspecify.annotations.NullMarked;
