package dev.leadkit.activity;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.access.Right;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance (K4): a user without view right can neither read nor post to the stream, nor download an attachment. */
class WithoutViewRightTest {

    private final Fixture f = new Fixture();

    @Test
    void aUserWithoutViewRightCanNeitherReadNorPostToTheStreamNorDownloadAnAttachmentAndTheErrorSaysWhichRightIsMissing() {
        StreamPost post = f.kit.stream().post(f.ayse, f.aysesLead.id(), "Sadece ekip görür.");
        Attachment file = f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "teklif.pdf", "application/pdf",
                new ByteArrayInputStream(new byte[] {1, 2, 3}));
        String lead = f.aysesLead.id().value();

        assertDeniedView(() -> f.kit.stream().list(f.emre, f.aysesLead.id()), lead);
        assertDeniedView(() -> f.kit.stream().post(f.emre, f.aysesLead.id(), "Merhaba"), lead);
        assertDeniedView(() -> f.kit.stream().post(f.emre, f.aysesLead.id(), "Aradım", Optional.of(LocalDate.of(2026, 3, 1))), lead);
        assertDeniedView(() -> f.kit.stream().comment(f.emre, post.id(), "Merhaba"), lead);
        assertDeniedView(() -> f.kit.attachments().open(f.emre, file.id()), lead);
        assertDeniedView(() -> f.kit.attachments().list(f.emre, f.aysesLead.id()), lead);

        assertThat(f.kit.stream().list(f.ayse, f.aysesLead.id())).containsExactly(post);
    }

    private static void assertDeniedView(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String leadId) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.right()).isEqualTo(Right.VIEW);
            assertThat(e.leadId()).contains(leadId);
            assertThat(e.actorId()).isEqualTo("emre");
            assertThat(e.code()).isEqualTo("access.denied");
            assertThat(e.getMessage()).contains("lacks the view right").contains("ask the owner for access");
        });
    }
}
