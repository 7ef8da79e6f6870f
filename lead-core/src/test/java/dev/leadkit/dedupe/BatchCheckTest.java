package dev.leadkit.dedupe;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.store.memory.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** K10: a batch's records checked against the stored leads and each other with one index look-up. */
class BatchCheckTest {

    private static final Actor ADMIN = Actor.of("admin");

    private LeadKit kit;
    private BatchCheck check;

    @BeforeEach
    void kit() {
        kit = LeadKit.builder().store(new InMemoryStore())
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()).build();
        check = kit.duplicates().batchCheck(ADMIN, Matcher.of(MatchRules.defaults()));
    }

    private static MatchRecord record(String id, String first, String last, String email, String phone) {
        MatchRecord.Builder b = MatchRecord.builder(id).set(MatchField.FIRST_NAME, first).set(MatchField.LAST_NAME, last)
                .set(MatchField.EMAIL, email);
        if (phone != null) {
            b.set(MatchField.PHONE, phone);
        }
        return b.build();
    }

    @Test
    void aStoredDuplicateIsFoundAmongManyLeadsSharingACommonKey() {
        // 30 namesakes share the name keys (a common key: more than 20 holders); only the twin has the
        // e-mail and phone too, and its e-mail key is rare.
        List<LeadDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            drafts.add(LeadDraft.builder().firstName("Søren").lastName("Kierkegaard")
                    .email("namesake" + i + "@other" + i + ".dk").phone("+45 31 " + (100_000 + 7919 * i)).build());
        }
        drafts.add(LeadDraft.builder().firstName("Søren").lastName("Kierkegaard").email("soren27@filosofi.dk")
                .phone("+45 20 30 40 37").build());
        List<Lead> stored = kit.leads().createAll(ADMIN, drafts);
        Lead twin = stored.get(30);

        List<List<Match>> found = check.check(List.of(
                record("row:1", "Soren", "Kierkegaard", "SOREN27@filosofi.dk", "+45 20 30 40 37"),
                record("row:2", "Regine", "Olsen", "regine@olsen.dk", null)));

        assertThat(found).hasSize(2);
        assertThat(found.get(0)).isNotEmpty();
        assertThat(found.get(0).get(0).otherId()).isEqualTo(twin.id().value());
        assertThat(found.get(0).get(0).id()).isEqualTo("row:1");
        assertThat(found.get(0)).hasSizeLessThanOrEqualTo(BatchCheck.PER_RECORD);
        assertThat(found.get(1)).isEmpty();
    }

    @Test
    void aRecordMatchesAnEarlierRecordOfTheSameBatchNeverALaterOne() {
        List<List<Match>> found = check.check(List.of(
                record("row:1", "Eglė", "Kazlauskaitė", "egle@example.lt", "+370 612 34567"),
                record("row:2", "Jonas", "Petraitis", "jonas@example.lt", null),
                record("row:3", "Egle", "Kazlauskaite", "EGLE@example.lt", "+370 612 34567")));

        assertThat(found.get(0)).isEmpty();
        assertThat(found.get(1)).isEmpty();
        assertThat(found.get(2)).extracting(Match::otherId).containsExactly("row:1");
    }

    @Test
    void rememberedRecordsAreFoundByLaterChecksAsIfStored() {
        MatchRecord first = record("row:1", "Mette", "Hansen", "mette@example.dk", "+45 20 30 40 50");
        assertThat(check.check(List.of(first)).get(0)).isEmpty();
        MatchRecord again = record("row:9", "Mette", "Hansen", "mette@example.dk", "+45 20 30 40 50");
        assertThat(check.check(List.of(again)).get(0)).isEmpty();

        check.remember(List.of(first));

        assertThat(check.check(List.of(again)).get(0)).extracting(Match::otherId).containsExactly("row:1");
        BatchCheck fresh = kit.duplicates().batchCheck(ADMIN, Matcher.of(MatchRules.defaults()));
        assertThat(fresh.check(List.of(again)).get(0)).isEmpty();
    }
}
