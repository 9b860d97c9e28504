package news.cms.testsupport;

import java.nio.charset.StandardCharsets;

/**
 * Turns a fuzzer's bytes into the text a request could carry. Seeds stay readable files: bytes are
 * UTF-8, as HTTP bodies and parameters are. A first byte of 0 switches to raw UTF-16 code units (two
 * bytes each), because JSON escapes such as {@code \ud800} bring lone surrogates that UTF-8 cannot.
 */
public final class FuzzText {

    private FuzzText() {}

    public static String of(byte[] data) {
        if (data.length == 0 || data[0] != 0) {
            return new String(data, StandardCharsets.UTF_8);
        }
        char[] chars = new char[(data.length - 1) / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((data[1 + 2 * i] & 0xFF) << 8) | (data[2 + 2 * i] & 0xFF));
        }
        return new String(chars);
    }
}
