package dev.leadkit.dedupe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimilarityTest {

    @Test
    void jaroWinklerGivesTheTextbookValues() {
        assertThat(Similarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(Similarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        assertThat(Similarity.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void osaCountsAnAdjacentTranspositionAsOneEdit() {
        assertThat(Similarity.osaDistance("jensen", "jnesen")).isEqualTo(1);
        assertThat(Similarity.levenshteinDistance("jensen", "jnesen")).isEqualTo(2);
    }

    @Test
    void tokenSetIgnoresWordOrderAndForgivesAnExtraWord() {
        assertThat(Similarity.tokenSet("anne marie lund", "lund anne marie")).isEqualTo(1.0);
        assertThat(Similarity.tokenSet("anne marie lund", "anne lund")).isGreaterThan(0.85);
        assertThat(Similarity.tokenSet("nordisk vind", "dansk byg")).isLessThan(0.7);
    }

    @Test
    void soundexCodesNamesThatSoundAlike() {
        assertThat(Similarity.soundex("robert")).isEqualTo("R163").isEqualTo(Similarity.soundex("rupert"));
        assertThat(Similarity.soundex("ashcraft")).isEqualTo("A261");
        assertThat(Similarity.soundex("123")).isEmpty();
    }

    @Test
    void datesGiveCreditForTypingErrorsAndSwappedDayAndMonth() {
        assertThat(Similarity.dates("1980-03-12", "1980-03-12")).isEqualTo(1.0);
        assertThat(Similarity.dates("1980-03-12", "1980-12-03")).isEqualTo(0.8);
        assertThat(Similarity.dates("1980-03-12", "1980-03-13")).isEqualTo(0.7);
        assertThat(Similarity.dates("1980-03-12", "1908-03-12")).isEqualTo(0.7);
        assertThat(Similarity.dates("1980-03-12", "1980")).isEqualTo(0.6);
        assertThat(Similarity.dates("1980-03-12", "1981-03-12")).isEqualTo(0.7);
        assertThat(Similarity.dates("1980-03-12", "1979-03-12")).isEqualTo(0.4);
        assertThat(Similarity.dates("1980-03-12", "1955-07-30")).isZero();
    }

    @Test
    void numericClosenessFallsLinearlyToZeroAtTheScale() {
        assertThat(Similarity.numeric(10, 12, 4)).isEqualTo(0.5);
        assertThat(Similarity.numeric(10, 20, 4)).isZero();
        assertThatThrownBy(() -> Similarity.numeric(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
