package news.cms.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.MediaText;
import news.cms.core.media.NewMedia;

/**
 * The demo's pictures, drawn with Java2D when the demo is seeded (shapes and gradients, no lettering),
 * so the repository holds no photograph of anyone's and each story gets a picture that fits it. Each
 * comes with caption, alt text and credit in its story's language (the footbridge in all four),
 * our own writing, and a focal point on what the picture is about.
 */
final class DemoPictures {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    static final String HOLDER = "Newsroom CMS";
    static final String TERMS = "Demo picture, drawn for this demo newsroom; free to use with it.";

    private static final MediaText EN_CREDIT = new MediaText(null, null, "Illustration: Newsroom CMS demo");
    private static final String AR_CREDIT = "رسم توضيحي: العرض التجريبي لـ Newsroom CMS";
    private static final String CKB_CREDIT = "وێنەی کێشراو: نموونەی Newsroom CMS";
    private static final String TR_CREDIT = "Çizim: Newsroom CMS demo";

    private DemoPictures() {}

    /** Reading-room shelves beside a bright window, for the Erbil library story (English). */
    static NewMedia library() {
        return picture(
                "library.jpg",
                DemoPictures::drawLibrary,
                new FocalPoint(0.72, 0.42),
                Map.of(
                        LanguageTag.ENGLISH,
                        new MediaText(
                                "Shelves in the new reading room on 60 Metre Street, ready for Saturday's opening"
                                        + " (illustration).",
                                "Drawing of tall bookshelves with coloured spines beside a bright window",
                                EN_CREDIT.credit())));
    }

    /** Book stalls under striped awnings, for the Mutanabbi Street story (Arabic). */
    static NewMedia bookMarket() {
        return picture(
                "mutanabbi.jpg",
                DemoPictures::drawMarket,
                new FocalPoint(0.45, 0.62),
                Map.of(
                        LanguageTag.ARABIC,
                        new MediaText(
                                "بسطات الكتب تحت المظلات المخططة في شارع المتنبي بعد الترميم (رسم توضيحي).",
                                "رسم لأكشاك كتب تحت مظلات حمراء وبيضاء على رصيف حجري",
                                AR_CREDIT)));
    }

    /** A lit stage among the trees at dusk, for the poetry festival story (Sorani). */
    static NewMedia festival() {
        return picture(
                "azadi-park.jpg",
                DemoPictures::drawFestival,
                new FocalPoint(0.5, 0.58),
                Map.of(
                        LanguageTag.SORANI,
                        new MediaText(
                                "شانۆی فێستیڤاڵەکە لە پارکی ئازادی لە ئێوارەدا (وێنەی کێشراو).",
                                "وێنەیەکی کێشراو: شانۆیەکی ڕووناک لە نێوان درەختەکان و ئاسمانی پرتەقاڵیی ئێوارە",
                                CKB_CREDIT)));
    }

    /** Basalt walls and towers lit from below at night, for the Diyarbakır story (Turkish). */
    static NewMedia cityWalls() {
        return picture(
                "surlar.jpg",
                DemoPictures::drawWalls,
                new FocalPoint(0.35, 0.6),
                Map.of(
                        LanguageTag.TURKISH,
                        new MediaText(
                                "Diyarbakır surlarının İçkale yakınındaki bölümü gece ışıklar altında (çizim).",
                                "Gece mavisi gökyüzü önünde, tabanından sarı ışıkla aydınlatılmış koyu taş surlar ve"
                                        + " burçlar",
                                TR_CREDIT)));
    }

