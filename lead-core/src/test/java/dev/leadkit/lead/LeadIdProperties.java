package dev.leadkit.lead;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lead id's hand-written shape check accepts exactly what the documented pattern accepts. */
class LeadIdProperties {

    /** The shape of a lead id as documented. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> idLike = Arbitraries.strings().withChars("abcxyzABCXYZ0189-_").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> anything = Arbitraries.strings()
                .withChars("aZ09-_ .:/+@ıİæøåėšĖŠ\u00e9\u0000\t")
                .withCharRange('\uD83D', '\uD83D').withCharRange('\uDE00', '\uDE01')
                .ofMinLength(0).ofMaxLength(70);
        return Arbitraries.oneOf(idLike, anything);
    }

    @Property(tries = 5000)
    void theShapeCheckIsThePattern(@ForAll("candidates") String value) {
        boolean expected = SHAPE.matcher(value).matches();
        Statistics.label("valid").collect(expected);
        assertThat(LeadId.hasShape(value)).isEqualTo(expected);
        if (expected) {
            assertThat(LeadId.of(value).value()).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> LeadId.of(value)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a lead id is 1 to 64 characters of letters, digits, '-' and '_'");
        }
    }
}
