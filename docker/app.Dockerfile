# One image per app: docker build -f docker/app.Dockerfile --build-arg APP=cms-editor-ui .
# Build the jars first (./mvnw -DskipTests package); the context is the repository root, cut down by
# .dockerignore to the files the Dockerfiles copy. The base image is pinned to an exact Temurin release.
# ProductionSettingsIT starts the jars with this ENTRYPOINT (the JVM's own defaults, no demo jar).
FROM eclipse-temurin:25.0.3_9-jre-noble
ARG APP
RUN useradd --system --uid 10001 cms
WORKDIR /app
COPY ${APP}/target/${APP}.jar /app/app.jar
USER cms
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
