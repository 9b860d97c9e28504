package news.cms.publicapi.feed;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.cms.core.article.Article;
import news.cms.publicapi.article.PublicPictures;
import org.jspecify.annotations.Nullable;

/**
 * Atom 1.0 (RFC 4287) with the JDK's StAX writer, which escapes text and attributes for us. Each
 * entry carries the article's language in {@code xml:lang}; the HTML content carries its direction.
 */
final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomWriter() {}

    /**
     * A story for the feed: the article, its sanitised HTML body, and its published translations
     * (each an {@code alternate} link with {@code hreflang}, docs/adr/0019).
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

    static byte[] write(String title, String selfUrl, String id, Instant updated, List<Story> stories) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", id);
            text(x, "title", title);
            text(x, "updated", updated.toString());
            link(x, "self", "application/atom+xml", selfUrl);
            x.writeStartElement(ATOM, "author");
            text(x, "name", title);
            x.writeEndElement();
            text(x, "generator", "newsroom-cms");
            for (Story s : stories) {
                Article a = s.article();
                x.writeStartElement(ATOM, "entry");
                x.writeAttribute(
                        XMLConstants.XML_NS_PREFIX,
                        XMLConstants.XML_NS_URI,
                        "lang",
                        a.language().value());
                text(x, "id", s.uri());
                text(x, "title", a.headline());
                text(x, "updated", a.updatedAt().toString());
                if (a.publishedAt() != null) {
                    text(x, "published", a.publishedAt().toString());
                }
                link(x, "alternate", "application/json", s.link());
                for (Sibling sibling : s.siblings()) {
                    link(x, "alternate", "application/json", sibling.link());
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
                    x.writeStartElement(ATOM, "summary");
                    x.writeAttribute("type", "text");
                    x.writeCharacters(a.standfirst());
                    x.writeEndElement();
                }
                x.writeStartElement(ATOM, "content");
                x.writeAttribute("type", "html");
                x.writeCharacters(s.html());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
        return out.toByteArray();
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
