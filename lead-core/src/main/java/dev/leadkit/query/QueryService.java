package dev.leadkit.query;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.Actor;
import dev.leadkit.ConflictException;
import dev.leadkit.IdGenerator;
import dev.leadkit.InvalidTransitionException;
import dev.leadkit.LeadKitException;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.AccessPolicy;
import dev.leadkit.access.AccessService;
import dev.leadkit.access.Directory;
import dev.leadkit.access.Right;
import dev.leadkit.access.Role;
import dev.leadkit.access.User;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.Lead;
import dev.leadkit.lead.LeadField;
import dev.leadkit.lead.LeadId;
import dev.leadkit.lead.LeadService;
import dev.leadkit.lead.Texts;
import dev.leadkit.store.Criterion;
import dev.leadkit.store.LeadSelection;
import dev.leadkit.store.QueryField;
import dev.leadkit.store.Store;
import dev.leadkit.store.StoreTransaction;
import dev.leadkit.store.Visibility;
import dev.leadkit.workflow.Catalogue;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.CatalogueKind;
import dev.leadkit.workflow.CatalogueService;
import dev.leadkit.workflow.StatusCategory;
import dev.leadkit.workflow.WorkflowService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lists, searches, counts, saved views, the unhandled inbox and bulk actions (requirements Q1–Q7).
 * Every query carries the actor's visibility into the store's one query (Q7): a lead the actor
 * cannot view is never returned, counted or acted on. Field names and values are checked against
 * the standard and custom fields; a wrong one is a {@link ValidationException} naming the field
 * and what it allows. Thread-safe and stateless apart from the cursor key.
 *
 * <pre>{@code
 * LeadPage page = kit.queries().list(ayse, LeadQuery.builder()
 *         .where(Filter.eq("status", "new")).search("søren").pageSize(25).build());
 * LeadPage inbox = kit.queries().inbox(ayse);
 * BulkResult result = kit.queries().tag(ayse, BulkTarget.of(query), Set.of("fair-2026"));
 * }</pre>
 *
 * @since 0.3
 */
public final class QueryService {

    /** The bytes a cursor key has at least. */
    public static final int MIN_CURSOR_KEY_BYTES = 32;

    private final Store store;
    private final AccessPolicy policy;
    private final Directory directory;
    private final LeadService leads;
    private final AccessService access;
    private final WorkflowService workflow;
    private final Clock clock;
    private final IdGenerator ids;
    private final CursorCodec cursors;

