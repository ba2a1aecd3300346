package io.jitar.worker.config;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The worker's own {@code Jsonb}, the one every call shares. Qualified so that an application
 * producing a {@code Jsonb} of its own neither collides with it nor changes how RPCs are encoded.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface WorkerJson {
}
