package io.jangteo.axon.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Crypto-shredding settings.
 *
 * @param masterKey    base64, at least 256 bits; wraps every member's key. Embedded mode generates one into the data
 *                     directory when unset; scale-out mode requires it, the same on every node
 * @param keyCacheTtl  how long an unwrapped key is used without asking the store again: the window in which a node
 *                     still reads personal data that another node has just erased
 * @param keyCacheSize how many members' keys are kept unwrapped in memory
 */
@ConfigurationProperties("jangteo.privacy")
record PrivacyProperties(String masterKey, Duration keyCacheTtl, int keyCacheSize) {

    PrivacyProperties {
        keyCacheTtl = keyCacheTtl == null ? Duration.ofSeconds(60) : keyCacheTtl;
        keyCacheSize = keyCacheSize <= 0 ? 10_000 : keyCacheSize;
    }

    @Override
    public String toString() {
        // the master key must not reach a log through a configuration dump
        return "PrivacyProperties[masterKey=" + (masterKey == null || masterKey.isBlank() ? "unset" : "***")
                + ", keyCacheTtl=" + keyCacheTtl + ", keyCacheSize=" + keyCacheSize + "]";
    }
}
