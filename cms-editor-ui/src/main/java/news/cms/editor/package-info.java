/** cms-editor-ui: the Vaadin newsroom for reporters and editors. */
package news.cms.editor;
