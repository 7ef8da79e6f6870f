package dev.leadkit.workflow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered list of statuses or sources with its default entry, as stored (requirement M4). The
 * list order is the display order. Immutable; changed through {@link CatalogueService}.
 *
 * @param kind        which list
 * @param entries     entries in display order, codes unique
 * @param defaultCode the code used when a lead names none; an active entry
 * @param version     0 for the built-in defaults that were never stored, then 1 when first
 *                    stored and one more after each change
 * @since 0.1
 */
public record Catalogue(CatalogueKind kind, List<CatalogueEntry> entries, String defaultCode, long version) {

    /** Checks that codes are unique and that the default is an active entry. */
    public Catalogue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultCode, "defaultCode");
        entries = List.copyOf(entries);
        if (version < 0) {
            throw new IllegalArgumentException("a catalogue version is never negative");
        }
        if (entries.stream().map(CatalogueEntry::code).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("catalogue codes must be unique");
        }
        boolean defaultActive = entries.stream().anyMatch(e -> e.code().equals(defaultCode) && e.active());
        if (!defaultActive) {
            throw new IllegalArgumentException("the default of a catalogue must be one of its active entries");
        }
        for (CatalogueEntry e : entries) {
            if (e.category().isPresent() != (kind == CatalogueKind.STATUS)) {
                throw new IllegalArgumentException("statuses have a category; sources and close reasons have none");
            }
        }
    }

    /**
     * The defaults of requirement M4, with English, Turkish, Lithuanian and Danish labels, at
     * version 0 (not yet stored). Statuses: New (open), Contacted and Offer made (working),
     * Converted (converted), Unqualified and Lost (closed); default New. Sources: Reference,
     * Phone, Email, Website, Web form, Import; default Reference (the first of seed 000's list).
     * Close reasons: No budget, No need, Chose a competitor, No response, Bad timing, Invalid
     * contact data, Other; default Other.
     *
     * @param kind which catalogue
     * @return its defaults
     */
    public static Catalogue defaults(CatalogueKind kind) {
        return DEFAULTS.get(kind);
    }

    /** Built once: every transaction of a store that never changed a catalogue reads them. */
    private static final Map<CatalogueKind, Catalogue> DEFAULTS = buildDefaults();

    private static Map<CatalogueKind, Catalogue> buildDefaults() {
        Map<CatalogueKind, Catalogue> all = new java.util.EnumMap<>(CatalogueKind.class);
        for (CatalogueKind kind : CatalogueKind.values()) {
            all.put(kind, build(kind));
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    private static Catalogue build(CatalogueKind kind) {
        switch (kind) {
            case STATUS:
                return new Catalogue(kind, List.of(
                        CatalogueEntry.status("new", StatusCategory.OPEN,
                                labels("New", "Yeni", "Naujas", "Ny")),
                        CatalogueEntry.status("contacted", StatusCategory.WORKING,
                                labels("Contacted", "Görüşüldü", "Buvo kontaktuota", "Kontaktet")),
                        CatalogueEntry.status("offer_made", StatusCategory.WORKING,
                                labels("Offer made", "Teklif verildi", "Pasiūlymas pateiktas", "Tilbud givet")),
                        CatalogueEntry.status("converted", StatusCategory.CONVERTED,
                                labels("Converted", "Dönüştürüldü", "Konvertuotas", "Konverteret")),
                        CatalogueEntry.status("unqualified", StatusCategory.CLOSED,
                                labels("Unqualified", "Niteliksiz", "Netinkamas", "Ikke kvalificeret")),
                        CatalogueEntry.status("lost", StatusCategory.CLOSED,
                                labels("Lost", "Kaybedildi", "Prarastas", "Tabt"))),
                        "new", 0);
            case CLOSE_REASON:
                return new Catalogue(kind, List.of(
                        CatalogueEntry.source("no_budget", labels("No budget", "Bütçe yok", "Nėra biudžeto", "Intet budget")),
                        CatalogueEntry.source("no_need", labels("No need", "İhtiyaç yok", "Nėra poreikio", "Intet behov")),
                        CatalogueEntry.source("competitor", labels("Chose a competitor", "Rakibi seçti", "Pasirinko konkurentą", "Valgte en konkurrent")),
                        CatalogueEntry.source("no_response", labels("No response", "Yanıt yok", "Neatsako", "Intet svar")),
                        CatalogueEntry.source("bad_timing", labels("Bad timing", "Zamanlama uygun değil", "Netinkamas laikas", "Forkert tidspunkt")),
                        CatalogueEntry.source("invalid_contact", labels("Invalid contact data", "Geçersiz iletişim bilgisi", "Neteisingi kontaktai", "Ugyldige kontaktdata")),
                        CatalogueEntry.source("other", labels("Other", "Diğer", "Kita", "Andet"))),
                        "other", 0);
            case SOURCE:
            default:
                return new Catalogue(kind, List.of(
                        CatalogueEntry.source("reference", labels("Reference", "Referans", "Rekomendacija", "Reference")),
                        CatalogueEntry.source("phone", labels("Phone", "Telefon", "Telefonas", "Telefon")),
                        CatalogueEntry.source("email", labels("Email", "E-posta", "El. paštas", "E-mail")),
                        CatalogueEntry.source("website", labels("Website", "Web Sitesi", "Svetainė", "Hjemmeside")),
                        CatalogueEntry.source("web_form", labels("Web form", "Web formu", "Interneto forma", "Webformular")),
                        CatalogueEntry.source("import", labels("Import", "İçe aktarım", "Importas", "Import"))),
                        "reference", 0);
        }
    }

    private static Map<String, String> labels(String en, String tr, String lt, String da) {
        return java.util.Map.of("en", en, "tr", tr, "lt", lt, "da", da);
    }

    /**
     * @param code a code
     * @return the entry with that code
     */
    public Optional<CatalogueEntry> entry(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** @return the active entries in display order */
    public List<CatalogueEntry> activeEntries() {
        return entries.stream().filter(CatalogueEntry::active).toList();
    }
}
