package dev.leadkit.activity;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.ConflictException;
import dev.leadkit.FieldError;
import dev.leadkit.NotFoundException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.event.LeadEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamServiceTest {

    private final Fixture f = new Fixture();

    private static List<String> codes(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::code).toList();
    }

    @Test
    void aNoteKeepsItsLineBreaksRecordsItsContactDateAndTellsStatusRules() {
        LocalDate contacted = LocalDate.of(2026, 3, 1);
        StreamPost note = f.kit.stream().post(f.ayse, f.aysesLead.id(),
                "  Aradım.\r\nCafe\u0301de buluşalım dedi.\rPazartesi tekrar ara.  ", Optional.of(contacted));

        assertThat(note.text()).isEqualTo("Aradım.\nCaf\u00e9de buluşalım dedi.\nPazartesi tekrar ara.");
        assertThat(note.contactDate()).contains(contacted);
        assertThat(note.authorId()).isEqualTo("ayse");
        assertThat(note.createdAt()).isEqualTo(Fixture.T0);
        assertThat(note.isComment()).isFalse();
        assertThat(f.published(LeadEvent.NoteAdded.class)).containsExactly(new LeadEvent.NoteAdded(
                f.aysesLead.id().value(), "ayse", Fixture.T0, note.id(), Optional.of(contacted)));
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.POSTED);
            assertThat(entry.changes()).containsExactly(
                    FieldChange.of("post:" + note.id() + ".text", null, note.text()),
                    FieldChange.of("post:" + note.id() + ".contactDate", null, "2026-03-01"));
        });
    }

    @Test
    void aUserWithViewAloneWritesToTheStream() {
        f.kit.access().grant(f.ayse, f.aysesLead.id(), "emre", Set.of(Right.VIEW));
        StreamPost post = f.kit.stream().post(f.emre, f.aysesLead.id(), "Ben de tanıyorum, yardımcı olabilirim.");
        assertThat(f.kit.stream().list(f.ayse, f.aysesLead.id())).containsExactly(post);
    }

    @Test
    void aStreamPostEditedByAnyoneButItsAuthorIsRefused() {
        StreamPost post = f.kit.stream().post(f.ayse, f.aysesLead.id(), "Teklif gönderildi.");

        for (var other : List.of(f.mehmet, f.admin)) {
            assertThatThrownBy(() -> f.kit.stream().edit(other, post.id(), "Teklif iptal.", post.version()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.right()).isEqualTo(Right.EDIT);
                        assertThat(e.getMessage()).contains("edit").contains("only the author may edit a post");
                    });
        }
        assertThat(f.kit.stream().list(f.ayse, f.aysesLead.id())).containsExactly(post);

        f.clock.advance(Duration.ofMinutes(3));
        StreamPost edited = f.kit.stream().edit(f.ayse, post.id(), "Teklif gönderildi (v2).", post.version());
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.editedAt()).contains(Fixture.T0.plus(Duration.ofMinutes(3)));
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.POST_EDITED);
            assertThat(entry.changes()).containsExactly(
                    FieldChange.of("post:" + post.id() + ".text", "Teklif gönderildi.", "Teklif gönderildi (v2)."));
        });
        assertThat(f.published(LeadEvent.NoteEdited.class)).hasSize(1);
        assertThatThrownBy(() -> f.kit.stream().edit(f.ayse, post.id(), "Stale", post.version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stream_post.version.stale"));
        assertThat(f.kit.stream().edit(f.ayse, post.id(), " Teklif gönderildi (v2). ", 2)).isEqualTo(edited);
    }

    @Test
    void commentsFollowTheirPostAndACommentOnACommentJoinsTheThread() {
        StreamPost first = f.kit.stream().post(f.ayse, f.aysesLead.id(), "Birinci");
        f.clock.advance(Duration.ofSeconds(1));
        StreamPost second = f.kit.stream().post(f.mehmet, f.aysesLead.id(), "İkinci");
        f.clock.advance(Duration.ofSeconds(1));
        StreamPost onFirst = f.kit.stream().comment(f.mehmet, first.id(), "Birinciye yorum");
        f.clock.advance(Duration.ofSeconds(1));
        StreamPost reply = f.kit.stream().comment(f.ayse, onFirst.id(), "Yoruma cevap");

        assertThat(reply.parentId()).contains(first.id());
        assertThat(f.kit.stream().list(f.mehmet, f.aysesLead.id()))
                .containsExactly(first, onFirst, reply, second);
        assertThat(f.notified("stream.commented")).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo("ayse");
            assertThat(n.params()).containsEntry("commentId", onFirst.id()).containsEntry("by", "mehmet");
        });
        assertThat(f.published(LeadEvent.NoteAdded.class)).extracting(LeadEvent.NoteAdded::contactDate)
                .containsOnly(Optional.empty());
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.COMMENTED);
            assertThat(entry.changes()).contains(FieldChange.of("post:" + reply.id() + ".parent", null, first.id()));
        });
        assertThatThrownBy(() -> f.kit.stream().comment(f.ayse, "no-such-post", "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void postTextIsOneToTenThousandCharactersWithLineBreaksButNoOtherControlCharacters() {
        assertThatThrownBy(() -> f.kit.stream().post(f.ayse, f.aysesLead.id(), " \n "))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(codes(e)).containsExactly("stream.text.required"));
        assertThatThrownBy(() -> f.kit.stream().post(f.ayse, f.aysesLead.id(), "a\tb"))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(codes(e)).containsExactly("stream.text.invalid"));
        assertThatThrownBy(() -> f.kit.stream().post(f.ayse, f.aysesLead.id(), "bell\u0007"))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(codes(e)).containsExactly("stream.text.invalid"));
        assertThatThrownBy(() -> f.kit.stream().post(f.ayse, f.aysesLead.id(), "ø".repeat(10_001)))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(codes(e)).containsExactly("stream.text.too_long"));
        assertThat(f.kit.stream().post(f.ayse, f.aysesLead.id(), "🚀".repeat(10_000)).text()).hasSize(20_000);
        assertThatThrownBy(() -> f.kit.stream().post(f.ayse, f.aysesLead.id(), "Gelecek", Optional.of(LocalDate.of(2026, 3, 4))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("stream.contact_date.out_of_range"));
        assertThatThrownBy(() -> f.kit.stream().edit(f.ayse, f.kit.stream().list(f.ayse, f.aysesLead.id()).get(0).id(), "", 1))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aDeletedLeadsStreamIsReadOnly() {
        StreamPost post = f.kit.stream().post(f.ayse, f.aysesLead.id(), "Önce");
        f.kit.leads().delete(f.ayse, f.aysesLead.id());
        assertThatThrownBy(() -> f.kit.stream().post(f.ayse, f.aysesLead.id(), "Sonra"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lead.deleted"));
        assertThatThrownBy(() -> f.kit.stream().comment(f.ayse, post.id(), "Sonra"))
                .isInstanceOf(ConflictException.class);
        assertThat(f.kit.stream().list(f.ayse, f.aysesLead.id())).containsExactly(post);
    }
}
