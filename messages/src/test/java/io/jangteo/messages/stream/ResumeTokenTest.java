package io.jangteo.messages.stream;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResumeTokenTest {

    @Test
    void anEncodedTokenReadsBackWithItsGaps() {
        ResumeToken token = new ResumeToken(42, List.of(40L, 17L));
        String encoded = token.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(ResumeToken.decode(encoded)).isEqualTo(new ResumeToken(42, List.of(17L, 40L)));
    }

    @Test
    void refusesTextItDidNotHandOut() {
        for (String text : List.of("nonsense", "", "djE6", "djE6YWJj", "djI6MTI")) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> ResumeToken.decode(text));
        }
    }

    @Test
    void gapsLieBelowTheIndex() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ResumeToken(5, List.of(5L)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ResumeToken(-2, List.of()));
    }

    @Test
    void aStreamStartsAtOnePlaceAtMost() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StreamStart(3L, java.time.Instant.EPOCH, null));
        assertThatIllegalArgumentException().isThrownBy(() -> StreamStart.after(-2));
        assertThat(StreamStart.after(-1).isBeginning()).isTrue();
    }
}
