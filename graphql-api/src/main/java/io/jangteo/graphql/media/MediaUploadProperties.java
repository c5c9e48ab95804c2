package io.jangteo.graphql.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the upload endpoint. The servlet container's multipart limits are derived from these (see
 * {@link MediaWebConfiguration}), so there is one place to raise them.
 *
 * @param maxImageBytes largest image accepted
 * @param maxVideoBytes largest video accepted
 */
@ConfigurationProperties("jangteo.api.media")
record MediaUploadProperties(@DefaultValue("10MB") DataSize maxImageBytes,
                             @DefaultValue("200MB") DataSize maxVideoBytes) {

    long largest() {
        return Math.max(maxImageBytes.toBytes(), maxVideoBytes.toBytes());
    }
}
