# syntax=docker/dockerfile:1
# The image of every Patchbay service: one build definition, the service chosen by the SERVICE build argument.
# Build context: the repository root (each service is one module of the Maven reactor).
#   docker build --build-arg SERVICE=config-service -t patchbay/config-service .
# (docker-compose.yml builds all four this way.) Configured only by environment variables (PATCHBAY_*; see the
# service's README and docker-compose.yml). oauth-service: set PATCHBAY_PUBLIC_URL to the address browsers and
# providers use (the login callback is <that>/__oauth__/integrations/callback).

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" && test -f "${SERVICE}/pom.xml" \
    && ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
    && cp "${SERVICE}"/target/"${SERVICE}"-*.jar /src/service.jar

FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 patchbay \
    && useradd --system --uid 10001 --gid patchbay --home-dir /app --shell /usr/sbin/nologin patchbay
WORKDIR /app
COPY --from=build --chown=root:root /src/service.jar /app/service.jar
ENV PATCHBAY_HTTP_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=2000"
# JDK 25 ahead-of-time cache (JEP 483/514): a training start records the classes the service loads and links, up to
# the database it cannot reach at build time (the framework, Netty, serialisation, logging, the connection pool: most
# of a start's class loading), and the JVM writes /app/service.aot as it exits. Every container start then uses it
# (-XX:AOTCache); with other JVM options than these the JVM ignores it and starts as it would without.
RUN PATCHBAY_DB_URL=jdbc:postgresql://127.0.0.1:9/training PATCHBAY_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
    java -XX:AOTCacheOutput=/app/service.aot -jar /app/service.jar > /tmp/aot-training.log 2>&1; \
    test -s /app/service.aot || { tail -20 /tmp/aot-training.log; exit 1; }; rm -f /tmp/aot-training.log
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/service.aot", "-jar", "/app/service.jar"]
