# ip4bot: multi-stage build. Stage 1 builds the fat jar with the Maven wrapper; stage 2 runs it on a JRE 17.
#   docker build -t ip4bot .
#   docker run -p 3000:3000 -v "$PWD/corpus:/app/corpus:ro" -v ip4bot-data:/data \
#     -e IP4BOT_ADMIN_TOKEN=... -e IP4BOT_API_TOKEN=... ip4bot
# Every setting comes from the environment (see README, "Operations").

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package && cp target/ip4bot.jar /build/ip4bot.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system ip4bot && useradd --system --gid ip4bot --home-dir /data --shell /usr/sbin/nologin ip4bot \
    && mkdir -p /app /data/tmp /data/djl \
    && chown -R ip4bot:ip4bot /data \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /build/ip4bot.jar /app/ip4bot.jar
# The bundled corpus and config are defaults: mount your own over /app/corpus and /app/config.
COPY corpus /app/corpus
COPY config /app/config

# /data holds the index, feedback.jsonl, DJL's tokenizer library and onnxruntime's unpacked natives.
ENV PORT=3000 \
    IP4BOT_CORPUS=/app/corpus \
    IP4BOT_DATA=/data \
    DJL_CACHE_DIR=/data/djl \
    HOME=/data \
    JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=/data/tmp -XX:MaxRAMPercentage=75"
VOLUME ["/data"]
USER ip4bot
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
# exec form: the JVM is PID 1 and gets SIGTERM directly, for a graceful stop.
ENTRYPOINT ["java", "-jar", "/app/ip4bot.jar", "serve"]
