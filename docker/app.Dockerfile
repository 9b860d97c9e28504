# One image per app: docker build -f docker/app.Dockerfile --build-arg APP=cms-editor-ui .
# Build the jars first (./mvnw -DskipTests package); the context is the repository root.
FROM eclipse-temurin:25-jre
ARG APP
RUN useradd --system --uid 10001 cms
WORKDIR /app
COPY ${APP}/target/${APP}.jar /app/app.jar
USER cms
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