    /**
     * @param store     where leads and views live
     * @param policy    who may see what
     * @param directory the host's users, for bulk transfers
     * @param leads     tags and deletes leads for bulk actions
     * @param access    transfers leads for bulk actions
     * @param workflow  moves leads for bulk actions
     * @param clock     the time source
     * @param ids       makes view ids
     * @param cursorKey the key cursors are signed with, at least {@value #MIN_CURSOR_KEY_BYTES} bytes;
     *                  empty for a random key (cursors then work with this instance only)
     */
    public QueryService(Store store, AccessPolicy policy, Directory directory, LeadService leads, AccessService access,
                        WorkflowService workflow, Clock clock, IdGenerator ids, Optional<byte[]> cursorKey) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.leads = Objects.requireNonNull(leads, "leads");
        this.access = Objects.requireNonNull(access, "access");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        byte[] key = cursorKey.orElseGet(CursorCodec::randomKey);
        if (key.length < MIN_CURSOR_KEY_BYTES) {
            throw new IllegalArgumentException("a cursor key has at least " + MIN_CURSOR_KEY_BYTES + " bytes");
        }
        this.cursors = new CursorCodec(key);
    }

    // ------------------------------------------------------------------ lists

    /**
     * One page of the leads a query matches among those the actor may view, with the total.
     *
     * @param actor who asks
     * @param query the query
     * @return the page
     * @throws ValidationException an unknown field, a wrong-typed value, a cursor not issued for this query
     */
    public LeadPage list(Actor actor, LeadQuery query) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(query, "query");
        Visibility visibility = policy.visibility(actor);
        return store.inTransaction(tx -> page(tx, compile(tx, visibility, query, Criterion.ALWAYS, List.of(),
                LeadQuery.DEFAULT_SEARCH_FIELDS, false), query));
    }

    /**
     * Hands every lead a query matches among those the actor may view to the consumer, page after
     * page in the query's order, for exports and batch jobs: pages follow by keyset position (as
     * {@link LeadPage#nextCursor()} does), each is read in its own short transaction, and no total
     * is counted, so a million leads cost one index range read per page and memory stays bounded
     * by the page size. A lead changed meanwhile is seen at most once; one added behind the
     * current position is not seen. The query's cursor, if any, is where the walk starts; its
     * offset applies to the first page only.
     *
     * <pre>{@code
     * long rows = kit.queries().forEachPage(admin, LeadQuery.builder().pageSize(1_000).build(),
     *         page -> page.forEach(writer::write));
     * }</pre>
     *
     * @param actor who asks
     * @param query the filter, search, sort and page size
     * @param pages receives each non-empty page, in order; an exception it throws stops the walk
     * @return how many leads were handed over
     * @throws ValidationException an unknown field, a wrong-typed value, a cursor not issued for this query
     */
    public long forEachPage(Actor actor, LeadQuery query, Consumer<List<Lead>> pages) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(pages, "pages");
        Visibility visibility = policy.visibility(actor);
        LeadSelection first = store.inTransaction(tx -> compile(tx, visibility, query, Criterion.ALWAYS, List.of(),
                LeadQuery.DEFAULT_SEARCH_FIELDS, false));
        LeadSelection selection = first;
        long handed = 0;
        while (true) {
            LeadSelection current = selection;
            List<Lead> found = store.inTransaction(tx -> tx.leads().select(current));
            if (!found.isEmpty()) {
                pages.accept(found);
                handed += found.size();
            }
            if (found.size() < current.limit()) {
                return handed;
            }
            selection = current.after(position(current, found.get(found.size() - 1)));
        }
    }

    /**
     * @param actor who asks
     * @param query the query; its paging is ignored
     * @return how many leads it matches among those the actor may view
     */
    public long count(Actor actor, LeadQuery query) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(query, "query");
        Visibility visibility = policy.visibility(actor);
        return store.inTransaction(tx -> tx.leads().count(compile(tx, visibility, query, Criterion.ALWAYS, List.of(),
                LeadQuery.DEFAULT_SEARCH_FIELDS, false)));
    }

    /**
     * The first page (50) of the unhandled inbox (Q6): leads without an owner in a status of the
     * OPEN category, newest lead date first.
     *
     * @param actor who asks; sees unassigned leads only with inbox access
     * @return the page
     */
    public LeadPage inbox(Actor actor) {
        return inbox(actor, LeadQuery.builder().build());
    }

    /**
     * The unhandled inbox (Q6), refined by a query: its filter, search, sort (default: newest lead
     * date first) and page apply on top.
     *
     * @param actor who asks
     * @param query refinements and the page
     * @return the page
     */
    public LeadPage inbox(Actor actor, LeadQuery query) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(query, "query");
        Visibility visibility = policy.visibility(actor);
        return store.inTransaction(tx -> {
            List<Object> open = new ArrayList<>();
            for (CatalogueEntry entry : CatalogueService.current(tx, CatalogueKind.STATUS).entries()) {
                if (entry.category().filter(StatusCategory.OPEN::equals).isPresent()) {
                    open.add(entry.code());
                }
            }
            Criterion unhandled = open.isEmpty() ? new Criterion.Or(List.of()) : new Criterion.And(List.of(
                    new Criterion.Match(QueryField.of(LeadField.OWNER), Criterion.Operator.EMPTY, List.of()),
                    Criterion.in(QueryField.of(LeadField.STATUS), open)));
            return page(tx, compile(tx, visibility, query, unhandled, List.of(), LeadQuery.DEFAULT_SEARCH_FIELDS, false),
                    query);
        });
    }

    private LeadSelection compile(StoreTransaction tx, Visibility visibility, LeadQuery query, Criterion extra,
                                  List<Sort> fallbackSort, List<String> fallbackSearch, boolean skipNonText) {
        QueryCompiler compiler = new QueryCompiler(tx.customFields().load());
        List<Criterion> parts = new ArrayList<>();
        Criterion own = compiler.filter(query.filter());
        if (!Criterion.ALWAYS.equals(own)) {
            parts.add(own);
        }
        if (!Criterion.ALWAYS.equals(extra)) {
            parts.add(extra);
        }
        if (!query.includeConverted()) {
            List<Object> converted = new ArrayList<>();
            Catalogue statuses = CatalogueService.current(tx, CatalogueKind.STATUS);
            for (CatalogueEntry entry : statuses.entries()) {
                if (entry.category().filter(StatusCategory.CONVERTED::equals).isPresent()) {
                    converted.add(entry.code());
                }
            }
            if (!converted.isEmpty()) {
                parts.add(Criterion.not(Criterion.in(QueryField.of(LeadField.STATUS), converted)));
            }
        }
        List<LeadSelection.Order> order = compiler.order(query.sort().isEmpty() ? fallbackSort : query.sort());
        boolean namedFields = !query.searchFields().isEmpty();
        Optional<LeadSelection.Search> search = compiler.search(query.search(),
                namedFields ? query.searchFields() : fallbackSearch, skipNonText && !namedFields);
        LeadSelection selection = new LeadSelection(visibility, query.includeDeleted(), Criterion.and(parts), search,
                order, Optional.empty(), query.offset(), query.pageSize());
        if (query.cursor().isPresent()) {
            selection = selection.after(cursors.decode(query.cursor().get(), CursorCodec.shape(selection), order.size()));
        }
        return selection;
    }

    private LeadPage page(StoreTransaction tx, LeadSelection selection, LeadQuery query) {
        List<Lead> found = tx.leads().select(selection);
        long total = tx.leads().count(selection);
        return new LeadPage(found, total, nextCursor(selection, found));
    }

    private Optional<String> nextCursor(LeadSelection selection, List<Lead> found) {
        if (found.size() < selection.limit()) {
            return Optional.empty();
        }
        return Optional.of(cursors.encode(CursorCodec.shape(selection), position(selection, found.get(found.size() - 1))));
    }

    static LeadSelection.Position position(LeadSelection selection, Lead last) {
        List<Optional<Object>> values = new ArrayList<>();
        for (LeadSelection.Order o : selection.order()) {
            values.add(SortKey.of(last, o.field()));
        }
        return new LeadSelection.Position(values, last.id());
    }

    // ------------------------------------------------------------------ views

    /**
     * Saves a new view, owned by the actor (Q5).
     *
     * @param actor      who saves it; any active user
     * @param name       its name, 1 to {@value SavedView#MAX_NAME} characters
     * @param definition filter, columns and sort; every field name is checked
     * @param team       the team to share it with (the actor's own team; an Admin's any team), or empty
     * @return the view
     */
    public SavedView createView(Actor actor, String name, ViewDefinition definition, Optional<String> team) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(team, "team");
        User user = policy.activeUser(actor, Right.VIEW, null);
        String clean = cleanName(name);
        checkTeam(user, team);
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            check(tx, definition);
            SavedView view = new SavedView(ids.next(), 1, clean, user.id(), team, definition, now, now);
            tx.views().insert(view);
            return view;
        });
    }

    /**
     * Changes a view: its name, definition and sharing. Only its owner (or an Admin) may.
     *
     * @param actor           who changes it
     * @param viewId          the view
     * @param name            the new name
     * @param definition      the new definition
     * @param team            the team to share it with, or empty for private
     * @param expectedVersion the version the caller saw
     * @return the changed view
     * @throws NotFoundException     when the actor cannot see such a view
     * @throws AccessDeniedException when the actor sees it but does not own it
     * @throws ConflictException     {@code view.version.stale}
     */
    public SavedView updateView(Actor actor, String viewId, String name, ViewDefinition definition,
                                Optional<String> team, long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(viewId, "viewId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(team, "team");
        User user = policy.activeUser(actor, Right.VIEW, null);
        String clean = cleanName(name);
        checkTeam(user, team);
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            SavedView current = owned(tx, actor, user, viewId);
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("view", viewId, expectedVersion, current.version());
            }
            check(tx, definition);
            SavedView next = new SavedView(viewId, current.version() + 1, clean, current.ownerId(), team, definition,
                    current.createdAt(), now);
            tx.views().update(next);
            return next;
        });
    }

    /**
     * Deletes a view. Only its owner (or an Admin) may.
     *
     * @param actor           who deletes it
     * @param viewId          the view
     * @param expectedVersion the version the caller saw
     */
    public void deleteView(Actor actor, String viewId, long expectedVersion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(viewId, "viewId");
        User user = policy.activeUser(actor, Right.VIEW, null);
        store.inTransaction(tx -> {
            SavedView current = owned(tx, actor, user, viewId);
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("view", viewId, expectedVersion, current.version());
            }
            tx.views().delete(viewId, expectedVersion);
            return null;
        });
    }

    /**
     * @param actor  who asks
     * @param viewId a view
     * @return the view, when the actor owns it or it is shared with their team
     * @throws NotFoundException otherwise
     */
    public SavedView view(Actor actor, String viewId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(viewId, "viewId");
        User user = policy.activeUser(actor, Right.VIEW, null);
        return store.inTransaction(tx -> visible(tx, user, viewId));
    }

    /**
     * @param actor who asks
     * @return the views the actor owns and those shared with their team, by name
     */
    public List<SavedView> views(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        User user = policy.activeUser(actor, Right.VIEW, null);
        return store.inTransaction(tx -> tx.views().visibleTo(user.id(), user.teamId()));
    }

    /**
     * Applies a view (Q1, Q5): its filter and sort, a search across its text columns, and rows
     * holding exactly its columns in its order.
     *
     * @param actor  who asks; the owner, or a member of the team it is shared with
     * @param viewId the view
     * @param page   the page, a search, and filters added to the view's (its sort, when given,
     *               replaces the view's)
     * @return the page of rows
     */
    public ViewPage applyView(Actor actor, String viewId, LeadQuery page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(viewId, "viewId");
        Objects.requireNonNull(page, "page");
        User user = policy.activeUser(actor, Right.VIEW, null);
        Visibility visibility = policy.visibility(actor);
        return store.inTransaction(tx -> {
            SavedView view = visible(tx, user, viewId);
            ViewDefinition def = view.definition();
            QueryCompiler compiler = new QueryCompiler(tx.customFields().load());
            List<QueryField> columns = new ArrayList<>();
            for (String column : def.columns()) {
                columns.add(compiler.field(column));
            }
            Criterion viewFilter = compiler.filter(def.filter());
            LeadSelection selection = compile(tx, visibility, page, viewFilter, def.sort(), def.columns(), true);
            LeadPage leadPage = page(tx, selection, page);
            List<ViewRow> rows = new ArrayList<>();
            for (Lead lead : leadPage.leads()) {
                List<String> values = new ArrayList<>(columns.size());
                for (QueryField column : columns) {
                    values.add(cell(lead, column));
                }
                rows.add(new ViewRow(lead.id(), lead.version(), values));
            }
            return new ViewPage(def.columns(), rows, leadPage.total(), leadPage.nextCursor());
        });
    }

    static String cell(Lead lead, QueryField field) {
        switch (field.origin()) {
            case STANDARD:
                return lead.get(field.standardField().orElseThrow()).orElse("");
            case RECORD:
                switch (field.key()) {
                    case "createdAt":
                        return lead.createdAt().toString();
                    case "updatedAt":
                        return lead.updatedAt().toString();
                    case "statusSince":
                        return lead.statusSince().toString();
                    case "createdBy":
                        return lead.createdBy();
                    default:
                        return lead.closeReason().orElse("");
                }
            case TAGS:
                return String.join(",", lead.tags());
            case CUSTOM:
            default:
                return lead.custom(field.key()).map(FieldValue::canonical).orElse("");
        }
    }

    private void check(StoreTransaction tx, ViewDefinition definition) {
        QueryCompiler compiler = new QueryCompiler(tx.customFields().load());
        compiler.filter(definition.filter());
        for (String column : definition.columns()) {
            compiler.field(column);
        }
        for (String column : definition.hidden()) {
            compiler.field(column);
        }
        compiler.order(definition.sort());
    }

    private SavedView visible(StoreTransaction tx, User user, String viewId) {
        Optional<SavedView> view = tx.views().find(viewId);
        if (view.isEmpty() || !(view.get().ownerId().equals(user.id())
                || view.get().team().isPresent() && view.get().team().equals(user.teamId()))) {
            throw new NotFoundException("view", viewId);
        }
        return view.get();
    }

    private SavedView owned(StoreTransaction tx, Actor actor, User user, String viewId) {
        if (user.hasRole(Role.ADMIN)) {
            return tx.views().find(viewId).orElseThrow(() -> new NotFoundException("view", viewId));
        }
        SavedView view = visible(tx, user, viewId);
        if (!view.ownerId().equals(user.id())) {
            throw new AccessDeniedException(actor, Right.EDIT, null, "only a saved view's owner or an Admin changes it");
        }
        return view;
    }

    private static void checkTeam(User user, Optional<String> team) {
        if (team.isPresent() && !user.hasRole(Role.ADMIN) && !team.equals(user.teamId())) {
            throw ValidationException.of("team", "view.team.not_member",
                    "a view is shared with its owner's own team (an Admin may share with any team)");
        }
    }

    private static String cleanName(String name) {
        Objects.requireNonNull(name, "name");
        Texts.Result clean = Texts.clean(name, false);
        if (clean.problem().isPresent() || clean.value().isEmpty() || Texts.length(clean.value()) > SavedView.MAX_NAME) {
            throw ValidationException.of("name", "view.name.invalid",
                    "a view name is 1 to " + SavedView.MAX_NAME + " characters without control characters");
        }
        return clean.value();
    }

    // ------------------------------------------------------------------ bulk actions

    /**
     * Transfers each lead to another owner (P7), each in its own transaction.
     *
     * @param actor      who transfers; needs TRANSFER on each lead
     * @param target     the leads
     * @param newOwnerId an active user
     * @param keepAccess whether each former owner keeps view access
     * @return one outcome per lead
     * @throws ValidationException {@code access.user.unknown} before anything is done
     */
    public BulkResult transfer(Actor actor, BulkTarget target, String newOwnerId, boolean keepAccess) {
        Objects.requireNonNull(newOwnerId, "newOwnerId");
        if (directory.user(newOwnerId).filter(User::active).isEmpty()) {
            throw ValidationException.of("newOwnerId", "access.user.unknown", "newOwnerId names no active user of the directory");
        }
        return bulk(actor, target, id -> access.transfer(actor, id, newOwnerId, keepAccess));
    }

    /**
     * Adds tags to each lead (A5), each in its own transaction.
     *
     * @param actor  who tags; needs TAG on each lead
     * @param target the leads
     * @param tags   the tags to add, at least one
     * @return one outcome per lead
     */
    public BulkResult tag(Actor actor, BulkTarget target, Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.isEmpty()) {
            throw ValidationException.of("tags", "bulk.tags.empty", "name at least one tag to add");
        }
        return bulk(actor, target, id -> leads.tag(actor, id, tags));
    }

    /**
     * Moves each lead to a status by hand (an open or working one; the transition table applies),
     * each in its own transaction.
     *
     * @param actor  who moves; needs EDIT on each lead
     * @param target the leads
     * @param status the target status
     * @return one outcome per lead
     */
    public BulkResult setStatus(Actor actor, BulkTarget target, String status) {
        Objects.requireNonNull(status, "status");
        return bulk(actor, target, id -> {
            Lead current = leads.get(actor, id);
            if (current.status().equals(status)) {
                return current;
            }
            return workflow.move(actor, id, status, current.version());
        });
    }

    /**
     * Soft-deletes each lead, each in its own transaction.
     *
     * @param actor  who deletes; needs DELETE on each lead
     * @param target the leads
     * @return one outcome per lead
     */
    public BulkResult delete(Actor actor, BulkTarget target) {
        return bulk(actor, target, id -> leads.delete(actor, id));
    }

    private BulkResult bulk(Actor actor, BulkTarget target, Function<LeadId, Lead> action) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        policy.activeUser(actor, Right.VIEW, null);
        List<LeadId> targets = target.query().isPresent() ? selection(actor, target.query().get()) : target.ids();
        List<BulkOutcome> outcomes = new ArrayList<>(targets.size());
        for (LeadId id : targets) {
            outcomes.add(once(id, action));
        }
        return new BulkResult(outcomes);
    }

    private static BulkOutcome once(LeadId id, Function<LeadId, Lead> action) {
        try {
            action.apply(id);
            return new BulkOutcome(id, BulkOutcome.Result.DONE, Optional.empty());
        } catch (AccessDeniedException | NotFoundException e) {
            return new BulkOutcome(id, BulkOutcome.Result.DENIED, Optional.of(e.code()));
        } catch (ConflictException | InvalidTransitionException e) {
            return new BulkOutcome(id, BulkOutcome.Result.CONFLICT, Optional.of(e.code()));
        } catch (ValidationException e) {
            return new BulkOutcome(id, BulkOutcome.Result.CONFLICT, Optional.of(e.errors().get(0).code()));
        } catch (LeadKitException e) {
            return new BulkOutcome(id, BulkOutcome.Result.CONFLICT, Optional.of(e.code()));
        }
    }

    /** Every lead the query matches now, read page by page on the keyset; at most BulkTarget.MAX_LEADS. */
    private List<LeadId> selection(Actor actor, LeadQuery query) {
        Visibility visibility = policy.visibility(actor);
        LeadQuery all = query.unpaged(LeadSelection.MAX_LIMIT);
        LeadSelection page = store.inTransaction(tx -> compile(tx, visibility, all, Criterion.ALWAYS, List.of(),
                LeadQuery.DEFAULT_SEARCH_FIELDS, false));
        List<LeadId> found = new ArrayList<>();
        while (true) {
            LeadSelection current = page;
            List<Lead> batch = store.inTransaction(tx -> tx.leads().select(current));
            for (Lead lead : batch) {
                found.add(lead.id());
            }
            if (found.size() > BulkTarget.MAX_LEADS) {
                throw ValidationException.of("query", "bulk.too_many",
                        "a bulk action acts on at most " + BulkTarget.MAX_LEADS + " leads; narrow the query");
            }
            if (batch.size() < current.limit()) {
                return found;
            }
            page = current.after(position(current, batch.get(batch.size() - 1)));
        }
    }
}
