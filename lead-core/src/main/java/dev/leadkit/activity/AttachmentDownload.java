package dev.leadkit.activity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment opened for download: its metadata (for the file name and media type of a
 * response) and a stream of its bytes. The stream checks size and SHA-256 when it reaches the end
 * and throws an {@link IOException} if the blob store returned other bytes than were attached.
 * Close it when done.
 *
 * <pre>{@code
 * try (AttachmentDownload file = kit.attachments().open(actor, attachmentId)) {
 *     response.setContentType(file.attachment().mediaType());
 *     file.content().transferTo(response.getOutputStream());
 * }
 * }</pre>
 *
 * @param attachment the attachment's metadata
 * @param content    its bytes; read once
 * @since 0.1
 */
public record AttachmentDownload(Attachment attachment, InputStream content) implements AutoCloseable {

    /** Checks the components. */
    public AttachmentDownload {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(content, "content");
    }

    /**
     * Reads every byte, verified.
     *
     * @return the bytes
     * @throws IOException when reading fails or the bytes do not match the attachment's checksum
     */
    public byte[] readAllBytes() throws IOException {
        return content.readAllBytes();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
