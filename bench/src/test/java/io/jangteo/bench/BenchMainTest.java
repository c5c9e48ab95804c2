package io.jangteo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void defaultsAndBothOptionForms() {
        BenchMain.Options defaults = BenchMain.Options.parse();
        assertThat(defaults).isEqualTo(new BenchMain.Options(Path.of("graphql-api/target/app/jangteo.jar"),
                Path.of("bench/RESULTS.md"), Duration.ofSeconds(20), Duration.ofSeconds(60),
                List.of("-XX:SharedArchiveFile=graphql-api/target/app/jangteo.jsa", "-XX:+UseSerialGC", "-Xmx256m"),
                "all", 1_000_000));

        BenchMain.Options o = BenchMain.Options.parse("--duration-seconds", "3", "--warmup-seconds=0",
                "--jvm-opts", " -Xmx256m  -XX:+UseSerialGC ", "--out=/tmp/r.md");
        assertThat(o.duration()).hasSeconds(3);
        assertThat(o.warmup()).isZero();
        assertThat(o.jvmOpts()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(o.out()).isEqualTo(Path.of("/tmp/r.md"));
        assertThat(o.runs("orders")).isTrue();
        assertThat(o.runs("history")).isTrue();
        BenchMain.Options orders = BenchMain.Options.parse("--scenarios", "orders");
        assertThat(orders.runs("orders")).isTrue();
        assertThat(orders.runs("history")).isFalse();
        assertThat(o.runs("rebuild")).as("rebuild takes minutes: never part of all").isFalse();
        BenchMain.Options rebuild = BenchMain.Options.parse("--scenarios", "rebuild", "--store-events", "100000");
        assertThat(rebuild.runs("rebuild")).isTrue();
        assertThat(rebuild.runs("operations")).isFalse();
        assertThat(rebuild.storeEvents()).isEqualTo(100_000);
        BenchMain.Options history = BenchMain.Options.parse("--scenarios=history");
        assertThat(history.runs("history")).isTrue();
        assertThat(history.runs("orders")).isFalse();
    }

    @Test
    void helpAndBadInput() {
        assertThat(BenchMain.Options.parse("--warmup-seconds", "1", "--help")).isNull();
        assertThatThrownBy(() -> BenchMain.Options.parse("--bogus", "1")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> BenchMain.Options.parse("--duration-seconds", "0")).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> BenchMain.Options.parse("--jar")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> BenchMain.Options.parse("--scenarios", "catalog"))
                .hasMessageContaining("--scenarios is all, orders, history, operations or rebuild");
        assertThatThrownBy(() -> BenchMain.Options.parse("--store-events", "10")).hasMessageContaining(">= 1000");
    }
}
