package io.jangteo.query.shipping;

import io.jangteo.messages.shipping.PostcodeRange;
import io.jangteo.messages.shipping.RemoteAreas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * Which postcodes count as remote islands: {@code jangteo.shipping.remote-islands}, comma-separated {@code from-to}
 * ranges (a single postcode stands for itself), or the default list when unset. Jeju is fixed by the postal service.
 */
@Configuration(proxyBeanMethods = false)
class RemoteAreasConfiguration {

    @Bean
    RemoteAreas remoteAreas(@Value("${jangteo.shipping.remote-islands:}") String remoteIslands) {
        return parse(remoteIslands);
    }

    static RemoteAreas parse(String remoteIslands) {
        if (remoteIslands == null || remoteIslands.isBlank()) {
            return RemoteAreas.defaults();
        }
        List<PostcodeRange> ranges = new ArrayList<>();
        for (String part : remoteIslands.split(",")) {
            String range = part.strip();
            if (range.isEmpty()) {
                continue;
            }
            String[] bounds = range.split("-", -1);
            try {
                if (bounds.length == 1) {
                    int postcode = postcode(bounds[0]);
                    ranges.add(new PostcodeRange(postcode, postcode));
                } else if (bounds.length == 2) {
                    ranges.add(new PostcodeRange(postcode(bounds[0]), postcode(bounds[1])));
                } else {
                    throw new IllegalArgumentException("more than one '-'");
                }
            } catch (IllegalArgumentException e) {
                // fail at start-up, naming the property: a silently dropped range would under-charge island deliveries
                throw new IllegalArgumentException("jangteo.shipping.remote-islands: '" + range
                        + "' is not a postcode range like 23004-23010 (" + e.getMessage() + ")", e);
            }
        }
        return new RemoteAreas(List.of(RemoteAreas.JEJU), ranges);
    }

    private static int postcode(String text) {
        String digits = text.strip();
        if (!digits.matches("\\d{5}")) {
            throw new IllegalArgumentException("a postcode has five digits");
        }
        return Integer.parseInt(digits);
    }
}
