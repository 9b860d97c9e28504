package news.cms.publicapi.feed;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.cms.core.article.Article;
import news.cms.core.language.TextDirection;
import news.cms.publicapi.article.PublicPictures;
import org.jspecify.annotations.Nullable;

/**
 * Atom 1.0 (RFC 4287) with the JDK's StAX writer, which escapes text and attributes for us. Each
 * entry carries the article's language in {@code xml:lang}; a right-to-left headline or summary is
 * an XHTML text construct whose {@code div} says {@code dir="rtl"}, and the HTML content carries its
 * direction. Pages are linked as RFC 5005 archives; killed stories are RFC 6721 deleted entries.
 */
final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** RFC 5005 feed history: {@code fh:archive} marks an archive document. */
    static final String FH = "http://purl.org/syndication/history/1.0";
    /** RFC 6721 tombstones: {@code at:deleted-entry}. */
    static final String AT = "http://purl.org/atompub/tombstones/1.0";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomWriter() {}

    /**
     * A story for the feed: the article, its public page, its sanitised HTML body, and its published
     * translations (each an {@code alternate} link with {@code hreflang}, docs/adr/0019).
     */
    record Story(
            Article article,
            String uri,
            String link,
            String html,
            List<Sibling> siblings,
            PublicPictures.@Nullable FeedImage image) {

        Story {
            siblings = List.copyOf(siblings);
        }

        Story(Article article, String uri, String link, String html, List<Sibling> siblings) {
            this(article, uri, link, html, siblings, null);
        }

        Story(Article article, String uri, String link, String html) {
            this(article, uri, link, html, List.of(), null);
        }
    }

    /** Another language version of a story: its language tag and where to read it. */
    record Sibling(String language, String link) {}

    /** A killed story: its ninjs uri, when it was killed, its language and the kill notice. */
    record Tombstone(
            String ref,
            Instant when,
            String language,
            @Nullable String notice) {}

    /**
     * One Atom document.
     *
     * @param language the feed's language when it holds one language only
     * @param currentUrl the subscription document, on an archive page; null on the subscription document
     * @param olderUrl the page of older stories, if there are any
     */
    record Feed(
            String title,
            String selfUrl,
            String id,
            Instant updated,
            @Nullable String language,
            String homePageUrl,
            @Nullable String currentUrl,
            @Nullable String olderUrl,
            List<Story> stories,
            List<Tombstone> tombstones) {}

    static byte[] write(String title, String selfUrl, String id, Instant updated, List<Story> stories) {
        return write(new Feed(title, selfUrl, id, updated, null, selfUrl, null, null, stories, List.of()));
    }

    static byte[] write(Feed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.setPrefix("fh", FH);
            x.setPrefix("at", AT);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            x.writeNamespace("fh", FH);
            x.writeNamespace("at", AT);
            if (feed.language() != null) {
                lang(x, feed.language());
            }
            text(x, "id", feed.id());
            text(x, "title", feed.title());
            text(x, "updated", feed.updated().toString());
            link(x, "self", "application/atom+xml", feed.selfUrl());
            link(x, "alternate", "text/html", feed.homePageUrl());
            if (feed.currentUrl() != null) {
                x.writeEmptyElement(FH, "archive");
                link(x, "current", "application/atom+xml", feed.currentUrl());
            }
            if (feed.olderUrl() != null) {
                link(x, "next", "application/atom+xml", feed.olderUrl());
                link(x, "prev-archive", "application/atom+xml", feed.olderUrl());
            }
            x.writeStartElement(ATOM, "author");
            text(x, "name", feed.title());
            x.writeEndElement();
            text(x, "generator", "newsroom-cms");
            for (Tombstone t : feed.tombstones()) {
                x.writeStartElement(AT, "deleted-entry");
                x.writeAttribute("ref", t.ref());
                x.writeAttribute("when", t.when().toString());
                if (t.notice() != null && !t.notice().isBlank()) {
                    x.writeStartElement(AT, "comment");
                    lang(x, t.language());
                    x.writeCharacters("Kill: " + t.notice());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            for (Story s : feed.stories()) {
                entry(x, s);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter x, Story s) throws XMLStreamException {
        Article a = s.article();
        x.writeStartElement(ATOM, "entry");
        lang(x, a.language().value());
        text(x, "id", s.uri());
        textConstruct(x, "title", a.headline(), a.content().directions().headline(a.language()));
        text(x, "updated", a.updatedAt().toString());
        if (a.publishedAt() != null) {
            text(x, "published", a.publishedAt().toString());
        }
        link(x, "alternate", "text/html", s.link());
        for (Sibling sibling : s.siblings()) {
            link(x, "alternate", "text/html", sibling.link());
            x.writeAttribute("hreflang", sibling.language());
        }
        if (s.image() != null) {
            // The featured image, as RFC 4287 allows a related resource: an enclosure with its type and length.
            link(x, "enclosure", s.image().contentType(), s.image().href());
            x.writeAttribute("length", Long.toString(s.image().bytes()));
        }
        for (var byline : a.bylines()) {
            x.writeStartElement(ATOM, "author");
            text(x, "name", byline.name());
            x.writeEndElement();
        }
        x.writeEmptyElement(ATOM, "category");
        x.writeAttribute("term", a.section());
        for (String tag : a.content().tags()) {
            x.writeEmptyElement(ATOM, "category");
            x.writeAttribute("term", tag);
        }
        if (!a.standfirst().isEmpty()) {
            textConstruct(x, "summary", a.standfirst(), a.content().directions().standfirst(a.language()));
        }
        x.writeStartElement(ATOM, "content");
        x.writeAttribute("type", "html");
        x.writeCharacters(s.html());
        x.writeEndElement();
        x.writeEndElement();
    }

    /** Plain text, or for right-to-left text an XHTML {@code div dir="rtl"} holding it. */
    private static void textConstruct(XMLStreamWriter x, String name, String value, TextDirection direction)
            throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        if (!"rtl".equals(direction.htmlValue())) {
            x.writeAttribute("type", "text");
            x.writeCharacters(value);
        } else {
            x.writeAttribute("type", "xhtml");
            x.writeStartElement("", "div", XHTML);
            x.writeDefaultNamespace(XHTML);
            x.writeAttribute("dir", "rtl");
            x.writeCharacters(value);
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void lang(XMLStreamWriter x, String language) throws XMLStreamException {
        x.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", language);
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }
}
