/** Test support shared with the apps through cms-core's test-jar: real engines, clean data. */
package news.cms.testsupport;
