/**
 * The story budget in the editor: editors plan the day ({@code /budget}), reporters see and start
 * what is assigned to them ({@code /assignments}); docs/adr/0027.
 */
@NullMarked
package news.cms.editor.budget;

import org.jspecify.annotations.NullMarked;
