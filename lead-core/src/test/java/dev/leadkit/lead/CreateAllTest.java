package dev.leadkit.lead;

import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.ValidationException;
import dev.leadkit.event.LeadEvent;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.leadkit.support.TestKit.AYSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating many leads in one transaction: all or nothing, errors naming the draft. */
class CreateAllTest {

    private final TestKit t = TestKit.create();

    private static LeadDraft draft(int i) {
        return LeadDraft.builder().firstName("Lead" + i).lastName("Jensen").email("lead" + i + "@firma.dk").build();
    }

    @Test
    @DisplayName("a batch is stored in order, each lead with its history entry and its event")
    void aBatchIsStoredInOrder() {
        List<LeadDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            drafts.add(draft(i));
        }
        List<Lead> created = t.kit.leads().createAll(AYSE, drafts);

        assertThat(created).hasSize(250);
        assertThat(created.get(17).firstName()).contains("Lead17");
        assertThat(t.kit.leads().count(AYSE)).isEqualTo(250);
        assertThat(t.kit.leads().get(AYSE, created.get(200).id())).isEqualTo(created.get(200));
        assertThat(t.kit.leads().history(AYSE, created.get(3).id())).hasSize(1);
        assertThat(t.published).filteredOn(e -> e instanceof LeadEvent.Created).hasSize(250);
    }

    @Test
    @DisplayName("one invalid draft stores nothing, and every problem names its draft")
    void oneInvalidDraftStoresNothing() {
        List<LeadDraft> drafts = List.of(draft(0), LeadDraft.builder().firstName("Ingen").email("a@").build(), draft(2),
                LeadDraft.builder().lastName("Æblerød").phone("abc").build());

        ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> t.kit.leads().createAll(AYSE, drafts));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("drafts[1].email", "drafts[1].lastName", "drafts[3].phone", "drafts[3].firstName");
        assertThat(e.getMessage()).doesNotContain("Æblerød", "a@");
        assertThat(t.kit.leads().count(AYSE)).isZero();
        assertThat(t.published).isEmpty();
    }

    @Test
    @DisplayName("an external id used twice in one batch is a conflict, and nothing is stored")
    void aRepeatedExternalIdInOneBatchConflicts() {
        List<LeadDraft> drafts = List.of(draft(0).toBuilder().externalId("crm-7").build(),
                draft(1).toBuilder().externalId("crm-7").build());

        assertThatThrownBy(() -> t.kit.leads().createAll(AYSE, drafts)).isInstanceOf(ConflictException.class)
                .extracting(x -> ((ConflictException) x).code()).isEqualTo("lead.external_id.taken");
        assertThat(t.kit.leads().count(AYSE)).isZero();
    }

    @Test
    @DisplayName("an empty batch or one over the limit is refused naming the allowed range")
    void batchSizeIsBounded() {
        assertThatThrownBy(() -> t.kit.leads().createAll(AYSE, List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 to 10000");
        List<LeadDraft> tooMany = new ArrayList<>();
        for (int i = 0; i <= LeadService.MAX_BATCH; i++) {
            tooMany.add(draft(i));
        }
        assertThatThrownBy(() -> t.kit.leads().createAll(AYSE, tooMany)).isInstanceOf(ValidationException.class);
    }
}
