package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Teams app manifest fields and icon sizes the Teams brief lists, checked before a package is written, so an
 * upload does not fail in the Teams client with a vaguer message. Not a full schema validation.
 */
final class ManifestRules {

    static final int COLOR_SIZE = 192;
    static final int OUTLINE_SIZE = 32;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern DOMAIN = Pattern.compile("(?:\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Set<String> SCOPES = Set.of("personal", "team", "groupChat");

    private ManifestRules() {
    }

    /** Everything wrong with the manifest, one line each; empty when it passes. */
    static List<String> problems(JsonNode manifest, String appId) {
        List<String> problems = new ArrayList<>();
        if (manifest.toString().contains("{{")) {
            problems.add("a {{placeholder}} was left unfilled");
        }
        require(problems, manifest, "$schema", 1, 2048);
        require(problems, manifest, "manifestVersion", 1, 10);
        match(problems, "version", manifest.path("version").asText(), VERSION);
        match(problems, "id", manifest.path("id").asText(), GUID);
        require(problems, manifest.path("developer"), "name", 1, 32, "developer.");
        for (String url : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
            if (!manifest.path("developer").path(url).asText().startsWith("https://")) {
                problems.add("developer." + url + " must be an https address");
            }
        }
        require(problems, manifest.path("name"), "short", 1, 30, "name.");
        require(problems, manifest.path("name"), "full", 1, 100, "name.");
        require(problems, manifest.path("description"), "short", 1, 80, "description.");
        require(problems, manifest.path("description"), "full", 1, 4000, "description.");
        if (!"color.png".equals(manifest.path("icons").path("color").asText())
                || !"outline.png".equals(manifest.path("icons").path("outline").asText())) {
            problems.add("icons must name color.png and outline.png, the files in the package");
        }
        match(problems, "accentColor", manifest.path("accentColor").asText(), COLOR);
        bots(problems, manifest.path("bots"), appId);
        JsonNode domains = manifest.path("validDomains");
        if (!domains.isArray()) {
            problems.add("validDomains must be a list of host names");
        }
        domains.forEach(d -> match(problems, "validDomains entry", d.asText(), DOMAIN));
        return problems;
    }

    /** Problems with the two icons: their sizes, and an outline that is only white on transparent. */
    static List<String> iconProblems(BufferedImage color, BufferedImage outline) {
        List<String> problems = new ArrayList<>();
        if (color == null || color.getWidth() != COLOR_SIZE || color.getHeight() != COLOR_SIZE) {
            problems.add("color.png must be a " + COLOR_SIZE + "x" + COLOR_SIZE + " PNG");
        }
        if (outline == null || outline.getWidth() != OUTLINE_SIZE || outline.getHeight() != OUTLINE_SIZE) {
            problems.add("outline.png must be a " + OUTLINE_SIZE + "x" + OUTLINE_SIZE + " PNG");
        } else if (!whiteOnTransparent(outline)) {
            problems.add("outline.png must be white on a transparent background");
        }
        return problems;
    }

    private static boolean whiteOnTransparent(BufferedImage image) {
        boolean transparent = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent = true;
                } else if ((argb & 0xFFFFFF) != 0xFFFFFF) {
                    return false;
                }
            }
        }
        return transparent;
    }

    private static void bots(List<String> problems, JsonNode bots, String appId) {
        if (!bots.isArray() || bots.size() != 1) {
            problems.add("bots must hold exactly one bot");
            return;
        }
        JsonNode bot = bots.get(0);
        if (!appId.equals(bot.path("botId").asText())) {
            problems.add("bots[0].botId must be the Microsoft App ID " + appId);
        }
        bot.path("scopes").forEach(s -> {
            if (!SCOPES.contains(s.asText())) {
                problems.add("bots[0].scopes: '" + s.asText() + "' is not one of " + SCOPES);
            }
        });
        JsonNode lists = bot.path("commandLists");
        if (lists.size() > 3) {
            problems.add("bots[0].commandLists may hold at most 3 lists, one per scope");
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode list : lists) {
            list.path("scopes").forEach(s -> {
                if (!listed.add(s.asText())) {
                    problems.add("bots[0].commandLists: scope '" + s.asText() + "' has more than one list");
                }
            });
            JsonNode commands = list.path("commands");
            if (commands.size() > 12) {
                problems.add("bots[0].commandLists: at most 12 commands a list");
            }
            for (JsonNode command : commands) {
                require(problems, command, "title", 1, 32, "command ");
                require(problems, command, "description", 1, 128, "command ");
            }
        }
    }

    private static void require(List<String> problems, JsonNode node, String field, int min, int max) {
        require(problems, node, field, min, max, "");
    }

    private static void require(List<String> problems, JsonNode node, String field, int min, int max,
            String prefix) {
        String value = node.path(field).asText("");
        if (value.length() < min || value.length() > max) {
            problems.add(prefix + field + " must be " + min + " to " + max + " characters, was " + value.length()
                    + (value.isEmpty() ? "" : " ('" + value + "')"));
        }
    }

    private static void match(List<String> problems, String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            problems.add(field + " '" + value + "' is not valid");
        }
    }
}
