package org.ip4bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the Teams bot proves who it is and checks who calls it: the single-tenant Azure app registration, and the
 * Bot Framework's OpenID metadata and token endpoints. {@link #toString()} never shows the password.
 *
 * <p>The endpoints default to Microsoft's production ones. The two overrides exist for local test harnesses only and
 * are accepted only with loopback addresses; the token issuer and the signing algorithms are constants in the
 * {@code teams} package and cannot be changed here.
 *
 * @param appId              {@code MICROSOFT_APP_ID}, the bot's Microsoft App ID (the tokens' audience)
 * @param appPassword        {@code MICROSOFT_APP_PASSWORD}, the app registration's client secret
 * @param tenantId           {@code MICROSOFT_APP_TENANT_ID}, the Entra tenant of the single-tenant registration
 * @param openIdMetadataUrl  {@code BOTFRAMEWORK_OPENID_METADATA_URL}, where the Connector's signing keys are listed
 * @param tokenUrl           {@code BOTFRAMEWORK_TOKEN_URL}, where the bot gets its own access tokens
 */
public record TeamsSettings(String appId, String appPassword, String tenantId, String openIdMetadataUrl,
        String tokenUrl) {

    public static final String PRODUCTION_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    private static final String PRODUCTION_TOKEN_URL = "https://login.microsoftonline.com/%s/oauth2/v2.0/token";

    private static final Pattern APP_ID = Pattern.compile("[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    /** A tenant GUID or a verified domain name: it becomes part of the token endpoint's path. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public TeamsSettings {
        requireText("MICROSOFT_APP_ID", appId);
        requireText("MICROSOFT_APP_PASSWORD", appPassword);
        requireText("MICROSOFT_APP_TENANT_ID", tenantId);
        if (!APP_ID.matcher(appId).matches()) {
            throw new ConfigException("MICROSOFT_APP_ID must be the app registration's Application (client) ID, a "
                    + "GUID such as 00000000-0000-0000-0000-000000000000; was '" + appId + "'");
        }
        if (!TENANT.matcher(tenantId).matches()) {
            throw new ConfigException("MICROSOFT_APP_TENANT_ID must be the Directory (tenant) ID, a GUID from the app "
                    + "registration's overview page; was '" + tenantId + "'");
        }
        checkUrl("BOTFRAMEWORK_OPENID_METADATA_URL", openIdMetadataUrl, PRODUCTION_OPENID_METADATA_URL);
        checkUrl("BOTFRAMEWORK_TOKEN_URL", tokenUrl, productionTokenUrl(tenantId));
    }

    /**
     * Reads Teams' settings. All three credentials absent means Teams is off (empty); some but not all of them set is
     * a mistake and fails here, naming the missing ones.
     */
    public static Optional<TeamsSettings> fromEnvironment(Map<String, String> env) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String name : List.of("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID")) {
            credentials.put(name, blankToNull(env.get(name)));
        }
        List<String> missing = new ArrayList<>();
        credentials.forEach((name, value) -> {
            if (value == null) {
                missing.add(name);
            }
        });
        if (missing.size() == credentials.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set, but other MICROSOFT_APP_* settings are: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD "
                    + "and MICROSOFT_APP_TENANT_ID to turn the Teams bot on, or none of them to run without Teams");
        }
        String tenant = credentials.get("MICROSOFT_APP_TENANT_ID");
        String metadata = blankToNull(env.get("BOTFRAMEWORK_OPENID_METADATA_URL"));
        String token = blankToNull(env.get("BOTFRAMEWORK_TOKEN_URL"));
        return Optional.of(new TeamsSettings(credentials.get("MICROSOFT_APP_ID"),
                credentials.get("MICROSOFT_APP_PASSWORD"), tenant,
                metadata == null ? PRODUCTION_OPENID_METADATA_URL : metadata,
                token == null ? productionTokenUrl(tenant) : token));
    }

    /** The production settings for this app: Microsoft's own endpoints. */
    public static TeamsSettings production(String appId, String appPassword, String tenantId) {
        return new TeamsSettings(appId, appPassword, tenantId, PRODUCTION_OPENID_METADATA_URL,
                productionTokenUrl(tenantId));
    }

    /** The settings that replace a production endpoint, by name, with their values; empty in production. */
    public Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (!openIdMetadataUrl.equals(PRODUCTION_OPENID_METADATA_URL)) {
            overrides.put("BOTFRAMEWORK_OPENID_METADATA_URL", openIdMetadataUrl);
        }
        if (!tokenUrl.equals(productionTokenUrl(tenantId))) {
            overrides.put("BOTFRAMEWORK_TOKEN_URL", tokenUrl);
        }
        return overrides;
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=(hidden), tenantId=" + tenantId + ", openIdMetadataUrl="
                + openIdMetadataUrl + ", tokenUrl=" + tokenUrl + "]";
    }

    private static String productionTokenUrl(String tenantId) {
        return String.format(PRODUCTION_TOKEN_URL, tenantId);
    }

    /** The production address itself, or else a loopback address (a local test harness). */
    private static void checkUrl(String name, String url, String production) {
        Objects.requireNonNull(url, name);
        if (url.equals(production)) {
            return;
        }
        String host;
        try {
            URI uri = new URI(url);
            host = uri.getHost();
            if (host == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(name + " must be an http(s) address, was '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " must be an http(s) address, was '" + url + "'");
        }
        if (!LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name + " may only point at a local test harness (127.0.0.1, localhost or "
                    + "[::1]); was '" + url + "'. Unset it in production: the bot then uses " + production);
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " must not be empty");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
