package dev.leadkit.jpa.internal;

import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyset condition of a page deep into a walk: besides the OR-chain that says exactly which
 * rows follow the position, the first sort key is bounded on its own, which is what lets a
 * database start its index scan at the position instead of at the top of the index (without it,
 * PostgreSQL read half a million index entries for a page half-way through 1,000,000 leads).
 * Which rows the pages hold is checked on every store by the QueryContract.
 */
class SelectionSqlTest {

    private static LeadSelection after(LeadField field, boolean descending, Optional<Object> value) {
        return new LeadSelection(Visibility.everything(), false, Criterion.ALWAYS, Optional.empty(),
                List.of(new LeadSelection.Order(QueryField.of(field), descending)),
                Optional.of(new LeadSelection.Position(List.of(value), LeadId.of("L0000042"))), 0, 1000);
    }

    @Test
    void aPageAfterALeadDateStartsAtThatDate() {
        for (SelectionSql.Db db : SelectionSql.Db.values()) {
            String desc = SelectionSql.of(after(LeadField.LEAD_DATE, true, Optional.of(Instant.parse("2025-05-23T05:01:34Z"))),
                    db, false).select();
            assertThat(desc).as(db.name()).containsPattern("l\\.lead_at <= :p\\d+ and \\(\\(l\\.lead_at < :p\\d+\\) or ");
            String asc = SelectionSql.of(after(LeadField.LEAD_DATE, false, Optional.of(Instant.parse("2025-05-23T05:01:34Z"))),
                    db, false).select();
            assertThat(asc).as(db.name()).containsPattern("l\\.lead_at >= :p\\d+ and \\(\\(l\\.lead_at > :p\\d+\\) or ");
        }
    }

    @Test
    void aKeyThatCanBeEmptyIsNotBoundedOnItsOwn() {
        // Empty values sort last: a bound on the key alone would leave out the empty ones that follow.
        String sql = SelectionSql.of(after(LeadField.LAST_NAME, false, Optional.of("tester")), SelectionSql.Db.POSTGRESQL,
                false).select();
        assertThat(sql).doesNotContainPattern(">= :p\\d+ and \\(").contains(" is null");
    }
}
