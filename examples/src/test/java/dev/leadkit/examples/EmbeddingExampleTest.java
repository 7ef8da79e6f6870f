package dev.leadkit.examples;

import dev.leadkit.lead.Lead;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingExampleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void quickStartCreatesChangesAndPrintsTheHistoryFieldByField() {
        Lead lead = EmbeddingExample.quickStart(out);

        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.status()).isEqualTo("contacted");
        assertThat(printed()).contains(
                "CREATED firstName: - -> Işıl",
                "CREATED city: - -> İstanbul",
                "CREATED owner: - -> ayse",
                "UPDATED status: new -> contacted");
    }

    @Test
    void hostPortsDeliverEventsToTheHostsSubscriber() {
        Lead lead = EmbeddingExample.hostPorts(out);

        assertThat(lead.owner()).contains("mette");
        assertThat(lead.email()).contains("egon@gardinfirmaet.dk");
        assertThat(printed().split("\\R")).containsExactly(
                "event Created by webshop",
                "event OwnerChanged by mette",
                "event Updated by mette [email]");
    }

    @Test
    void hostRulesAndAHostEventOnTheBusMoveALeadWhileStatusesAreLocked() {
        Lead lead = EmbeddingExample.hostRules(out);

        assertThat(lead.status()).isEqualTo("offer_made");
        assertThat(printed().split("\\R")).containsExactly("new -> offer_made");
    }

    @Test
    void queriesFindFoldedTextAndTheDuplicateCheckExplainsTheMatchBeforeTheMerge() {
        Lead survivor = EmbeddingExample.queriesAndDuplicates(out);

        String[] lines = printed().split("\\R");
        assertThat(lines[0]).isEqualTo("1 found; next page: false");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(survivor.id().value() + " DUPLICATE ");
        assertThat(survivor.version()).isGreaterThan(1);
        assertThat(survivor.mergedInto()).isEmpty();
    }

    @Test
    void mainRunsEveryPart() {
        PrintStream original = System.out;
        System.setOut(out);
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(printed()).contains("UPDATED status: new -> contacted", "event Updated by mette [email]",
                "new -> offer_made");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
