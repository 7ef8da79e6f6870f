package dev.leadkit.examples.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptValuesTest {

    @Test
    void eachRowIsReadBackByItsLineWithAbsentValuesAsNull() {
        KeptValues kept = new KeptValues();
        kept.startRow(2);
        kept.add("Søren");
        kept.add(null);
        kept.add("Kıvanç Ltd. Şti.");
        kept.startRow(5);
        kept.add(null);
        kept.add("");
        kept.add("x");

        assertThat(kept.row(2, 3)).containsExactly("Søren", null, "Kıvanç Ltd. Şti.");
        assertThat(kept.row(5, 3)).containsExactly(null, "", "x");
        assertThatThrownBy(() -> kept.row(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAcrossPageBoundariesAndManyRowsSurvive() {
        KeptValues kept = new KeptValues();
        String big = "ä".repeat(700_000) + "end";
        for (int r = 0; r < 5_000; r++) {
            kept.startRow(10L + 2 * r);
            kept.add("row" + r);
            kept.add(r % 1000 == 7 ? big : null);
            kept.add("ü".repeat(r % 300));
        }

        for (int r = 0; r < 5_000; r += 7) {
            assertThat(kept.row(10L + 2 * r, 3)).containsExactly("row" + r, r % 1000 == 7 ? big : null,
                    "ü".repeat(r % 300));
        }
        assertThat(kept.row(10L + 2 * 4_007, 3)[1]).isEqualTo(big);
    }

    @Test
    void rowsAreKeptInLineOrder() {
        KeptValues kept = new KeptValues();
        kept.startRow(4);
        assertThatThrownBy(() -> kept.startRow(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