    /** The footbridge over the river with the city behind, for the translated story (all four). */
    static NewMedia footbridge() {
        return picture(
                "tanjaro.jpg",
                DemoPictures::drawBridge,
                new FocalPoint(0.5, 0.55),
                Map.of(
                        LanguageTag.ENGLISH,
                        new MediaText(
                                "The new footbridge over the Tanjaro river, with the city behind it (illustration).",
                                "Drawing of a white arched footbridge over a blue river, with city buildings against"
                                        + " the afternoon sky",
                                EN_CREDIT.credit()),
                        LanguageTag.ARABIC,
                        new MediaText(
                                "جسر المشاة الجديد فوق نهر تانجرو والمدينة خلفه (رسم توضيحي).",
                                "رسم لجسر مشاة أبيض مقوس فوق نهر أزرق، وخلفه مبانٍ تحت سماء العصر",
                                AR_CREDIT),
                        LanguageTag.SORANI,
                        new MediaText(
                                "پردە نوێیەکەی پیادەڕەو لەسەر ڕووباری تانجەرۆ و شارەکە لە پشتیەوە (وێنەی کێشراو).",
                                "وێنەیەکی کێشراو: پردێکی سپیی کەوانەیی لەسەر ڕووبارێکی شین، باڵەخانەکانی شار لە"
                                        + " پشتەوە لە ژێر ئاسمانی دوای نیوەڕۆ",
                                CKB_CREDIT),
                        LanguageTag.TURKISH,
                        new MediaText(
                                "Tancero Nehri üzerindeki yeni yaya köprüsü ve arkasında şehir (çizim).",
                                "Mavi bir nehrin üzerinde beyaz kemerli bir yaya köprüsü, arkada öğleden sonra"
                                        + " gökyüzüne karşı şehir binaları",
                                TR_CREDIT)));
    }

    private static NewMedia picture(
            String fileName, Consumer<Graphics2D> scene, FocalPoint focus, Map<LanguageTag, MediaText> texts) {
        return new NewMedia(jpeg(scene), "image/jpeg", fileName, HOLDER, TERMS, texts, focus);
    }

