/** cms-moderation: pre-moderated reader comments and the moderators' queue. */
package news.cms.moderation;
