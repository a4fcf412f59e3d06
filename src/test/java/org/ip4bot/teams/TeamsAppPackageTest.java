package org.ip4bot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.ip4bot.Ip4botException;
import org.ip4bot.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsAppPackageTest {

    @TempDir
    Path temp;

    @Test
    void theCliWritesAFlatZipWhoseManifestPassesTheBriefsRules() throws IOException {
        // given
        Path zip = temp.resolve("out/ip4bot-teams.zip");

        // when
        int exit = Main.run("teams-package", "--app-id", FakeBotFramework.APP_ID, "--domain", "bot.example.org",
                "--out", zip.toString());

        // then
        assertEquals(0, exit);
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(List.of("manifest.json", "color.png", "outline.png"), List.copyOf(entries.keySet()));
        JsonNode manifest = FakeBotFramework.json(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertEquals(List.of(), ManifestRules.problems(manifest, FakeBotFramework.APP_ID));
        assertEquals(FakeBotFramework.APP_ID, manifest.path("id").asText());
        assertEquals(FakeBotFramework.APP_ID, manifest.path("bots").get(0).path("botId").asText());
        assertEquals("bot.example.org", manifest.path("validDomains").get(0).asText());
        assertEquals("1.17", manifest.path("manifestVersion").asText());
        assertEquals(List.of(), ManifestRules.iconProblems(
                ImageIO.read(new ByteArrayInputStream(entries.get("color.png"))),
                ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")))));
    }

    @Test
    void aTemplateThatWouldNotUploadIsRefusedWithEveryProblemNamed() throws IOException {
        // given: a command title over 32 characters and a 32x32 colour icon
        Path template = Files.createDirectories(temp.resolve("template"));
        String manifest = Files.readString(TeamsAppPackage.TEMPLATE_DIR.resolve("manifest.json"))
                .replace("\"title\": \"sources\"", "\"title\": \"sources and everything else you can list\"");
        Files.writeString(template.resolve("manifest.json"), manifest);
        Files.copy(TeamsAppPackage.TEMPLATE_DIR.resolve("outline.png"), template.resolve("color.png"));
        Files.copy(TeamsAppPackage.TEMPLATE_DIR.resolve("outline.png"), template.resolve("outline.png"));
        Path zip = temp.resolve("bad.zip");

        // when
        Ip4botException e = assertThrows(Ip4botException.class, () -> TeamsAppPackage.write(template,
                FakeBotFramework.APP_ID, "bot.example.org", zip));

        // then
        assertTrue(e.getMessage().contains("command title must be 1 to 32 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("color.png must be a 192x192 PNG"), e.getMessage());
        assertFalse(Files.exists(zip));
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entriesIn.getNextEntry()) != null; ) {
                entries.put(entry.getName(), entriesIn.readAllBytes());
            }
        }
        return entries;
    }
}
