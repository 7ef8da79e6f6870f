package dev.leadkit.csv;

import dev.leadkit.Actor;
import dev.leadkit.LeadKit;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Role;
import dev.leadkit.event.NotificationSink;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldType;
import dev.leadkit.lead.Lead;
import dev.leadkit.store.Store;
import dev.leadkit.store.memory.InMemoryStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LeadKits for the import and export tests: an Admin, a plain user, a custom text field. */
final class Kits {

    static final Actor ADMIN = Actor.of("admin");
    static final Actor USER = Actor.of("mette");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private Kits() {
    }

    static LeadKit kit() {
        return kit(new InMemoryStore(), NotificationSink.collecting());
    }

    static LeadKit kit(Store store, NotificationSink sink) {
        LeadKit kit = LeadKit.builder().store(store)
                .directory(Directory.inMemory().user("admin", "Admin").roles(Role.ADMIN).add()
                        .user("mette", "Mette").roles(Role.USER).add())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).notifications(sink).build();
        kit.customFields().define(ADMIN, CustomField.of("note", FieldType.TEXT, Map.of("en", "Note")));
        return kit;
    }

    static List<Lead> all(LeadKit kit) {
        List<Lead> all = new ArrayList<>();
        for (int offset = 0; ; offset += 1_000) {
            List<Lead> page = kit.leads().list(ADMIN, offset, 1_000);
            all.addAll(page);
            if (page.size() < 1_000) {
                return all;
            }
        }
    }
}
