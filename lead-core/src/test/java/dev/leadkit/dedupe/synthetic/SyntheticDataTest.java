package dev.leadkit.dedupe.synthetic;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDataTest {

    @Test
    void aFreeMailboxIsKeptAsItIs() {
        Set<String> taken = new HashSet<>();
        assertThat(SyntheticData.uniqueMailbox("anna.berg@gmail.com", taken, new Random(1))).isEqualTo("anna.berg@gmail.com");
        assertThat(taken).containsExactly("annaberg@gmailcom");
    }

    @Test
    void whenAllTwoDigitMailboxesAreTakenTheNumberGetsAThirdDigit() {
        Set<String> taken = new HashSet<>();
        taken.add("annaberg@gmailcom");
        for (int n = 10; n < 100; n++) {
            taken.add("annaberg" + n + "@gmailcom");
        }
        String email = SyntheticData.uniqueMailbox("anna.berg@gmail.com", taken, new Random(7));

        assertThat(email).matches("anna\\.berg[1-9][0-9]{2}@gmail\\.com");
        assertThat(taken).hasSize(92).contains(email.replace(".", ""));
    }

    @Test
    void aNamesakeGetsTwoDigitsWhileTheyLast() {
        Set<String> taken = new HashSet<>();
        taken.add("annaberg@gmailcom");
        assertThat(SyntheticData.uniqueMailbox("anna.berg@gmail.com", taken, new Random(3)))
                .matches("anna\\.berg[1-9][0-9]@gmail\\.com");
    }
}
