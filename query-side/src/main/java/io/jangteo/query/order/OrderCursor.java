package io.jangteo.query.order;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * A place in an order list (newest first): the placement time and id of the order it points at, so the next page
 * continues after it even when orders are placed meanwhile. Opaque to clients.
 */
record OrderCursor(long placedAt, String orderId) {

    private static final int FORMAT = 1;

    @Override
    public String toString() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(placedAt);
            out.writeUTF(orderId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    static OrderCursor parse(String cursor) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            OrderCursor parsed = new OrderCursor(in.readLong(), in.readUTF());
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return parsed;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an order cursor: " + cursor, e);
        }
    }
}
