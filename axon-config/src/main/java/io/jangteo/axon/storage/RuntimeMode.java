package io.jangteo.axon.storage;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The two runtime modes; scale-out is chosen by the {@code scale-out} profile alone. */
public enum RuntimeMode {
    EMBEDDED, SCALE_OUT;

    public static final String SCALE_OUT_PROFILE = "scale-out";

    public static RuntimeMode of(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(SCALE_OUT_PROFILE)) ? SCALE_OUT : EMBEDDED;
    }
}
