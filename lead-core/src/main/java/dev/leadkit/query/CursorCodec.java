package dev.leadkit.query;

import dev.leadkit.ValidationException;
import dev.leadkit.lead.LeadId;
import dev.leadkit.store.LeadSelection;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Keyset cursors: the last row's sort values and id, and a digest of the query they belong to,
 * signed with HMAC-SHA256. Opaque to callers; a changed byte, another instance's key or another
 * query's cursor is refused with {@code query.cursor.invalid}.
 */
final class CursorCodec {

    private static final byte FORMAT = 1;
    private static final int DIGEST_BYTES = 16;
    private static final int MAC_BYTES = 32;

    private final SecretKeySpec key;

    CursorCodec(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** @return 32 random bytes for an instance that was given no key */
    static byte[] randomKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
            generator.init(256);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no HmacSHA256", e);
        }
    }

    /** @return a digest of the query shape a cursor belongs to: filter, search, order, flags */
    static byte[] shape(LeadSelection selection) {
        String text = selection.includeDeleted() + "\n" + selection.filter() + "\n" + selection.search() + "\n"
                + selection.order();
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
                    DIGEST_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    String encode(byte[] shape, LeadSelection.Position position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.write(shape);
            out.writeUTF(position.id().value());
            out.writeByte(position.values().size());
            for (Optional<Object> value : position.values()) {
                writeValue(out, value);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] signed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, signed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    LeadSelection.Position decode(String cursor, byte[] shape, int keys) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (signed.length < 1 + DIGEST_BYTES + MAC_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != FORMAT) {
                throw invalid();
            }
            byte[] digest = in.readNBytes(DIGEST_BYTES);
            if (!MessageDigest.isEqual(digest, shape)) {
                throw invalid();
            }
            LeadId id = LeadId.of(in.readUTF());
            int n = in.readByte();
            if (n != keys) {
                throw invalid();
            }
            List<Optional<Object>> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(readValue(in));
            }
            if (in.read() != -1) {
                throw invalid();
            }
            return new LeadSelection.Position(values, id);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException) {
                throw (ValidationException) e;
            }
            throw invalid();
        }
    }

    private static void writeValue(DataOutputStream out, Optional<Object> value) throws IOException {
        if (value.isEmpty()) {
            out.writeByte('E');
            return;
        }
        Object v = value.get();
        if (v instanceof String) {
            out.writeByte('S');
            byte[] utf8 = ((String) v).getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (v instanceof Instant) {
            out.writeByte('I');
            out.writeLong(((Instant) v).getEpochSecond());
            out.writeInt(((Instant) v).getNano());
        } else if (v instanceof LocalDate) {
            out.writeByte('D');
            out.writeLong(((LocalDate) v).toEpochDay());
        } else if (v instanceof BigDecimal) {
            out.writeByte('N');
            out.writeUTF(((BigDecimal) v).toString());
        } else if (v instanceof Boolean) {
            out.writeByte('B');
            out.writeBoolean((Boolean) v);
        } else {
            throw new IllegalArgumentException("not a sort value");
        }
    }

    private static Optional<Object> readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'E':
                return Optional.empty();
            case 'S': {
                int n = in.readInt();
                if (n < 0 || n > 1_000_000) {
                    throw invalid();
                }
                return Optional.of(new String(in.readNBytes(n), StandardCharsets.UTF_8));
            }
            case 'I':
                return Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt()));
            case 'D':
                return Optional.of(LocalDate.ofEpochDay(in.readLong()));
            case 'N':
                return Optional.of(new BigDecimal(in.readUTF()));
            case 'B':
                return Optional.of(in.readBoolean());
            default:
                throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no HmacSHA256", e);
        }
    }

    static ValidationException invalid() {
        return ValidationException.of("cursor", "query.cursor.invalid",
                "the cursor is not one this LeadKit instance issued for this query; start again from the first page");
    }
}
