package news.cms.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A .dockerignore's rules as Docker applies them: patterns relative to the context root with
 * {@code *}, {@code ?} and {@code **}, a leading {@code !} letting a path back in, the last matching
 * rule deciding; a rule that matches a folder matches everything under it.
 */
record DockerIgnore(List<Rule> rules) {

    record Rule(Pattern pattern, boolean include) {}

    static DockerIgnore read(Path file) {
        List<Rule> rules = new ArrayList<>();
        for (String line : ComposeFile.read(file).split("\n")) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean include = rule.startsWith("!");
            String glob = (include ? rule.substring(1) : rule).strip();
            glob = glob.replaceAll("^/+", "").replaceAll("/+$", "");
            rules.add(new Rule(Pattern.compile(regex(glob)), include));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether the file at {@code path} (relative to the context) is sent to the builder. */
    boolean sends(String path) {
        boolean sent = true;
        for (Rule rule : rules) {
            if (matchesItOrAFolderAbove(rule.pattern(), path)) {
                sent = rule.include();
            }
        }
        return sent;
    }

    private static boolean matchesItOrAFolderAbove(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static String regex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    i++; // "**/" is any number of folders, none included
                    out.append("(?:.*/)?");
                } else {
                    out.append(".*");
                }
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
