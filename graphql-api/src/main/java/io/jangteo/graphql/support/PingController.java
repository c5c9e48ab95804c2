package io.jangteo.graphql.support;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PingController {

    @QueryMapping
    boolean ping() {
        return true;
    }
}
