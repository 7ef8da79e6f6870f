package dev.leadkit.lead;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of {@link Texts#clean}, the text rule every stored string follows. */
class TextsProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars(" \t\r\n\u0000\u0085\u00A0\u2000\u2028\u0301\u0308eoaIıİ\uD83D\uDE80\uDC00")
                        .ofMaxLength(20),
                LeadValues.paragraph(30),
                LeadValues.text(30));
    }

    @Property(tries = 300)
    void cleaningIsIdempotentAndYieldsTrimmedNfcWithoutForbiddenCharacters(@ForAll("texts") String raw,
                                                                          @ForAll boolean multiLine) {
        Texts.Result result = Texts.clean(raw, multiLine);

        if (result.problem().isPresent()) {
            assertThat(result.value()).isEmpty();
            return;
        }
        String clean = result.value();
        assertThat(Texts.clean(clean, multiLine)).isEqualTo(new Texts.Result(clean, Optional.empty()));
        assertThat(Normalizer.isNormalized(clean, Normalizer.Form.NFC)).as("NFC").isTrue();
        assertThat(clean).isEqualTo(clean.strip());
        assertThat(clean.codePoints().filter(cp -> Character.getType(cp) == Character.CONTROL))
                .as("control characters left").allMatch(cp -> multiLine && (cp == '\n' || cp == '\t'));
        assertThat(clean.codePoints()).as("unpaired surrogates left")
                .noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    @Property(tries = 300)
    void aTextIsRefusedExactlyWhenItHasAForbiddenControlCharacterOrAnUnpairedSurrogate(
            @ForAll("texts") String raw, @ForAll boolean multiLine) {
        // String.codePoints() yields an unpaired surrogate as a code point of its own.
        boolean unpaired = raw.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
        boolean control = raw.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                && !(multiLine && (cp == '\n' || cp == '\r' || cp == '\t')));

        Optional<Texts.Problem> problem = Texts.clean(raw, multiLine).problem();

        assertThat(problem.isPresent()).isEqualTo(unpaired || control);
        if (unpaired && !control) {
            assertThat(problem).contains(Texts.Problem.MALFORMED_UNICODE);
        }
        if (control && !unpaired) {
            assertThat(problem).contains(Texts.Problem.CONTROL_CHARACTER);
        }
    }

    @Property(tries = 300)
    void aCleanTextKeepsItsLetters(@ForAll("texts") String raw, @ForAll boolean multiLine) {
        Texts.Result result = Texts.clean(raw, multiLine);

        if (result.problem().isEmpty()) {
            String expected = Normalizer.normalize(multiLine ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw,
                    Normalizer.Form.NFC).strip();
            assertThat(result.value()).isEqualTo(expected);
            assertThat(Texts.length(result.value())).isEqualTo(expected.codePointCount(0, expected.length()));
        }
    }
}
