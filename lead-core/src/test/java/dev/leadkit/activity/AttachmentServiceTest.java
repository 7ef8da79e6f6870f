package dev.leadkit.activity;

import dev.leadkit.AccessDeniedException;
import dev.leadkit.FieldError;
import dev.leadkit.LeadKit;
import dev.leadkit.LeadKitException;
import dev.leadkit.ValidationException;
import dev.leadkit.access.Right;
import dev.leadkit.event.LeadEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentServiceTest {

    private final Fixture f = new Fixture(b -> b.maxAttachmentSize(1024));

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static List<String> codes(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::code).toList();
    }

    /** An endless stream that counts what was read from it. */
    private static final class Endless extends InputStream {
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            read.incrementAndGet();
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read.addAndGet(len);
            return len;
        }
    }

    @Test
    void anAttachmentKeepsItsBytesWithSizeAndSha256AsMessageDigestComputesThem() throws Exception {
        byte[] content = "Tilbud: 12.500 kr. — Søren Ærø 🚀".getBytes(StandardCharsets.UTF_8);
        Attachment offer = f.kit.attachments().attach(f.ayse, f.aysesLead.id(), " Tilbude\u0301 2026.pdf ",
                "Application/PDF", new ByteArrayInputStream(content));

        assertThat(offer.sha256()).isEqualTo(sha256(content));
        assertThat(offer.size()).isEqualTo(content.length);
        assertThat(offer.name()).isEqualTo("Tilbud\u00e9 2026.pdf");
        assertThat(offer.mediaType()).isEqualTo("application/pdf");
        assertThat(offer.uploadedBy()).isEqualTo("ayse");
        assertThat(offer.uploadedAt()).isEqualTo(Fixture.T0);
        assertThat(f.blobs.keys()).containsExactly(offer.blobKey());
        assertThat(f.kit.attachments().list(f.mehmet, f.aysesLead.id())).containsExactly(offer);
        try (AttachmentDownload download = f.kit.attachments().open(f.mehmet, offer.id())) {
            assertThat(download.attachment()).isEqualTo(offer);
            assertThat(download.readAllBytes()).isEqualTo(content);
        }
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.ATTACHMENT_ADDED);
            assertThat(entry.changes()).contains(FieldChange.of("attachment:" + offer.id() + ".sha256", null, sha256(content)));
        });
        assertThat(f.published(LeadEvent.AttachmentAdded.class)).hasSize(1);
    }

    @Test
    void anAttachmentOverTheSizeLimitIsRefusedWithoutReadingItAllAndNothingIsStored() {
        Endless endless = new Endless();
        assertThatThrownBy(() -> f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "big.bin",
                "application/octet-stream", endless))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(codes(e)).containsExactly("attachment.too_large");
                    assertThat(e.getMessage()).contains("1024 bytes").contains("1 KiB");
                });
        assertThat(endless.read.get()).isLessThanOrEqualTo(1025);
        assertThat(f.blobs.keys()).isEmpty();
        assertThat(f.kit.attachments().list(f.ayse, f.aysesLead.id())).isEmpty();
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).extracting(e -> e.action())
                .containsExactly(HistoryAction.CREATED);

        assertThatThrownBy(() -> f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "just-over.bin",
                "application/octet-stream", new ByteArrayInputStream(bytes(1025))))
                .isInstanceOf(ValidationException.class);
        Attachment atLimit = f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "at-limit.bin",
                "application/octet-stream", new ByteArrayInputStream(bytes(1024)));
        assertThat(atLimit.size()).isEqualTo(1024);
        Attachment empty = f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "empty.txt", "text/plain",
                new ByteArrayInputStream(new byte[0]));
        assertThat(empty.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(f.blobs.keys()).containsExactlyInAnyOrder(atLimit.blobKey(), empty.blobKey());
    }

    @Test
    void theDefaultLimitIs25MiBAndTheBuilderRefusesANonPositiveOne() {
        assertThat(LeadKit.builder().build().attachments().maxSize()).isEqualTo(25L * 1024 * 1024);
        assertThatThrownBy(() -> LeadKit.builder().maxAttachmentSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttachmentSize");
        assertThatThrownBy(() -> LeadKit.builder().maxAttachmentSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheMetadataTransactionFailsTheBlobIsDeletedAgain() {
        InMemoryBlobStore inner = BlobStore.inMemory();
        Fixture[] holder = new Fixture[1];
        BlobStore deletingTheLeadMeanwhile = new BlobStore() {
            @Override
            public Stored put(String key, InputStream content) {
                Stored stored = inner.put(key, content);
                holder[0].kit.leads().delete(holder[0].ayse, holder[0].aysesLead.id());
                return stored;
            }

            @Override
            public InputStream open(String key) {
                return inner.open(key);
            }

            @Override
            public boolean delete(String key) {
                return inner.delete(key);
            }
        };
        holder[0] = new Fixture(b -> b.blobs(deletingTheLeadMeanwhile));
        Fixture g = holder[0];

        assertThatThrownBy(() -> g.kit.attachments().attach(g.ayse, g.aysesLead.id(), "a.txt", "text/plain",
                new ByteArrayInputStream(bytes(10))))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        assertThat(inner.keys()).isEmpty();
        assertThat(g.kit.attachments().list(g.ayse, g.aysesLead.id())).isEmpty();
    }

    @Test
    void aBlobStoreThatStoresOtherBytesOrAStreamThatFailsLeavesNothing() {
        InMemoryBlobStore inner = BlobStore.inMemory();
        BlobStore lying = new BlobStore() {
            @Override
            public Stored put(String key, InputStream content) {
                Stored real = inner.put(key, content);
                return new Stored(real.size() - 1, real.sha256());
            }

            @Override
            public InputStream open(String key) {
                return inner.open(key);
            }

            @Override
            public boolean delete(String key) {
                return inner.delete(key);
            }
        };
        Fixture g = new Fixture(b -> b.blobs(lying));
        assertThatThrownBy(() -> g.kit.attachments().attach(g.ayse, g.aysesLead.id(), "a.txt", "text/plain",
                new ByteArrayInputStream(bytes(10))))
                .isInstanceOfSatisfying(LeadKitException.class, e -> assertThat(e.code()).isEqualTo("attachment.storage_failed"));
        assertThat(inner.keys()).isEmpty();

        InputStream broken = new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 1;
            }
        };
        assertThatThrownBy(() -> f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "a.txt", "text/plain", broken))
                .isInstanceOfSatisfying(LeadKitException.class, e -> assertThat(e.code()).isEqualTo("attachment.content.unreadable"));
        assertThat(f.blobs.keys()).isEmpty();
        assertThat(f.kit.attachments().list(f.ayse, f.aysesLead.id())).isEmpty();
    }

    @Test
    void namesAndMediaTypesAreCheckedBeforeAByteIsRead() {
        Endless never = new Endless();
        for (String name : List.of("../etc/passwd", "a\\b.txt", "..", "tab\there", "", "ø".repeat(256))) {
            assertThatThrownBy(() -> f.kit.attachments().attach(f.ayse, f.aysesLead.id(), name, "text/plain", never))
                    .as(name).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(codes(e)).singleElement().asString().startsWith("attachment.name."));
        }
        for (String type : List.of("pdf", "text/plain; charset=utf-8", "/plain", "text/", "a".repeat(64) + "/b")) {
            assertThatThrownBy(() -> f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "a.txt", type, never))
                    .as(type).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(codes(e)).containsExactly("attachment.media_type.invalid"));
        }
        assertThat(never.read.get()).isZero();
        assertThat(f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "ø".repeat(255), "image/svg+xml",
                new ByteArrayInputStream(bytes(1))).name()).hasSize(255);
    }

    @Test
    void attachingAndRemovingNeedEditWhileDownloadingNeedsView() throws Exception {
        Attachment file = f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "a.txt", "text/plain",
                new ByteArrayInputStream(bytes(5)));
        f.kit.access().grant(f.ayse, f.aysesLead.id(), "emre", Set.of(Right.VIEW));
        Endless never = new Endless();

        assertThatThrownBy(() -> f.kit.attachments().attach(f.emre, f.aysesLead.id(), "b.txt", "text/plain", never))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        assertThat(never.read.get()).isZero();
        assertThatThrownBy(() -> f.kit.attachments().remove(f.emre, file.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.right()).isEqualTo(Right.EDIT));
        try (AttachmentDownload download = f.kit.attachments().open(f.emre, file.id())) {
            assertThat(download.readAllBytes()).isEqualTo(bytes(5));
        }

        Attachment removed = f.kit.attachments().remove(f.mehmet, file.id());
        assertThat(removed).isEqualTo(file);
        assertThat(f.blobs.keys()).isEmpty();
        assertThat(f.kit.attachments().list(f.ayse, f.aysesLead.id())).isEmpty();
        assertThat(f.kit.leads().history(f.ayse, f.aysesLead.id())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.ATTACHMENT_REMOVED);
            assertThat(entry.actorId()).isEqualTo("mehmet");
        });
        assertThat(f.published(LeadEvent.AttachmentRemoved.class)).hasSize(1);
    }

    @Test
    void aDownloadWhoseBytesWereChangedInTheBlobStoreFails() {
        Attachment file = f.kit.attachments().attach(f.ayse, f.aysesLead.id(), "a.txt", "text/plain",
                new ByteArrayInputStream(bytes(100)));
        byte[] tampered = bytes(100);
        tampered[50] ^= 1;
        f.blobs.put(file.blobKey(), tampered);

        assertThatThrownBy(() -> {
            try (AttachmentDownload download = f.kit.attachments().open(f.ayse, file.id())) {
                download.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
    }
}
