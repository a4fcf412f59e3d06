package org.ip4bot.teams;

/** The checks every request to the messaging endpoint must pass, in the order they run; a failure names one. */
enum Check {
    /** The body is larger than any activity, or is not an activity. */
    BODY("body"),
    /** 1: {@code Authorization: Bearer <token>}, exactly. */
    BEARER("bearer"),
    /** 2: the token is signed with an allowed algorithm. */
    ALGORITHM("algorithm"),
    /** 3: the token's {@code kid} is a current signing key, and the signature verifies with it. */
    SIGNATURE("signature"),
    /** 4: the issuer is the Bot Framework. */
    ISSUER("issuer"),
    /** 5: the audience is this bot's app ID. */
    AUDIENCE("audience"),
    /** 6: the token is within its lifetime, give or take the clock skew. */
    LIFETIME("lifetime"),
    /** 7: the activity comes from Teams and the signing key is endorsed for Teams. */
    ENDORSEMENT("endorsement"),
    /** 8: the token's {@code serviceurl} claim is the activity's {@code serviceUrl}. */
    SERVICE_URL("serviceurl");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    /** A short name for logs and metrics. */
    String label() {
        return label;
    }
}
