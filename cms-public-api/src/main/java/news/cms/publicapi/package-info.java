/** cms-public-api: published articles and search for partners and readers, read-only over cms-core. */
package news.cms.publicapi;