    static byte[] jpeg(Consumer<Graphics2D> scene) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            scene.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawLibrary(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xF3E3C3), 0, HEIGHT, new Color(0xC9A778)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // The window, with daylight falling across the floor.
        g.setPaint(new GradientPaint(1060, 120, new Color(0xE8F4FF), 1060, 620, new Color(0x9CC8EE)));
        g.fill(new Rectangle2D.Double(1060, 120, 400, 500));
        g.setColor(new Color(0x7A5634));
        g.setStroke(new BasicStroke(14));
        g.draw(new Rectangle2D.Double(1060, 120, 400, 500));
        g.drawLine(1260, 120, 1260, 620);
        g.drawLine(1060, 370, 1460, 370);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(1200, 900), 520, new float[] {0f, 1f}, new Color[] {
            new Color(255, 250, 230, 150), new Color(255, 250, 230, 0)
        }));
        g.fillRect(600, 620, 1000, 380);
        // Shelves of coloured spines.
        Random random = new Random(60);
        Color[] spines = {
            new Color(0x8C2F39), new Color(0x2F5D8C), new Color(0x3E7B4F), new Color(0xD9A441),
            new Color(0x5B3F8C), new Color(0xB5542C), new Color(0x1F3B4D), new Color(0xE0D6C2)
        };
        for (int shelf = 0; shelf < 5; shelf++) {
            int base = 220 + shelf * 160;
            g.setColor(new Color(0x5A3A22));
            g.fillRect(80, base, 900, 16);
            int x = 96;
            while (x < 960) {
                int w = 18 + random.nextInt(22);
                int h = 90 + random.nextInt(50);
                g.setColor(spines[random.nextInt(spines.length)]);
                g.fillRect(x, base - h, w, h);
                g.setColor(new Color(0, 0, 0, 40));
                g.fillRect(x + w - 4, base - h, 4, h);
                x += w + 2;
            }
        }
        g.setColor(new Color(0x5A3A22));
        g.fillRect(70, 60, 20, 900);
        g.fillRect(970, 60, 20, 900);
    }

    private static void drawMarket(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x9FD3F5), 0, 300, new Color(0xF6E7C8)));
        g.fillRect(0, 0, WIDTH, 320);
        // Old brick facades behind the stalls.
        g.setPaint(new GradientPaint(0, 120, new Color(0xC98B5A), 0, 620, new Color(0xA8683F)));
        g.fillRect(0, 120, WIDTH, 500);
        g.setColor(new Color(0x6E4127));
        for (int x = 60; x < WIDTH; x += 260) {
            g.fill(new Arc2D.Double(x, 170, 140, 140, 0, 180, Arc2D.PIE));
            g.fillRect(x, 240, 140, 160);
        }
        // Stone pavement.
        g.setPaint(new GradientPaint(0, 620, new Color(0xD8CFC0), 0, HEIGHT, new Color(0xA79C8A)));
        g.fillRect(0, 620, WIDTH, HEIGHT - 620);
        g.setColor(new Color(0x8E8372));
        for (int y = 660; y < HEIGHT; y += 60) {
            g.drawLine(0, y, WIDTH, y);
        }
        // Three stalls, each under a red and white striped awning, with piles of books.
        Random random = new Random(1932);
        for (int stall = 0; stall < 3; stall++) {
            int left = 80 + stall * 510;
            for (int s = 0; s < 10; s++) {
                g.setColor(s % 2 == 0 ? new Color(0xC8332B) : new Color(0xF7F2E8));
                Path2D stripe = new Path2D.Double();
                stripe.moveTo(left + s * 44, 400);
                stripe.lineTo(left + (s + 1) * 44, 400);
                stripe.lineTo(left + (s + 1) * 44 + 6, 480);
                stripe.lineTo(left + s * 44 + 6, 480);
                stripe.closePath();
                g.fill(stripe);
            }
            g.setColor(new Color(0x4A3526));
            g.fillRect(left + 8, 480, 10, 260);
            g.fillRect(left + 428, 480, 10, 260);
            g.setColor(new Color(0x7B5A3C));
            g.fillRect(left - 10, 700, 470, 30);
            for (int pile = 0; pile < 6; pile++) {
                int y = 700;
                int count = 3 + random.nextInt(5);
                for (int b = 0; b < count; b++) {
                    int h = 12 + random.nextInt(10);
                    y -= h;
                    g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.55f + random.nextFloat() * 0.35f));
                    g.fillRect(left + 10 + pile * 74 + random.nextInt(6), y, 62, h - 1);
                }
            }
        }
    }

    private static void drawFestival(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B2A5C), 0, 560, new Color(0xF29A4A)));
        g.fillRect(0, 0, WIDTH, 560);
        // Hills, then the lawn.
        g.setColor(new Color(0x4B4A6E));
        Path2D hills = new Path2D.Double();
        hills.moveTo(0, 560);
        hills.curveTo(300, 380, 600, 420, 800, 500);
        hills.curveTo(1000, 400, 1300, 380, WIDTH, 520);
        hills.lineTo(WIDTH, 600);
        hills.lineTo(0, 600);
        hills.closePath();
        g.fill(hills);
        g.setPaint(new GradientPaint(0, 560, new Color(0x3F6B3A), 0, HEIGHT, new Color(0x1F3A1E)));
        g.fillRect(0, 560, WIDTH, HEIGHT - 560);
        // Trees on both sides.
        Random random = new Random(1974);
        for (int t = 0; t < 14; t++) {
            double x = t < 7 ? 20 + t * 80 : 1000 + (t - 7) * 85;
            double y = 480 + random.nextInt(120);
            g.setColor(new Color(0x3A2A1C));
            g.fill(new Rectangle2D.Double(x + 40, y + 80, 14, 110));
            g.setColor(new Color(0x24452A).brighter());
            g.fill(new Ellipse2D.Double(x, y, 96, 120));
        }
        // The stage with a warm light on it.
        g.setColor(new Color(0x2A1E16));
        g.fillRect(600, 560, 400, 140);
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(800, 560),
                260,
                new float[] {0f, 0.5f, 1f},
                new Color[] {new Color(255, 236, 170, 230), new Color(255, 190, 90, 110), new Color(255, 160, 60, 0)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(540, 300, 520, 520));
        g.setColor(new Color(0x8C1C13));
        g.fillRect(620, 420, 360, 20);
        // The audience, seen from behind.
        for (int row = 0; row < 4; row++) {
            for (int p = 0; p < 18; p++) {
                double x = 430 + p * 42 + (row % 2) * 20 + random.nextInt(8);
                double y = 760 + row * 55;
                g.setColor(new Color(0x15110F));
                g.fill(new Ellipse2D.Double(x, y, 26, 26));
                g.fill(new Ellipse2D.Double(x - 8, y + 22, 42, 50));
            }
        }
    }

    private static void drawWalls(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x081229), 0, 700, new Color(0x1E3A6E)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Random random = new Random(1088);
        g.setColor(new Color(255, 255, 235, 200));
        for (int s = 0; s < 120; s++) {
            int r = 1 + random.nextInt(3);
            g.fillOval(random.nextInt(WIDTH), random.nextInt(420), r, r);
        }
        // The wall, with round towers and crenellations, in dark basalt.
        Color basalt = new Color(0x2B2A2E);
        g.setColor(basalt);
        g.fillRect(0, 520, WIDTH, 380);
        for (int x = 0; x < WIDTH; x += 60) {
            g.fillRect(x, 490, 34, 30);
        }
        for (int tower = 0; tower < 4; tower++) {
            int x = 120 + tower * 420;
            g.fillRect(x, 400, 200, 500);
            g.fill(new Ellipse2D.Double(x, 360, 200, 80));
            for (int c = 0; c < 5; c++) {
                g.fillRect(x + c * 42, 372, 28, 30);
            }
        }
        // Lamps along the foot of the wall, throwing warm light upwards.
        for (int lamp = 0; lamp < 8; lamp++) {
            double x = 100 + lamp * 200;
            g.setPaint(
                    new RadialGradientPaint(new Point2D.Double(x, 900), 420, new float[] {0f, 0.35f, 1f}, new Color[] {
                        new Color(255, 214, 120, 210), new Color(240, 170, 70, 110), new Color(200, 120, 40, 0)
                    }));
            g.fill(new Ellipse2D.Double(x - 420, 480, 840, 840));
        }
        // Stone courses over the light, then the road.
        g.setColor(new Color(0, 0, 0, 60));
        for (int y = 560; y < 900; y += 45) {
            g.drawLine(0, y, WIDTH, y);
        }
        g.setPaint(new GradientPaint(0, 900, new Color(0x3A3530), 0, HEIGHT, new Color(0x1A1816)));
        g.fillRect(0, 900, WIDTH, 100);
    }

    private static void drawBridge(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x6FB2E8), 0, 520, new Color(0xFBE3B0)));
        g.fillRect(0, 0, WIDTH, 520);
        g.setColor(new Color(255, 246, 214));
        g.fill(new Ellipse2D.Double(1260, 90, 120, 120));
        // The skyline: blocks of varied heights, with rows of windows.
        Random random = new Random(1784);
        for (int x = 0; x < WIDTH; ) {
            int w = 60 + random.nextInt(90);
            int h = 120 + random.nextInt(260);
            g.setColor(Color.getHSBColor(0.08f + random.nextFloat() * 0.06f, 0.25f, 0.55f + random.nextFloat() * 0.3f));
            g.fillRect(x, 520 - h, w, h);
            g.setColor(new Color(60, 70, 90, 120));
            for (int wy = 520 - h + 16; wy < 500; wy += 28) {
                for (int wx = x + 10; wx < x + w - 14; wx += 22) {
                    g.fillRect(wx, wy, 10, 14);
                }
            }
            x += w + 6;
        }
        // The river.
        g.setPaint(new GradientPaint(0, 520, new Color(0x3C7DB4), 0, HEIGHT, new Color(0x14406B)));
        g.fillRect(0, 520, WIDTH, HEIGHT - 520);
        g.setColor(new Color(255, 255, 255, 50));
        for (int r = 0; r < 40; r++) {
            int y = 560 + random.nextInt(420);
            int x = random.nextInt(WIDTH);
            g.fillRect(x, y, 60 + random.nextInt(120), 3);
        }
        // The footbridge: a white arch carrying a deck, with hangers.
        g.setColor(new Color(0xF4F4F0));
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(160, 440, 1280, 420, 0, 180, Arc2D.OPEN));
        g.setStroke(new BasicStroke(4));
        for (int x = 260; x <= 1340; x += 60) {
            double dx = (x - 800) / 640.0;
            double top = 650 - 210 * Math.sqrt(Math.max(0, 1 - dx * dx));
            g.drawLine(x, (int) top, x, 650);
        }
        g.fillRect(60, 640, 1480, 22);
        g.setColor(new Color(0xB8B8B0));
        g.fillRect(60, 662, 1480, 8);
        // Its reflection.
        g.setColor(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(10));
        g.draw(new Arc2D.Double(160, 680, 1280, 300, 180, 180, Arc2D.OPEN));
    }
}
