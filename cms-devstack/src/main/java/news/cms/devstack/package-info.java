/** The one-command dev stack: embedded engines, the three apps, demo content. */
package news.cms.devstack;
