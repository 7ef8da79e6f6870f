package dev.leadkit.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A post in a lead's stream, or a comment on one (requirement A2; seed 000's "Lead Akışı"). Users
 * who can view a lead write to its stream to talk about it. A <em>note</em> is a post; it may record
 * the date the lead was contacted, which status rules (W4) react to. Comments hang off a post, one
 * level deep. Immutable; only the author edits a post's text.
 *
 * <pre>{@code
 * StreamPost note = kit.stream().post(ayse, leadId, "Called: she wants an offer by Friday.",
 *         Optional.of(LocalDate.of(2026, 3, 2)));
 * kit.stream().comment(jonas, note.id(), "I'll prepare it.");
 * }</pre>
 *
 * @param id          the library-generated id
 * @param leadId      the lead whose stream it is in
 * @param parentId    the post commented on; empty for a post
 * @param authorId    who wrote it
 * @param text        NFC text, 1 to 10,000 characters; line breaks (LF) allowed, no other control characters
 * @param contactDate the date of contact this note records; only on posts, never on comments
 * @param createdAt   when it was written
 * @param editedAt    when its text last changed
 * @param version     1 when written, then one more after each edit
 * @since 0.1
 */
public record StreamPost(String id, String leadId, Optional<String> parentId, String authorId, String text,
                         Optional<LocalDate> contactDate, Instant createdAt, Optional<Instant> editedAt, long version) {

    /** Checks the invariants a stored post always satisfies. */
    public StreamPost {
        Inputs.requireId(id, "id");
        Inputs.requireId(leadId, "leadId");
        Objects.requireNonNull(parentId, "parentId");
        parentId.ifPresent(p -> Inputs.requireId(p, "parentId"));
        Inputs.requireId(authorId, "authorId");
        Inputs.requireCleanPostText(text);
        Objects.requireNonNull(contactDate, "contactDate");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(editedAt, "editedAt");
        if (parentId.isPresent() && contactDate.isPresent()) {
            throw new IllegalArgumentException("a comment records no contact date; a post does");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a stored post's version starts at 1");
        }
    }

    /** @return whether this is a comment on another post */
    public boolean isComment() {
        return parentId.isPresent();
    }

    /**
     * @param newText the new text, already cleaned
     * @param at      when it was edited
     * @return the next version
     */
    public StreamPost edited(String newText, Instant at) {
        return new StreamPost(id, leadId, parentId, authorId, newText, contactDate, createdAt, Optional.of(at), version + 1);
    }

    /** Names ids only: the text is personal data and stays out of logs. */
    @Override
    public String toString() {
        return "StreamPost[" + id + ", lead " + leadId + parentId.map(p -> ", on " + p).orElse("") + ", v" + version + "]";
    }
}
