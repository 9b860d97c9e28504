package news.cms.publicapi.config;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor behind {@code @Async} and the outbox listeners ({@code @ApplicationModuleListener}):
 * a pool of {@code spring.task.execution.pool.core-size} threads with a queue that never refuses,
 * as the editor and moderation apps have by Spring Boot's default (ADR 0039).
 *
 * <p>With {@code spring.threads.virtual.enabled} Boot would make it a {@code
 * SimpleAsyncTaskExecutor} instead: a new virtual thread per event and no bound, so one commit of
 * 500 stories started thousands of listeners at once, which emptied the pool of 10 connections and
 * tripped the database's breaker (bench/search). Its {@code concurrency-limit} is no cure: it makes
 * the publishing thread wait for a free permit (10 s behind a frozen search engine,
 * DependencyFaultsIT). Here a burst queues, and the submitting thread returns at once.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration {

    // "taskExecutor" is the name @EnableAsync looks up when it finds more than one TaskExecutor
    // (the scheduler is one); with this bean in place Boot makes neither its executor nor the
    // AsyncConfigurer that would point @Async at it. Request handling stays on virtual threads.
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.build();
    }
}
