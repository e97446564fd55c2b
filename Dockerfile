# syntax=docker/dockerfile:1
# Build stage: Maven on JDK 17 produces the self-contained jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY prompts prompts
RUN mvn -B -q package -DskipTests

# Run stage: a JRE, a non-root user, the database on a volume.
FROM eclipse-temurin:17-jre
# fonts for the /progress pictures (drawn headless): installed with the image, never fetched at run time
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin drillbot \
    && mkdir -p /data && chown drillbot /data
WORKDIR /app
COPY --from=build /src/target/drillbot.jar /app/drillbot.jar
COPY questions /app/questions
COPY config /app/config
COPY prompts /app/prompts
VOLUME /data
# Tokens are passed at run time: docker run -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -e DISCORD_BOT_TOKEN ...
ENV DRILLBOT_DB=/data/drillbot.db \
    DRILLBOT_CONFIG=/app/config/drillbot.yaml
USER drillbot
# Serial GC and a heap that starts small keep an idle bot at 143-159 MB resident instead of 187-195 (docs/benchmarks.md,
# "Footprint"); 256 MB is ample for the bot: SQL answers run in grading processes with heaps of their own.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xms16m", "-Xmx256m", "-jar", "/app/drillbot.jar"]
CMD ["run"]
