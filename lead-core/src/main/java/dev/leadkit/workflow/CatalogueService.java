package dev.leadkit.workflow;

import dev.leadkit.ConflictException;
import dev.leadkit.Actor;
import dev.leadkit.FieldError;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.Right;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.Texts;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The lead status and source catalogues (requirements M4, W1): read by anyone, changed by an
 * Admin. Changes are stored, so they survive a restart; until the first change the built-in
 * {@linkplain Catalogue#defaults defaults} apply.
 *
 * <p>Entries are never renamed by code — codes are what leads store. "Rename" changes a label.
 * Deactivating keeps the entry on existing leads but refuses it for new values. Deleting is
 * allowed only while no lead (deleted ones included) holds the code.
 *
 * <pre>{@code
 * CatalogueService catalogues = kit.catalogues();
 * catalogues.add(admin, CatalogueKind.STATUS, CatalogueEntry.status("waiting", StatusCategory.WORKING,
 *         Map.of("en", "Waiting for reply", "tr", "Cevap Bekleniyor")));
 * catalogues.relabel(admin, CatalogueKind.SOURCE, "email", "tr", "Mail");
 * catalogues.deactivate(admin, CatalogueKind.SOURCE, "import");
 * }</pre>
 *
 * @since 0.1
 */
public final class CatalogueService {

    /** The longest label allowed, in code points. */
    public static final int MAX_LABEL_LENGTH = 100;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final Store store;
    private final AccessPolicy policy;

    /**
     * @param store  where catalogues are kept
     * @param policy who may change them
     */
    public CatalogueService(Store store, AccessPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param kind which catalogue
     * @return the current catalogue (stored, or the defaults)
     */
    public Catalogue get(CatalogueKind kind) {
        Objects.requireNonNull(kind, "kind");
        return store.inTransaction(tx -> current(tx, kind));
    }

    /**
     * Reads a catalogue inside a transaction another service already holds.
     *
     * @param tx   the open transaction
     * @param kind which catalogue
     * @return the stored catalogue, or the defaults
     */
    public static Catalogue current(StoreTransaction tx, CatalogueKind kind) {
        return tx.catalogues().find(kind).orElseGet(() -> Catalogue.defaults(kind));
    }

    /**
     * Adds an entry at the end of the list.
     *
     * @param actor an Admin
     * @param kind  which catalogue
     * @param entry the new entry (a status needs a category, a source none)
     * @return the changed catalogue
     * @throws ValidationException when the code is taken or a label is invalid
     */
    public Catalogue add(Actor actor, CatalogueKind kind, CatalogueEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return change(actor, kind, catalogue -> {
            List<FieldError> errors = new ArrayList<>();
            if (catalogue.entry(entry.code()).isPresent()) {
                errors.add(new FieldError("code", "catalogue.code.taken",
                        "code '" + entry.code() + "' is already in the " + name(kind) + " catalogue; codes are unique"));
            }
            if (entry.category().isPresent() != (kind == CatalogueKind.STATUS)) {
                errors.add(new FieldError("category", "catalogue.category.invalid",
                        kind == CatalogueKind.STATUS ? "a status needs a category" : "a source has no category"));
            }
            Map<String, String> labels = new java.util.TreeMap<>();
            entry.labels().forEach((tag, label) -> cleanLabel(tag, label, errors).ifPresent(l -> labels.put(tag, l)));
            throwIfAny(errors);
            List<CatalogueEntry> entries = new ArrayList<>(catalogue.entries());
            entries.add(new CatalogueEntry(entry.code(), entry.category(), labels, entry.active()));
            return new Catalogue(kind, entries, catalogue.defaultCode(), catalogue.version() + 1);
        });
    }

    /**
     * Sets an entry's label in one language ("rename").
     *
     * @param actor       an Admin
     * @param kind        which catalogue
     * @param code        the entry
     * @param languageTag e.g. {@code en}, {@code tr}, {@code lt}, {@code da}
     * @param label       the new label
     * @return the changed catalogue
     */
    public Catalogue relabel(Actor actor, CatalogueKind kind, String code, String languageTag, String label) {
        return change(actor, kind, catalogue -> {
            CatalogueEntry entry = existing(catalogue, code);
            List<FieldError> errors = new ArrayList<>();
            Optional<String> clean = cleanLabel(languageTag, label, errors);
            throwIfAny(errors);
            return replace(catalogue, entry.withLabel(languageTag, clean.orElseThrow()));
        });
    }

    /**
     * Puts the entries in a new display order.
     *
     * @param actor an Admin
     * @param kind  which catalogue
     * @param codes every code of the catalogue, each once, in the new order
     * @return the changed catalogue
     */
    public Catalogue reorder(Actor actor, CatalogueKind kind, List<String> codes) {
        Objects.requireNonNull(codes, "codes");
        return change(actor, kind, catalogue -> {
            List<String> current = catalogue.entries().stream().map(CatalogueEntry::code).toList();
            if (codes.size() != current.size() || !new HashSet<>(codes).equals(new HashSet<>(current))) {
                throw ValidationException.of("codes", "catalogue.order.invalid",
                        "the new order must list every code of the " + name(kind) + " catalogue exactly once: " + current);
            }
            List<CatalogueEntry> ordered = codes.stream().map(c -> catalogue.entry(c).orElseThrow()).toList();
            return new Catalogue(kind, ordered, catalogue.defaultCode(), catalogue.version() + 1);
        });
    }

    /**
     * Stops an entry from being chosen for new values; leads holding it keep it.
     *
     * @param actor an Admin
     * @param kind  which catalogue
     * @param code  the entry; not the default
     * @return the changed catalogue
     */
    public Catalogue deactivate(Actor actor, CatalogueKind kind, String code) {
        return change(actor, kind, catalogue -> {
            CatalogueEntry entry = existing(catalogue, code);
            if (catalogue.defaultCode().equals(code)) {
                throw new ConflictException("catalogue.entry.is_default", "'" + code + "' is the default "
                        + name(kind) + "; choose another default before deactivating it");
            }
            return replace(catalogue, entry.withActive(false));
        });
    }

    /**
     * Makes a deactivated entry available again.
     *
     * @param actor an Admin
     * @param kind  which catalogue
     * @param code  the entry
     * @return the changed catalogue
     */
    public Catalogue activate(Actor actor, CatalogueKind kind, String code) {
        return change(actor, kind, catalogue -> replace(catalogue, existing(catalogue, code).withActive(true)));
    }

    /**
     * Chooses the entry used when a new lead names none (requirement W1).
     *
     * @param actor an Admin
     * @param kind  which catalogue
     * @param code  an active entry
     * @return the changed catalogue
     */
    public Catalogue setDefault(Actor actor, CatalogueKind kind, String code) {
        return change(actor, kind, catalogue -> {
            if (!existing(catalogue, code).active()) {
                throw new ConflictException("catalogue.entry.inactive", "'" + code + "' is deactivated; activate it before making it the default "
                        + name(kind));
            }
            return new Catalogue(kind, catalogue.entries(), code, catalogue.version() + 1);
        });
    }

    /**
     * Deletes an entry that no lead holds, deleted leads included.
     *
     * @param actor an Admin
     * @param kind  which catalogue
     * @param code  the entry; not the default
     * @return the changed catalogue
     * @throws ConflictException {@code catalogue.entry.in_use} naming how many leads hold it
     */
    public Catalogue delete(Actor actor, CatalogueKind kind, String code) {
        return changeIn(actor, kind, (tx, catalogue) -> {
            existing(catalogue, code);
            if (catalogue.defaultCode().equals(code)) {
                throw new ConflictException("catalogue.entry.is_default", "'" + code + "' is the default "
                        + name(kind) + "; choose another default before deleting it");
            }
            long using = kind == CatalogueKind.CLOSE_REASON ? tx.leads().countWithCloseReason(code)
                    : tx.leads().countWithValue(kind == CatalogueKind.STATUS ? LeadField.STATUS : LeadField.SOURCE, code);
            if (using > 0) {
                throw new ConflictException("catalogue.entry.in_use", "'" + code + "' is held by " + using
                        + (using == 1 ? " lead" : " leads") + "; deactivate it instead, or change those leads first");
            }
            List<CatalogueEntry> entries = new ArrayList<>(catalogue.entries());
            entries.removeIf(e -> e.code().equals(code));
            return new Catalogue(kind, entries, catalogue.defaultCode(), catalogue.version() + 1);
        });
    }

    private Catalogue change(Actor actor, CatalogueKind kind, UnaryOperator<Catalogue> edit) {
        return changeIn(actor, kind, (tx, catalogue) -> edit.apply(catalogue));
    }

    private Catalogue changeIn(Actor actor, CatalogueKind kind,
                               java.util.function.BiFunction<StoreTransaction, Catalogue, Catalogue> edit) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        policy.require(actor, Right.MANAGE_SETTINGS);
        return store.inTransaction(tx -> {
            Catalogue changed = edit.apply(tx, current(tx, kind));
            tx.catalogues().save(changed);
            return changed;
        });
    }

    private static CatalogueEntry existing(Catalogue catalogue, String code) {
        Objects.requireNonNull(code, "code");
        return catalogue.entry(code).orElseThrow(() -> new NotFoundException(name(catalogue.kind()), code));
    }

    private static Catalogue replace(Catalogue catalogue, CatalogueEntry entry) {
        List<CatalogueEntry> entries = catalogue.entries().stream()
                .map(e -> e.code().equals(entry.code()) ? entry : e).toList();
        return new Catalogue(catalogue.kind(), entries, catalogue.defaultCode(), catalogue.version() + 1);
    }

    private static Optional<String> cleanLabel(String tag, String label, List<FieldError> errors) {
        Objects.requireNonNull(tag, "languageTag");
        Objects.requireNonNull(label, "label");
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            errors.add(new FieldError("labels", "catalogue.language.invalid",
                    "'" + tag + "' is not a language tag such as en, tr, lt, da or pt-BR"));
            return Optional.empty();
        }
        Texts.Result r = Texts.clean(label, false);
        if (r.problem().isPresent() || r.value().isEmpty() || Texts.length(r.value()) > MAX_LABEL_LENGTH) {
            errors.add(new FieldError("labels." + tag, "catalogue.label.invalid",
                    "a label is 1 to " + MAX_LABEL_LENGTH + " characters of text without control characters"));
            return Optional.empty();
        }
        return Optional.of(r.value());
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String name(CatalogueKind kind) {
        switch (kind) {
            case STATUS:
                return "status";
            case SOURCE:
                return "source";
            case CLOSE_REASON:
            default:
                return "close reason";
        }
    }
}
