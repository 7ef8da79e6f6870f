package dev.leadkit.csv;

import dev.leadkit.query.TextFold;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the source and status values other CRMs export onto LeadKit's catalogues: a code, any
 * label (every language), or a known export value of Salesforce, HubSpot, Zoho, Pipedrive
 * ("Cold Call", "Word of mouth", "Open - Not Contacted", "Junk Lead" …), compared after
 * {@link TextFold} with everything but letters and digits dropped.
 */
final class CatalogueMapping {

    private static final Map<String, String> SOURCE_SYNONYMS = new HashMap<>();
    private static final Map<String, String> STATUS_SYNONYMS = new HashMap<>();

    static {
        synonyms(SOURCE_SYNONYMS, "reference", "referral", "word of mouth", "employee referral", "external referral",
                "partner", "partner referral", "tavsiye", "rekomendacija", "anbefaling");
        synonyms(SOURCE_SYNONYMS, "phone", "cold call", "call", "phone inquiry", "inbound call", "telephone");
        synonyms(SOURCE_SYNONYMS, "email", "e-mail", "mail", "email campaign", "email marketing", "e posta");
        synonyms(SOURCE_SYNONYMS, "website", "web", "web site", "organic search", "seo", "direct traffic",
                "internet", "online");
        synonyms(SOURCE_SYNONYMS, "web_form", "web form", "form", "online form", "web to lead", "contact form",
                "webform");
        synonyms(SOURCE_SYNONYMS, "import", "csv", "imported", "list import", "offline sources");
        synonyms(STATUS_SYNONYMS, "new", "open", "not contacted", "open not contacted", "unread", "lead", "new lead");
        synonyms(STATUS_SYNONYMS, "contacted", "attempted to contact", "working", "working contacted", "in progress",
                "contact in future", "attempting contact", "connected");
        synonyms(STATUS_SYNONYMS, "offer_made", "qualified", "offer sent", "proposal", "proposal sent",
                "open deal", "quote sent");
        synonyms(STATUS_SYNONYMS, "unqualified", "junk lead", "not qualified", "closed not converted", "bad fit",
                "disqualified");
        synonyms(STATUS_SYNONYMS, "lost", "lost lead", "closed lost");
        synonyms(STATUS_SYNONYMS, "converted", "closed converted", "customer", "won");
    }

    private static void synonyms(Map<String, String> table, String code, String... values) {
        table.put(key(code), code);
        for (String v : values) {
            table.put(key(v), code);
        }
    }

    static String key(String text) {
        String folded = TextFold.fold(text);
        StringBuilder b = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private CatalogueMapping() {
    }

    /**
     * @param catalogue the current catalogue
     * @param value     a value as exported by some CRM
     * @return the code it means, when one is found
     */
    static Optional<String> code(Catalogue catalogue, String value) {
        if (catalogue.entry(value).isPresent()) {
            return Optional.of(value);
        }
        String key = key(value);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (CatalogueEntry e : catalogue.entries()) {
            if (key(e.code()).equals(key) || e.labels().values().stream().anyMatch(l -> key(l).equals(key))) {
                return Optional.of(e.code());
            }
        }
        Map<String, String> table = catalogue.kind() == CatalogueKind.STATUS ? STATUS_SYNONYMS : SOURCE_SYNONYMS;
        return Optional.ofNullable(table.get(key)).filter(code -> catalogue.entry(code).isPresent());
    }

    /**
     * @param value an unknown value
     * @return a catalogue code made from it: folded, a-z 0-9 and '_', starting with a letter, at most 64
     */
    static String newCode(String value) {
        String folded = TextFold.fold(value).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < folded.length() && b.length() < 60; i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
            b.setLength(b.length() - 1);
        }
        if (b.length() == 0 || !(b.charAt(0) >= 'a' && b.charAt(0) <= 'z')) {
            b.insert(0, "x_");
        }
        return b.toString();
    }
}
