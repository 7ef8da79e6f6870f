package dev.leadkit;

import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadDraft;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadPatch;
import dev.leadkit.support.TestKit;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.leadkit.support.TestKit.ADMIN;
import static dev.leadkit.support.TestKit.AYSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No log line above DEBUG carries personal data (hosts ship INFO and up to central logging). The
 * calls run with a failing subscriber and a failing publisher, which make LeadKit log WARN lines
 * with stack traces. slf4j-simple (test class path) writes to System.err, which the test captures.
 */
class PersonalDataLoggingTest {

    private static final String FIRST = "Şükrü";
    private static final String LAST = "Ağaoğlu";
    private static final String EMAIL = "sukru.agaoglu@ornek.com.tr";
    private static final String PHONE = "+90 212 555 12 34";
    private static final String COMPANY = "Ağaoğlu Tekstil";
    private static final String CITY = "Kadıköy";
    private static final String NEW_EMAIL = "s.agaoglu@tekstil.com.tr";
    private static final String NEW_PHONE = "+45 33 12 34 56";
    private static final String DESCRIPTION = "Arayın: kızı Elif";

    /** A log record of slf4j-simple starts with optional time and thread, then the level. */
    private static final Pattern RECORD_START =
            Pattern.compile("^(?:\\d+ )?(?:\\[[^\\]]*\\] )?(TRACE|DEBUG|INFO|WARN|ERROR) ");

    private static final List<String> PERSONAL = List.of(FIRST, LAST, EMAIL, PHONE, COMPANY, CITY, NEW_EMAIL,
            NEW_PHONE, DESCRIPTION, "Elif", "ornek", "Ayşe Yılmaz", "Jonas Petraitis", "Ada Admin");

    @Test
    void warningsOfAFailingSubscriberCarryNoPersonalData() {
        TestKit t = TestKit.create();
        t.events.subscribe(event -> {
            throw new IllegalStateException("subscriber broke");
        });

        List<String> records = recordsAboveDebug(() -> lifeOfALead(t.kit));

        assertThat(records).as("the failing subscriber is logged once per event").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(r -> assertThat(r).contains("lead-1"));
        assertThat(records).allSatisfy(record -> assertThat(record).doesNotContain(PERSONAL));
    }

    @Test
    void warningsOfAFailingPublisherCarryNoPersonalData() {
        TestKit t = TestKit.publishingTo(event -> {
            throw new IllegalStateException("broker down");
        });

        List<String> records = recordsAboveDebug(() -> lifeOfALead(t.kit));

        assertThat(records).hasSizeGreaterThanOrEqualTo(4).allSatisfy(r -> assertThat(r).contains("broker down"));
        assertThat(records).allSatisfy(record -> assertThat(record).doesNotContain(PERSONAL));
    }

    private static void lifeOfALead(LeadKit kit) {
        Lead lead = kit.leads().create(AYSE, LeadDraft.builder().firstName(FIRST).lastName(LAST).email(EMAIL)
                .phone(PHONE).company(COMPANY).city(CITY).description(DESCRIPTION).externalId("tr-7").build());
        Lead v2 = kit.leads().update(AYSE, lead.id(), LeadPatch.builder().set(LeadField.EMAIL, NEW_EMAIL)
                .set(LeadField.PHONE, NEW_PHONE).build(), lead.version());
        assertThatThrownBy(() -> kit.leads().create(AYSE, LeadDraft.builder().firstName(FIRST).lastName(LAST)
                .email(EMAIL + "@").build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kit.leads().create(AYSE, LeadDraft.builder().firstName(FIRST).lastName(LAST)
                .externalId("tr-7").build())).isInstanceOf(ConflictException.class);
        kit.leads().delete(AYSE, v2.id());
        kit.leads().restore(ADMIN, v2.id());
    }

    /** Runs the work with System.err captured; returns the INFO, WARN and ERROR records, stack traces included. */
    private static List<String> recordsAboveDebug(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        boolean keep = false;
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\\R")) {
            Matcher start = RECORD_START.matcher(line);
            if (start.find()) {
                if (current != null && keep) {
                    records.add(current.toString());
                }
                current = new StringBuilder(line);
                keep = !start.group(1).equals("TRACE") && !start.group(1).equals("DEBUG");
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null && keep) {
            records.add(current.toString());
        }
        return records;
    }
}
